import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reader for the Project Dialogism Novel Corpus (Vishnubhotla, Hammond & Hirst, LREC 2022) as
 * converted in `../shared/data/pdnc`: one folder per novel with `text.txt`, `characters.json` and
 * `quotes.jsonl`. The corpus is read where it lies and never copied into the project.
 */

export interface PdncCharacter {
  id: number;
  name: string;
  aliases: string[];
  /** M, F, U or X. */
  gender: string;
  /** major, intermediate or minor. */
  category: string;
}

export interface PdncQuotation {
  id: string;
  /** Offsets into `text.txt`, without the quotation marks; several when narration interrupts. */
  spans: [number, number][];
  speaker: number;
  addressees: number[];
  type: 'Explicit' | 'Anaphoric' | 'Implicit' | null;
  referringExpression: string | null;
}

export interface PdncNovel {
  /** Folder name, e.g. `PrideAndPrejudice`. */
  name: string;
  text: string;
  characters: PdncCharacter[];
  quotations: PdncQuotation[];
}

/** Whether `dir` exists and is readable. */
export async function pdncAvailable(dir: string): Promise<boolean> {
  try {
    await access(dir);
    return true;
  } catch {
    return false;
  }
}

/** Names of the novel folders in `dir` (those holding a `text.txt`), sorted; [] when `dir` is absent. */
export async function listPdncNovels(dir: string): Promise<string[]> {
  if (!(await pdncAvailable(dir))) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries) {
    if (e.isDirectory() && (await pdncAvailable(join(dir, e.name, 'text.txt')))) names.push(e.name);
  }
  return names.sort();
}

export async function loadPdncNovel(dir: string, name: string): Promise<PdncNovel> {
  const folder = join(dir, name);
  const [text, characters, quotes] = await Promise.all([
    readFile(join(folder, 'text.txt'), 'utf8'),
    readFile(join(folder, 'characters.json'), 'utf8').catch(() => '[]'),
    readFile(join(folder, 'quotes.jsonl'), 'utf8').catch(() => ''),
  ]);
  const quotations = quotes
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as PdncQuotation);
  return { name, text, characters: JSON.parse(characters) as PdncCharacter[], quotations };
}
