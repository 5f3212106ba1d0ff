import type { StoryDocument } from '../../engine/document.js';
import type { Character, Mention, TokenLayer } from '../../engine/types.js';
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

/**
 * "Tom was a young sailor", "she is an old friend of the family": a description the narration
 * predicates of a name or a pronoun (its article, at most three modifiers, a head noun).
 */
const COPULA =
  /^\s+(?:was|is|had\s+been|seemed|looked)\s+(?:an?)\s+((?:[a-z][a-z-]*\s+){0,3}?)([a-z][a-z-]*)\s*(?=[,;:.!?)]|\s(?:who|whom|whose|of|in|on|with|at|from|and)\b)/;

/** "She was seventy-three years old", "he is nearly eighty": an age the narration gives. */
const AGE =
  /^\s+(?:was|is)\s+(?:(?:nearly|almost|about|over|past|barely|only|just|well\s+over)\s+)?(\d{1,3}|[a-z]+(?:[-\s][a-z]+)?)(?:\s+years?\s+old|\s+years?\s+of\s+age)\b/;

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

/** "seventy-three", "eighty", "19": the number a word or two spell, or NaN. */
export function ageNumber(words: string): number {
  if (/^\d+$/.test(words)) return Number(words);
  const [a, b] = words.toLowerCase().split(/[-\s]/);
  const tens = TENS[a!];
  if (tens !== undefined)
    return b === undefined ? tens : UNITS[b] !== undefined && UNITS[b]! < 10 ? tens + UNITS[b]! : NaN;
  return b === undefined && UNITS[a!] !== undefined ? UNITS[a!]! : NaN;
}

/** Modifiers a tag may use for someone of a given age: "the old woman" at sixty and over, "the young man" from sixteen to thirty. */
function ageMods(age: number): string[] {
  if (age >= 60) return ['old', 'elderly'];
  if (age >= 16 && age <= 30) return ['young'];
  return [];
}

/** A title before a name ("Dr. Wells", "Capt. Hale") and the person noun a later tag may use for it. */
const TITLE_NOUNS: Record<string, string> = {
  dr: 'doctor',
  doctor: 'doctor',
  capt: 'captain',
  captain: 'captain',
  col: 'colonel',
  colonel: 'colonel',
  prof: 'professor',
  professor: 'professor',
  insp: 'inspector',
  inspector: 'inspector',
  sgt: 'sergeant',
  sergeant: 'sergeant',
};
const TITLE = /^(dr|doctor|capt|captain|col|colonel|prof|professor|insp|inspector|sgt|sergeant)\b\.?\s/i;
const TITLE_BEFORE =
  /\b(dr|doctor|capt|captain|col|colonel|prof|professor|insp|inspector|sgt|sergeant)\.?\s+$/i;

/** How far (characters) before a pronoun its character must be named for what it is said to be to count. */
const PRONOUN_REACH = 300;

/** Appositions of a character's name and a description in the narration, in text order. */
export function appositionsIn(doc: StoryDocument): Apposition[] {
  const text = doc.text;
  const characters = doc.layer('characters');
  const out: Apposition[] = [];
  // What the narration says a name or a resolved pronoun is: "She was seventy-three years old",
  // "Tom was a young sailor".
  const predicated = (m: Mention, rest: string): void => {
    const aged = AGE.exec(rest);
    const ageHeads = PERSON_HEADS[characters[m.character]!.gender.label];
    if (aged && ageHeads) {
      const mods = ageMods(ageNumber(aged[1]!));
      if (mods.length > 0)
        for (const head of ageHeads) out.push({ start: m.start, character: m.character, head, mods });
    }
    const said = COPULA.exec(rest);
    if (said && isPersonNoun(said[2]!)) {
      const mods = said[1]!.split(/\s+/).filter((w) => w.length > 0);
      if (!mods.some((w) => PHRASE_WORDS.has(w)))
        out.push({ start: m.start, character: m.character, head: said[2]!, mods });
    }
  };
  const mentions = doc.layer('mentions');
  // A pronoun only just after its character's name: "Ann came in. She was seventy." (A pronoun
  // for someone not yet named — "the intruder … He was an old man" — is often resolved to another.)
  let j = 0;
  for (const m of doc.layer('pronouns')) {
    if (m.inQuote || m.character < 0 || characters[m.character]!.narrator) continue;
    while (j < mentions.length && mentions[j]!.start < m.start) j++;
    let named = false;
    for (let k = j - 1; k >= 0 && mentions[k]!.start >= m.start - PRONOUN_REACH; k--)
      if (mentions[k]!.character === m.character && !mentions[k]!.inQuote && mentions[k]!.kind === 'proper') {
        named = true;
        break;
      }
    if (named) predicated(m, text.slice(m.end, m.end + 60));
  }
  for (const m of mentions) {
    if (m.inQuote || m.character < 0) continue;
    // "old Mr. Emerson" beside "young Mr. Emerson": "said the old man" is the first of them.
    const age =
      BEFORE_NAME.exec(text.slice(Math.max(0, m.start - 12), m.start)) ??
      OPENING_NAME.exec(text.slice(m.start, m.end));
    const heads = age ? PERSON_HEADS[characters[m.character]!.gender.label] : undefined;
    if (age && heads)
      for (const head of heads)
        out.push({ start: m.start, character: m.character, head, mods: [age[1]!.toLowerCase()] });
    const rest = text.slice(m.end, m.end + 60);
    // "Dr. Wells": "said the doctor" is he.
    if (m.kind === 'proper') {
      const title =
        TITLE.exec(text.slice(m.start, m.end)) ??
        TITLE_BEFORE.exec(text.slice(Math.max(0, m.start - 12), m.start));
      if (title)
        out.push({
          start: m.start,
          character: m.character,
          head: TITLE_NOUNS[title[1]!.toLowerCase()]!,
          mods: [],
        });
    }
    predicated(m, rest);
    const after = AFTER.exec(rest);
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
