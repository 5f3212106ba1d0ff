/**
 * A local batch: every document through a pool of worker threads into one store. Resumable by
 * construction: a document is read and hashed first, and a hash the store already holds (or has
 * recorded as failed) is not analysed again. Each finished document is committed on its own, so
 * stopping at any point keeps everything finished so far.
 */
import { readFile } from 'node:fs/promises';
import { formatBytes, overMaxSize } from '../ingest/options.js';
import type { InputFile } from './files.js';
import { contentHash } from './hash.js';
import { type AnalysisPool, createAnalysisPool } from './pool.js';
import type { BatchProgress } from './progress.js';
import type { CorpusStore } from './store.js';
import type { AnalysisOutcome } from './task.js';

export interface BatchOptions {
  files: readonly InputFile[];
  store: CorpusStore;
  /** Worker threads. Default: 1. */
  workers?: number;
  /** Analyse documents recorded as failed again. Default: false (they are skipped like stored ones). */
  retryFailed?: boolean;
  /** Aborting it stops taking new documents; those in progress finish and are stored. */
  stop?: AbortSignal;
  /** Aborting it also abandons the documents in progress (they are redone on the next run). */
  abandon?: AbortSignal;
  onProgress?: (progress: Readonly<BatchProgress>) => void;
  /** Called for each document that fails, with its one-line reason. */
  onFailure?: (name: string, error: string) => void;
  /** A pool to use instead of starting one (tests). */
  pool?: AnalysisPool;
  /**
   * Largest file analysed, in bytes (and most text, in characters). A larger file is not read: it
   * is counted as `tooLarge` and reported through `onFailure` with a one-line reason, but not
   * recorded in the store (unread, it has no content hash). Default: ingestion's own limits.
   */
  maxSize?: number;
}

export interface BatchSummary {
  files: number;
  analysed: number;
  /** Already stored or recorded as failed before this run, or the same content as another file. */
  skipped: number;
  failed: number;
  /** In progress when the batch was abandoned; not stored. */
  abandoned: number;
  /** Analysed but found stored by another writer meanwhile (same store shared by two batches). */
  duplicates: number;
  words: number;
  bytesAnalysed: number;
  seconds: number;
  /** Over `maxSize`: not read, not analysed, not recorded. */
  tooLarge: number;
  /** True when `stop` ended the batch before every document was taken. */
  stopped: boolean;
  /** Largest V8 heap (committed) + external memory any worker thread reported, in bytes. */
  workerMemoryPeak: number;
  /** Linux thread ids of the worker threads that analysed documents (for CPU accounting). */
  workerThreads: number[];
}

export async function runBatch(options: Readonly<BatchOptions>): Promise<BatchSummary> {
  const { files, store } = options;
  const pool = options.pool ?? createAnalysisPool({ workers: options.workers ?? 1 });
  const workers = pool.workers;
  const started = performance.now();
  const seen = new Set<string>();
  const progress: BatchProgress = {
    done: 0,
    total: files.length,
    analysed: 0,
    skipped: 0,
    failed: 0,
    words: 0,
    bytesDone: 0,
    bytesTotal: files.reduce((n, f) => n + f.size, 0),
    bytesAnalysed: 0,
    elapsedMs: 0,
    stopping: false,
  };
  const summary: BatchSummary = {
    files: files.length,
    analysed: 0,
    skipped: 0,
    failed: 0,
    abandoned: 0,
    duplicates: 0,
    tooLarge: 0,
    words: 0,
    bytesAnalysed: 0,
    seconds: 0,
    stopped: false,
    workerMemoryPeak: 0,
    workerThreads: [],
  };
  let fatal: unknown;
  const report = (): void => {
    progress.elapsedMs = performance.now() - started;
    progress.stopping = options.stop?.aborted === true;
    options.onProgress?.(progress);
  };
  const finish = (size: number): void => {
    progress.done++;
    progress.bytesDone += size;
    report();
  };
  const stopped = (): boolean =>
    options.stop?.aborted === true || options.abandon?.aborted === true || !!fatal;

  const fail = async (hash: string, name: string, error: string, size: number): Promise<void> => {
    await store.putFailure({ hash, name, error });
    summary.failed++;
    progress.failed++;
    options.onFailure?.(name, error);
    finish(size);
  };

  const settle = async (file: InputFile, outcome: AnalysisOutcome): Promise<void> => {
    summary.workerMemoryPeak = Math.max(summary.workerMemoryPeak, outcome.workerMemory);
    if (!summary.workerThreads.includes(outcome.thread)) summary.workerThreads.push(outcome.thread);
    if (!outcome.ok) return fail(outcome.hash, file.path, outcome.error, file.size);
    const stored = await store.put(outcome.record);
    if (stored === 'duplicate') summary.duplicates++;
    else {
      summary.analysed++;
      summary.words += outcome.words;
      summary.bytesAnalysed += outcome.bytes;
      progress.analysed++;
      progress.words += outcome.words;
      progress.bytesAnalysed += outcome.bytes;
    }
    finish(file.size);
  };

  // Documents read and hashed, waiting for a free worker: one per worker, so the next document is
  // ready the moment a worker finishes, but nothing is queued inside the pool, where a stop could
  // not take it back.
  interface Prepared {
    file: InputFile;
    bytes: Buffer;
    hash: string;
  }
  const prepared: Prepared[] = [];
  const settling = new Set<Promise<void>>();
  let running = 0;
  let wake: () => void = () => {};
  let woken = new Promise<void>((r) => (wake = r));
  const signal = (): void => {
    const w = wake;
    woken = new Promise<void>((r) => (wake = r));
    w();
  };

  const pump = (): void => {
    while (running < workers && prepared.length > 0 && !stopped()) {
      const { file, bytes, hash } = prepared.shift()!;
      running++;
      const limit = options.maxSize === undefined ? {} : { maxSize: options.maxSize };
      const task = pool.run({ name: file.path, bytes, hash, ...limit }, options.abandon).then(
        (outcome) => {
          running--;
          // Hand the worker its next document before writing this one: the write can wait, the worker should not.
          pump();
          return settle(file, outcome);
        },
        (error: unknown) => {
          running--;
          pump();
          if (options.abandon?.aborted) {
            summary.abandoned++;
            return;
          }
          // The thread itself died (out of memory, a crash in native code): the document fails.
          return fail(
            hash,
            file.path,
            `worker stopped: ${(error as Error).message ?? String(error)}`,
            file.size,
          );
        },
      );
      const tracked = task
        .catch((error: unknown) => {
          // The store itself failed (disk full, database gone): nothing more can be stored.
          fatal ??= error;
        })
        .finally(() => {
          settling.delete(tracked);
          signal();
        });
      settling.add(tracked);
    }
  };

  options.stop?.addEventListener('abort', signal);
  options.abandon?.addEventListener('abort', signal);
  report();
  try {
    for (const file of files) {
      while (prepared.length >= workers && !stopped()) await woken;
      if (stopped()) break;
      if (options.maxSize !== undefined && file.size > options.maxSize) {
        summary.tooLarge++;
        progress.skipped++;
        options.onFailure?.(file.path, tooLarge(file.size, options.maxSize));
        finish(file.size);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file.path);
      } catch (error) {
        // Gone or unreadable since the listing: nothing to hash, so nothing to record in the store.
        summary.failed++;
        progress.failed++;
        options.onFailure?.(
          file.path,
          `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
        finish(file.size);
        continue;
      }
      const hash = contentHash(bytes);
      const state = seen.has(hash) ? 'stored' : await store.state(hash);
      seen.add(hash);
      if (state === 'stored' || (state === 'failed' && !options.retryFailed)) {
        summary.skipped++;
        progress.skipped++;
        finish(file.size);
        continue;
      }
      prepared.push({ file, bytes, hash });
      pump();
    }
    while (!stopped() && prepared.length > 0) {
      pump();
      await woken;
    }
    while (settling.size > 0) await Promise.all(settling);
    summary.stopped = progress.done < files.length;
  } finally {
    options.stop?.removeEventListener('abort', signal);
    options.abandon?.removeEventListener('abort', signal);
    if (options.abandon?.aborted || fatal) await pool.destroy();
    else if (!options.pool) await pool.close();
  }
  if (fatal) throw fatal;
  summary.seconds = (performance.now() - started) / 1000;
  report();
  return summary;
}

/** The one-line reason a file over `--max-size` is not analysed. */
export function tooLarge(size: number, maxSize: number): string {
  return overMaxSize(formatBytes(size), maxSize);
}
