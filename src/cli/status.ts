import { parseArgs } from 'node:util';
import { formatCount } from '../corpus/progress.js';
import { openStore } from '../corpus/store.js';
import { UsageError } from '../engine/errors.js';

export const STATUS_USAGE = `status options:
      --queue <redis://…>   the queue to count (waiting, active, delayed, done, failed)
      --queue-name <name>   queue name (default: storylens)
      --db <url|path>       also count the documents and failures stored there
      --json                one JSON object instead of lines`;

export async function statusCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      queue: { type: 'string' },
      'queue-name': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.queue === undefined && values.db === undefined) {
    throw new UsageError('status needs --queue redis://host:port (and/or --db)');
  }
  const out: Record<string, number> = {};
  if (values.queue !== undefined) {
    Object.assign(
      out,
      await (await import('../corpus/queue.js')).queueCounts(values.queue, values['queue-name']),
    );
  }
  if (values.db !== undefined) {
    const store = await openStore(values.db);
    try {
      const c = await store.counts();
      out.stored = c.documents;
      out.storedFailures = c.failures;
    } finally {
      await store.close();
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    const width = Math.max(...Object.keys(out).map((k) => k.length));
    for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(width)}  ${formatCount(v)}\n`);
  }
}
