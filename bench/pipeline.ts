/**
 * Throughput and memory of the whole pipeline, with wink-nlp's own tokenisation (the same model
 * and pipe the segment stage uses) as the baseline, measured in the same run.
 *
 *   npm run bench [-- --novels 12] [--warmup-tokens 2000000] [--data ../shared/data/litbank/original]
 *
 * For each of the largest LitBank novels: ingest + analyse, tokens/s and wall time; then a
 * ~1M-word input made by concatenating novels, analysed in a fresh child process so that its peak
 * RSS is its own. Tokens are the engine's tokens (words and punctuation, no whitespace).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import type { SourceText } from '../src/engine/types.js';
import { ingestFile } from '../src/ingest/index.js';
import { wink } from '../src/stages/segment/wink.js';

const DEFAULT_DATA = '../shared/data/litbank/original';

function sourceOf(name: string, text: string): SourceText {
  return {
    name,
    format: 'txt',
    encoding: 'utf-8',
    text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
}

/** CPU time of this process in ms (all threads): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function winkTokensPerSecond(text: string): { tokens: number; ms: number; cpu: number } {
  const nlp = wink();
  const t0 = performance.now();
  const c0 = cpuMs();
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens().length();
  return { tokens, ms: performance.now() - t0, cpu: cpuMs() - c0 };
}

/** Child-process mode: analyse one file and print JSON figures (tokens, ms, peak RSS). */
async function child(path: string): Promise<void> {
  const engine = createEngine();
  const source = await ingestFile(path);
  const t0 = performance.now();
  const c0 = cpuMs();
  const doc = engine.process(source);
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const words = doc.has('stats') ? doc.layer('stats').words : 0;
  process.stdout.write(
    JSON.stringify({
      tokens: doc.layer('tokens').count,
      words,
      ms,
      cpu,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: DEFAULT_DATA },
      novels: { type: 'string', default: '12' },
      'warmup-tokens': { type: 'string', default: '2000000' },
      child: { type: 'string' },
    },
  });
  if (values.child) return child(values.child);
  const dir = values.data!;
  if (!existsSync(dir)) {
    process.stdout.write(`bench: skipped — no novels at ${dir}\n`);
    return;
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const chosen = files.slice(0, Number(values.novels));
  const engine = createEngine();
  // Warm up as a long-running process (a batch worker) is warm: V8 keeps re-optimising the stages'
  // long loops for the first couple of million tokens (TurboFan compiles take seconds on one
  // core), so a single small novel leaves the measured run half-cold. The warm-up novels are the
  // next largest after the measured ones, never the measured ones themselves; the cold figure is
  // the fresh-process 1M-word run below.
  const warmFiles = files.slice(chosen.length).length > 0 ? files.slice(chosen.length) : files;
  const warmTarget = Number(values['warmup-tokens']);
  let warmTokens = 0;
  const w0 = performance.now();
  for (let i = 0; warmTokens < warmTarget; i++) {
    const file = warmFiles[i % warmFiles.length]!;
    warmTokens += engine.process(sourceOf(file, readFileSync(file, 'utf8'))).layer('tokens').count;
  }
  const warmMs = performance.now() - w0;
  winkTokensPerSecond(readFileSync(files[files.length - 1]!, 'utf8'));
  process.stdout.write(
    `warm-up: ${warmTokens.toLocaleString('en-US')} tokens of other novels in ${(warmMs / 1000).toFixed(1)} s (${(warmTokens / (warmMs / 1000)).toFixed(0)} tokens/s while warming)\n\n`,
  );

  const stageMs = new Map<string, number>();
  const timed = createEngine({ onStage: (name, ms) => stageMs.set(name, (stageMs.get(name) ?? 0) + ms) });
  process.stdout.write(
    `${'novel'.padEnd(44)} ${'tokens'.padStart(9)} ${'pipeline'.padStart(9)} ${'tok/s'.padStart(9)}  ${'wink tok/s'.padStart(10)}  ratio  ${'cpu tok/s'.padStart(9)}\n`,
  );
  let totalTokens = 0;
  let totalMs = 0;
  let totalCpu = 0;
  let totalWinkMs = 0;
  let totalWinkCpu = 0;
  let totalWinkTokens = 0;
  for (const file of chosen) {
    const source = await ingestFile(file);
    const t0 = performance.now();
    const c0 = cpuMs();
    const doc = timed.process(source);
    const ms = performance.now() - t0;
    const cpu = cpuMs() - c0;
    const tokens = doc.layer('tokens').count;
    const w = winkTokensPerSecond(doc.text);
    totalTokens += tokens;
    totalMs += ms;
    totalCpu += cpu;
    totalWinkMs += w.ms;
    totalWinkCpu += w.cpu;
    totalWinkTokens += w.tokens;
    const name = file
      .split('/')
      .pop()!
      .replace(/\.txt$/, '')
      .slice(0, 44);
    const tps = tokens / (ms / 1000);
    const wtps = w.tokens / (w.ms / 1000);
    process.stdout.write(
      `${name.padEnd(44)} ${String(tokens).padStart(9)} ${ms.toFixed(0).padStart(7)}ms ${tps.toFixed(0).padStart(9)}  ${wtps.toFixed(0).padStart(10)}  ${(tps / wtps).toFixed(2)}   ${(tokens / (cpu / 1000)).toFixed(0).padStart(9)}\n`,
    );
  }
  const tps = totalTokens / (totalMs / 1000);
  const wtps = totalWinkTokens / (totalWinkMs / 1000);
  const ctps = totalTokens / (totalCpu / 1000);
  const wctps = totalWinkTokens / (totalWinkCpu / 1000);
  process.stdout.write(
    `${'all'.padEnd(44)} ${String(totalTokens).padStart(9)} ${totalMs.toFixed(0).padStart(7)}ms ${tps.toFixed(0).padStart(9)}  ${wtps.toFixed(0).padStart(10)}  ${(tps / wtps).toFixed(2)}   ${ctps.toFixed(0).padStart(9)}\n`,
  );
  process.stdout.write(
    `(cpu tok/s: tokens per CPU-second of this process, steadier than wall time on a shared machine; wink alone: ${wctps.toFixed(0)} tokens per CPU-second)\n\n`,
  );
  // The foundation pipeline (ingest, segmentation, quotations): what issue 2's throughput target
  // measured, before the characters, attribution, scenes and emotion stages were added.
  const foundation = createEngine({ until: 'quotes' });
  let foundationTokens = 0;
  let foundationMs = 0;
  for (const file of chosen) {
    const source = await ingestFile(file);
    const t0 = performance.now();
    foundationTokens += foundation.process(source).layer('tokens').count;
    foundationMs += performance.now() - t0;
  }
  const ftps = foundationTokens / (foundationMs / 1000);
  process.stdout.write(
    `foundation only (segment + quotes), same novels: ${ftps.toFixed(0)} tokens/s (ratio to wink ${(ftps / wtps).toFixed(2)})\n\n`,
  );
  process.stdout.write('time per stage (share of pipeline):\n');
  const stageTotal = [...stageMs.values()].reduce((a, b) => a + b, 0);
  for (const [name, ms] of stageMs) {
    process.stdout.write(
      `  ${name.padEnd(12)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / stageTotal).toFixed(1).padStart(5)}%\n`,
    );
  }

  // ~1M words by concatenation, analysed in a fresh process for an honest peak RSS.
  const parts: string[] = [];
  let words = 0;
  for (const file of files) {
    if (words >= 1_000_000) break;
    const text = readFileSync(file, 'utf8');
    parts.push(text);
    words += text.split(/\s+/).length;
  }
  const bigPath = join(process.env.TMPDIR ?? '/tmp', 'storylens-bench-1m.txt');
  writeFileSync(bigPath, parts.join('\n\n'));
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [self, '--child', bigPath], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) {
    process.stdout.write(`1M-word run failed: ${run.stderr.split('\n')[0]}\n`);
    process.exitCode = 1;
    return;
  }
  const big = JSON.parse(run.stdout) as {
    tokens: number;
    words: number;
    ms: number;
    cpu: number;
    peakRssMb: number;
  };
  process.stdout.write(
    `\n~1M words (${words.toLocaleString('en-US')} whitespace words, ${big.tokens.toLocaleString('en-US')} tokens) in a fresh process: ` +
      `${(big.ms / 1000).toFixed(2)} s, ${(big.tokens / (big.ms / 1000)).toFixed(0)} tokens/s (${(big.tokens / (big.cpu / 1000)).toFixed(0)} per CPU-second), peak RSS ${big.peakRssMb.toFixed(0)} MB\n`,
  );
  process.stdout.write(
    `\nsummary: foundation (segment + quotes) ${ftps.toFixed(0)} tokens/s · pipeline, warm ${tps.toFixed(0)} tokens/s (${ctps.toFixed(0)} per CPU-second), cold (fresh process, 1M words) ${(big.tokens / (big.ms / 1000)).toFixed(0)} tokens/s · wink baseline ${wtps.toFixed(0)} tokens/s (${wctps.toFixed(0)} per CPU-second) · ratio ${(tps / wtps).toFixed(2)} · 1M words peak RSS ${big.peakRssMb.toFixed(0)} MB\n`,
  );
}

await main();
