import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runBatch } from '../src/corpus/batch.js';
import { listInputs, parseFormats, STORY_EXTENSIONS } from '../src/corpus/files.js';
import { contentHash } from '../src/corpus/hash.js';
import { createAnalysisPool } from '../src/corpus/pool.js';
import { createProgressView, progressLine } from '../src/corpus/progress.js';
import { openSqliteStore } from '../src/corpus/sqlite.js';
import analyseDocument from '../src/corpus/task.js';
import { createEngine } from '../src/engine/engine.js';
import { formatFromName, ingestFile } from '../src/ingest/index.js';
import { PNG_BYTES, readmeQueries, story, withTempDir, writeCorpus } from './corpus-stories.js';

const BIN = fileURLToPath(new URL('../../bin/storylens.js', import.meta.url));

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

// One pool for the whole file: its threads (and their engines) start once.
const pool = createAnalysisPool({ workers: 2 });
after(() => pool.destroy());

async function batch(dir: string, db: string, extra: Partial<Parameters<typeof runBatch>[0]> = {}) {
  const store = openSqliteStore(db);
  try {
    const files = await listInputs([join(dir, 'stories')], parseFormats(undefined));
    return await runBatch({ files, store, pool, ...extra });
  } finally {
    await store.close();
  }
}

describe('corpus: local batch', () => {
  it('batch: every story in a folder is stored once, with the JSON a single analyze gives', async () => {
    await withTempDir(async (dir) => {
      const paths = await writeCorpus(dir, 5);
      const dbPath = join(dir, 'corpus.sqlite');
      const summary = await batch(dir, dbPath);
      assert.equal(summary.analysed, 5);
      assert.equal(summary.failed, 0);
      assert.ok(summary.words > 0);
      const db = new Database(dbPath, { readonly: true });
      assert.equal(count(db, 'documents'), 5);
      const engine = createEngine();
      for (const path of paths) {
        const row = db
          .prepare(
            'SELECT r.result AS json, d.quotations AS q FROM documents d JOIN document_results r ON r.document_id = d.id WHERE d.name = ?',
          )
          .get(path) as { json: string; q: number };
        const expected = engine.analyze(await ingestFile(path));
        assert.deepEqual(JSON.parse(row.json), JSON.parse(JSON.stringify(expected)), path);
        assert.equal(row.q, expected.quotes.length);
      }
      assert.equal(
        count(db, 'quotations'),
        (db.prepare('SELECT SUM(quotations) AS n FROM documents').get() as { n: number }).n,
      );
      db.close();
    });
  });

  it('batch: the research questions in the README run on a corpus database and find speakers', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 3, 60);
      const dbPath = join(dir, 'corpus.sqlite');
      await batch(dir, dbPath);
      const queries = await readmeQueries();
      assert.ok(queries.length >= 3, 'three research questions');
      const db = new Database(dbPath, { readonly: true });
      for (const sql of queries) assert.ok(db.prepare(sql).all().length > 0, sql);
      db.close();
    });
  });

  it('batch: running a finished batch again analyses nothing', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 4);
      const dbPath = join(dir, 'corpus.sqlite');
      await batch(dir, dbPath);
      const again = await batch(dir, dbPath);
      assert.deepEqual([again.analysed, again.skipped, again.failed], [0, 4, 0]);
      const db = new Database(dbPath, { readonly: true });
      assert.equal(count(db, 'documents'), 4);
      db.close();
    });
  });

  it('batch: a file that is not a story is recorded with its reason and the others are stored', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 3);
      await writeFile(join(dir, 'stories', 'picture.txt'), PNG_BYTES);
      const dbPath = join(dir, 'corpus.sqlite');
      const reported: string[] = [];
      const summary = await batch(dir, dbPath, { onFailure: (name) => reported.push(name) });
      assert.deepEqual([summary.analysed, summary.failed], [3, 1]);
      assert.deepEqual(reported, [join(dir, 'stories', 'picture.txt')]);
      const db = new Database(dbPath, { readonly: true });
      const failure = db.prepare('SELECT name, error FROM failures').get() as { name: string; error: string };
      assert.match(failure.error, /PNG/);
      assert.equal(count(db, 'documents'), 3);
      db.close();
      // A failure is not retried on the next run unless asked.
      assert.equal((await batch(dir, dbPath)).skipped, 4);
      const retried = await batch(dir, dbPath, { retryFailed: true });
      assert.deepEqual([retried.analysed, retried.failed, retried.skipped], [0, 1, 3]);
    });
  });

  it('batch: a file over maxSize is left out: reported with the limit, counted apart, never recorded', async () => {
    await withTempDir(async (dir) => {
      const files = await writeCorpus(dir, 3);
      const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
      const largest = Math.max(...sizes);
      const dbPath = join(dir, 'corpus.sqlite');
      const reasons: string[] = [];
      const summary = await batch(dir, dbPath, {
        maxSize: largest - 1,
        onFailure: (name, error) => reasons.push(`${name}: ${error}`),
      });
      assert.deepEqual([summary.analysed, summary.failed, summary.tooLarge], [2, 0, 1]);
      assert.equal(reasons.length, 1);
      assert.match(reasons[0]!, /over the .* limit \(raise it with --max-size\)/);
      assert.ok(reasons[0]!.startsWith(files[sizes.indexOf(largest)]!), reasons[0]);
      // Never read, so never hashed: nothing about it in the store, and a larger limit takes it.
      const db = new Database(dbPath, { readonly: true });
      assert.equal(count(db, 'failures'), 0);
      db.close();
      const again = await batch(dir, dbPath, { maxSize: largest });
      assert.deepEqual([again.analysed, again.skipped, again.tooLarge], [1, 2, 0]);
    });
  });

  it('batch: a worker refuses a text longer than maxSize, as analyze does, whatever the file size', async () => {
    const bytes = Buffer.from(story(1, 30));
    const outcome = await analyseDocument({
      name: 'long.txt',
      bytes,
      hash: contentHash(bytes),
      maxSize: 1024,
    });
    assert.equal(outcome.ok, false);
    assert.match(
      outcome.ok ? '' : outcome.error,
      /its text is .* characters, over the 1 KiB limit \(raise it with --max-size\)/,
    );
    const fine = await analyseDocument({
      name: 'long.txt',
      bytes,
      hash: contentHash(bytes),
      maxSize: 1024 * 1024,
    });
    assert.equal(fine.ok, true);
  });

  it('cli: batch --max-size takes sizes like 64M, leaves out larger files, and refuses nonsense with exit 2', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 2);
      const db = join(dir, 'corpus.sqlite');
      const run = (size: string) =>
        spawnSync(
          process.execPath,
          [BIN, 'batch', join(dir, 'stories'), '--db', db, '-w', '1', '--max-size', size],
          {
            encoding: 'utf8',
            cwd: dir,
          },
        );
      const small = run('1K');
      assert.equal(small.status, 0, small.stderr);
      assert.match(small.stderr, /0 analysed.*2 over --max-size/);
      const large = run('64M');
      assert.equal(large.status, 0, large.stderr);
      assert.match(large.stderr, /2 analysed/);
      const nonsense = run('lots');
      assert.equal(nonsense.status, 2, nonsense.stderr);
      assert.match(nonsense.stderr, /--max-size/);
    });
  });

  it('batch: two files with the same content are stored once', async () => {
    await withTempDir(async (dir) => {
      const [first] = await writeCorpus(dir, 2);
      await copyFile(first!, join(dir, 'stories', 'copy-of-first.txt'));
      const dbPath = join(dir, 'corpus.sqlite');
      const summary = await batch(dir, dbPath);
      assert.deepEqual([summary.analysed, summary.skipped], [2, 1]);
    });
  });

  it('batch: a folder walk takes the formats asked for, largest file first, hidden files never', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'small.txt'), 'Short.');
      await writeFile(join(dir, 'large.md'), story(1, 20));
      await writeFile(join(dir, 'notes.json'), '{}');
      await writeFile(join(dir, '.hidden.txt'), 'Hidden.');
      const all = await listInputs([dir], parseFormats(undefined));
      assert.deepEqual(
        all.map((f) => f.path),
        [join(dir, 'large.md'), join(dir, 'small.txt')],
      );
      const txt = await listInputs([dir], parseFormats('txt'));
      assert.deepEqual(
        txt.map((f) => f.path),
        [join(dir, 'small.txt')],
      );
      assert.throws(() => parseFormats('pdf'), /unknown --format "pdf"/);
    });
  });

  it('batch: a folder walk knows the same story extensions as ingestion', () => {
    for (const [ext, format] of Object.entries(STORY_EXTENSIONS)) {
      assert.equal(formatFromName(`story${ext}`), format, ext);
    }
    for (const ext of ['.json', '.pdf', '.png', '.rtf', '']) {
      assert.equal(formatFromName(`story${ext}`), undefined, ext);
    }
  });

  it('batch: Ctrl-C stops with exit code 130, what finished stays stored, and a rerun does the rest', async () => {
    await withTempDir(async (dir) => {
      // Long enough that the batch is still running when the first document is committed.
      await writeCorpus(dir, 4, 1200);
      const dbPath = join(dir, 'corpus.sqlite');
      const args = [BIN, 'batch', join(dir, 'stories'), '--db', dbPath, '--workers', '1'];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stored = 0;
      for (let i = 0; i < 1500 && stored === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        try {
          const db = new Database(dbPath, { readonly: true, fileMustExist: true });
          stored = count(db, 'documents');
          db.close();
        } catch {
          // Not created or not migrated yet.
        }
      }
      assert.ok(stored > 0, 'a document was stored before the interrupt');
      child.kill('SIGINT');
      assert.equal(await exited, 130, stderr);
      assert.match(stderr, /stopped by Ctrl-C/);
      const db = new Database(dbPath, { readonly: true });
      const done = count(db, 'documents');
      assert.ok(done >= stored && done < 4, `${done} stored at the stop`);
      // Every stored document is complete: its JSON and all its quotations.
      assert.equal(count(db, 'document_results'), done);
      assert.equal(
        count(db, 'quotations'),
        (db.prepare('SELECT SUM(quotations) AS n FROM documents').get() as { n: number }).n,
      );
      db.close();
      const rest = await batch(dir, dbPath);
      assert.deepEqual([rest.analysed, rest.skipped], [4 - done, done]);
    });
  });

  it('batch: abandoning stops the documents in progress at once and stores none of them half-done', async () => {
    await withTempDir(async (dir) => {
      await writeCorpus(dir, 4, 1200);
      const dbPath = join(dir, 'corpus.sqlite');
      const stop = new AbortController();
      const abandon = new AbortController();
      // Its own pool: abandoning destroys the pool's threads.
      const own = createAnalysisPool({ workers: 1 });
      const summary = await batch(dir, dbPath, {
        pool: own,
        stop: stop.signal,
        abandon: abandon.signal,
        onProgress: (p) => {
          if (p.analysed === 1) {
            stop.abort();
            abandon.abort();
          }
        },
      });
      assert.equal(summary.analysed, 1);
      assert.equal(summary.abandoned, 1, 'the document running at the time');
      assert.ok(summary.stopped);
      const db = new Database(dbPath, { readonly: true });
      assert.equal(count(db, 'documents'), 1);
      assert.equal(count(db, 'failures'), 0, 'an abandoned document is not a failure');
      db.close();
    });
  });

  it('cli: batch, worker and status without what they need exit 2 with one line', () => {
    for (const args of [
      ['batch', '.'],
      ['batch', '--db', 'x.sqlite'],
      ['worker', '--db', 'postgres://localhost/x'],
      ['status'],
      ['batch', '.', '--db', 'x.sqlite', '--workers', '0'],
    ]) {
      const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
  });

  it('progress: the line shows documents done, words per second and the time left', () => {
    const line = progressLine(
      {
        done: 3,
        total: 10,
        analysed: 3,
        skipped: 0,
        failed: 1,
        words: 120_000,
        bytesDone: 300,
        bytesTotal: 1000,
        bytesAnalysed: 300,
        elapsedMs: 2000,
        stopping: false,
      },
      100,
    );
    assert.match(line, /3\/10 docs/);
    assert.match(line, /60,000 words\/s/);
    assert.match(line, /ETA 0:05/);
    assert.match(line, /1 failed/);
    assert.ok(line.length <= 100);
  });

  it('progress: nothing is drawn when stderr is not a terminal', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const view = createProgressView(stream);
    view.update({
      done: 1,
      total: 2,
      analysed: 1,
      skipped: 0,
      failed: 0,
      words: 10,
      bytesDone: 1,
      bytesTotal: 2,
      bytesAnalysed: 1,
      elapsedMs: 10,
      stopping: false,
    });
    view.end();
    assert.deepEqual(written, []);
  });
});
