import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { StoryDocument } from '../engine/document.js';
import type { Quotation } from '../engine/types.js';
import { ingestFile, normalise } from '../ingest/index.js';
import { findQuotations, lineBreaksOf } from '../stages/quotes/detect.js';
import { segmentStage } from '../stages/segment/index.js';
import { listPdncNovels, loadPdncNovel, type PdncNovel } from './pdnc.js';

/**
 * Scores detected quotations against PDNC. PDNC annotates what characters say (and think), at the
 * outermost level only: nested quotations are cut out of the enclosing one and not annotated
 * themselves, and letters, signs and scare quotes are not annotated. So only top-level `speech`
 * and `thought` predictions are scored.
 *
 * A gold span is found by a predicted span with the same trimmed text at the same place, or one
 * overlapping it by at least 90% of both lengths; each span is matched at most once.
 */

export interface EvalQuotesOptions {
  /** Only these novels (folder names). Default: all. */
  readonly novels?: readonly string[];
  /** Keep the unmatched spans with their text, for error analysis. Default: false. */
  readonly keepErrors?: boolean;
}

export interface Scores {
  gold: number;
  predicted: number;
  /** Gold items found (recall numerator). */
  found: number;
  /** Predicted items that matched (precision numerator). */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanError {
  start: number;
  end: number;
  text: string;
}

export interface NovelQuotesScore {
  novel: string;
  /** Characters of the text. */
  length: number;
  spans: Scores;
  /** A gold quotation is found when one predicted quotation matches all its spans, and vice versa. */
  quotations: Scores;
  /** Predicted top-level quotations by kind. */
  kinds: Record<Quotation['kind'], number>;
  /** Wall time of quotation detection alone (style, pairing, kinds), in milliseconds. */
  detectMs: number;
  messages: number;
  missed?: SpanError[];
  spurious?: SpanError[];
}

export interface QuotesReport {
  /** Set when the corpus folder is absent: a one-line notice, and no scores. */
  skipped?: string;
  novels: NovelQuotesScore[];
  overall: { spans: Scores; quotations: Scores };
}

export async function evalQuotes(
  pdncDir: string,
  options: Readonly<EvalQuotesOptions> = {},
): Promise<QuotesReport> {
  let names = await listPdncNovels(pdncDir);
  const empty = { spans: scores(0, 0, 0, 0), quotations: scores(0, 0, 0, 0) };
  if (names.length === 0) {
    return { skipped: `quotes eval skipped: no PDNC novels found in ${pdncDir}`, novels: [], overall: empty };
  }
  if (options.novels) {
    const wanted = new Set(options.novels);
    names = names.filter((n) => wanted.has(n));
  }
  const novels: NovelQuotesScore[] = [];
  for (const name of names)
    novels.push(await scoreNovel(pdncDir, await loadPdncNovel(pdncDir, name), options));
  const sum = (pick: (n: NovelQuotesScore) => Scores): Scores => {
    let gold = 0;
    let predicted = 0;
    let found = 0;
    let correct = 0;
    for (const n of novels) {
      const s = pick(n);
      gold += s.gold;
      predicted += s.predicted;
      found += s.found;
      correct += s.correct;
    }
    return scores(gold, predicted, found, correct);
  };
  return { novels, overall: { spans: sum((n) => n.spans), quotations: sum((n) => n.quotations) } };
}

export function scores(gold: number, predicted: number, found: number, correct: number): Scores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : found / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, found, correct, precision, recall, f1 };
}

/**
 * A PDNC novel as the pipeline sees it: ingested and normalised like any input file (gold offsets
 * index `text.txt`, which is the decoded source), then paragraphs from the segment stage.
 */
export async function pdncDocument(pdncDir: string, name: string): Promise<StoryDocument> {
  const source = await ingestFile(join(pdncDir, name, 'text.txt'));
  const normalised = normalise(source);
  const doc = new StoryDocument(source, normalised.text, normalised.map, normalised.body);
  const { paragraphs, sentences, tokens } = segmentStage.run(doc, {});
  doc.attach('paragraphs', paragraphs);
  doc.attach('sentences', sentences);
  doc.attach('tokens', tokens);
  return doc;
}

export interface ScoredSpan {
  start: number;
  end: number;
  /** Index of the quotation the span belongs to. */
  owner: number;
  /** Index of the matched span on the other side, or -1. */
  match: number;
}

async function scoreNovel(
  pdncDir: string,
  novel: PdncNovel,
  options: Readonly<EvalQuotesOptions>,
): Promise<NovelQuotesScore> {
  const doc = await pdncDocument(pdncDir, novel.name);
  const t0 = performance.now();
  const detection = findQuotations(doc.text, doc.layer('paragraphs'), { lineBreakAt: lineBreaksOf(doc) });
  const detectMs = performance.now() - t0;

  const kinds: Record<Quotation['kind'], number> = {
    speech: 0,
    thought: 0,
    written: 0,
    mention: 0,
    reported: 0,
    imagined: 0,
  };
  const predictedQuotes: [number, number][][] = [];
  detection.quotes.forEach((q, k) => {
    if (detection.parents[k] !== undefined) return;
    kinds[q.kind]++;
    if (q.kind === 'speech' || q.kind === 'thought') {
      predictedQuotes.push(
        q.spans.map(([s, e]) => [doc.map.toSource(s), doc.map.toSource(e)] as [number, number]),
      );
    }
  });

  const source = novel.text;
  const gold = spansOf(
    source,
    novel.quotations.map((q) => q.spans),
  );
  const predicted = spansOf(source, predictedQuotes);
  matchSpans(gold, predicted);

  const found = gold.filter((s) => s.match >= 0).length;
  const correct = predicted.filter((s) => s.match >= 0).length;
  const quotations = scoreQuotations(gold, predicted, novel.quotations.length, predictedQuotes.length);
  const result: NovelQuotesScore = {
    novel: novel.name,
    length: source.length,
    spans: scores(gold.length, predicted.length, found, correct),
    quotations,
    kinds,
    detectMs,
    messages: detection.messages.length,
  };
  if (options.keepErrors) {
    const error = (s: ScoredSpan): SpanError => ({
      start: s.start,
      end: s.end,
      text: source.slice(s.start, s.end),
    });
    result.missed = gold.filter((s) => s.match < 0).map(error);
    result.spurious = predicted.filter((s) => s.match < 0).map(error);
  }
  return result;
}

function isTrimmable(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x22 || c === 0x27 || (c >= 0x2018 && c <= 0x201f);
}

/** Spans with surrounding whitespace and quotation marks trimmed, sorted by start. */
export function spansOf(text: string, quotations: readonly (readonly [number, number][])[]): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  quotations.forEach((spans, owner) => {
    for (const [s0, e0] of spans) {
      let s = s0;
      let e = e0;
      while (s < e && isTrimmable(text.charCodeAt(s))) s++;
      while (e > s && isTrimmable(text.charCodeAt(e - 1))) e--;
      out.push({ start: s, end: e, owner, match: -1 });
    }
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Matches gold and predicted spans one to one: same trimmed span first, then the best overlap of
 * at least 90% of both lengths. Both lists are sorted, so a sliding window keeps this linear.
 */
export function matchSpans(gold: ScoredSpan[], predicted: ScoredSpan[]): void {
  let from = 0;
  for (let g = 0; g < gold.length; g++) {
    const gs = gold[g]!;
    while (from < predicted.length && predicted[from]!.end <= gs.start) from++;
    let best = -1;
    let bestOverlap = 0;
    for (let p = from; p < predicted.length && predicted[p]!.start < gs.end; p++) {
      const ps = predicted[p]!;
      if (ps.match >= 0) continue;
      if (ps.start === gs.start && ps.end === gs.end) {
        best = p;
        break;
      }
      const overlap = Math.min(ps.end, gs.end) - Math.max(ps.start, gs.start);
      if (
        overlap >= 0.9 * (gs.end - gs.start) &&
        overlap >= 0.9 * (ps.end - ps.start) &&
        overlap > bestOverlap
      ) {
        best = p;
        bestOverlap = overlap;
      }
    }
    if (best >= 0) {
      gs.match = best;
      predicted[best]!.match = g;
    }
  }
}

function scoreQuotations(
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
  goldCount: number,
  predictedCount: number,
): Scores {
  // A quotation is right when every one of its spans matched a span of one and the same quotation
  // on the other side, and that quotation has no other spans.
  const complete = (own: readonly ScoredSpan[], other: readonly ScoredSpan[], count: number): number => {
    const partner = new Int32Array(count).fill(-2);
    const size = new Int32Array(count);
    for (const s of own) size[s.owner]!++;
    const otherSize = new Map<number, number>();
    for (const s of other) otherSize.set(s.owner, (otherSize.get(s.owner) ?? 0) + 1);
    for (const s of own) {
      const p = s.match >= 0 ? other[s.match]!.owner : -1;
      const cur = partner[s.owner]!;
      if (cur === -2) partner[s.owner] = p;
      else if (cur !== p) partner[s.owner] = -1;
    }
    let n = 0;
    for (let q = 0; q < count; q++) {
      const p = partner[q]!;
      if (p >= 0 && otherSize.get(p) === size[q]) n++;
    }
    return n;
  };
  const found = complete(gold, predicted, goldCount);
  const correct = complete(predicted, gold, predictedCount);
  return scores(goldCount, predictedCount, found, correct);
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

/** A per-novel table and the overall figures, as plain text. */
export function formatQuotesReport(report: QuotesReport): string {
  if (report.skipped) return report.skipped + '\n';
  const lines: string[] = [];
  const width = Math.max(8, ...report.novels.map((n) => n.novel.length));
  lines.push(
    `${'novel'.padEnd(width)}   gold  pred     P     R    F1 │ quotations P     R    F1 │ written mention reported imagined  ms`,
  );
  const row = (name: string, s: Scores, q: Scores, extra: string): string =>
    `${name.padEnd(width)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(5)} ${pct(s.precision)} ${pct(
      s.recall,
    )} ${pct(s.f1)} │ ${' '.repeat(10)}${pct(q.precision)} ${pct(q.recall)} ${pct(q.f1)} │ ${extra}`;
  let ms = 0;
  for (const n of report.novels) {
    ms += n.detectMs;
    const extra = `${String(n.kinds.written).padStart(7)} ${String(n.kinds.mention).padStart(7)} ${String(
      n.kinds.reported,
    ).padStart(8)} ${String(n.kinds.imagined).padStart(8)} ${n.detectMs.toFixed(0).padStart(3)}`;
    lines.push(row(n.novel, n.spans, n.quotations, extra));
  }
  lines.push(
    row('overall', report.overall.spans, report.overall.quotations, `${' '.repeat(33)} ${ms.toFixed(0)}`),
  );
  lines.push('(span scores: speech and thought spans against PDNC gold spans; P/R/F1 in %)');
  return lines.join('\n') + '\n';
}
