import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBatch, tooLarge } from '../corpus/batch.js';
import { listInputs, parseFormats } from '../corpus/files.js';
import { createProgressView, formatCount, formatDuration } from '../corpus/progress.js';
import { openStore } from '../corpus/store.js';
import { UsageError, UserError } from '../engine/errors.js';
import { positiveInt } from './numbers.js';
import { DEFAULT_MAX_SIZE, parseSize } from './size.js';
import { rerunSingleThreaded, wantsSingleThreadedV8 } from './v8-threads.js';

export const BATCH_USAGE = `batch options:
      --db <path|url>       corpus database: an SQLite file, or postgres://… (same schema)
  -w, --workers <n>         worker threads (default: the number of cores)
      --format <list>       formats taken from directories, e.g. txt,epub (default: txt,md,html,epub,docx)
      --retry-failed        analyse documents recorded as failed again
      --max-size <size>     leave out files (and texts) larger than this, e.g. 64M (default: 16M)
      --partitions <n>      hash-partition the PostgreSQL tables n ways when they are created
      --queue <redis://…>   enqueue one job per document for \`storylens worker\` instead of analysing here
      --queue-name <name>   queue name (default: storylens)
      --max-waiting <n>     with --queue: hold back while n jobs wait (their bytes are in Redis; default 10000)`;

export async function batchCommand(args: string[]): Promise<number | undefined> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      workers: { type: 'string', short: 'w' },
      format: { type: 'string' },
      'retry-failed': { type: 'boolean', default: false },
      partitions: { type: 'string' },
      queue: { type: 'string' },
      'queue-name': { type: 'string' },
      'max-waiting': { type: 'string' },
      'max-size': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('batch takes one or more directories or files');
  if (values.db === undefined && values.queue === undefined) {
    throw new UsageError('batch needs --db <corpus.sqlite|postgres://…> (or --queue redis://… to enqueue)');
  }
  const workers = positiveInt(values.workers, '--workers', availableParallelism());
  const maxSize = values['max-size'] !== undefined ? parseSize(values['max-size']) : DEFAULT_MAX_SIZE;
  const listed = await listInputs(positionals, parseFormats(values.format));
  const storeOptions =
    values.partitions !== undefined ? { partitions: positiveInt(values.partitions, '--partitions', 1) } : {};
  const err = process.stderr;

  if (values.queue !== undefined) {
    // Queued jobs carry their bytes through Redis: oversized files are left out here.
    const files = listed.filter((f) => {
      if (f.size <= maxSize) return true;
      err.write(`storylens: ${f.path}: ${tooLarge(f.size, maxSize)}\n`);
      return false;
    });
    const store = values.db !== undefined ? await openStore(values.db, storeOptions) : undefined;
    try {
      const r = await (await import('../corpus/queue.js')).enqueueFiles(files, {
        url: values.queue,
        ...(values['queue-name'] !== undefined ? { name: values['queue-name'] } : {}),
        ...(store ? { store } : {}),
        maxWaiting: positiveInt(values['max-waiting'], '--max-waiting', 10_000),
      });
      err.write(
        `storylens: enqueued ${formatCount(r.enqueued)} documents on ${r.queue}` +
          (r.skipped > 0 ? `, ${formatCount(r.skipped)} skipped (already stored, failed or queued)` : '') +
          '\n',
      );
    } finally {
      await store?.close();
    }
    return;
  }

  // Threads that fill the cores run best without V8's own helper threads (v8-threads.ts).
  if (wantsSingleThreadedV8(workers, availableParallelism())) return rerunSingleThreaded();
  const store = await openStore(values.db!, storeOptions);
  const stop = new AbortController();
  const abandon = new AbortController();
  const onSigint = (): void => {
    if (!stop.signal.aborted) {
      stop.abort();
      err.write('\nstorylens: stopping after the documents in progress (Ctrl-C again to abandon them)\n');
    } else abandon.abort();
  };
  process.on('SIGINT', onSigint);
  const view = createProgressView(err);
  try {
    const s = await runBatch({
      files: listed,
      maxSize,
      store,
      workers,
      retryFailed: values['retry-failed'] === true,
      stop: stop.signal,
      abandon: abandon.signal,
      onProgress: (p) => view.update(p),
      onFailure: (name, error) => {
        view.end();
        err.write(`storylens: ${name}: ${error}\n`);
      },
    });
    view.end();
    const rate = s.seconds > 0 ? s.words / s.seconds : 0;
    err.write(
      `storylens: ${formatCount(s.analysed)} analysed, ${formatCount(s.skipped)} skipped, ${formatCount(s.failed)} failed` +
        (s.tooLarge > 0 ? `, ${formatCount(s.tooLarge)} over --max-size` : '') +
        (s.abandoned > 0 ? `, ${formatCount(s.abandoned)} abandoned` : '') +
        ` of ${formatCount(s.files)} in ${formatDuration(s.seconds)} (${formatCount(rate)} words/s) → ${store.description}\n`,
    );
    if (stop.signal.aborted) {
      throw new UserError(
        'stopped by Ctrl-C: everything finished is stored; run the same command again to go on',
        130,
      );
    }
  } finally {
    process.off('SIGINT', onSigint);
    view.end();
    await store.close();
  }
}
