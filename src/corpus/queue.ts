/**
 * Distributed mode on BullMQ (Redis): `storylens batch … --queue` enqueues one job per document,
 * `storylens worker` runs anywhere and writes to PostgreSQL, `storylens status` counts jobs.
 *
 * - The job id is the document's content hash, so enqueuing a document twice adds one job, and the
 *   store's unique hash stores it once even when two workers analyse it (a stalled job run again).
 * - The document's bytes travel through Redis under their own key, deleted once the document is
 *   stored, so the job itself stays small and workers need no shared filesystem.
 * - A worker killed mid-job stops renewing the job's lock; after `lockMs` another worker's stalled
 *   check puts the job back in the queue and it is analysed again. Analysis runs in a worker thread,
 *   so a long novel never blocks the event loop that renews the lock.
 * - Failures of the document itself (unreadable, not a story) are recorded in the store and not
 *   retried; anything else (the database away, a thread dying) is retried with exponential back-off.
 */
import { readFile } from 'node:fs/promises';
import { type Job, type JobsOptions, MetricsTime, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { UsageError } from '../engine/errors.js';
import type { InputFile } from './files.js';
import { contentHash } from './hash.js';
import { createAnalysisPool } from './pool.js';
import { type CorpusStore, openStore, redactUrl } from './store.js';

export const DEFAULT_QUEUE_NAME = 'storylens';

export interface DocumentJob {
  /** Path the document was read from: its `source.name` in the result. */
  name: string;
  size: number;
}

// Done jobs are counted by the queue's metrics; keeping the last ones is enough for inspection.
const KEEP_DONE = { age: 7 * 24 * 3600, count: 10_000 };

/** Retries with back-off (2 s, 4 s, 8 s, 16 s) for what can heal: a database restart, a lost connection. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: KEEP_DONE,
  removeOnFail: false,
};

export function connectRedis(url: string): Redis {
  if (!/^rediss?:\/\//i.test(url))
    throw new UsageError(`--queue takes a redis://host:port URL, not "${url}"`);
  // BullMQ needs maxRetriesPerRequest: null so that its blocking commands wait across reconnects.
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', () => {});
  return redis;
}

export function contentKey(queue: string, hash: string): string {
  return `storylens:${queue}:content:${hash}`;
}

export interface EnqueueOptions {
  url: string;
  /** Default: `storylens`. */
  name?: string;
  /** Skip documents this store already holds or has recorded as failed. Default: none. */
  store?: CorpusStore;
  /**
   * Wait while this many jobs are waiting: the documents' bytes sit in Redis until a worker takes
   * them, so this bounds Redis's memory to about maxWaiting × the mean document size.
   * Default: 10,000 (about 0.5 GB of fan fiction, 6 GB of novels).
   */
  maxWaiting?: number;
  /** Called while enqueuing is held back by `maxWaiting`. */
  onWait?: (waiting: number) => void;
}

const ENQUEUE_ROUND = 100;

/** Enqueues one job per document not yet queued (nor stored, with `store`). */
export async function enqueueFiles(
  files: readonly InputFile[],
  options: Readonly<EnqueueOptions>,
): Promise<{ enqueued: number; skipped: number; queue: string }> {
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const redis = connectRedis(options.url);
  const queue = new Queue<DocumentJob>(name, { connection: redis, defaultJobOptions: JOB_OPTIONS });
  let enqueued = 0;
  let skipped = 0;
  const maxWaiting = options.maxWaiting ?? 10_000;
  const backlog = async (): Promise<number> => {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed');
    return (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);
  };
  const seen = new Set<string>();
  try {
    let next = 0;
    while (next < files.length) {
      // Room in the backlog decides how many documents go in this round (at most a hundred, sent
      // together: one document at a time was three round trips each, 280 documents/s).
      let room = maxWaiting - (await backlog());
      while (room <= 0) {
        options.onWait?.(maxWaiting - room);
        await new Promise((r) => setTimeout(r, 1000));
        room = maxWaiting - (await backlog());
      }
      const round: { file: InputFile; bytes: Buffer; hash: string }[] = [];
      while (next < files.length && round.length < Math.min(ENQUEUE_ROUND, room)) {
        const file = files[next++]!;
        const bytes = await readFile(file.path);
        const hash = contentHash(bytes);
        if (seen.has(hash) || (options.store && (await options.store.state(hash)) !== undefined)) {
          skipped++;
          continue;
        }
        seen.add(hash);
        round.push({ file, bytes, hash });
      }
      const queued = await Promise.all(round.map((d) => queue.getJob(d.hash)));
      const fresh = round.filter((_, i) => queued[i] === undefined);
      skipped += round.length - fresh.length;
      if (fresh.length === 0) continue;
      const contents = redis.pipeline();
      for (const d of fresh) contents.set(contentKey(name, d.hash), d.bytes);
      await contents.exec();
      await queue.addBulk(
        fresh.map((d) => ({
          name: 'analyse',
          data: { name: d.file.path, size: d.bytes.length },
          opts: { ...JOB_OPTIONS, jobId: d.hash },
        })),
      );
      enqueued += fresh.length;
    }
  } finally {
    await queue.close();
    await redis.quit().catch(() => {});
  }
  return { enqueued, skipped, queue: `${redactUrl(options.url)} (${name})` };
}

export interface QueueWorkerOptions {
  url: string;
  /** Where documents are stored: postgres://… (or an SQLite path for a single worker). */
  db: string;
  name?: string;
  /** Documents analysed at once, one worker thread each. Default: 1. */
  concurrency?: number;
  /** How long a job stays claimed without a sign of life before another worker takes it. Default: 30000. */
  lockMs?: number;
  /** Hash partitions per table if this worker creates the PostgreSQL tables. Default: 0. */
  partitions?: number;
  /** One line per event: `start <hash> <name>`, `stored …`, `skipped …`, `failed …`. */
  log?: (line: string) => void;
  /** Aborting it lets the jobs in progress finish, then returns. */
  signal?: AbortSignal;
}

export async function runQueueWorker(options: Readonly<QueueWorkerOptions>): Promise<void> {
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const log = options.log ?? (() => {});
  const redis = connectRedis(options.url);
  let store: CorpusStore;
  try {
    store = await openStore(options.db, {
      poolSize: concurrency + 1,
      ...(options.partitions !== undefined ? { partitions: options.partitions } : {}),
    });
  } catch (error) {
    await redis.quit().catch(() => {});
    throw error;
  }
  const pool = createAnalysisPool({ workers: concurrency });

  const processor = async (job: Job<DocumentJob>): Promise<{ stored: boolean; words: number }> => {
    const hash = job.id!;
    if ((await store.state(hash)) === 'stored') {
      // Stored by a worker that died before it could mark the job done, or by a second run.
      await redis.del(contentKey(name, hash));
      log(`skipped ${hash} (already stored)`);
      return { stored: false, words: 0 };
    }
    const bytes = await redis.getBuffer(contentKey(name, hash));
    if (bytes === null)
      throw new UnrecoverableError(`the content of ${job.data.name} is no longer in the queue`);
    log(`start ${hash} ${job.data.name}`);
    const outcome = await pool.run({ name: job.data.name, bytes, hash });
    if (!outcome.ok) {
      await store.putFailure({ hash, name: job.data.name, error: outcome.error });
      await redis.del(contentKey(name, hash));
      log(`failed ${hash} ${outcome.error}`);
      throw new UnrecoverableError(outcome.error);
    }
    const stored = (await store.put(outcome.record)) === 'stored';
    await redis.del(contentKey(name, hash));
    log(`${stored ? 'stored' : 'duplicate'} ${hash} ${outcome.words} words ${Math.round(outcome.ms)} ms`);
    return { stored, words: outcome.words };
  };

  const lockMs = options.lockMs ?? 30_000;
  const worker = new Worker<DocumentJob>(name, processor, {
    connection: redis,
    concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job whose worker died is put back this many times before it counts as failed.
    maxStalledCount: 3,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    removeOnComplete: KEEP_DONE,
  });
  worker.on('error', (error) => log(`error ${error.message}`));
  await worker.waitUntilReady();
  log(`ready ${process.pid} queue ${name} on ${redactUrl(options.url)} → ${store.description}`);

  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.close();
  await pool.close();
  await store.close();
  await redis.quit().catch(() => {});
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  done: number;
  failed: number;
}

export async function queueCounts(url: string, name = DEFAULT_QUEUE_NAME): Promise<QueueCounts> {
  const redis = connectRedis(url);
  const queue = new Queue(name, { connection: redis });
  try {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const metrics = await queue.getMetrics('completed');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      done: Math.max(c.completed ?? 0, metrics.meta.count ?? 0),
      failed: c.failed ?? 0,
    };
  } finally {
    await queue.close();
    await redis.quit().catch(() => {});
  }
}
