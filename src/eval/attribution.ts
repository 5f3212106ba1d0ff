import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/engine.js';
import type { GivenCharacter, GivenQuotation } from '../engine/stage.js';
import type { SourceText } from '../engine/types.js';
import { shippedModel } from '../stages/attribution/model.js';
import { articlelessKey } from './characters.js';

/**
 * Speaker and addressee accuracy against PDNC.
 *
 * - `gold`: gold quotation spans and gold cast are given to the engine (`--quotes`, `--characters`),
 *   the published protocol for BookNLP+ (78.5%) and the zero-shot LLM baselines.
 * Each novel is scored with the attribution weights of the cross-validation fold that held it out
 * (model.json), so no figure comes from a novel the model was trained on.
 * - `end-to-end`: the engine's own quotations and cast; a predicted quotation matches a gold one
 *   when their spans overlap, and its speaker is right when one of the predicted character's names
 *   equals one of the gold speaker's aliases (honorifics normalised).
 */
export interface AttributionOptions {
  mode: 'gold' | 'end-to-end';
  /** Only these novels (folder names). Default: all. */
  novels?: readonly string[];
  /** Keep per-quotation rows for error analysis. Default false. */
  details?: boolean;
}

export interface QuoteOutcome {
  novel: string;
  id: string;
  type: string;
  goldSpeaker: string;
  predicted: string | null;
  correct: boolean;
  confidence: number;
  method: string;
  text: string;
  goldAddressees: string[];
  predictedAddressees: string[];
}

export interface Tally {
  total: number;
  correct: number;
}

export interface AttributionReport {
  mode: string;
  novels: { name: string; total: number; correct: number; byType: Record<string, Tally> }[];
  overall: Tally;
  byType: Record<string, Tally>;
  addresseeExact: Tally;
  addresseeOverlap: Tally;
  abstained: number;
  confident: Tally;
  /** Reliability: [bin lower bound, count, accuracy] in tenths. */
  calibration: [number, number, number][];
  details: QuoteOutcome[];
}

interface GoldQuote {
  id: string;
  spans: [number, number][];
  speaker: number;
  addressees: number[];
  type: string | null;
}

interface GoldCharacter {
  id: number;
  name: string;
  aliases: string[];
  gender: string;
  category: string;
}

export function listNovels(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'quotes.jsonl')))
    .map((d) => d.name)
    .sort();
}

function loadNovel(dir: string, name: string): { text: string; cast: GoldCharacter[]; quotes: GoldQuote[] } {
  const base = join(dir, name);
  return {
    text: readFileSync(join(base, 'text.txt'), 'utf8'),
    cast: JSON.parse(readFileSync(join(base, 'characters.json'), 'utf8')) as GoldCharacter[],
    quotes: readFileSync(join(base, 'quotes.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldQuote),
  };
}

const tally = (): Tally => ({ total: 0, correct: 0 });
const add = (t: Tally, ok: boolean): void => {
  t.total++;
  if (ok) t.correct++;
};

export function evalAttribution(dir: string, options: AttributionOptions): AttributionReport {
  const report: AttributionReport = {
    mode: options.mode,
    novels: [],
    overall: tally(),
    byType: {},
    addresseeExact: tally(),
    addresseeOverlap: tally(),
    abstained: 0,
    confident: tally(),
    calibration: [],
    details: [],
  };
  const bins = Array.from({ length: 10 }, () => tally());
  for (const name of options.novels ?? listNovels(dir)) {
    const { text, cast, quotes } = loadNovel(dir, name);
    const source: SourceText = {
      name: `${name}/text.txt`,
      format: 'txt',
      encoding: 'utf-8',
      text,
      meta: {},
      structure: { chapters: [], breaks: [] },
      messages: [],
    };
    const given: GivenCharacter[] = cast.map((c) => ({
      id: c.id,
      name: c.name,
      aliases: c.aliases,
      gender: c.gender,
    }));
    const givenQuotes: GivenQuotation[] = quotes.map((q) => ({ id: q.id, spans: q.spans }));
    // Never score a novel with weights trained on it: use the fold that held it out.
    const fold = shippedModel().folds.find((f) => f.heldOut.includes(name));
    const weights = fold ? { attributionWeights: fold.weights } : {};
    const engine =
      options.mode === 'gold'
        ? createEngine({ characters: given, quotes: givenQuotes, ...weights })
        : createEngine({ ...weights });
    const result = engine.analyze(source);
    const novel = { name, total: 0, correct: 0, byType: {} as Record<string, Tally> };
    const castById = new Map(cast.map((c) => [c.id, c] as const));

    // Map predicted quotations onto gold ones.
    const predictedFor = new Map<string, (typeof result.quotes)[number]>();
    if (options.mode === 'gold') {
      for (const q of result.quotes) predictedFor.set(q.id, q);
    } else {
      const sorted = [...result.quotes].sort((a, b) => a.start - b.start);
      let k = 0;
      for (const g of quotes) {
        const gs = g.spans[0]![0];
        const ge = g.spans[g.spans.length - 1]![1];
        while (k < sorted.length && sorted[k]!.end <= gs) k++;
        const p = sorted[k];
        if (p && p.start < ge) predictedFor.set(g.id, p);
      }
    }
    // In end-to-end mode a predicted character is the gold one when a name of it equals a gold
    // alias; a description matches whatever its article ("the old man" is PDNC's "An Old Man").
    const predictedNames = new Map(
      result.characters.map((c) => [c.id, [c.name, ...c.aliases].map(articlelessKey)] as const),
    );
    const sameCharacter = (predictedId: string | number | null, goldId: number): boolean => {
      if (predictedId === null) return false;
      if (options.mode === 'gold') return predictedId === goldId;
      const gold = castById.get(goldId);
      const names = predictedNames.get(predictedId);
      if (!gold || !names) return false;
      const goldKeys = new Set([gold.name, ...gold.aliases].map(articlelessKey));
      return names.some((n) => goldKeys.has(n));
    };

    for (const g of quotes) {
      const type = g.type ?? 'Unknown';
      const p = predictedFor.get(g.id);
      const speaker = p?.speaker ?? null;
      const ok = sameCharacter(speaker, g.speaker);
      add(report.overall, ok);
      add((report.byType[type] ??= tally()), ok);
      add((novel.byType[type] ??= tally()), ok);
      novel.total++;
      if (ok) novel.correct++;
      if (speaker === null) report.abstained++;
      const confidence = p?.confidence ?? 0;
      if (confidence >= 0.8) add(report.confident, ok);
      add(bins[Math.min(9, Math.floor(confidence * 10))]!, ok);
      if (p && options.mode === 'gold') {
        const predicted = new Set(p.addressees);
        const gold = new Set(g.addressees);
        const exact = predicted.size === gold.size && [...gold].every((a) => predicted.has(a));
        const overlap = [...gold].some((a) => predicted.has(a));
        add(report.addresseeExact, exact);
        add(report.addresseeOverlap, overlap || (gold.size === 0 && predicted.size === 0));
      }
      if (options.details) {
        report.details.push({
          novel: name,
          id: g.id,
          type,
          goldSpeaker: castById.get(g.speaker)?.name ?? String(g.speaker),
          predicted:
            speaker === null
              ? null
              : (result.characters.find((c) => c.id === speaker)?.name ?? String(speaker)),
          correct: ok,
          confidence,
          method: p?.method ?? 'unmatched',
          goldAddressees: g.addressees.map((a) => castById.get(a)?.name ?? String(a)),
          predictedAddressees: (p?.addressees ?? []).map(
            (a) => result.characters.find((c) => c.id === a)?.name ?? String(a),
          ),
          text: text.slice(g.spans[0]![0], g.spans[g.spans.length - 1]![1]),
        });
      }
    }
    report.novels.push(novel);
  }
  report.calibration = bins.map((b, i) => [i / 10, b.total, b.total ? b.correct / b.total : 0]);
  return report;
}

const pct = (t: Tally): string => (t.total ? ((100 * t.correct) / t.total).toFixed(1) : '  - ');

export function formatAttributionReport(r: AttributionReport): string {
  const lines: string[] = [];
  lines.push(`attribution (${r.mode} mode) on ${r.novels.length} PDNC novels`);
  lines.push('');
  lines.push(`${'novel'.padEnd(30)} ${'quotes'.padStart(6)} ${'acc%'.padStart(6)}  Expl   Anap   Impl`);
  for (const n of r.novels) {
    const t = (k: string): string => pct(n.byType[k] ?? tally()).padStart(5);
    lines.push(
      `${n.name.padEnd(30)} ${String(n.total).padStart(6)} ${pct(n).padStart(6)}  ${t('Explicit')}  ${t('Anaphoric')}  ${t('Implicit')}`,
    );
  }
  lines.push('');
  lines.push(`overall accuracy        ${pct(r.overall)}%  (${r.overall.correct}/${r.overall.total})`);
  for (const k of ['Explicit', 'Anaphoric', 'Implicit']) {
    const t = r.byType[k] ?? tally();
    lines.push(`  ${k.padEnd(21)} ${pct(t)}%  (${t.correct}/${t.total})`);
  }
  if (r.mode === 'gold') {
    lines.push(`addressees exact set    ${pct(r.addresseeExact)}%`);
    lines.push(`addressees any overlap  ${pct(r.addresseeOverlap)}%`);
  }
  lines.push(`abstained               ${((100 * r.abstained) / Math.max(1, r.overall.total)).toFixed(1)}%`);
  lines.push(
    `confidence >= 0.8       ${pct(r.confident)}% correct on ${((100 * r.confident.total) / Math.max(1, r.overall.total)).toFixed(1)}% of quotations`,
  );
  lines.push(
    `calibration (bin: n, acc) ${r.calibration
      .filter(([, n]) => n > 0)
      .map(([b, n, a]) => `${b.toFixed(1)}: ${n}, ${(a * 100).toFixed(0)}%`)
      .join(' · ')}`,
  );
  return lines.join('\n');
}
