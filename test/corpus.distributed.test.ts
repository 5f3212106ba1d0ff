/**
 * Distributed mode against real servers: Redis (BullMQ) and PostgreSQL, as `.ci/run` starts them
 * and announces them in STORYLENS_TEST_REDIS and STORYLENS_TEST_POSTGRES. Without them this file
 * skips with one line; every other corpus test still runs.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { runBatch } from '../src/corpus/batch.js';
import { listInputs, parseFormats } from '../src/corpus/files.js';
import { contentHash } from '../src/corpus/hash.js';
import { connectRedis, contentKey, enqueueFiles, queueCounts } from '../src/corpus/queue.js';
import {
  CHILD_TABLES,
  CORPUS_SCHEMA_VERSION,
  type ColumnType,
  rowColumns,
  table,
} from '../src/corpus/schema.js';
import { openSqliteStore } from '../src/corpus/sqlite.js';
import { PNG_BYTES, readmeQueries, story, withTempDir, writeCorpus } from './corpus-stories.js';

const REDIS = process.env.STORYLENS_TEST_REDIS;
const POSTGRES = process.env.STORYLENS_TEST_POSTGRES;
const skip =
  REDIS && POSTGRES
    ? false
    : 'STORYLENS_TEST_REDIS and STORYLENS_TEST_POSTGRES are not set (.ci/run starts both servers as root)';
if (skip) process.stderr.write(`corpus: distributed tests skipped: ${skip}\n`);

const BIN = fileURLToPath(new URL('../../bin/storylens.js', import.meta.url));

// Integers as numbers (PostgreSQL BIGINT arrives as a string by default), for comparison with SQLite.
pg.types.setTypeParser(20, (v: string) => Number(v));

type Snapshot = Map<string, unknown>;

/** JSON with sorted keys, so that the comparison does not depend on how a store keeps objects. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A value as both stores should agree on it: booleans as 0/1, JSON as parsed data. */
function norm(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bool') return value === true || value === 1 ? 1 : 0;
  if (type === 'json') return canonical(typeof value === 'string' ? JSON.parse(value) : value);
  return value;
}

const DOC_COMPARED = table('documents')
  .columns.filter((c) => !['id', 'analysis_ms', 'analysed_at'].includes(c.name))
  .map((c) => c.name);

function childSql(t: (typeof CHILD_TABLES)[number]): string {
  return `SELECT d.hash, ${rowColumns(t)
    .map((c) => `x.${c}`)
    .join(', ')} FROM ${t} x JOIN documents d ON d.id = x.document_id`;
}

/** Everything stored, keyed by content hash, with the store's own ids and timings left out. */
async function snapshot(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<Snapshot> {
  const out: Snapshot = new Map();
  const docs = await query(
    `SELECT ${DOC_COMPARED.join(', ')}, r.result FROM documents JOIN document_results r ON r.document_id = documents.id`,
  );
  for (const d of docs) {
    const fields = Object.fromEntries(DOC_COMPARED.map((c) => [c, d[c]]));
    out.set(`documents/${d.hash}`, { fields, result: norm(d.result, 'json') });
  }
  for (const t of CHILD_TABLES) {
    const types = rowColumns(t).map((c) => table(t).columns.find((x) => x.name === c)!.type);
    const rows = (await query(childSql(t))).map((r) =>
      JSON.stringify([r.hash, ...rowColumns(t).map((c, i) => norm(r[c], types[i]!))]),
    );
    out.set(t, rows.sort());
  }
  const failures = await query('SELECT hash, name, error FROM failures');
  out.set('failures', failures.map((f) => JSON.stringify([f.hash, f.name, f.error])).sort());
  return out;
}

interface RunningWorker {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** Exit code once the process has ended. */
  code?: number | null;
}

function startWorker(
  queueName: string,
  db: string,
  onLine: (w: RunningWorker, line: string) => void,
): RunningWorker {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'worker',
      '--queue',
      REDIS!,
      '--queue-name',
      queueName,
      '--db',
      db,
      '--concurrency',
      '1',
      '--lock-ms',
      '2000',
      // Partitioned tables: the layout docs/scaling.md plans for an archive, tested end to end.
      '--partitions',
      '4',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const w: RunningWorker = {
    child,
    lines: [],
    exited: new Promise((resolve) =>
      child.on('exit', (code) => {
        w.code = code;
        resolve(code);
      }),
    ),
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    w.lines.push(line);
    onLine(w, line);
  });
  return w;
}

/** Removes what a test queue left in Redis: BullMQ's keys and the documents' bytes. */
async function dropQueue(queue: Queue, redis: ReturnType<typeof connectRedis>): Promise<void> {
  await queue.obliterate({ force: true });
  const keys = await redis.keys(contentKey(queue.name, '*'));
  if (keys.length > 0) await redis.del(...keys);
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('corpus: distributed workers on Redis and PostgreSQL', { skip }, () => {
  it('postgres: stores opened at once on a new database migrate it once, and a second open changes nothing', async () => {
    const admin = new pg.Client({ connectionString: POSTGRES });
    await admin.connect();
    const database = `storylens_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(POSTGRES!);
    url.pathname = `/${database}`;
    try {
      const { openPostgresStore } = await import('../src/corpus/postgres.js');
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url.toString())));
      await Promise.all(stores.map((s) => s.close()));
      const again = await openPostgresStore(url.toString(), { partitions: 8 });
      assert.deepEqual(await again.counts(), { documents: 0, failures: 0 });
      await again.close();
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const versions = await client.query('SELECT version FROM storylens_schema ORDER BY version');
      assert.deepEqual(
        versions.rows.map((r) => r.version),
        Array.from({ length: CORPUS_SCHEMA_VERSION }, (_, i) => i + 1),
      );
      const parts = await client.query(
        "SELECT COUNT(*) AS n FROM pg_inherits WHERE inhparent = 'quotations'::regclass",
      );
      assert.equal(parts.rows[0].n, 0, 'partitions apply only when the tables are created');
      await client.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('queue: enqueuing holds back while the backlog is full, so Redis holds a bounded number of documents', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 5, 5);
      const files = await listInputs([join(dir, 'stories')], parseFormats(undefined));
      const name = `storylens-test-${process.pid}-${randomBytes(4).toString('hex')}`;
      const redis = connectRedis(REDIS!);
      const queue = new Queue(name, { connection: redis });
      let held = 0;
      let settled = false;
      const enqueuing = enqueueFiles(files, {
        url: REDIS!,
        name,
        maxWaiting: 2,
        onWait: () => held++,
      }).finally(() => {
        settled = true;
      });
      try {
        await waitFor('the backlog to fill', async () => held > 0, 10_000);
        assert.equal(settled, false);
        assert.equal((await queue.getJobCounts('waiting')).waiting, 2);
        // A consumer drains the backlog; enqueuing goes on to the end.
        const drain = new Worker(name, async () => {}, { connection: redis });
        const result = await enqueuing;
        assert.equal(result.enqueued, 5);
        await drain.close();
      } finally {
        await enqueuing.catch(() => {});
        await dropQueue(queue, redis);
        await queue.close();
        await redis.quit();
      }
    });
  });

  it('distributed: three workers, one killed mid-job, store every document exactly once, as a single process does', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 8, 30);
      // The largest document goes first and runs long enough to be killed while it is analysed.
      const big = join(dir, 'stories', 'big.txt');
      await writeFile(big, story(99, 1500));
      await writeFile(join(dir, 'stories', 'picture.txt'), PNG_BYTES);
      const bigHash = contentHash(await readFile(big));
      const files = await listInputs([join(dir, 'stories')], parseFormats(undefined));
      const documents = files.length - 1;

      // The single-process reference.
      const sqlitePath = join(dir, 'reference.sqlite');
      const local = openSqliteStore(sqlitePath);
      const reference = await runBatch({ files, store: local, workers: 2 });
      await local.close();
      assert.deepEqual([reference.analysed, reference.failed], [documents, 1]);

      // A fresh database and queue of this run's own.
      const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: POSTGRES });
      await admin.connect();
      const database = `storylens_test_${suffix}`;
      await admin.query(`CREATE DATABASE ${database}`);
      const dbUrl = new URL(POSTGRES!);
      dbUrl.pathname = `/${database}`;
      const queueName = `storylens-test-${suffix}`;
      const workers: RunningWorker[] = [];
      let killed: RunningWorker | undefined;
      let client: pg.Client | undefined;
      const redis = connectRedis(REDIS!);
      const queue = new Queue(queueName, { connection: redis });
      try {
        const enqueued = await enqueueFiles(files, { url: REDIS!, name: queueName });
        assert.equal(enqueued.enqueued, files.length);
        // Enqueuing the same files again adds nothing: the job id is the content hash.
        assert.equal((await enqueueFiles(files, { url: REDIS!, name: queueName })).enqueued, 0);
        const job = await queue.getJob(bigHash);
        assert.equal(job?.opts.attempts, 5);
        assert.deepEqual(job?.opts.backoff, { type: 'exponential', delay: 2000 });

        const onLine = (w: RunningWorker, line: string): void => {
          if (!killed && line === `start ${bigHash} ${big}`) {
            killed = w;
            w.child.kill('SIGKILL');
          }
        };
        for (let i = 0; i < 3; i++) workers.push(startWorker(queueName, dbUrl.toString(), onLine));

        await waitFor('every job to finish', async () => {
          const dead = workers.find((w) => w !== killed && w.code !== undefined);
          if (dead) throw new Error(`a worker exited by itself (${dead.code}): ${dead.lines.join(' | ')}`);
          const c = await queueCounts(REDIS!, queueName);
          return c.waiting === 0 && c.active === 0 && c.delayed === 0 && c.done + c.failed === files.length;
        });
        const counts = await queueCounts(REDIS!, queueName);
        assert.deepEqual(
          { done: counts.done, failed: counts.failed },
          { done: documents, failed: 1 },
          'the PNG fails once, without retries',
        );

        assert.ok(killed, 'a worker was killed while it analysed the big document');
        assert.ok(
          !killed.lines.some((l) => l.startsWith(`stored ${bigHash}`)),
          'the killed worker never stored it',
        );
        const survivors = workers.filter((w) => w !== killed);
        assert.ok(
          survivors.some((w) => w.lines.some((l) => l.startsWith(`stored ${bigHash}`))),
          'another worker picked the job up and stored it',
        );
        // The documents' bytes leave Redis once stored.
        assert.equal(await redis.exists(contentKey(queueName, bigHash)), 0);

        // `storylens status` reports the same counts.
        const status = spawn(process.execPath, [
          BIN,
          'status',
          '--queue',
          REDIS!,
          '--queue-name',
          queueName,
          '--json',
        ]);
        let out = '';
        status.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        await new Promise((r) => status.on('exit', r));
        assert.deepEqual(JSON.parse(out), { waiting: 0, active: 0, delayed: 0, done: documents, failed: 1 });

        for (const w of survivors) w.child.kill('SIGTERM');
        assert.deepEqual(await Promise.all(survivors.map((w) => w.exited)), [0, 0]);

        const pgc = new pg.Client({ connectionString: dbUrl.toString() });
        client = pgc;
        await pgc.connect();
        const perHash = await pgc.query('SELECT hash, COUNT(*) AS n FROM documents GROUP BY hash');
        assert.equal(perHash.rows.length, documents, 'no document lost');
        assert.ok(
          perHash.rows.every((r) => r.n === 1),
          'no document stored twice',
        );
        const parts = await pgc.query(
          "SELECT COUNT(*) AS n FROM pg_inherits WHERE inhparent = 'quotations'::regclass",
        );
        assert.equal(parts.rows[0].n, 4, 'quotations is split into 4 hash partitions');
        const distributed = await snapshot(async (sql) => (await pgc.query(sql)).rows);
        const db = new Database(sqlitePath, { readonly: true });
        const single = await snapshot(async (sql) => db.prepare(sql).all() as Record<string, unknown>[]);
        assert.deepEqual(distributed, single);
        // The README's research questions give as many rows on PostgreSQL as on SQLite.
        for (const sql of await readmeQueries()) {
          const found: number = (await pgc.query(sql)).rows.length;
          assert.ok(found > 0, sql);
          assert.equal(found, db.prepare(sql).all().length, sql);
        }
        db.close();
      } finally {
        await client?.end().catch(() => {});
        for (const w of workers) w.child.kill('SIGKILL');
        await Promise.all(workers.map((w) => w.exited));
        await dropQueue(queue, redis);
        await queue.close();
        await redis.quit();
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      }
    });
  });
});
