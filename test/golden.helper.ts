/**
 * Golden fixtures: the cases, how each is analysed, and how results are written and compared.
 * Shared by test/golden.test.ts and scripts/update-fixtures.ts (`npm run fixtures:update`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnalysisResult, createEngine, ingestFile } from '../src/index.js';

/** The package root, from dist/test/ (or dist/scripts/). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = join(ROOT, 'test', 'fixtures', 'golden');
/** The bundled sample story is a case too; its input stays in samples/ rather than being copied. */
const SAMPLE_CASE = 'sample-story';
const SAMPLE_INPUT = join(ROOT, 'samples', 'the-lighthouse-keepers-daughter.txt');

export interface GoldenCase {
  name: string;
  input: string;
  expected: string;
}

/** Every folder of test/fixtures/golden with an `input.*` file, and the sample story. */
export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(GOLDEN_DIR, d.name);
      const input =
        d.name === SAMPLE_CASE ? SAMPLE_INPUT : readdirSync(dir).find((f) => f.startsWith('input.'));
      if (input === undefined) throw new Error(`golden case ${d.name} has no input.* file`);
      return {
        name: d.name,
        input: d.name === SAMPLE_CASE ? input : join(dir, input),
        expected: join(dir, 'expected.json'),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function hasExpected(c: GoldenCase): boolean {
  return existsSync(c.expected);
}

const engine = createEngine();

/** The full result for a case, with the file's base name as the source name (not a machine's path). */
export async function analyseCase(c: GoldenCase): Promise<AnalysisResult> {
  const source = await ingestFile(c.input);
  return engine.analyze({ ...source, name: basename(c.input) });
}

/**
 * What is compared: the whole result except `engine.version`, which changes with every release
 * without the analysis changing. Everything else — offsets, ids, attributions, scenes, emotion
 * figures — is compared exactly, so any real change in the output fails the test and is reviewed
 * in the diff of `npm run fixtures:update`.
 */
export function comparable(result: AnalysisResult): unknown {
  const copy = JSON.parse(JSON.stringify(result)) as { engine: { version?: string } };
  delete copy.engine.version;
  return copy;
}

/**
 * JSON for review in a diff: indented objects, but an array of numbers or short strings (a span,
 * a list of ids, the emotion arc) on one line.
 */
export function formatGolden(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isFlat)) {
      const line = `[${value.map((v) => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v))).join(', ')}]`;
      if (line.length <= 100 || value.every((v) => typeof v === 'number')) return line;
    }
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** A number, a short string, null, or a pair of numbers (a span). */
function isFlat(v: unknown): boolean {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return true;
  if (typeof v === 'string') return v.length <= 40;
  return Array.isArray(v) && v.length <= 2 && v.every((x) => typeof x === 'number');
}
