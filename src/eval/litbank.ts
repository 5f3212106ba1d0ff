import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/engine.js';
import type { SourceText } from '../engine/types.js';
import { isProperNameMention } from './characters.js';

/**
 * Proper-name person mentions scored against LitBank (Bamman, Popat & Shen 2019; CC BY 4.0), read
 * where it lies in `../shared/data/litbank` and never copied into the project.
 *
 * The gold mentions are the PER spans of `entities/brat/*.ann` that the coreference layer of the
 * same excerpt (`coref/brat/*.ann`) classes as proper (`PROP_PER`): "Sir Walter", "Elizabeth",
 * "Mr. Bennet". The entity layer alone does not tell proper names from descriptions, and it nests
 * the bare title ("Mr.") as a mention of its own, which the coreference layer does not.
 * Predicted mentions are the characters stage's proper and vocative mentions that start with a
 * capital letter. A prediction is right when its source span equals a gold span exactly.
 */

export interface LitbankScore {
  file: string;
  gold: number;
  predicted: number;
  correct: number;
  missed?: string[];
  spurious?: string[];
}

export interface LitbankReport {
  files: LitbankScore[];
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

interface BratSpan {
  label: string;
  start: number;
  end: number;
}

function readBrat(path: string): BratSpan[] {
  const out: BratSpan[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith('T')) continue;
    const [, what] = line.split('\t');
    if (!what) continue;
    const [label, start, end] = what.split(' ');
    // Discontinuous spans ("12 15;18 20") do not occur for PER; skip them if they ever do.
    if (label === undefined || start === undefined || end === undefined || end.includes(';')) continue;
    out.push({ label, start: Number(start), end: Number(end) });
  }
  return out;
}

/** Gold proper-name PER spans of one excerpt, as "start end" keys. */
export function litbankProperPersons(root: string, base: string): Set<string> {
  const entities = readBrat(join(root, 'entities', 'brat', `${base}.ann`)).filter((s) => s.label === 'PER');
  const corefPath = join(root, 'coref', 'brat', `${base}.ann`);
  const proper = new Set(
    existsSync(corefPath)
      ? readBrat(corefPath)
          .filter((s) => s.label === 'PROP_PER')
          .map((s) => `${s.start} ${s.end}`)
      : [],
  );
  return new Set(entities.map((s) => `${s.start} ${s.end}`).filter((k) => proper.has(k)));
}

export function litbankFiles(root: string): string[] {
  const dir = join(root, 'entities', 'brat');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ann'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function evalLitbank(root: string, options: { keepErrors?: boolean } = {}): LitbankReport {
  const engine = createEngine({ until: 'characters' });
  const report: LitbankReport = {
    files: [],
    gold: 0,
    predicted: 0,
    correct: 0,
    precision: 0,
    recall: 0,
    f1: 0,
  };
  for (const base of litbankFiles(root)) {
    const text = readFileSync(join(root, 'entities', 'brat', `${base}.txt`), 'utf8');
    const source: SourceText = {
      name: `${base}.txt`,
      format: 'txt',
      encoding: 'utf-8',
      text,
      meta: {},
      structure: { chapters: [], breaks: [] },
      messages: [],
    };
    const doc = engine.process(source);
    const gold = litbankProperPersons(root, base);
    const predicted = new Set<string>();
    for (const m of doc.layer('mentions')) {
      if (!isProperNameMention(m, doc.text)) continue;
      const [s, e] = doc.map.spanToSource(m.start, m.end);
      predicted.add(`${s} ${e}`);
    }
    let correct = 0;
    for (const k of predicted) if (gold.has(k)) correct++;
    const row: LitbankScore = { file: base, gold: gold.size, predicted: predicted.size, correct };
    if (options.keepErrors) {
      const show = (k: string): string => {
        const [s, e] = k.split(' ').map(Number) as [number, number];
        return `${text.slice(s, e)} @${s}`;
      };
      row.missed = [...gold].filter((k) => !predicted.has(k)).map(show);
      row.spurious = [...predicted].filter((k) => !gold.has(k)).map(show);
    }
    report.files.push(row);
    report.gold += gold.size;
    report.predicted += predicted.size;
    report.correct += correct;
  }
  report.precision = report.predicted ? report.correct / report.predicted : 0;
  report.recall = report.gold ? report.correct / report.gold : 0;
  report.f1 =
    report.precision + report.recall > 0
      ? (2 * report.precision * report.recall) / (report.precision + report.recall)
      : 0;
  return report;
}

export function formatLitbankReport(r: LitbankReport): string {
  return [
    `LitBank PER proper-name mentions on ${r.files.length} excerpts (exact spans)`,
    `  P ${(100 * r.precision).toFixed(1)}  R ${(100 * r.recall).toFixed(1)}  F1 ${(100 * r.f1).toFixed(1)}   (target F1 ≥ 85.0)  gold ${r.gold}, predicted ${r.predicted}, correct ${r.correct}`,
  ].join('\n');
}
