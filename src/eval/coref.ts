import type { StoryDocument } from '../engine/document.js';
import { createEngine } from '../engine/engine.js';
import {
  entitiesOfCharacters,
  type LitbankExcerpt,
  litbankQuoteFiles,
  loadLitbankExcerpt,
  sourceOf,
} from './litbank-quotes.js';

/**
 * Pronoun resolution in narration scored on LitBank's coreference layer (Bamman et al. 2020;
 * CC BY 4.0), read where it lies in `../shared/data/litbank` and never copied into the project.
 * Excerpts are loaded and aligned to the untokenised novel exactly as for the quotation evaluation.
 *
 * Scored: every gold third-person singular pronoun (he, him, his, himself, she, her, hers, herself)
 * outside the gold quotations whose entity is a person. It is right when the engine's pronoun
 * mention at that place is resolved to a predicted character standing for the same gold entity. A
 * predicted character stands for the gold entity most of its name and description mentions fall on
 * — the engine's own pronouns are left out of that vote, so the mapping does not follow the thing
 * being measured. Results are split by whether the gold entity is in the predicted cast at all.
 */

const THIRD_SINGULAR = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);

/** One gold pronoun in narration and what the engine made of it. */
export interface PronounCase {
  /** Gold entity. */
  gold: string;
  /**
   * The gold entity the engine's antecedent stands for: '' for a character standing for no gold
   * entity, null when the engine resolved nothing here (no pronoun mention, or no antecedent).
   */
  predicted: string | null;
  /** The gold entity is stood for by some predicted character. */
  inCast: boolean;
  /** The engine has no narration pronoun here (it took the place for a quotation, say). */
  missed?: boolean;
}

export type Tally = [right: number, total: number];

export interface CorefScores {
  all: Tally;
  inCast: Tally;
  notInCast: Tally;
  /**
   * Errors by kind: no engine pronoun at the place, left unresolved, resolved to a character
   * standing for another (or no) entity.
   */
  missed: number;
  unresolved: number;
  wrong: number;
}

export interface CorefReport extends CorefScores {
  excerpts: { name: string; all: Tally }[];
  details?: {
    excerpt: string;
    pronoun: string;
    gold: string;
    predicted: string | null;
    inCast: boolean;
    missed?: boolean;
    context: string;
  }[];
}

export function emptyScores(): CorefScores {
  return { all: [0, 0], inCast: [0, 0], notInCast: [0, 0], missed: 0, unresolved: 0, wrong: 0 };
}

/** Adds the cases to the running scores. */
export function scorePronouns(cases: readonly PronounCase[], into: CorefScores = emptyScores()): CorefScores {
  for (const c of cases) {
    const right = c.predicted === c.gold ? 1 : 0;
    const split = c.inCast ? into.inCast : into.notInCast;
    into.all[0] += right;
    into.all[1]++;
    split[0] += right;
    split[1]++;
    if (!right) {
      if (c.missed) into.missed++;
      else if (c.predicted === null) into.unresolved++;
      else into.wrong++;
    }
  }
  return into;
}

/** The gold pronouns of an excerpt scored against a processed document. */
function casesOf(
  excerpt: LitbankExcerpt,
  doc: StoryDocument,
): { cases: PronounCase[]; at: [number, number][] } {
  const entities = entitiesOfCharacters(doc, excerpt.mentions, 0);
  const cast = new Set(entities.values());
  const quotes = [...excerpt.quotes].sort((a, b) => a.start - b.start);
  const predicted = doc
    .layer('pronouns')
    .map((m) => {
      const [s, e] = doc.map.spanToSource(m.start, m.end);
      return { s, e, character: m.character };
    })
    .sort((a, b) => a.s - b.s);
  const gold = excerpt.mentions
    .filter((m) => THIRD_SINGULAR.has(excerpt.text.slice(m.start, m.end).toLowerCase()))
    .sort((a, b) => a.start - b.start);
  const cases: PronounCase[] = [];
  const at: [number, number][] = [];
  let qi = 0;
  let pi = 0;
  for (const g of gold) {
    while (qi < quotes.length && quotes[qi]!.end <= g.start) qi++;
    if (qi < quotes.length && quotes[qi]!.start <= g.start) continue;
    while (pi < predicted.length && predicted[pi]!.e <= g.start) pi++;
    const p = pi < predicted.length && predicted[pi]!.s < g.end ? predicted[pi]! : undefined;
    const character = p?.character ?? -1;
    cases.push({
      gold: g.entity,
      predicted: character < 0 ? null : (entities.get(character) ?? ''),
      inCast: cast.has(g.entity),
      ...(p === undefined ? { missed: true } : {}),
    });
    at.push([g.start, g.end]);
  }
  return { cases, at };
}

export function evalCoref(root: string, options: { details?: boolean } = {}): CorefReport {
  const engine = createEngine({});
  const report: CorefReport = { ...emptyScores(), excerpts: [] };
  if (options.details) report.details = [];
  for (const name of litbankQuoteFiles(root)) {
    const excerpt = loadLitbankExcerpt(root, name);
    const doc = engine.process(sourceOf(excerpt));
    const { cases, at } = casesOf(excerpt, doc);
    scorePronouns(cases, report);
    report.excerpts.push({ name, all: scorePronouns(cases).all });
    if (report.details) {
      cases.forEach((c, k) => {
        if (c.predicted === c.gold) return;
        const [s, e] = at[k]!;
        report.details!.push({
          excerpt: name,
          pronoun: excerpt.text.slice(s, e),
          ...c,
          context: `${excerpt.text.slice(Math.max(0, s - 300), s)}[[${excerpt.text.slice(s, e)}]]${excerpt.text.slice(e, e + 60)}`,
        });
      });
    }
  }
  return report;
}

const pct = ([right, total]: Tally): string =>
  `${total ? ((100 * right) / total).toFixed(1) : '  - '}% (${right}/${total})`;

export function formatCorefReport(r: CorefReport): string {
  return [
    `LitBank coreference: third-person singular pronouns in narration, ${r.excerpts.length} excerpts`,
    `  accuracy                      ${pct(r.all)}`,
    `  gold entity in the cast       ${pct(r.inCast)}`,
    `  gold entity not in the cast   ${pct(r.notInCast)}`,
    `  errors                        ${r.missed} not read as narration pronouns, ${r.unresolved} unresolved, ${r.wrong} wrong character`,
  ].join('\n');
}
