import { createEngine } from '../engine/engine.js';
import type { Character, Mention, SourceText } from '../engine/types.js';
import { nameKey } from '../stages/characters/match.js';
import { HONORIFIC_GENDER } from '../stages/lexicon/honorifics.js';
import { listPdncNovels, loadPdncNovel, type PdncCharacter } from './pdnc.js';

/**
 * Cast detection scored against PDNC's character lists (`characters.json` of each novel).
 *
 * - recall: major and intermediate gold characters found, i.e. some predicted character's name or
 *   alias equals one of the gold aliases, honorifics and a leading "the" ignored ("Vyse" finds
 *   "Mr. Vyse"), a bare name taking the gender of the titled forms beside it (a predicted "Mr. Bell"
 *   who is also "Bell" does not find the gold "Mrs. Bell");
 * - precision: predicted characters with at least 3 mentions that map to some gold character (any
 *   category) by the same test; reported for all of them and for those on stage (`presence` not
 *   `mentioned`: PDNC lists the people who speak or are spoken to, not those only talked about);
 * - alias B³: the items are the gold aliases that occur in the text (one item per character and
 *   alias, honorifics normalised but kept: "Mr. Knightley" ≠ "Mr. John Knightley"; a leading
 *   article dropped, as for recall: "The Stranger", "Stranger" and "A Stranger" are one item, which
 *   "the stranger" finds); an item's
 *   predicted cluster is the predicted character that goes by that alias (the one with most mentions
 *   when several do), or the item alone when none does;
 * - gender: gold M/F characters that were found, against the gender of the predicted character
 *   with most mentions among those that find them ("unknown" counts as wrong).
 *
 * The first-person narrator, marked `_narr` in PDNC, is found by a predicted narrator.
 */

export interface EvalCharactersOptions {
  /** Only these novels (folder names). Default: all. */
  readonly novels?: readonly string[];
  /** Keep the per-novel errors (missed, spurious, alias and gender errors). Default: false. */
  readonly keepErrors?: boolean;
}

export interface Ratio {
  correct: number;
  total: number;
}

export interface B3 {
  /** Sums of per-item precision and recall, and the number of items. */
  precisionSum: number;
  recallSum: number;
  items: number;
}

export interface CharacterErrors {
  /** Major/intermediate gold characters not found: "name (category)". */
  missed: string[];
  /** Predicted characters (≥ 3 mentions) that map to no gold character: "name ×mentions [aliases]". */
  spurious: string[];
  /** Gold aliases that occur in the text, by gold character, with where they went. */
  aliases: string[];
  /** "gold name: gold gender → predicted label (confidence)". */
  gender: string[];
}

export interface NovelCharactersScore {
  novel: string;
  /** Predicted characters, and those with at least 3 mentions. */
  predicted: number;
  predicted3: number;
  recall: Ratio;
  precision: Ratio;
  /** Precision over the predicted characters on stage. */
  precisionOnStage: Ratio;
  b3: B3;
  gender: Ratio;
  /** Wall time of the characters stage alone, in milliseconds. */
  stageMs: number;
  tokens: number;
  errors?: CharacterErrors;
}

export interface CharactersReport {
  novels: NovelCharactersScore[];
  recall: Ratio;
  precision: Ratio;
  precisionOnStage: Ratio;
  /** B³ over all items of all novels (clusters never cross novels, so this weighs novels by items). */
  b3: { precision: number; recall: number; f1: number; items: number };
  gender: Ratio;
  stageMs: number;
  tokens: number;
}

const MIN_MENTIONS = 3;

const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * Name key with honorifics and a leading article ("the", "an old man") removed, as long as a word remains, prefixed with the
 * gender of a removed title ("mrs|vyse"): "Vyse" and "Mr. Vyse" match, "Mr. Vyse" and "Mrs. Vyse"
 * do not. Keys without a gendered title match any key with the same name.
 */
export function looseKey(name: string): string {
  const words = nameKey(name).split(' ');
  let gender = '';
  while (words.length > 1 && (ARTICLES.has(words[0]!) || HONORIFIC_GENDER.has(words[0]!))) {
    const g = HONORIFIC_GENDER.get(words.shift()!);
    if (g === 'female' || g === 'male') gender = g;
  }
  return `${gender}|${words.join(' ')}`;
}

/**
 * The loose keys of one character's names, a bare name taking the gender of the titled forms of the
 * same name when they all agree: a character called "Mr. Bell" and "Bell" is a man, and its "Bell"
 * does not find the gold "Mrs. Bell" (nor does her "Bell" find him), as "Mr. Bell" itself would
 * not. A bare name alone, or beside titles of both genders, still matches either.
 */
export function looseKeys(names: readonly string[]): Set<string> {
  const keys = new Set(names.map(looseKey));
  const genderOf = new Map<string, string>();
  for (const k of keys) {
    const [g, n] = k.split('|') as [string, string];
    if (g === '') continue;
    const had = genderOf.get(n);
    genderOf.set(n, had === undefined || had === g ? g : '');
  }
  const out = new Set<string>();
  for (const k of keys) {
    const [g, n] = k.split('|') as [string, string];
    const titled = genderOf.get(n);
    out.add(g === '' && titled ? `${titled}|${n}` : k);
  }
  return out;
}

/** Whether two sets of loose keys share a name without contradicting titles. */
function shareLooseKey(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) {
    const [gx, nx] = x.split('|') as [string, string];
    for (const y of b) {
      const [gy, ny] = y.split('|') as [string, string];
      if (nx === ny && (gx === '' || gy === '' || gx === gy)) return true;
    }
  }
  return false;
}

/**
 * The B³ key of a name (and the end-to-end attribution eval's): its exact key (honorifics normalised, kept) without a leading article, as
 * long as a word remains. The article is no part of the name: PDNC lists "The Dormouse" and "A
 * Dormouse", "The Stranger" and "Stranger" as aliases of one character, and the engine names them
 * "the Dormouse", "the stranger".
 */
export function articlelessKey(name: string): string {
  const words = nameKey(name).split(' ');
  while (words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  return words.join(' ');
}

/** PDNC marks the first-person narrator with the alias `_narr` (`Narr` in some novels). */
function isNarratorAlias(alias: string): boolean {
  return alias === '_narr' || alias === 'Narr';
}

/** Whether an alias occurs in the text as whole words (case-insensitive, honorific full stop optional). */
function occursIn(text: string, alias: string): boolean {
  const pattern = alias
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => {
      const bare = w.replace(/\.$/, '');
      const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]");
      return HONORIFIC_GENDER.has(bare.toLowerCase()) ? `${escaped}\\.?` : escaped;
    })
    .join('\\s+');
  if (pattern.length === 0) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

interface Scored {
  recall: Ratio;
  precision: Ratio;
  precisionOnStage: Ratio;
  b3: B3;
  gender: Ratio;
  errors: CharacterErrors;
}

/** Scores one novel's predicted cast against its gold cast. Pure, for tests. */
export function scoreCast(
  text: string,
  gold: readonly PdncCharacter[],
  predicted: readonly Character[],
): Scored {
  const errors: CharacterErrors = { missed: [], spurious: [], aliases: [], gender: [] };
  const goldLoose = gold.map((g) =>
    looseKeys([g.name, ...g.aliases].filter((a) => !a.startsWith('_') && !isNarratorAlias(a))),
  );
  const goldNarrator = gold.map((g) => g.aliases.some(isNarratorAlias));
  const predLoose = predicted.map((p) => looseKeys([p.name, ...p.aliases]));
  const predExact = predicted.map((p) => new Set([p.name, ...p.aliases].map(nameKey)));
  const goldExact = gold.map((g) => new Set([g.name, ...g.aliases].map(nameKey)));
  const finds = (pi: number, gi: number): boolean => {
    if (predicted[pi]!.narrator && goldNarrator[gi]) return true;
    return shareLooseKey(predLoose[pi]!, goldLoose[gi]!);
  };

  // Recall of major and intermediate characters; gender of every found M/F character.
  const recall: Ratio = { correct: 0, total: 0 };
  const gender: Ratio = { correct: 0, total: 0 };
  gold.forEach((g, gi) => {
    const finders = predicted.map((_, pi) => pi).filter((pi) => finds(pi, gi));
    if (g.category === 'major' || g.category === 'intermediate') {
      recall.total++;
      if (finders.length > 0) recall.correct++;
      else errors.missed.push(`${g.name} (${g.category})`);
    }
    if (finders.length > 0 && (g.gender === 'M' || g.gender === 'F')) {
      // The finder that shares most names exactly ("Mr. Weston" is found by "Mrs. Weston" too,
      // honorifics ignored, but his gender is read from "Mr. Weston"), then the one whose titled
      // names agree with the gold ones ("Mrs. Vyse" is found by "Mrs. Vyse" and, through the bare
      // "Vyse" her aliases list, by "Mr. Vyse"), then the most mentioned.
      const exact = (pi: number): number => [...predExact[pi]!].filter((k) => goldExact[gi]!.has(k)).length;
      const titled = (pi: number): number =>
        [...predLoose[pi]!].filter((k) => !k.startsWith('|') && goldLoose[gi]!.has(k)).length;
      const rank = (pi: number): number => exact(pi) * 1e6 + titled(pi) * 1e4 + predicted[pi]!.mentionCount;
      const best = finders.reduce((a, b) => (rank(b) > rank(a) ? b : a));
      const p = predicted[best]!;
      const want = g.gender === 'M' ? 'male' : 'female';
      gender.total++;
      if (p.gender.label === want) gender.correct++;
      else
        errors.gender.push(
          `${g.name}: ${g.gender} → ${p.gender.label} (${p.gender.confidence.toFixed(2)}) as "${p.name}"`,
        );
    }
  });

  // Precision of predicted characters with enough mentions.
  const precision: Ratio = { correct: 0, total: 0 };
  const precisionOnStage: Ratio = { correct: 0, total: 0 };
  predicted.forEach((p, pi) => {
    if (p.mentionCount < MIN_MENTIONS) return;
    const onStage = p.presence !== 'mentioned';
    const right = gold.some((_, gi) => finds(pi, gi));
    precision.total++;
    if (onStage) precisionOnStage.total++;
    if (right) {
      precision.correct++;
      if (onStage) precisionOnStage.correct++;
    } else
      errors.spurious.push(
        `${p.name} ×${p.mentionCount} [${p.aliases.join('; ')}]${onStage ? '' : ' (mentioned)'}`,
      );
  });

  // Alias B³ over the gold aliases that occur in the text.
  const owner = new Map<string, number>();
  predicted.forEach((p, pi) => {
    for (const k of new Set([p.name, ...p.aliases].map(articlelessKey))) {
      const had = owner.get(k);
      if (had === undefined || predicted[had]!.mentionCount < p.mentionCount) owner.set(k, pi);
    }
  });
  const items: { gold: number; cluster: number; alias: string }[] = [];
  let singleton = -1;
  gold.forEach((g, gi) => {
    const seen = new Set<string>();
    for (const alias of g.aliases) {
      if (alias.startsWith('_') || isNarratorAlias(alias)) continue;
      const key = articlelessKey(alias);
      if (seen.has(key) || !occursIn(text, alias)) continue;
      seen.add(key);
      items.push({ gold: gi, cluster: owner.get(key) ?? singleton--, alias });
    }
  });
  const b3: B3 = { precisionSum: 0, recallSum: 0, items: items.length };
  for (const item of items) {
    const cluster = items.filter((o) => o.cluster === item.cluster);
    const same = items.filter((o) => o.gold === item.gold);
    const both = cluster.filter((o) => o.gold === item.gold).length;
    b3.precisionSum += both / cluster.length;
    b3.recallSum += both / same.length;
  }
  gold.forEach((g, gi) => {
    const mine = items.filter((o) => o.gold === gi);
    if (mine.length === 0) return;
    const clusters = new Set(mine.map((o) => o.cluster));
    const shared = mine.some((o) => items.some((x) => x.cluster === o.cluster && x.gold !== gi));
    if (clusters.size === 1 && !shared) return;
    const where = mine.map((o) => `${o.alias}→${o.cluster >= 0 ? predicted[o.cluster]!.name : '∅'}`);
    errors.aliases.push(`${g.name}: ${where.join(', ')}`);
  });
  return { recall, precision, precisionOnStage, b3, gender, errors };
}

function sourceOf(name: string, text: string): SourceText {
  return {
    name: `${name}/text.txt`,
    format: 'txt',
    encoding: 'utf-8',
    text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
}

const addRatio = (into: Ratio, r: Ratio): void => {
  into.correct += r.correct;
  into.total += r.total;
};

export async function evalCharacters(
  dir: string,
  options: EvalCharactersOptions = {},
): Promise<CharactersReport> {
  const report: CharactersReport = {
    novels: [],
    recall: { correct: 0, total: 0 },
    precision: { correct: 0, total: 0 },
    precisionOnStage: { correct: 0, total: 0 },
    b3: { precision: 0, recall: 0, f1: 0, items: 0 },
    gender: { correct: 0, total: 0 },
    stageMs: 0,
    tokens: 0,
  };
  let stageMs = 0;
  const engine = createEngine({
    until: 'characters',
    onStage: (name, ms) => {
      if (name === 'characters') stageMs += ms;
    },
  });
  let pSum = 0;
  let rSum = 0;
  for (const name of options.novels ?? (await listPdncNovels(dir))) {
    const novel = await loadPdncNovel(dir, name);
    stageMs = 0;
    const doc = engine.process(sourceOf(name, novel.text));
    const characters = doc.layer('characters');
    const scored = scoreCast(novel.text, novel.characters, characters);
    const tokens = doc.layer('tokens').count;
    const row: NovelCharactersScore = {
      novel: name,
      predicted: characters.length,
      predicted3: characters.filter((c) => c.mentionCount >= MIN_MENTIONS).length,
      recall: scored.recall,
      precision: scored.precision,
      precisionOnStage: scored.precisionOnStage,
      b3: scored.b3,
      gender: scored.gender,
      stageMs,
      tokens,
      ...(options.keepErrors ? { errors: scored.errors } : {}),
    };
    report.novels.push(row);
    addRatio(report.recall, scored.recall);
    addRatio(report.precision, scored.precision);
    addRatio(report.precisionOnStage, scored.precisionOnStage);
    addRatio(report.gender, scored.gender);
    pSum += scored.b3.precisionSum;
    rSum += scored.b3.recallSum;
    report.b3.items += scored.b3.items;
    report.stageMs += stageMs;
    report.tokens += tokens;
  }
  const n = Math.max(1, report.b3.items);
  const p = pSum / n;
  const r = rSum / n;
  report.b3 = { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, items: report.b3.items };
  return report;
}

export const ratio = (r: Ratio): number => (r.total > 0 ? r.correct / r.total : 0);
const pct = (r: Ratio): string => (r.total > 0 ? ((100 * r.correct) / r.total).toFixed(1) : '  - ');

function b3f1(b: B3): number {
  if (b.items === 0) return 0;
  const p = b.precisionSum / b.items;
  const r = b.recallSum / b.items;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export function formatCharactersReport(r: CharactersReport): string {
  const lines: string[] = [];
  lines.push(`characters on ${r.novels.length} PDNC novels`);
  lines.push('');
  lines.push(
    `${'novel'.padEnd(30)} ${'cast'.padStart(5)} ${'≥3'.padStart(4)} ${'recall'.padStart(7)} ${'prec'.padStart(6)} ${'B³F1'.padStart(6)} ${'gender'.padStart(7)} ${'ms'.padStart(5)}`,
  );
  for (const n of r.novels) {
    lines.push(
      `${n.novel.padEnd(30)} ${String(n.predicted).padStart(5)} ${String(n.predicted3).padStart(4)} ${pct(n.recall).padStart(7)} ${pct(n.precision).padStart(6)} ${(100 * b3f1(n.b3)).toFixed(1).padStart(6)} ${pct(n.gender).padStart(7)} ${n.stageMs.toFixed(0).padStart(5)}`,
    );
  }
  lines.push('');
  const line = (label: string, value: string, target: string): string =>
    `${label.padEnd(34)} ${value.padStart(6)}   (target ${target})`;
  lines.push(
    line('recall (major + intermediate)', pct(r.recall), '≥ 97.0') +
      `  ${r.recall.correct}/${r.recall.total}`,
  );
  lines.push(
    line('precision (≥ 3 mentions)', pct(r.precision), '≥ 90.0') +
      `  ${r.precision.correct}/${r.precision.total}`,
  );
  lines.push(
    line('  of those on stage', pct(r.precisionOnStage), '≥ 90.0') +
      `  ${r.precisionOnStage.correct}/${r.precisionOnStage.total}`,
  );
  lines.push(
    // Two decimals: one would show 89.96 as "90.0", the target.
    line('alias B³ F1', (100 * r.b3.f1).toFixed(2), '≥ 90.00') +
      `  P ${(100 * r.b3.precision).toFixed(2)} R ${(100 * r.b3.recall).toFixed(2)} over ${r.b3.items} aliases`,
  );
  lines.push(
    line('gender accuracy (found M/F)', pct(r.gender), '≥ 95.0') + `  ${r.gender.correct}/${r.gender.total}`,
  );
  const perMillion = r.tokens > 0 ? (r.stageMs / r.tokens) * 200_000 : 0;
  lines.push(
    `characters stage: ${r.stageMs.toFixed(0)} ms for ${r.tokens} tokens (${perMillion.toFixed(1)} ms per 200k tokens)`,
  );
  return lines.join('\n');
}

/** Mentions that name someone (proper names and vocatives written as names), for span scoring. */
export function isProperNameMention(m: Mention, text: string): boolean {
  // Endearments ("My dear", "Pa") are vocatives of nobody in particular, not names.
  if ((m.kind !== 'proper' && m.kind !== 'vocative') || m.character < 0) return false;
  const c = text.charCodeAt(m.start);
  return !(c >= 97 && c <= 122);
}
