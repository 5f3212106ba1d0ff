import { readFileSync } from 'node:fs';
import { UsageError } from '../engine/errors.js';
import type { GivenCharacter, GivenQuotation } from '../engine/stage.js';

/** Reads `--characters <file.json>`: `[{id, name, aliases[]}]` (extra fields such as gender are kept). */
export function readGivenCast(path: string): GivenCharacter[] {
  const data = readJson(path, '--characters');
  if (!Array.isArray(data))
    throw new UsageError(`--characters ${path}: expected a JSON array of {id, name, aliases}`);
  return data.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null) {
      throw new UsageError(`--characters ${path}: entry ${i} is not an object`);
    }
    const e = entry as Record<string, unknown>;
    const id = e.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new UsageError(`--characters ${path}: entry ${i} has no string or number "id"`);
    }
    const name = typeof e.name === 'string' ? e.name : String(id);
    const aliases = Array.isArray(e.aliases)
      ? e.aliases.filter((a): a is string => typeof a === 'string')
      : [];
    const character: GivenCharacter = { id, name, aliases };
    if (typeof e.gender === 'string') character.gender = e.gender;
    return character;
  });
}

/** Reads `--quotes <file.json|file.jsonl>`: `{id, spans: [[start, end], …]}` per quotation. */
export function readGivenQuotes(path: string): GivenQuotation[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `--quotes ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let items: unknown[];
  const trimmed = raw.trimStart();
  try {
    items = trimmed.startsWith('[')
      ? (JSON.parse(raw) as unknown[])
      : raw
          .split('\n')
          .filter((line) => line.trim().length > 0)
          .map((line) => JSON.parse(line) as unknown);
  } catch (e) {
    throw new UsageError(`--quotes ${path}: not valid JSON or JSON Lines (${(e as Error).message})`);
  }
  return items.map((item, i) => {
    const q = item as Record<string, unknown>;
    const spans = q.spans;
    if (
      !Array.isArray(spans) ||
      spans.length === 0 ||
      !spans.every(
        (s) =>
          Array.isArray(s) &&
          s.length === 2 &&
          Number.isInteger(s[0]) &&
          Number.isInteger(s[1]) &&
          s[0] <= s[1],
      )
    ) {
      throw new UsageError(
        `--quotes ${path}: quotation ${i} needs "spans": [[start, end], …] with start <= end`,
      );
    }
    const id = typeof q.id === 'string' || typeof q.id === 'number' ? String(q.id) : `Q${i}`;
    return { id, spans: (spans as [number, number][]).map(([s, e]) => [s, e] as [number, number]) };
  });
}

function readJson(path: string, flag: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `${flag} ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`${flag} ${path}: not valid JSON (${(e as Error).message})`);
  }
}
