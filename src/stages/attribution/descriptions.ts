import type { StoryDocument } from '../../engine/document.js';
import type { Character, TokenLayer } from '../../engine/types.js';
import { ROLE_NOUNS } from '../characters/roles.js';
import { NOMINAL_GENDER } from '../lexicon/nominals.js';
import { DETERMINERS } from '../lexicon/words.js';

/**
 * "Mr. Wells, the lawyer," / "the old man, Mr. Emerson,": the narration sets a name and a
 * description side by side, and later tags use the description alone ("murmured the lawyer"). Each
 * apposition found is remembered for the document, so a descriptive tag can be read back to the
 * character the description was last given to.
 */
export interface Apposition {
  /** Offset of the name mention. */
  start: number;
  character: number;
  /** The description's head noun ("lawyer", "man"). */
  head: string;
  /** Its modifiers, in order ("old" in "the old man"). */
  mods: string[];
}

/** Words of a description after its article: at most three modifiers and a head noun. */
const AFTER =
  /^,\s+(?:the|an?)\s+((?:[a-z][a-z-]*\s+){0,3}?)([a-z][a-z-]*)\s*(?=[,;:.!?)]|\s(?:who|whom|whose|of)\b)/;
const BEFORE = /\b(?:the|an?)\s+((?:[a-z][a-z-]*\s+){0,3}?)([a-z][a-z-]*),\s+$/;

/** Words that make a run of words a phrase rather than one description. */
const PHRASE_WORDS = new Set([
  'of',
  'at',
  'to',
  'for',
  'from',
  'with',
  'in',
  'on',
  'by',
  'and',
  'or',
  'his',
  'her',
  'their',
  'my',
  'our',
  'your',
  'its',
  'the',
  'a',
  'an',
]);

/** Whether a word is a noun for a person ("man", "lawyer", "duchess"). */
export function isPersonNoun(word: string): boolean {
  return NOMINAL_GENDER.has(word) || ROLE_NOUNS.has(word);
}

/** Words of age and size that tell one person from another ("the old man", "the young man"). */
export const AGE_WORDS: ReadonlySet<string> = new Set(['old', 'young', 'little', 'elderly']);

/** An age or size word set before a name ("old Mr. Emerson", "young Mrs. Archer"). */
const BEFORE_NAME = new RegExp(`\\b(${[...AGE_WORDS].join('|')})\\s+$`, 'i');
/** The same word opening the name itself (a cast that lists "Old Mrs. Mingott"). */
const OPENING_NAME = new RegExp(`^(${[...AGE_WORDS].join('|')})\\s`, 'i');
/** The plain person nouns a later tag may use for one so described, by sex. */
const PERSON_HEADS: Record<string, readonly string[]> = {
  male: ['man', 'gentleman', 'fellow'],
  female: ['lady', 'woman'],
};

/** Appositions of a character's name and a description in the narration, in text order. */
export function appositionsIn(doc: StoryDocument): Apposition[] {
  const text = doc.text;
  const characters = doc.layer('characters');
  const out: Apposition[] = [];
  for (const m of doc.layer('mentions')) {
    if (m.inQuote || m.character < 0) continue;
    // "old Mr. Emerson" beside "young Mr. Emerson": "said the old man" is the first of them.
    const age =
      BEFORE_NAME.exec(text.slice(Math.max(0, m.start - 12), m.start)) ??
      OPENING_NAME.exec(text.slice(m.start, m.end));
    const heads = age ? PERSON_HEADS[characters[m.character]!.gender.label] : undefined;
    if (age && heads)
      for (const head of heads)
        out.push({ start: m.start, character: m.character, head, mods: [age[1]!.toLowerCase()] });
    const after = AFTER.exec(text.slice(m.end, m.end + 60));
    const before = after ? null : BEFORE.exec(text.slice(Math.max(0, m.start - 60), m.start));
    const hit = after ?? before;
    if (!hit) continue;
    const head = hit[2]!;
    if (!isPersonNoun(head)) continue;
    const mods = hit[1]!.split(/\s+/).filter((w) => w.length > 0);
    // "a glance at his brother", "the residence of his aunt": a phrase, not a description.
    if (mods.some((w) => PHRASE_WORDS.has(w))) continue;
    out.push({ start: m.start, character: m.character, head, mods });
  }
  return out;
}

/**
 * The description a speech tag's noun heads: "man" with ["old"] for "said the old man". Walks back
 * from the head over adjectives and nouns to the determiner.
 */
export function descriptionAt(tokens: TokenLayer, head: number): { head: string; mods: string[] } {
  const mods: string[] = [];
  for (let k = head - 1; k >= 0 && k >= head - 4; k--) {
    const w = tokens.lower[k]!;
    if (!/^[a-z][a-z-]*$/.test(w) || DETERMINERS.has(w)) break;
    mods.unshift(w);
  }
  return { head: tokens.lower[head]!, mods };
}

/** Appositions by head noun, each list in text order: the index `appositionFor` looks descriptions up in. */
export type AppositionsByHead = ReadonlyMap<string, readonly Apposition[]>;

/** Groups appositions (as `appositionsIn` gives them) by head noun, each group sorted by offset. */
export function appositionsByHead(appositions: readonly Apposition[]): AppositionsByHead {
  const out = new Map<string, Apposition[]>();
  for (const a of appositions) {
    let list = out.get(a.head);
    if (!list) out.set(a.head, (list = []));
    list.push(a);
  }
  // Mentions come in text order already; the (stable) sort only guards the binary search.
  for (const list of out.values()) list.sort((x, y) => x.start - y.start);
  return out;
}

/**
 * The character the description was last given to before `offset` (or, if none was, first after
 * it): an apposition with the same head noun whose modifiers include all of the tag's. -1 if none.
 */
export function appositionFor(
  byHead: AppositionsByHead,
  description: { head: string; mods: string[] },
  offset: number,
): number {
  // "said the man" fits any "Tom, a tall man": a plain person word needs a modifier to go by.
  if (description.mods.length === 0 && !ROLE_NOUNS.has(description.head)) return -1;
  const list = byHead.get(description.head);
  if (!list) return -1;
  const fits = (a: Apposition) => description.mods.every((w) => a.mods.includes(w));
  // First apposition at or after the offset.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo - 1; j >= 0; j--) if (fits(list[j]!)) return list[j]!.character;
  for (let j = lo; j < list.length; j++) if (fits(list[j]!)) return list[j]!.character;
  return -1;
}

/** The lower-case words of each character's names and aliases. */
export function castWords(characters: readonly Character[]): Set<string>[] {
  const out: Set<string>[] = [];
  for (const c of characters) {
    const words = new Set<string>();
    for (const n of [c.name, ...c.aliases]) for (const w of n.toLowerCase().split(/[^\p{L}]+/u)) words.add(w);
    out.push(words);
  }
  return out;
}

/** Most cast entries a description may point at before it is too common a word to go by. */
const MAX_DESCRIBED = 3;

/**
 * "said the butler", "said a girl opposite": the cast entries named by the description itself
 * ("The Butler", "A Girl Opposite") — those whose names hold the head noun and the most of its
 * modifiers — when there are at most three of them.
 */
export function describedBy(
  words: readonly Set<string>[],
  description: { head: string; mods: string[] },
): number[] {
  let best = 0;
  let out: number[] = [];
  for (let c = 0; c < words.length; c++) {
    const w = words[c]!;
    if (!w.has(description.head)) continue;
    let overlap = 1;
    for (const m of description.mods) if (w.has(m)) overlap++;
    if (overlap > best) {
      best = overlap;
      out = [c];
    } else if (overlap === best) out.push(c);
  }
  return out.length <= MAX_DESCRIBED ? out : [];
}
