/**
 * Maps one analysis result to the rows of the corpus tables (corpus/schema.ts). Pure, so the same
 * rows go to SQLite and PostgreSQL, and it runs in the worker thread beside the analysis.
 *
 * The result keeps growing (scenes, emotion, network and stats are being extended), so every part
 * that is not a fixed field of the contract is read defensively: a missing or differently shaped
 * part maps to no rows, never to an error. The full JSON is stored beside the rows regardless.
 */
import type { AnalysisResult } from '../engine/result.js';
import { type ChildTable, rowColumns, table } from './schema.js';

export type SqlValue = string | number | boolean | null;

/** The `documents` row without its surrogate id. */
export interface DocumentFields {
  hash: string;
  name: string;
  format: string | null;
  encoding: string | null;
  title: string | null;
  author: string | null;
  language: string | null;
  length: number | null;
  words: number | null;
  characters: number;
  quotations: number;
  scenes: number;
  engine_version: string;
  result_schema_version: string;
  analysis_ms: number | null;
}

/** Everything stored for one document: its row, the JSON, and the child rows in column order. */
export interface DocumentRecord {
  document: DocumentFields;
  json: string;
  rows: Record<ChildTable, SqlValue[][]>;
}

type Row = Record<string, SqlValue>;

/** Column names of `documents` without its id, in the order `documentValues` gives. */
export const DOCUMENT_COLUMNS: readonly string[] = table('documents')
  .columns.filter((c) => c.type !== 'id')
  .map((c) => c.name);

/** The `documents` row in `DOCUMENT_COLUMNS` order; `analysedAt` is the store's write time. */
export function documentValues(d: DocumentFields, analysedAt: string): SqlValue[] {
  const byName: Record<string, SqlValue> = { ...d, analysed_at: analysedAt };
  return DOCUMENT_COLUMNS.map((c) => {
    const v = byName[c];
    if (v === undefined) throw new Error(`documents.${c} has no value`);
    return v;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Resolves a character reference in a part of the result to the character's id as text. Parts
 * written from the layers may still hold character *indices*: a number that is not itself an id of
 * the cast (ids are `C0` … unless a cast with numeric ids was given) is read as an index.
 */
function characterResolver(ids: readonly (string | number)[]): (ref: unknown) => string | null {
  const numericIds = ids.some((id) => typeof id === 'number');
  return (ref) => {
    if (typeof ref === 'string') return ref;
    if (typeof ref !== 'number' || ref < 0) return null;
    if (!numericIds && Number.isInteger(ref)) {
      const id = ids[ref];
      return id === undefined ? null : String(id);
    }
    return String(ref);
  };
}

function ordered(table: ChildTable, rows: Row[]): SqlValue[][] {
  const columns = rowColumns(table);
  return rows.map((r) => columns.map((c) => r[c] ?? null));
}

/** Numeric statistics, nested objects flattened with dots (two levels); arrays stay in the JSON. */
function statRows(stats: unknown): Row[] {
  const rows: Row[] = [];
  const walk = (prefix: string, value: unknown, depth: number): void => {
    if (typeof value === 'number' && Number.isFinite(value)) rows.push({ name: prefix, value });
    else if (typeof value === 'boolean') rows.push({ name: prefix, value: value ? 1 : 0 });
    else if (isObject(value) && depth < 3) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v, depth + 1);
    }
  };
  walk('', stats, 0);
  return rows;
}

const EDGE_FIGURES = ['quotes', 'words', 'scenes', 'paragraphs'] as const;
const EDGE_ENDS = ['from', 'to', 'source', 'target'];

/** One row per edge of every array-of-edges in `network` (conversation, cooccurrence, …). */
function edgeRows(network: unknown, character: (ref: unknown) => string | null): Row[] {
  if (!isObject(network)) return [];
  const rows: Row[] = [];
  for (const [kind, edges] of Object.entries(network)) {
    if (!Array.isArray(edges)) continue;
    const seen = new Set<string>();
    for (const edge of edges) {
      if (!isObject(edge)) continue;
      const source = character(edge.from ?? edge.source);
      const target = character(edge.to ?? edge.target);
      if (source === null || target === null) continue;
      const key = `${source}\u0000${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row: Row = { kind, source, target, data: null };
      let extra: Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(edge)) {
        if ((EDGE_FIGURES as readonly string[]).includes(k)) row[k] = num(v);
        else if (!EDGE_ENDS.includes(k)) (extra ??= {})[k] = v;
      }
      if (extra) row.data = JSON.stringify(extra);
      rows.push(row);
    }
  }
  return rows;
}

function sceneRows(
  scenes: unknown,
  character: (ref: unknown) => string | null,
): { scenes: Row[]; present: Row[] } {
  const out: Row[] = [];
  const present: Row[] = [];
  if (!Array.isArray(scenes)) return { scenes: out, present };
  scenes.forEach((s: unknown, scene) => {
    if (!isObject(s)) return;
    const start = num(s.start);
    const end = num(s.end);
    if (start === null || end === null) return;
    const boundary = isObject(s.boundary) ? s.boundary : {};
    const pov = isObject(s.pov) ? s.pov : {};
    out.push({
      scene,
      start_offset: start,
      end_offset: end,
      chapter: num(s.chapter),
      boundary_kind: str(boundary.kind),
      boundary_cue: str(boundary.cue),
      pov_person: str(pov.person),
      pov_focal: pov.focal === undefined ? null : character(pov.focal),
    });
    const seen = new Set<string>();
    if (Array.isArray(s.characters)) {
      for (const ref of s.characters) {
        const id = character(ref);
        if (id === null || seen.has(id)) continue;
        present.push({ scene, character: id, rank: seen.size });
        seen.add(id);
      }
    }
  });
  return { scenes: out, present };
}

/** The rows and JSON for one analysed document. */
export function documentRecord(
  result: AnalysisResult,
  source: Readonly<{ hash: string; name: string; analysisMs?: number }>,
): DocumentRecord {
  const cast = Array.isArray(result.characters) ? result.characters : [];
  const character = characterResolver(cast.map((c) => c.id));

  const characters: Row[] = [];
  const aliases: Row[] = [];
  cast.forEach((c, ordinal) => {
    const id = String(c.id);
    characters.push({
      character: id,
      ordinal,
      name: c.name,
      gender: str(c.gender?.label),
      gender_confidence: num(c.gender?.confidence),
      mentions: num(c.mentions),
      narrator: c.narrator === true,
    });
    const seen = new Set<string>();
    const add = (kind: string, names: unknown): void => {
      if (!Array.isArray(names)) return;
      for (const alias of names) {
        if (typeof alias !== 'string' || seen.has(kind + alias)) continue;
        seen.add(kind + alias);
        aliases.push({ character: id, kind, alias });
      }
    };
    add('alias', c.aliases);
    add('epithet', c.epithets);
  });

  const quotations: Row[] = [];
  const addressees: Row[] = [];
  (Array.isArray(result.quotes) ? result.quotes : []).forEach((q, ordinal) => {
    quotations.push({
      quote: q.id,
      ordinal,
      start_offset: q.start,
      end_offset: q.end,
      kind: q.kind,
      mark: q.mark,
      speaker: q.speaker === null ? null : character(q.speaker),
      confidence: num(q.confidence),
      method: str(q.method),
      words: wordCount(q.text),
      text: q.text,
    });
    const seen = new Set<string>();
    for (const ref of q.addressees ?? []) {
      const id = character(ref);
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      addressees.push({ quote: q.id, addressee: id });
    }
  });

  const { scenes, present } = sceneRows(result.scenes, character);
  const stats = statRows(result.stats);
  const meta = isObject(result.meta) ? result.meta : {};
  const words = stats.find((r) => r.name === 'words')?.value;

  return {
    document: {
      hash: source.hash,
      name: source.name,
      format: str(result.source?.format),
      encoding: str(result.source?.encoding),
      title: str(meta.title),
      author: str(meta.author),
      language: str(meta.language),
      length: num(result.source?.length),
      words: typeof words === 'number' ? words : null,
      characters: characters.length,
      quotations: quotations.length,
      scenes: scenes.length,
      engine_version: result.engine?.version ?? 'unknown',
      result_schema_version: result.schemaVersion,
      analysis_ms: source.analysisMs ?? null,
    },
    json: JSON.stringify(result),
    rows: {
      characters: ordered('characters', characters),
      aliases: ordered('aliases', aliases),
      quotations: ordered('quotations', quotations),
      addressees: ordered('addressees', addressees),
      scenes: ordered('scenes', scenes),
      scene_characters: ordered('scene_characters', present),
      edges: ordered('edges', edgeRows(result.network, character)),
      stats: ordered('stats', stats),
    },
  };
}
