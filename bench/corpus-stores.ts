/**
 * Where the distributed pipeline's bottleneck moves once analysis is spread over many machines:
 * the write rate of each store and the job rate of the queue, measured with the documents a batch
 * has just analysed. PostgreSQL and Redis are measured when STORYLENS_TEST_POSTGRES and
 * STORYLENS_TEST_REDIS name servers (as in CI); otherwise those lines say they were skipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Job, Queue, Worker } from 'bullmq';
import pg from 'pg';
import { connectRedis } from '../src/corpus/queue.js';
import { type DocumentRecord, documentRecord } from '../src/corpus/rows.js';
import { CHILD_TABLES } from '../src/corpus/schema.js';
import { openSqliteStore } from '../src/corpus/sqlite.js';
import type { CorpusStore } from '../src/corpus/store.js';
import type { AnalysisResult } from '../src/engine/result.js';

export interface WriteFigures {
  store: string;
  documents: number;
  rows: number;
  jsonMb: number;
  seconds: number;
}

/** The records of every document in a finished SQLite corpus, rebuilt from the stored JSON. */
export function readRecords(sqlitePath: string): DocumentRecord[] {
  const db = new Database(sqlitePath, { readonly: true });
  const rows = db
    .prepare(
      'SELECT d.hash, d.name, r.result FROM documents d JOIN document_results r ON r.document_id = d.id',
    )
    .all() as { hash: string; name: string; result: string }[];
  db.close();
  return rows.map((r) =>
    documentRecord(JSON.parse(r.result) as AnalysisResult, { hash: r.hash, name: r.name }),
  );
}

async function timeWrites(
  store: CorpusStore,
  records: readonly DocumentRecord[],
  parallel: number,
): Promise<WriteFigures> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < records.length) await store.put(records[next++]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    store: `${store.description.split(':')[0]} × ${parallel}`,
    documents: records.length,
    rows: records.reduce((n, r) => n + CHILD_TABLES.reduce((m, t) => m + r.rows[t].length, 1), 0),
    jsonMb: records.reduce((n, r) => n + r.json.length, 0) / 1024 / 1024,
    seconds,
  };
}

export async function measureWrites(records: readonly DocumentRecord[]): Promise<(WriteFigures | string)[]> {
  const out: (WriteFigures | string)[] = [];
  const tmp = await mkdtemp(join(tmpdir(), 'storylens-stores-'));
  try {
    const sqlite = openSqliteStore(join(tmp, 'writes.sqlite'));
    out.push(await timeWrites(sqlite, records, 1));
    await sqlite.close();
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const url = process.env.STORYLENS_TEST_POSTGRES;
  if (!url) {
    out.push('PostgreSQL: skipped (STORYLENS_TEST_POSTGRES is not set)');
    return out;
  }
  const { openPostgresStore } = await import('../src/corpus/postgres.js');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const parallel of [1, 4]) {
    const database = `storylens_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(url);
    target.pathname = `/${database}`;
    try {
      const store = await openPostgresStore(target.toString(), { poolSize: parallel });
      out.push(await timeWrites(store, records, parallel));
      await store.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  }
  await admin.end();
  return out;
}

export interface QueueFigures {
  jobs: number;
  enqueueSeconds: number;
  drainSeconds: number;
}

/** BullMQ's own rate with empty jobs: what the queue costs per document, analysis aside. */
export async function measureQueue(jobs = 5000): Promise<QueueFigures | string> {
  const url = process.env.STORYLENS_TEST_REDIS;
  if (!url) return 'Redis: skipped (STORYLENS_TEST_REDIS is not set)';
  const name = `storylens-bench-${randomBytes(4).toString('hex')}`;
  const redis = connectRedis(url);
  const queue = new Queue(name, { connection: redis });
  try {
    let started = performance.now();
    for (let i = 0; i < jobs; i += 500) {
      await queue.addBulk(
        Array.from({ length: Math.min(500, jobs - i) }, (_, k) => ({
          name: 'analyse',
          data: { name: `doc-${i + k}.txt`, size: 1000 },
          opts: { jobId: `h${i + k}`, attempts: 5, removeOnComplete: { count: 10_000 } },
        })),
      );
    }
    const enqueueSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    let done = 0;
    await new Promise<void>((resolve) => {
      const worker = new Worker(
        name,
        async (_job: Job) => {
          if (++done === jobs) setImmediate(() => void worker.close().then(resolve));
        },
        { connection: redis, concurrency: 16 },
      );
    });
    const drainSeconds = (performance.now() - started) / 1000;
    return { jobs, enqueueSeconds, drainSeconds };
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
  }
}
