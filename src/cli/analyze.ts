import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/engine.js';
import { InputError, UsageError } from '../engine/errors.js';
import type { GivenQuotation } from '../engine/stage.js';
import type { SourceText } from '../engine/types.js';
import { ingestBytes, ingestFile } from '../ingest/index.js';
import { formatBytes, maxSizeLimits, overMaxSize } from '../ingest/options.js';
import { RENDERERS, type RenderFormat } from '../render/index.js';
import { readGivenCast, readGivenQuotes } from './given.js';
import { DEFAULT_MAX_SIZE, parseSize } from './size.js';
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
      'max-size': { type: 'string' },
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
  const maxSize = values['max-size'] !== undefined ? parseSize(values['max-size']) : DEFAULT_MAX_SIZE;
  const quotes = values.quotes !== undefined ? readGivenQuotes(values.quotes) : undefined;
  const engine = createEngine({
    ...(values.until !== undefined ? { until: values.until } : {}),
    ...(values.characters !== undefined ? { characters: readGivenCast(values.characters) } : {}),
    ...(quotes ? { quotes } : {}),
  });
  const source = await readInput(input, maxSize);
  if (quotes) checkGivenSpans(quotes, source, values.quotes!);
  const result = engine.analyze(source);
  const rendered = RENDERERS[format as RenderFormat](result, {
    sourceText: source.text,
    compact: values.compact === true,
  });
  if (values.output !== undefined) {
    try {
      ensureDir(dirname(values.output));
      writeFileSync(values.output, rendered);
    } catch (e) {
      throw new UsageError(
        `cannot write -o "${values.output}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  } else {
    process.stdout.write(rendered);
  }
}

/**
 * Reads the input within `--max-size`: a file larger than the limit is refused before it is read,
 * standard input as soon as it goes past it, and text extracted from a smaller EPUB or DOCX when
 * the text itself is over the limit (the limit bounds the analysis, not only the bytes read).
 */

async function readInput(input: string, maxSize: number): Promise<SourceText> {
  const tooLarge = (what: string): InputError => new InputError(overMaxSize(what, maxSize));
  let source: SourceText;
  if (input === '-') {
    source = await ingestBytes(await readStdin(maxSize), '-', maxSizeLimits(maxSize));
  } else {
    let size = -1;
    try {
      const st = statSync(input);
      if (st.isFile()) size = st.size;
    } catch {
      // ingestFile reports a missing or unreadable file in its own words.
    }
    if (size > maxSize) throw tooLarge(`"${input}" is ${formatBytes(size)}`);
    source = await ingestFile(input, maxSizeLimits(maxSize));
  }
  if (source.text.length > maxSize) {
    throw tooLarge(`the text of "${input}" is ${source.text.length.toLocaleString('en-US')} characters`);
  }
  return source;
}

/** `--quotes` spans are source offsets: each must lie inside the decoded text. */
function checkGivenSpans(quotes: readonly GivenQuotation[], source: SourceText, path: string): void {
  const length = source.text.length;
  for (const q of quotes) {
    for (const [s, e] of q.spans) {
      if (s < 0 || e > length) {
        throw new UsageError(
          `--quotes ${path}: quotation "${q.id}" has span [${s}, ${e}] outside the text (${length} characters)`,
        );
      }
    }
  }
}

/**
 * Creates a directory and its missing parents one level at a time: Node 20's
 * `mkdirSync(…, { recursive: true })` never returns for a path under /proc.
 */
function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  mkdirSync(dir);
}
