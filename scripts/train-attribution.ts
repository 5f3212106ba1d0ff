/**
 * Trains the attribution CRF (src/stages/attribution/model.json) on the PDNC novels in
 * ../shared/data/pdnc, with gold quotations and gold cast, by maximising the conditional
 * log-likelihood of the gold speakers (turns whose gold speaker is not among the candidates are
 * left unlabelled and marginalised out).
 *
 * It writes k cross-validation folds (each trained without its held-out novels; the evaluation
 * uses them so no figure comes from a novel the model saw), an isotonic calibration of the
 * posteriors measured on the held-out novels, and the shipped weights trained on all novels.
 *
 *   npm run train:attribution [-- --pdnc <dir>] [--folds 5] [--iterations 150]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import type { SourceText } from '../src/engine/types.js';
import { listNovels } from '../src/eval/attribution.js';
import { forwardBackward } from '../src/stages/attribution/decode.js';
import { type ConversationFeatures, NE, NT } from '../src/stages/attribution/features.js';
import { prepareConversations } from '../src/stages/attribution/index.js';
import {
  type AttributionModelFile,
  type AttributionWeights,
  addTransitionExpectations,
  chainOf,
  densify,
  shippedModel,
  sparsify,
} from '../src/stages/attribution/model.js';

interface Example {
  novel: string;
  conv: ConversationFeatures;
  /** Gold candidate index per turn, or -1 when the gold speaker is not a candidate. */
  labels: Int32Array;
}

function loadExamples(dir: string, novel: string): Example[] {
  const base = join(dir, novel);
  const text = readFileSync(join(base, 'text.txt'), 'utf8');
  const cast = JSON.parse(readFileSync(join(base, 'characters.json'), 'utf8')) as {
    id: number;
    name: string;
    aliases: string[];
    gender: string;
  }[];
  const gold = readFileSync(join(base, 'quotes.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; spans: [number, number][]; speaker: number });
  const engine = createEngine({
    until: 'coref',
    characters: cast.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, gender: c.gender })),
    quotes: gold.map((q) => ({ id: q.id, spans: q.spans })),
  });
  const source: SourceText = {
    name: novel,
    format: 'txt',
    encoding: 'utf-8',
    text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
  const doc = engine.process(source);
  const quotes = doc.layer('quotes');
  const speakerOf = new Map(gold.map((q) => [q.id, cast.findIndex((c) => c.id === q.speaker)] as const));
  return prepareConversations(doc).map((conv) => {
    const labels = Int32Array.from(conv.turns, (turn) => {
      const speaker = speakerOf.get(quotes[turn.quotes[0]!]!.id) ?? -1;
      return conv.candidates.indexOf(speaker);
    });
    return { novel, conv, labels };
  });
}

/** Negative log-likelihood and its gradient over the examples, with L2 penalty. */
function objective(
  examples: readonly Example[],
  we: Float64Array,
  wt: Float64Array,
  l2: number,
): { loss: number; ge: Float64Array; gt: Float64Array } {
  const ge = new Float64Array(NE);
  const gt = new Float64Array(NT);
  let loss = 0;
  const weights = { emission: we, transition: wt };
  for (const ex of examples) {
    const { conv, labels } = ex;
    const C = conv.candidates.length;
    if (C === 0 || !labels.some((l) => l >= 0)) continue;
    const chain = chainOf(conv, weights);
    // expected features: + under the free model, − under the model clamped to the labels
    for (const [sign, allowed] of [
      [1, undefined],
      [-1, (i: number) => labels[i]!],
    ] as const) {
      const model = allowed ? { ...chain, allowed } : chain;
      const { marginals, logZ, transitions } = forwardBackward(model);
      loss += sign * logZ;
      for (let i = 1; i < conv.turns.length; i++) addTransitionExpectations(conv, i, transitions, sign, gt);
      for (let i = 0; i < conv.turns.length; i++) {
        for (let c = 0; c < C; c++) {
          const p = marginals[i * C + c]!;
          if (p < 1e-9) continue;
          const base = (i * C + c) * NE;
          for (let f = 0; f < NE; f++) {
            const x = conv.emission[base + f]!;
            if (x !== 0) ge[f]! += sign * p * x;
          }
        }
      }
    }
  }
  for (let f = 0; f < NE; f++) {
    loss += l2 * we[f]! * we[f]!;
    ge[f]! += 2 * l2 * we[f]!;
  }
  for (let f = 0; f < NT; f++) {
    loss += l2 * wt[f]! * wt[f]!;
    gt[f]! += 2 * l2 * wt[f]!;
  }
  return { loss, ge, gt };
}

/** Full-batch Adam; the problem is small and convex. */
function train(
  examples: readonly Example[],
  start: AttributionWeights,
  iterations: number,
  l2: number,
): AttributionWeights {
  const { emission: we, transition: wt } = densify(start);
  const params = [we, wt];
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const rate = 0.05;
  for (let it = 1; it <= iterations; it++) {
    const { loss, ge, gt } = objective(examples, we, wt, l2);
    const grads = [ge, gt];
    params.forEach((p, k) => {
      const g = grads[k]!;
      for (let f = 0; f < p.length; f++) {
        m[k]![f] = 0.9 * m[k]![f]! + 0.1 * g[f]!;
        v[k]![f] = 0.999 * v[k]![f]! + 0.001 * g[f]! * g[f]!;
        const mh = m[k]![f]! / (1 - 0.9 ** it);
        const vh = v[k]![f]! / (1 - 0.999 ** it);
        p[f]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
      }
    });
    if (it % 25 === 0 || it === 1) process.stderr.write(`  iteration ${it}: loss ${loss.toFixed(1)}\n`);
  }
  return sparsify(we, wt);
}

/** Accuracy and (posterior, correct) pairs of weights on examples. */
function predict(examples: readonly Example[], w: AttributionWeights): { raw: number; correct: boolean }[] {
  const dense = densify(w);
  const out: { raw: number; correct: boolean }[] = [];
  for (const { conv, labels } of examples) {
    const C = conv.candidates.length;
    if (C === 0) continue;
    const { marginals } = forwardBackward(chainOf(conv, dense));
    for (let i = 0; i < conv.turns.length; i++) {
      let b = 0;
      for (let c = 1; c < C; c++) if (marginals[i * C + c]! > marginals[i * C + b]!) b = c;
      // Every quotation of the turn counts once.
      for (let q = 0; q < conv.turns[i]!.quotes.length; q++)
        out.push({ raw: marginals[i * C + b]!, correct: labels[i] === b });
    }
  }
  return out;
}

/** Isotonic regression (pool adjacent violators) of correctness on the raw posterior. */
function isotonic(points: { raw: number; correct: boolean }[]): { at: number[]; accuracy: number[] } {
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  // Bins of ~200 points, then pooled until accuracy is non-decreasing.
  const blocks: { at: number; sum: number; n: number }[] = [];
  for (let i = 0; i < sorted.length; i += 200) {
    const chunk = sorted.slice(i, i + 200);
    blocks.push({ at: chunk[0]!.raw, sum: chunk.filter((p) => p.correct).length, n: chunk.length });
  }
  for (let k = 1; k < blocks.length; ) {
    const a = blocks[k - 1]!;
    const b = blocks[k]!;
    if (a.sum / a.n > b.sum / b.n) {
      blocks.splice(k - 1, 2, { at: a.at, sum: a.sum + b.sum, n: a.n + b.n });
      k = Math.max(1, k - 1);
    } else k++;
  }
  return {
    at: blocks.map((b) => Math.round(b.at * 1e4) / 1e4),
    accuracy: blocks.map((b) => Math.round((b.sum / b.n) * 1e4) / 1e4),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      pdnc: { type: 'string', default: '../shared/data/pdnc' },
      folds: { type: 'string', default: '5' },
      iterations: { type: 'string', default: '150' },
      l2: { type: 'string', default: '0.5' },
    },
  });
  const dir = values.pdnc!;
  const novels = listNovels(dir);
  const k = Number(values.folds);
  const iterations = Number(values.iterations);
  const l2 = Number(values.l2);
  process.stderr.write(`loading ${novels.length} novels…\n`);
  const byNovel = new Map(novels.map((n) => [n, loadExamples(dir, n)] as const));
  const start = shippedModel().weights;
  const folds: AttributionModelFile['folds'] = [];
  const heldOutPoints: { raw: number; correct: boolean }[] = [];
  for (let f = 0; f < k; f++) {
    const heldOut = novels.filter((_, i) => i % k === f);
    const trainSet = novels.filter((n) => !heldOut.includes(n)).flatMap((n) => byNovel.get(n)!);
    process.stderr.write(`fold ${f + 1}/${k}: held out ${heldOut.join(', ')}\n`);
    const weights = train(trainSet, start, iterations, l2);
    folds.push({ heldOut, weights });
    const points = predict(
      heldOut.flatMap((n) => byNovel.get(n)!),
      weights,
    );
    heldOutPoints.push(...points);
    const acc = points.filter((p) => p.correct).length / Math.max(1, points.length);
    process.stderr.write(
      `  held-out turn accuracy (gold speaker among candidates counted): ${(100 * acc).toFixed(1)}%\n`,
    );
  }
  process.stderr.write('training on all novels…\n');
  const weights = train([...byNovel.values()].flat(), start, iterations, l2);
  const model: AttributionModelFile = {
    version: 1,
    trainedOn: novels,
    weights,
    folds,
    calibration: isotonic(heldOutPoints),
  };
  const out = 'src/stages/attribution/model.json';
  writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
  process.stderr.write(`wrote ${out}\n`);
}

main();
