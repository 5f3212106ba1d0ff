import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import { isUpperCode } from '../../engine/tokens.js';
import type { Mention, TokenLayer } from '../../engine/types.js';
import { HONORIFIC_GENDER, honorificKey } from '../lexicon/honorifics.js';
import { words } from '../lexicon/words.js';
import { answersWho, isCallingSentenceAt, isVocativeAt } from './vocative.js';

/** What the matcher needs of a character: the names it goes by. */
export interface NamedCharacter {
  name: string;
  aliases: readonly string[];
}

/**
 * Normalises a name into its matching key: lower-case words, honorifics without their full stop,
 * possessive endings dropped. "Mr. Bennet" and "Mr Bennet" share the key "mr bennet".
 */
export function nameKey(name: string): string {
  return name
    .replace(/[\u2019']s$/i, '')
    .split(/[\s\u00a0]+/)
    .filter((w) => w.length > 0)
    .map((w) => honorificKey(w) ?? w.toLowerCase())
    .join(' ');
}

const HONORIFIC_WORDS: ReadonlySet<string> = new Set(HONORIFIC_GENDER.keys());

interface AliasIndex {
  /** key → character indices that go by it */
  byKey: Map<string, number[]>;
  /** first words of all keys, to skip most tokens at once */
  firstWords: Set<string>;
  maxWords: number;
  /**
   * "the general": a rank written in lower case after "the", standing for the one character who
   * holds it, but not where it is an adjective ("the general opinion").
   */
  lowerTitles: Set<string>;
}

function buildIndex(cast: readonly NamedCharacter[]): AliasIndex {
  const byKey = new Map<string, number[]>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  const add = (key: string, i: number): void => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(i)) list.push(i);
    byKey.set(key, list);
    const parts = key.split(' ');
    firstWords.add(parts[0]!);
    maxWords = Math.max(maxWords, parts.length);
  };
  const explicit = cast.map((c) =>
    [...new Set([c.name, ...c.aliases])]
      .filter((a) => !a.startsWith('_') && a !== 'Narr')
      .map(nameKey)
      .filter((k) => k.length > 0),
  );
  explicit.forEach((keys, i) => {
    for (const key of keys) add(key, i);
  });
  // A full name also answers to its parts: "Hercule Poirot" to "Poirot" and "Hercule", "Mr. John
  // Knightley" to "Mr. Knightley" — unless another character goes by that part outright.
  explicit.forEach((keys, i) => {
    for (const key of new Set(keys.flatMap(partsOf))) {
      const owners = byKey.get(key);
      if (owners && !owners.includes(i) && explicit.some((k, j) => j !== i && k.includes(key))) continue;
      add(key, i);
    }
  });
  // A title on its own ("the Doctor", "Mademoiselle", "the Colonel") names the one character
  // who bears it, when only one does.
  const titled = new Map<string, number[]>();
  explicit.forEach((keys, i) => {
    for (const key of keys) {
      const title = key.split(' ')[0]!;
      if (key.includes(' ') && HONORIFIC_WORDS.has(title) && !GENERIC_TITLES.has(title)) {
        const list = titled.get(title) ?? [];
        if (!list.includes(i)) list.push(i);
        titled.set(title, list);
      }
    }
  });
  const lowerTitles = new Set<string>();
  for (const [title, owners] of titled) {
    if (owners.length !== 1 || byKey.has(title)) continue;
    add(title, owners[0]!);
    // Narration often writes a rank in lower case: "the general", "the admiral".
    if (RANKS.has(title) && !byKey.has(`the ${title}`)) {
      add(`the ${title}`, owners[0]!);
      lowerTitles.add(`the ${title}`);
    }
  }
  return { byKey, firstWords, maxWords, lowerTitles };
}

/** Ranks and offices that narration writes in lower case for the one person who holds them. */
const RANKS: ReadonlySet<string> = new Set(
  words(`
    doctor professor captain colonel major general lieutenant sergeant corporal admiral commander
    inspector superintendent sheriff judge bishop cardinal governor president senator chancellor
    duke duchess count countess baron baroness prince princess king queen marquis earl squire
  `),
);

/** Titles too common to stand for one person on their own. */
const GENERIC_TITLES = new Set([
  'mr',
  'mrs',
  'miss',
  'ms',
  'mx',
  'm',
  'st',
  'saint',
  'master',
  'mistress',
  'sir',
  'lady',
  'lord',
]);

/** Shorter names implied by a full name key: first name, surname, honorific + surname. */
function partsOf(key: string): string[] {
  const words = key.split(' ');
  const honorific = HONORIFIC_WORDS.has(words[0]!) ? words[0] : undefined;
  const names = honorific ? words.slice(1) : words;
  // "Inspector Ratcliffe", "Mr. Darcy": men (and people with neutral titles) are often called by
  // the bare surname; women with "Mrs."/"Miss" rarely are.
  if (names.length === 1) {
    const bare = names[0]!;
    return honorific && HONORIFIC_GENDER.get(honorific) !== 'female' && bare.length > 1 && !LINKING.has(bare)
      ? [bare]
      : [];
  }
  if (names.length < 2) return [];
  const out: string[] = [];
  const first = names[0]!;
  const last = names[names.length - 1]!;
  if (!LINKING.has(last)) out.push(last);
  if (!honorific && !LINKING.has(first)) out.push(first);
  if (honorific) out.push(`${honorific} ${last}`);
  return out.filter((k) => k.length > 1);
}

/** Name particles that are not names by themselves ("de", "van", "of"). */
const LINKING = new Set([
  'de',
  'da',
  'di',
  'del',
  'van',
  'von',
  'der',
  'la',
  'le',
  'of',
  'the',
  'st',
  'mc',
  'o',
]);

/**
 * Token's matching form: lower-case, honorific full stop dropped, possessive dropped (wink keeps
 * "Weston's" as one token in some contexts).
 */
function tokenKey(tokens: TokenLayer, t: number): string {
  const lower = tokens.lower[t]!;
  const key = honorificKey(lower);
  if (key !== undefined) return key;
  return possessiveLength(lower) > 0 ? lower.slice(0, -2) : lower;
}

function possessiveLength(lower: string): number {
  const n = lower.length;
  return n > 2 && lower.charCodeAt(n - 1) === 115 && (lower[n - 2] === "'" || lower[n - 2] === '\u2019')
    ? 2
    : 0;
}

function isCapitalised(text: string, at: number): boolean {
  return isUpperCode(text.charCodeAt(at));
}

interface RawMatch {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  candidates: number[];
}

/**
 * Finds every mention of the cast's names in the text, longest alias first, and resolves names that
 * several characters share ("Miss Dashwood") to the candidate mentioned most recently, or else to
 * the one mentioned most often.
 *
 * A one-word alias that is also a common word ("Will", "Hope") is only taken when capitalised away
 * from a sentence start, judged by how often the word appears in lower case in the same text.
 */
export function matchNames(doc: StoryDocument, cast: readonly NamedCharacter[]): Mention[] {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const text = doc.text;
  const index = buildIndex(cast);
  if (index.byKey.size === 0) return [];
  const wordUse = countWordUses(doc, index);

  const raw: RawMatch[] = [];
  const n = tokens.count;
  for (let t = 0; t < n; t++) {
    const first = tokenKey(tokens, t);
    if (!index.firstWords.has(first)) continue;
    let key = '';
    let best: RawMatch | undefined;
    for (let k = 0; k < index.maxWords && t + k < n; k++) {
      // A name does not run across sentence punctuation.
      if (k > 0 && tokens.start[t + k]! - tokens.end[t + k - 1]! > 1) break;
      key = k === 0 ? first : `${key} ${tokenKey(tokens, t + k)}`;
      const candidates = index.byKey.get(key);
      // Names end in a capital; descriptive aliases ("the Croupier") match in any case.
      if (
        candidates &&
        (first === 'the' || isCapitalised(text, tokens.start[t + k]!)) &&
        !(index.lowerTitles.has(key) && modifiesNext(tokens, t + k))
      ) {
        const end = tokens.end[t + k]! - possessiveLength(tokens.lower[t + k]!);
        best = { start: tokens.start[t]!, end, firstToken: t, lastToken: t + k, candidates };
      }
    }
    if (!best) continue;
    if (best.lastToken === t) {
      // One-word match: at a sentence start, a word the text mostly writes in lower case is not a name.
      const s = tokens.sentence[t]!;
      const sentenceInitial = sentences[s]!.tokenStart === t || isAfterOpeningQuote(tokens, t);
      const use = wordUse.get(first);
      if (sentenceInitial && use && use.lower > use.capitalisedInside) continue;
    }
    raw.push(best);
    t = best.lastToken;
  }
  return resolveShared(doc, raw, tokens);
}

/** Whether token `t` is an adjective of the word after it: "the general opinion", "the major part". */
function modifiesNext(tokens: TokenLayer, t: number): boolean {
  if (possessiveLength(tokens.lower[t]!) > 0 || t + 1 >= tokens.count) return false;
  if (tokens.start[t + 1]! - tokens.end[t]! > 1) return false;
  const pos = tokens.pos[t + 1]!;
  return pos === POS.NOUN || pos === POS.ADJ || pos === POS.PROPN || pos === POS.NUM;
}

function isAfterOpeningQuote(tokens: TokenLayer, t: number): boolean {
  if (t === 0) return true;
  const prev = tokens.lower[t - 1]!;
  return prev === '"' || prev === '\u201c' || prev === "'" || prev === '\u2018' || prev === '\u2014';
}

/**
 * How often each one-word alias occurs in lower case (as an ordinary word) and capitalised inside a
 * sentence (as a name).
 */
function countWordUses(
  doc: StoryDocument,
  index: AliasIndex,
): Map<string, { lower: number; capitalisedInside: number }> {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const text = doc.text;
  const counts = new Map<string, { lower: number; capitalisedInside: number }>();
  for (const key of index.byKey.keys())
    if (!key.includes(' ')) counts.set(key, { lower: 0, capitalisedInside: 0 });
  for (let t = 0; t < tokens.count; t++) {
    const use = counts.get(tokenKey(tokens, t));
    if (!use) continue;
    const c = text.charCodeAt(tokens.start[t]!);
    if (c >= 97 && c <= 122) use.lower++;
    else if (sentences[tokens.sentence[t]!]!.tokenStart !== t && !isAfterOpeningQuote(tokens, t)) {
      use.capitalisedInside++;
    }
  }
  return counts;
}

function resolveShared(doc: StoryDocument, raw: RawMatch[], tokens: TokenLayer): Mention[] {
  const total = new Map<number, number>();
  for (const m of raw) {
    if (m.candidates.length === 1) total.set(m.candidates[0]!, (total.get(m.candidates[0]!) ?? 0) + 1);
  }
  const lastSeen = new Map<number, number>();
  const quoteSpans = doc.layer('quotes').flatMap((q) => q.spans);
  quoteSpans.sort((a, b) => a[0] - b[0]);
  let qi = 0;
  const out: Mention[] = [];
  for (const m of raw) {
    let character = m.candidates[0]!;
    if (m.candidates.length > 1) {
      let bestScore = -Infinity;
      for (const c of m.candidates) {
        const seen = lastSeen.get(c);
        // Recency within ~3 pages dominates; overall frequency breaks ties.
        const recency = seen !== undefined && m.start - seen < 6000 ? 1e6 - (m.start - seen) : 0;
        const score = recency + (total.get(c) ?? 0);
        if (score > bestScore) {
          bestScore = score;
          character = c;
        }
      }
    }
    lastSeen.set(character, m.start);
    while (qi < quoteSpans.length && quoteSpans[qi]![1] <= m.start) qi++;
    const span = quoteSpans[qi];
    const inQuote = span !== undefined && span[0] <= m.start && m.end <= span[1];
    out.push({
      start: m.start,
      end: m.end,
      character,
      kind:
        inQuote &&
        (isVocativeAt(doc.text, tokens, m.firstToken, m.end, span) ||
          isCallingSentenceAt(tokens, m.firstToken, m.end, span)) &&
        !answersWho(doc.text, tokens, m.firstToken, m.end, span, quoteSpans[qi - 1])
          ? 'vocative'
          : tokens.lower[m.firstToken] === 'the'
            ? 'nominal'
            : 'proper',
      inQuote,
    });
  }
  return out;
}
