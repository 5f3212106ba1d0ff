import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/engine.js';
import { UsageError } from '../engine/errors.js';
import { ingestBytes, ingestFile } from '../ingest/index.js';
import { RENDERERS, type RenderFormat } from '../render/index.js';
import { readGivenCast, readGivenQuotes } from './given.js';
import { readStdin } from './stdin.js';

export async function analyzeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      output: { type: 'string', short: 'o' },
      characters: { type: 'string' },
      quotes: { type: 'string' },
      until: { type: 'string' },
      compact: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError('analyze takes exactly one input: a file path, or - for standard input');
  }
  const format = values.format as string;
  if (!(format in RENDERERS)) {
    throw new UsageError(`unknown --format "${format}" (choose from ${Object.keys(RENDERERS).join(', ')})`);
  }
  const input = positionals[0]!;
  const engine = createEngine({
    ...(values.until !== undefined ? { until: values.until } : {}),
    ...(values.characters !== undefined ? { characters: readGivenCast(values.characters) } : {}),
    ...(values.quotes !== undefined ? { quotes: readGivenQuotes(values.quotes) } : {}),
  });
  const source = input === '-' ? await ingestBytes(await readStdin(), '-') : await ingestFile(input);
  const result = engine.analyze(source);
  const rendered = RENDERERS[format as RenderFormat](result, { sourceText: source.text, compact: values.compact === true });
  if (values.output !== undefined) {
    mkdirSync(dirname(values.output), { recursive: true });
    writeFileSync(values.output, rendered);
  } else {
    process.stdout.write(rendered);
  }
}
