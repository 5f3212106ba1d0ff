/**
 * Speed of the sentiment stage alone (VADER valence of every sentence and quotation, the arc,
 * per-character and per-pair valence), against the reference `vader-sentiment` on the same
 * sentences.
 *
 *   node dist/bench/sentiment.js [--data ../shared/data/litbank/original] [--words 1000000]
 *
 * Input: LitBank novels concatenated up to --words words when ../shared/data is present, else the
 * bundled sample story repeated. The document is prepared by the pipeline up to attribution
 * outside the timing; then the stage runs five times and the best run is reported.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import type { SourceText } from '../src/engine/types.js';
import { analyseEmotion } from '../src/stages/emotion/index.js';
import { vaderLexicon } from '../src/stages/emotion/lexicon.js';
import { ValenceScorer } from '../src/stages/emotion/vader.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/litbank/original' },
    words: { type: 'string', default: '1000000' },
  },
});
const target = Number(values.words);

function corpus(): { name: string; text: string } {
  const dir = values.data!;
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    const parts: string[] = [];
    let words = 0;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      parts.push(text);
      words += text.split(/\s+/).length;
      if (words >= target) break;
    }
    return { name: `${parts.length} LitBank texts`, text: parts.join('\n\n') };
  }
  console.log(`(no ${dir}: using the bundled sample story, repeated)`);
  const sample = readFileSync(
    fileURLToPath(new URL('../../samples/the-lighthouse-keepers-daughter.txt', import.meta.url)),
    'utf8',
  );
  const copies = Math.max(1, Math.ceil(target / sample.split(/\s+/).length));
  return { name: `sample story ×${copies}`, text: new Array(copies).fill(sample).join('\n\n') };
}

const { name, text } = corpus();
const source: SourceText = {
  name,
  format: 'txt',
  encoding: 'utf-8',
  text,
  meta: {},
  structure: { chapters: [], breaks: [] },
  messages: [],
};
const doc = createEngine({ until: 'attribution' }).process(source);
const tokens = doc.layer('tokens');
let words = 0;
for (let t = 0; t < tokens.count; t++) if (tokens.pos[t] !== 13 && tokens.pos[t] !== 15) words++;
const sentences = doc.layer('sentences');

const lexiconStart = performance.now();
const scorer = new ValenceScorer(vaderLexicon());
const lexiconMs = performance.now() - lexiconStart;

function best(run: () => void): number {
  run();
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

let sink = 0;
const scoreMs = best(() => {
  for (const s of sentences) sink += scorer.score(doc.text, s.start, s.end);
});
const stageMs = best(() => {
  sink += analyseEmotion(doc, scorer).arc[0]!;
});

// The reference on the first 20,000 sentences (it is too slow for the whole corpus in a bench).
const reference = createRequire(import.meta.url)('vader-sentiment').SentimentIntensityAnalyzer as {
  polarity_scores(s: string): { compound: number };
};
const sample = sentences.slice(0, 20_000).map((s) => doc.text.slice(s.start, s.end));
const sampleWords = sample.reduce((n, s) => n + s.split(/\s+/).filter(Boolean).length, 0);
const t0 = performance.now();
for (const s of sample) sink += reference.polarity_scores(s).compound;
const referenceMs = performance.now() - t0;

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
console.log(`input: ${name}, ${words.toLocaleString('en-US')} words, ${sentences.length} sentences`);
console.log(`lexicon load:                 ${lexiconMs.toFixed(1)} ms`);
console.log(`sentence valence only:        ${scoreMs.toFixed(1)} ms  ${perSecond(words, scoreMs)} words/s`);
console.log(`emotion stage (all of it):    ${stageMs.toFixed(1)} ms  ${perSecond(words, stageMs)} words/s`);
console.log(
  `vader-sentiment (reference):  ${referenceMs.toFixed(1)} ms for ${sample.length} sentences  ${perSecond(sampleWords, referenceMs)} words/s`,
);
if (Number.isNaN(sink)) console.log('');
