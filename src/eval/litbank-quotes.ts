import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryDocument } from '../engine/document.js';
import { createEngine } from '../engine/engine.js';
import type { SourceText } from '../engine/types.js';
import { matchSpans, type Scores, scores, spansOf } from './quotes.js';

/**
 * Quotation detection and speaker attribution scored on LitBank's quotation layer (Sims & Bamman
 * 2020; CC BY 4.0): 100 excerpts of ~2,000 words from 100 novels, read where they lie in
 * `../shared/data/litbank` and never copied into the project. The attribution model was trained on
 * PDNC only, so this is text the engine has never seen — except the excerpts whose novel is also a
 * PDNC novel, which are reported apart.
 *
 * LitBank's layers are tokenised (one sentence a line, tokens between spaces) and so lose the
 * paragraphs that turn-taking depends on. The gold tokens are therefore aligned back to the
 * untokenised novel (`original/`), and the engine reads the excerpt as the story it is: the
 * novel's text up to the end of the paragraph holding the excerpt's last token.
 *
 * - Spans: a gold quotation (marks trimmed) is found by a predicted `speech` or `thought` span with
 *   the same text or overlapping it by 90% of both lengths, as in the PDNC evaluation. LitBank
 *   annotates each stretch between quotation marks as its own quotation, so spans are compared.
 * - Speakers: gold speakers are coreference entities. A predicted character stands for the gold
 *   entity most of its name and description mentions fall on (by character offsets); a quotation
 *   is attributed right when its speaker stands for the gold speaker. Scored over every gold
 *   quotation, with the engine's own quotations (end-to-end: a missed quotation is wrong) and with
 *   the gold quotations given (`--quotes`, as the PDNC gold mode, but with the detected cast).
 */

export interface LitbankQuote {
  id: string;
  /** Source offsets of the quotation, marks included. */
  start: number;
  end: number;
  /** Gold speaker entity ("Jack_Durbeyfield-0"). */
  speaker: string;
}

export interface LitbankMention {
  start: number;
  end: number;
  entity: string;
}

export interface LitbankExcerpt {
  name: string;
  /** The novel's text up to the end of the excerpt's last paragraph. */
  text: string;
  quotes: LitbankQuote[];
  /** PER mentions of the coreference layer, with their entity. */
  mentions: LitbankMention[];
  /** Gold tokens that could not be placed in the original text. */
  unaligned: number;
}

export interface ExcerptScore {
  name: string;
  /** The novel is one of the PDNC novels the attribution model was trained on. */
  seen: boolean;
  quotes: number;
  spans: Scores;
  endToEnd: number;
  goldQuotes: number;
}

export interface LitbankQuotesReport {
  excerpts: ExcerptScore[];
  spans: Scores;
  /** Correct speakers over all gold quotations: [correct, total], for unseen and all excerpts. */
  endToEnd: { unseen: [number, number]; all: [number, number] };
  goldQuotes: { unseen: [number, number]; all: [number, number] };
  unaligned: number;
  details?: { excerpt: string; id: string; text: string; gold: string; endToEnd: string; given: string }[];
}

export interface EvalLitbankQuotesOptions {
  /** Names of the novels whose texts the model was trained on (PDNC folders). */
  readonly seen?: readonly string[];
  readonly details?: boolean;
}

const QUOTES_DIR = ['quotations', 'tsv'];
const COREF_DIR = ['coref', 'tsv'];

export function litbankQuoteFiles(root: string): string[] {
  const dir = join(root, ...QUOTES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('_brat.ann'))
    .map((f) => f.slice(0, -'_brat.ann'.length))
    .sort();
}

/**
 * Places LitBank's tokens (lines of space-separated tokens) in the untokenised text: each token's
 * characters are matched in order, skipping whitespace; a token that does not match where expected
 * is searched for a little further on. Returns [start, end) per token, per line (-1 when lost).
 */
export function alignTokens(lines: readonly string[][], original: string): { at: number[][]; lost: number } {
  let pos = 0;
  let lost = 0;
  const at = lines.map((tokens) =>
    tokens.map((token) => {
      while (pos < original.length && /\s/.test(original[pos]!)) pos++;
      if (original.startsWith(token, pos)) {
        const start = pos;
        pos += token.length;
        return start;
      }
      const found = original.indexOf(token, pos);
      if (found >= 0 && found - pos < 200) {
        pos = found + token.length;
        return found;
      }
      lost++;
      return -1;
    }),
  );
  return { at, lost };
}

export function loadLitbankExcerpt(root: string, name: string): LitbankExcerpt {
  const lines = readFileSync(join(root, ...QUOTES_DIR, `${name}_brat.txt`), 'utf8')
    .split('\n')
    .map((l) => (l.length > 0 ? l.split(' ') : []));
  const original = readFileSync(join(root, 'original', `${name}.txt`), 'utf8');
  const { at, lost } = alignTokens(lines, original);
  const startOf = (line: number, token: number): number => at[line]?.[token] ?? -1;
  const endOf = (line: number, token: number): number => {
    const s = startOf(line, token);
    return s < 0 ? -1 : s + lines[line]![token]!.length;
  };
  let last = 0;
  for (let l = 0; l < at.length; l++)
    for (let t = 0; t < at[l]!.length; t++) last = Math.max(last, endOf(l, t));
  const paragraphEnd = original.indexOf('\n\n', last);
  const text = original.slice(0, paragraphEnd < 0 ? original.length : paragraphEnd);

  const speakers = new Map<string, string>();
  const quoteRows: string[][] = [];
  for (const line of readFileSync(join(root, ...QUOTES_DIR, `${name}_brat.ann`), 'utf8').split('\n')) {
    const row = line.split('\t');
    if (row[0] === 'QUOTE') quoteRows.push(row);
    else if (row[0] === 'ATTRIB' && row[1] && row[2]) speakers.set(row[1], row[2]);
  }
  const quotes: LitbankQuote[] = [];
  for (const [, id, sl, st, el, et] of quoteRows) {
    const start = startOf(Number(sl), Number(st));
    const end = endOf(Number(el), Number(et));
    if (id === undefined || start < 0 || end < 0) continue;
    quotes.push({ id, start, end, speaker: speakers.get(id) ?? '' });
  }

  const entityOf = new Map<string, string>();
  const mentionRows: string[][] = [];
  const corefPath = join(root, ...COREF_DIR, `${name}_brat.ann`);
  if (existsSync(corefPath)) {
    for (const line of readFileSync(corefPath, 'utf8').split('\n')) {
      const row = line.split('\t');
      if (row[0] === 'MENTION' && row[7] === 'PER') mentionRows.push(row);
      else if (row[0] === 'COREF' && row[1] && row[2]) entityOf.set(row[1], row[2]);
    }
  }
  const mentions: LitbankMention[] = [];
  for (const [, id, sl, st, el, et] of mentionRows) {
    const start = startOf(Number(sl), Number(st));
    const end = endOf(Number(el), Number(et));
    const entity = id === undefined ? undefined : entityOf.get(id);
    if (entity !== undefined && start >= 0 && end >= 0) mentions.push({ start, end, entity });
  }
  return { name, text, quotes, mentions, unaligned: lost };
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

/** Whether a LitBank novel ("1342_pride_and_prejudice") is one of the named PDNC novels. */
export function isSeenNovel(name: string, seen: readonly string[]): boolean {
  const key = squash(name.replace(/^\d+_/, ''));
  return seen.some((s) => key.startsWith(squash(s)));
}

/**
 * The gold entity each predicted character stands for: the entity most of its name and
 * description mentions overlap (pronouns count `pronounWeight`, a quarter by default: they follow
 * the engine's own coreference, so the coreference evaluation leaves them out).
 */
export function entitiesOfCharacters(
  doc: StoryDocument,
  gold: readonly LitbankMention[],
  pronounWeight = 0.25,
): Map<number, string> {
  const sorted = [...gold].sort((a, b) => a.start - b.start);
  const votes = new Map<number, Map<string, number>>();
  const vote = (character: number, start: number, end: number, weight: number): void => {
    if (character < 0) return;
    const [s, e] = doc.map.spanToSource(start, end);
    for (const g of sorted) {
      if (g.start >= e) break;
      if (g.end <= s) continue;
      const tally = votes.get(character) ?? new Map<string, number>();
      tally.set(g.entity, (tally.get(g.entity) ?? 0) + weight);
      votes.set(character, tally);
    }
  };
  for (const m of doc.layer('mentions')) vote(m.character, m.start, m.end, 1);
  if (pronounWeight > 0)
    for (const m of doc.layer('pronouns')) vote(m.character, m.start, m.end, pronounWeight);
  const out = new Map<number, string>();
  for (const [character, tally] of votes) {
    let best = '';
    let most = 0;
    for (const [entity, n] of tally) {
      if (n > most) {
        best = entity;
        most = n;
      }
    }
    out.set(character, best);
  }
  return out;
}

/** For each gold quotation, the gold entity the predicted speaker of its matching quotation stands for. */
function speakersOfGold(
  doc: StoryDocument,
  excerpt: LitbankExcerpt,
  matched: (number | undefined)[],
): string[] {
  const entities = entitiesOfCharacters(doc, excerpt.mentions);
  const attributions = doc.layer('attributions');
  return excerpt.quotes.map((_, k) => {
    const q = matched[k];
    if (q === undefined) return '';
    const speaker = attributions[q]?.speaker ?? -1;
    return speaker < 0 ? '' : (entities.get(speaker) ?? '');
  });
}

export function sourceOf(excerpt: LitbankExcerpt): SourceText {
  return {
    name: `${excerpt.name}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    text: excerpt.text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
}

export function evalLitbankQuotes(
  root: string,
  options: Readonly<EvalLitbankQuotesOptions> = {},
): LitbankQuotesReport {
  const engine = createEngine({});
  const report: LitbankQuotesReport = {
    excerpts: [],
    spans: scores(0, 0, 0, 0),
    endToEnd: { unseen: [0, 0], all: [0, 0] },
    goldQuotes: { unseen: [0, 0], all: [0, 0] },
    unaligned: 0,
  };
  if (options.details) report.details = [];
  let gold = 0;
  let predicted = 0;
  let found = 0;
  let correct = 0;
  for (const name of litbankQuoteFiles(root)) {
    const excerpt = loadLitbankExcerpt(root, name);
    report.unaligned += excerpt.unaligned;
    const seen = isSeenNovel(name, options.seen ?? []);

    // End to end: the engine's own quotations and cast.
    const doc = engine.process(sourceOf(excerpt));
    const quotes = doc.layer('quotes');
    const scored: number[] = [];
    const predictedSpans: [number, number][][] = [];
    quotes.forEach((q, k) => {
      if (q.parent !== undefined || (q.kind !== 'speech' && q.kind !== 'thought')) return;
      scored.push(k);
      predictedSpans.push(q.spans.map(([s, e]) => doc.map.spanToSource(s, e)));
    });
    const goldSpans = spansOf(
      excerpt.text,
      excerpt.quotes.map((q) => [[q.start, q.end]]),
    );
    const predictedScored = spansOf(excerpt.text, predictedSpans);
    matchSpans(goldSpans, predictedScored);
    const matched: (number | undefined)[] = excerpt.quotes.map(() => undefined);
    for (const g of goldSpans) {
      if (g.match >= 0) matched[g.owner] = scored[predictedScored[g.match]!.owner];
    }
    const e2e = speakersOfGold(doc, excerpt, matched);

    // Gold quotations given: attribution alone (the cast is still detected).
    const given = createEngine({
      quotes: excerpt.quotes.map((q) => ({ id: q.id, spans: [[q.start, q.end]] as [number, number][] })),
    }).process(sourceOf(excerpt));
    const byId = new Map(given.layer('quotes').map((q, k) => [q.id, k] as const));
    const withGold = speakersOfGold(
      given,
      excerpt,
      excerpt.quotes.map((q) => byId.get(q.id)),
    );

    let rightE2e = 0;
    let rightGold = 0;
    excerpt.quotes.forEach((q, k) => {
      if (e2e[k] === q.speaker) rightE2e++;
      if (withGold[k] === q.speaker) rightGold++;
      report.details?.push({
        excerpt: name,
        id: q.id,
        text: excerpt.text.slice(q.start, q.end),
        gold: q.speaker,
        endToEnd: e2e[k]!,
        given: withGold[k]!,
      });
    });
    const n = excerpt.quotes.length;
    const spanFound = goldSpans.filter((s) => s.match >= 0).length;
    const spanCorrect = predictedScored.filter((s) => s.match >= 0).length;
    gold += goldSpans.length;
    predicted += predictedScored.length;
    found += spanFound;
    correct += spanCorrect;
    for (const [tally, right] of [
      [report.endToEnd, rightE2e],
      [report.goldQuotes, rightGold],
    ] as const) {
      tally.all[0] += right;
      tally.all[1] += n;
      if (!seen) {
        tally.unseen[0] += right;
        tally.unseen[1] += n;
      }
    }
    report.excerpts.push({
      name,
      seen,
      quotes: n,
      spans: scores(goldSpans.length, predictedScored.length, spanFound, spanCorrect),
      endToEnd: n ? rightE2e / n : 1,
      goldQuotes: n ? rightGold / n : 1,
    });
  }
  report.spans = scores(gold, predicted, found, correct);
  return report;
}

const pct = ([right, total]: readonly [number, number]): string =>
  `${total ? ((100 * right) / total).toFixed(1) : '  - '}% (${right}/${total})`;

export function formatLitbankQuotesReport(r: LitbankQuotesReport): string {
  const s = r.spans;
  const unseen = r.excerpts.filter((e) => !e.seen).length;
  return [
    `LitBank quotations on ${r.excerpts.length} excerpts (${unseen} from novels the model never saw)`,
    `  spans (speech + thought)      P ${(100 * s.precision).toFixed(1)}  R ${(100 * s.recall).toFixed(1)}  F1 ${(100 * s.f1).toFixed(1)}   gold ${s.gold}, predicted ${s.predicted}`,
    `  speaker, end-to-end           unseen ${pct(r.endToEnd.unseen)}   all ${pct(r.endToEnd.all)}`,
    `  speaker, gold quotations      unseen ${pct(r.goldQuotes.unseen)}   all ${pct(r.goldQuotes.all)}`,
    ...(r.unaligned > 0 ? [`  (${r.unaligned} gold tokens could not be placed in the original text)`] : []),
  ].join('\n');
}
