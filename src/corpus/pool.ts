/**
 * A pool of worker threads, each with its own engine, running corpus/task.ts one document at a time.
 * The pool starts its threads on the first document, so a batch with nothing left to do costs no
 * engine start-up.
 */
import { Piscina } from 'piscina';
import type { AnalysisOutcome, AnalysisTask } from './task.js';

export interface PoolOptions {
  /** Worker threads. Default: 1. */
  workers?: number;
  /**
   * V8 old-space limit per thread in MB. V8 lets a heap grow towards its limit before collecting in
   * earnest, so the limit sets the resident size: over the eight longest LitBank novels one thread
   * peaked at 606 MB process RSS with 2048, 460 MB with 1024, for a live heap under 200 MB. A
   * document that needs more fails alone (piscina replaces the thread). Default: 1024.
   */
  maxHeapMb?: number;
}

export interface AnalysisPool {
  readonly workers: number;
  /** Analyses one document. Rejects only when the thread itself dies or `signal` aborts. */
  run(task: AnalysisTask, signal?: AbortSignal): Promise<AnalysisOutcome>;
  /** Waits for running tasks, then stops the threads. */
  close(): Promise<void>;
  /** Stops the threads now; running tasks reject. */
  destroy(): Promise<void>;
}

export function createAnalysisPool(options: Readonly<PoolOptions> = {}): AnalysisPool {
  const workers = Math.max(1, Math.floor(options.workers ?? 1));
  let pool: Piscina<AnalysisTask, AnalysisOutcome> | undefined;
  const start = (): Piscina<AnalysisTask, AnalysisOutcome> =>
    (pool ??= new Piscina<AnalysisTask, AnalysisOutcome>({
      filename: new URL('./task.js', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      // Threads stay for the whole batch: an idle thread is cheaper than a second engine start-up.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
    }));
  return {
    workers,
    run(task, signal) {
      const bytes = task.bytes;
      // The bytes move to the thread without a copy when they own their whole buffer.
      const transfer =
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength &&
        bytes.buffer instanceof ArrayBuffer
          ? [bytes.buffer]
          : [];
      return start().run(task, { transferList: transfer, ...(signal ? { signal } : {}) });
    },
    close: async () => {
      await pool?.close();
    },
    destroy: async () => {
      await pool?.destroy();
    },
  };
}
