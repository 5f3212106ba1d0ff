/**
 * Corpus throughput: the LitBank novels (../shared/data/litbank/original/) through `storylens batch`
 * with 1 and with 2 worker threads in one run, each in a fresh process and a fresh SQLite file (with
 * V8's helper threads off when the workers fill the cores, as `storylens batch` runs: src/cli/v8-threads.ts;
 * `STORYLENS_V8_THREADS=keep` keeps them for comparison), then
 * the finished 2-worker batch run again through the CLI (it must analyse nothing).
 *
 *   npm run bench:corpus                 # the 100 LitBank novels
 *   npm run bench:corpus -- --dir <dir>  # any folder of stories
 *   npm run bench:corpus -- --workers 1,2,4
 *   npm run bench:corpus -- --no-stores  # leave out the store and queue rates
 *   npm run bench:corpus -- --chunk 5000 --limit 20  # the first 20 novels cut into 5,000-word works
 *
 * Figures: documents/s, words/s, wall time, the speed-up over 1 worker, CPU time by thread (main,
 * each worker, the rest: GC helpers and I/O), the batch process's peak RSS, the peak RSS per worker
 * ((process peak − RSS before the pool started) / workers) and the largest V8 heap a worker thread
 * reported. On a machine shared with other work the wall time depends on the neighbours; the CPU
 * time by thread, and the CPU-bound time derived from it, do not (much). Then the write rate of each store and the job rate of
 * the queue with the same documents (bench/corpus-stores.ts), for docs/scaling.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { wantsSingleThreadedV8 } from '../src/cli/v8-threads.js';
import { runBatch } from '../src/corpus/batch.js';
import { listInputs, parseFormats } from '../src/corpus/files.js';
import { createAnalysisPool } from '../src/corpus/pool.js';
import { openSqliteStore } from '../src/corpus/sqlite.js';
import { threadCpuSeconds, threadId } from '../src/corpus/thread.js';
import { measureQueue, measureWrites, readRecords } from './corpus-stores.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LITBANK = join(ROOT, '../shared/data/litbank/original');
const MB = 1024 * 1024;

interface RunFigures {
  workers: number;
  documents: number;
  failed: number;
  words: number;
  seconds: number;
  peakRssMb: number;
  baseRssMb: number;
  workerHeapPeakMb: number;
  /** CPU time of the whole process (every thread) during the batch. */
  cpuSeconds: number;
  /** CPU time of the main thread, of each worker thread, and of every other thread (GC, I/O). */
  mainCpuSeconds: number;
  workerCpuSeconds: number[];
  otherCpuSeconds: number;
  /** Whether V8 ran its garbage-collection and compiler helper threads (no `--single-threaded`). */
  v8Helpers: boolean;
}

/** One batch in this process (the child side). */
async function measure(dir: string, db: string, workers: number): Promise<RunFigures> {
  const store = openSqliteStore(db);
  const files = await listInputs([dir], parseFormats(undefined));
  const baseRss = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const before = threadCpuSeconds();
  // Our own pool, closed only after its threads' CPU time has been read.
  const pool = createAnalysisPool({ workers });
  const s = await runBatch({ files, store, workers, pool });
  const after = threadCpuSeconds();
  await pool.close();
  await store.close();
  const used = process.cpuUsage(cpu);
  const spent = (tid: number): number => (after.get(tid) ?? 0) - (before.get(tid) ?? 0);
  const main = threadId();
  const others = [...after.keys()].filter((t) => t !== main && !s.workerThreads.includes(t));
  return {
    workers,
    documents: s.analysed,
    failed: s.failed,
    words: s.words,
    seconds: s.seconds,
    // resourceUsage().maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: baseRss / MB,
    workerHeapPeakMb: s.workerMemoryPeak / MB,
    cpuSeconds: (used.user + used.system) / 1e6,
    mainCpuSeconds: spent(main),
    workerCpuSeconds: s.workerThreads.map(spent),
    otherCpuSeconds: others.reduce((n, t) => n + spent(t), 0),
    v8Helpers: !process.execArgv.includes('--single-threaded'),
  };
}

function runChild(dir: string, db: string, workers: number): RunFigures {
  // As `storylens batch` runs it: single-threaded V8 when the worker threads fill the cores.
  const v8 = wantsSingleThreadedV8(workers, availableParallelism(), [], process.env)
    ? ['--single-threaded']
    : [];
  const child = spawnSync(
    process.execPath,
    [
      ...v8,
      fileURLToPath(import.meta.url),
      '--child',
      '--dir',
      dir,
      '--db',
      db,
      '--workers',
      String(workers),
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * MB,
    },
  );
  if (child.status !== 0) throw new Error(`bench child with ${workers} workers failed (${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as RunFigures;
}

function rerun(dir: string, db: string): { seconds: number; analysed: number; summary: string } {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/storylens.js'), 'batch', dir, '--db', db, '--workers', '2'],
    {
      encoding: 'utf8',
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`re-run failed: ${child.stderr}`);
  const summary = child.stderr.trim().split('\n').pop() ?? '';
  const analysed = Number(/([\d,]+) analysed/.exec(summary)?.[1]?.replaceAll(',', '') ?? Number.NaN);
  return { seconds, analysed, summary };
}

/**
 * Copies the first `limit` stories of `from` (all when 0) into `to`, cut at paragraph ends into
 * works of about `words` words each (whole when 0): fan-fiction-sized documents from the same
 * prose, to measure what a document costs beyond its words.
 */
async function chunkCorpus(from: string, to: string, words: number, limit: number): Promise<string> {
  await mkdir(to, { recursive: true });
  const files = (await listInputs([from], parseFormats('txt'))).sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const file of limit > 0 ? files.slice(0, limit) : files) {
    const text = await readFile(file.path, 'utf8');
    const base = basename(file.path, extname(file.path));
    if (words <= 0) {
      await writeFile(join(to, `${base}.txt`), text);
      continue;
    }
    let part: string[] = [];
    let count = 0;
    let index = 0;
    const flush = async (): Promise<void> => {
      if (part.length === 0) return;
      await writeFile(join(to, `${base}-${String(index++).padStart(3, '0')}.txt`), part.join('\n\n'));
      part = [];
      count = 0;
    };
    for (const paragraph of text.split(/\n\s*\n/)) {
      part.push(paragraph);
      count += paragraph.split(/\s+/).filter(Boolean).length;
      if (count >= words) await flush();
    }
    await flush();
  }
  return to;
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function reportStores(sqlitePath: string): Promise<void> {
  process.stderr.write('bench:corpus: store writes and queue rate …\n');
  const records = readRecords(sqlitePath);
  const lines = ['| store × writers | docs/s | rows/s | JSON MB/s |', '|---|---:|---:|---:|'];
  const notes: string[] = [];
  for (const w of await measureWrites(records)) {
    if (typeof w === 'string') notes.push(w);
    else {
      lines.push(
        `| ${w.store} | ${fmt(w.documents / w.seconds, 1)} | ${fmt(w.rows / w.seconds)} | ${fmt(w.jsonMb / w.seconds, 1)} |`,
      );
    }
  }
  const q = await measureQueue();
  notes.push(
    typeof q === 'string'
      ? q
      : `Queue (BullMQ, empty jobs): enqueue ${fmt(q.jobs / q.enqueueSeconds)} jobs/s in bulk, ` +
          `drain ${fmt(q.jobs / q.drainSeconds)} jobs/s by one worker process at concurrency 16.`,
  );
  const rows = records.reduce((n, r) => n + Object.values(r.rows).reduce((m, t) => m + t.length, 1), 0);
  const json = records.reduce((n, r) => n + r.json.length, 0) / MB;
  process.stdout.write(
    [
      `Store writes of the same ${fmt(records.length)} documents (${fmt(rows)} rows, ${fmt(json, 1)} MB of JSON), one transaction each:`,
      '',
      ...lines,
      '',
      ...notes,
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'boolean', default: false },
      dir: { type: 'string' },
      chunk: { type: 'string' },
      limit: { type: 'string' },
      db: { type: 'string' },
      workers: { type: 'string', default: '1,2' },
      'no-stores': { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const figures = await measure(values.dir!, values.db!, Number(values.workers));
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const source = values.dir ?? LITBANK;
  if (!existsSync(source)) {
    process.stdout.write(
      `bench:corpus: skipped: ${source} is absent (the LitBank novels live in ../shared/data)\n`,
    );
    return;
  }
  const counts = values.workers.split(',').map(Number);
  const tmp = await mkdtemp(join(tmpdir(), 'storylens-bench-'));
  try {
    const dir =
      values.chunk !== undefined || values.limit !== undefined
        ? await chunkCorpus(source, join(tmp, 'corpus'), Number(values.chunk ?? 0), Number(values.limit ?? 0))
        : source;
    const loadBefore = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    const runs: RunFigures[] = [];
    let lastDb = '';
    for (const workers of counts) {
      lastDb = join(tmp, `corpus-${workers}.sqlite`);
      process.stderr.write(`bench:corpus: ${workers} worker${workers > 1 ? 's' : ''} over ${dir} …\n`);
      runs.push(runChild(dir, lastDb, workers));
    }
    const again = rerun(dir, lastDb);
    const base = runs[0]!;
    const rate = (r: RunFigures): number => r.documents / r.seconds;
    // On idle cores a run takes at least its busiest thread's CPU time, and at least its total CPU
    // time spread over the machine's cores: the bound the shared machine's wall time is set against.
    const bound = (r: RunFigures): number =>
      Math.max(r.mainCpuSeconds, ...r.workerCpuSeconds, r.cpuSeconds / availableParallelism());
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    process.stdout.write(
      [
        `Corpus: ${dir} — ${fmt(base.documents)} documents, ${fmt(base.words)} words; node ${process.version}, ` +
          `${availableParallelism()} cores; load average before the runs ${loadBefore}, after ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
        '',
        '| workers | V8 helper threads | wall s | docs/s | words/s | speed-up | CPU s (main / workers / other) | cores busy | process peak RSS MB | peak RSS per worker MB | worker heap peak MB |',
        '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...runs.map(
          (r) =>
            `| ${r.workers} | ${r.v8Helpers ? 'on' : 'off'} | ${fmt(r.seconds, 1)} | ${fmt(rate(r), 2)} | ${fmt(r.words / r.seconds)} | ${fmt(rate(r) / rate(base), 2)}× | ` +
            `${fmt(r.cpuSeconds, 1)} (${fmt(r.mainCpuSeconds, 1)} / ${r.workerCpuSeconds.map((c) => fmt(c, 1)).join(' + ')} / ${fmt(r.otherCpuSeconds, 1)}) | ` +
            `${fmt(r.cpuSeconds / r.seconds, 2)} | ${fmt(r.peakRssMb)} | ${fmt((r.peakRssMb - r.baseRssMb) / r.workers)} | ${fmt(r.workerHeapPeakMb)} |`,
        ),
        '',
        `CPU-bound time on idle cores (the busiest thread, or all CPU time over ${availableParallelism()} cores): ` +
          runs
            .map(
              (r) =>
                `${r.workers} worker${r.workers > 1 ? 's' : ''} ${fmt(bound(r), 1)} s (${fmt(base.words / bound(r))} words/s, ` +
                `${fmt(bound(base) / bound(r), 2)}×)`,
            )
            .join('; ') +
          `. Worker threads analysed ${fmt(base.words / sum(base.workerCpuSeconds))} words per CPU second ` +
          `with ${base.workers} worker${base.workers > 1 ? 's' : ''}.`,
        '',
        `Re-run of the finished ${counts.at(-1)}-worker batch (whole CLI process): ${fmt(again.seconds, 2)} s, ${fmt(again.analysed)} documents analysed again.`,
        '',
      ].join('\n'),
    );
    for (const r of runs) {
      if (r.failed > 0)
        process.stdout.write(`note: ${r.failed} documents failed with ${r.workers} workers\n`);
    }
    if (!values['no-stores']) await reportStores(lastDb);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
