/** The documents a batch covers: files named on the command line and story files under directories. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError, UsageError } from '../engine/errors.js';
import type { InputFormat } from '../engine/types.js';
import { STORY_EXTENSIONS } from '../ingest/extensions.js';

export interface InputFile {
  path: string;
  size: number;
}

/** Formats a directory walk picks up (by extension); `ao3` downloads are `.html`. */
export const BATCH_FORMATS: readonly InputFormat[] = ['txt', 'md', 'html', 'epub', 'docx'];

export { STORY_EXTENSIONS } from '../ingest/extensions.js';

/** Parses `--format txt,epub`; undefined means every format storylens reads. */
export function parseFormats(list: string | undefined): ReadonlySet<InputFormat> {
  if (list === undefined) return new Set(BATCH_FORMATS);
  const formats = new Set<InputFormat>();
  for (const raw of list.split(',')) {
    const f = raw.trim().toLowerCase();
    if (!f) continue;
    if (!(BATCH_FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`unknown --format "${f}" (choose from ${BATCH_FORMATS.join(', ')})`);
    }
    formats.add(f as InputFormat);
  }
  if (formats.size === 0) throw new UsageError('--format names no format');
  return formats;
}

async function walk(dir: string, formats: ReadonlySet<InputFormat>, out: InputFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // Hidden files and folders (.git, .DS_Store, editor swap files) are never stories.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, formats, out);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const format = STORY_EXTENSIONS[extname(entry.name).toLowerCase()];
      if (format === undefined || !formats.has(format)) continue;
      const st = await stat(path).catch(() => undefined);
      if (st?.isFile()) out.push({ path, size: st.size });
    }
  }
}

/**
 * Lists the inputs, largest first: with one document per task, starting the longest ones first
 * keeps every worker busy to the end instead of leaving one novel running alone (LPT scheduling).
 * A file named explicitly is taken whatever its extension (its content is sniffed).
 */
export async function listInputs(
  inputs: readonly string[],
  formats: ReadonlySet<InputFormat>,
): Promise<InputFile[]> {
  const found: InputFile[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => undefined);
    if (!st) throw new InputError(`cannot read "${input}": no such file or directory`);
    if (st.isDirectory()) await walk(input, formats, found);
    else found.push({ path: input, size: st.size });
  }
  const unique = [...new Map(found.map((f) => [f.path, f])).values()];
  return unique.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
