/**
 * The worker-thread side of a batch: one document per task. Ingests the bytes, analyses them,
 * serialises the JSON and maps the table rows here, so the main thread only writes to the store.
 * Loaded by piscina from dist/ (corpus/pool.ts); also callable in-process.
 */
import { getHeapStatistics } from 'node:v8';
import { createEngine } from '../engine/engine.js';
import { InputError, UserError } from '../engine/errors.js';
import { ingestBytes } from '../ingest/index.js';
import { expansionLimit, overMaxSize } from '../ingest/options.js';
import { contentHash } from './hash.js';
import { type DocumentRecord, documentRecord } from './rows.js';
import { threadId } from './thread.js';

export interface AnalysisTask {
  /** Path or name: picks the format by extension and becomes `source.name` in the result. */
  name: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, hex, as computed by the caller (checked here). */
  hash: string;
  /**
   * `--max-size`: the most text analysed, in characters, and (when above the ingest default) what
   * an EPUB or DOCX may expand to. Default: ingestion's own limits.
   */
  maxSize?: number;
}

export interface AnalysedDocument {
  ok: true;
  hash: string;
  name: string;
  record: DocumentRecord;
  words: number;
  bytes: number;
  ms: number;
  /** This thread's V8 heap (committed) plus external memory after the task, in bytes. */
  workerMemory: number;
  /** The thread's Linux thread id (-1 elsewhere), so a benchmark can read its CPU time. */
  thread: number;
}

export interface FailedDocument {
  ok: false;
  hash: string;
  name: string;
  /** One line. */
  error: string;
  bytes: number;
  ms: number;
  workerMemory: number;
  thread: number;
}

export type AnalysisOutcome = AnalysedDocument | FailedDocument;

// One frozen engine per thread, built when the thread starts.
const engine = createEngine();
const thread = threadId();

function threadMemory(): number {
  const h = getHeapStatistics();
  return h.total_heap_size + h.external_memory;
}

function oneLine(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((l) => l.trim().startsWith('at '));
    return `${error.name}: ${error.message}${frame ? ` (${frame.trim()})` : ''}`.replace(/\s*\n\s*/g, ' ');
  }
  return String(error);
}

/** Analyses one document; never throws for the document's own problems (they become a failure). */
export default async function analyseDocument(task: AnalysisTask): Promise<AnalysisOutcome> {
  const started = performance.now();
  const { name, hash } = task;
  const bytes = task.bytes.length;
  try {
    if (contentHash(task.bytes) !== hash) throw new Error(`content does not match its hash ${hash}`);
    const source = await ingestBytes(
      task.bytes,
      name,
      task.maxSize === undefined ? {} : { maxExpandedBytes: expansionLimit(task.maxSize) },
    );
    if (task.maxSize !== undefined && source.text.length > task.maxSize) {
      const length = source.text.length.toLocaleString('en-US');
      throw new InputError(overMaxSize(`its text is ${length} characters`, task.maxSize));
    }
    const result = engine.analyze(source);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const record = documentRecord(result, { hash, name, analysisMs: ms });
    return {
      ok: true,
      hash,
      name,
      record,
      words: record.document.words ?? 0,
      bytes,
      ms,
      workerMemory: threadMemory(),
      thread,
    };
  } catch (error) {
    const ms = performance.now() - started;
    return { ok: false, hash, name, error: oneLine(error), bytes, ms, workerMemory: threadMemory(), thread };
  }
}
