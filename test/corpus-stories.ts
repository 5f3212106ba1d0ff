/**
 * Short generated stories for the corpus tests: the project's own sentences, recombined by a seeded
 * generator, so a test can ask for a dozen different documents of a chosen length.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CASTS: readonly (readonly [string, string, string])[] = [
  ['Mara Quill', 'Tobias Fenn', 'Aunt Hesper'],
  ['Ivo Brandt', 'Lotte Varga', 'Captain Ames'],
  ['Nell Okafor', 'Rupert Slade', 'Mrs. Tamsin'],
  ['Edda Lorne', 'Felix Marsh', 'Old Corwin'],
];

const NARRATION = [
  '{a} crossed the yard with the lantern held low.',
  'The rain had stopped by the time {b} reached the gate.',
  '{c} watched them both from the window and said nothing.',
  'Somewhere below the cliff the tide was turning.',
  '{a} folded the letter twice and put it away.',
  'The kitchen smelled of smoke and wet wool.',
  '{b} counted the coins on the table, then counted them again.',
];

const DIALOGUE = [
  '“You should have told me,” said {a}.',
  '“I meant to,” {b} said. “There was never a good hour for it.”',
  '“Sit down, both of you,” said {c}, “before the soup goes cold.”',
  '{a} looked up. “Is the boat still at the quay?”',
  '“It left at noon,” said {b}.',
  '“Then we wait,” {c} said quietly.',
  '“Wait for what?” asked {a}.',
];

const BREAK = '* * *';

function generator(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** A story of about `paragraphs` paragraphs, different for every seed. */
export function story(seed: number, paragraphs: number): string {
  const next = generator(seed + 1);
  const [a, b, c] = CASTS[seed % CASTS.length]!;
  const fill = (s: string): string => s.replaceAll('{a}', a).replaceAll('{b}', b).replaceAll('{c}', c);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out = [`Story ${seed + 1}`];
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 40 === 0) out.push(BREAK);
    if (next() < 0.5) out.push(fill(pick(DIALOGUE)));
    else out.push(`${fill(pick(NARRATION))} ${fill(pick(NARRATION))}`);
  }
  return `${out.join('\n\n')}\n`;
}

/** A temporary folder removed after `body`, whatever it does. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'storylens-corpus-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `count` stories into `dir/stories/` (story-00.txt …) and returns their paths. */
export async function writeCorpus(dir: string, count: number, paragraphs = 30): Promise<string[]> {
  const folder = join(dir, 'stories');
  await mkdir(folder, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(folder, `story-${String(i).padStart(2, '0')}.txt`);
    await writeFile(path, story(i, paragraphs + i * 3));
    paths.push(path);
  }
  return paths;
}

/** The bytes of a PNG header: a file that is not a story whatever its extension says. */
export const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);

/** The SQL blocks of the README's Corpus section: the research questions users copy. */
export async function readmeQueries(): Promise<string[]> {
  const readme = await readFile(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Corpus\n'));
  const end = section.indexOf('\n## ', 1);
  return [...(end > 0 ? section.slice(0, end) : section).matchAll(/```sql\n([\s\S]*?)```/g)].map((m) =>
    m[1]!.trim().replace(/;$/, ''),
  );
}
