import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from '../engine/errors.js';
import { positiveInt } from './numbers.js';

export const WORKER_USAGE = `worker options:
      --queue <redis://…>   the queue \`storylens batch --queue\` fills (required)
      --db <url|path>       where documents go: postgres://… (required)
  -c, --concurrency <n>     documents at once, one thread each (default: the number of cores)
      --queue-name <name>   queue name (default: storylens)
      --lock-ms <ms>        a job whose worker shows no sign of life for this long is given to
                            another worker (default: 30000)
      --partitions <n>      hash-partition the PostgreSQL tables n ways if this worker creates them
      --quiet               no line per document on stdout`;

/** Runs until SIGINT or SIGTERM, then finishes the documents in progress and exits. */
export async function workerCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      queue: { type: 'string' },
      db: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      'queue-name': { type: 'string' },
      'lock-ms': { type: 'string' },
      partitions: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  void positionals;
  if (values.queue === undefined || values.db === undefined) {
    throw new UsageError('worker needs --queue redis://host:port and --db postgres://…');
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await (await import('../corpus/queue.js')).runQueueWorker({
      url: values.queue,
      db: values.db,
      concurrency: positiveInt(values.concurrency, '--concurrency', availableParallelism()),
      lockMs: positiveInt(values['lock-ms'], '--lock-ms', 30_000),
      ...(values.partitions !== undefined
        ? { partitions: positiveInt(values.partitions, '--partitions', 1) }
        : {}),
      ...(values['queue-name'] !== undefined ? { name: values['queue-name'] } : {}),
      ...(values.quiet ? {} : { log: (line: string) => process.stdout.write(`${line}\n`) }),
      signal: stop.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
