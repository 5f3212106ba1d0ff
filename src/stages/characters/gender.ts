import type { StoryDocument } from '../../engine/document.js';
import type { Character, GenderLabel, Mention } from '../../engine/types.js';
import { CUSTOMARILY_MALE_TITLES, HONORIFIC_GENDER, honorificKey } from '../lexicon/honorifics.js';
import { KIN_NAME_ROLES, NOMINAL_GENDER } from '../lexicon/nominals.js';
import { words } from '../lexicon/words.js';
import { givenNameGender, isGuessedGender } from './nicknames.js';
import { type NameOccurrence, pronounVotes } from './pronoun-votes.js';

/**
 * Gender of each character, from three kinds of evidence, strongest first:
 *
 * 1. titles in its names ("Mrs.", "Sir", "the Duchess"; military, church and professional titles
 *    count as male, as they were in the fiction of the period): English titles carry gender;
 * 2. its given name, when the first-name lists give it one gender only;
 * 3. subject and reflexive pronouns in narration: in a sentence that names this character and no
 *    other, the first one after the name, and in the unnamed sentence right after, its subject
 *    ("Emma sat down. She had not…"). Object pronouns in the character's own sentence are someone
 *    else's ("Gilbert looked at her") and are not counted.
 *
 * A title, else a given name, decides unless the pronouns overwhelmingly say otherwise; without
 * either, the pronouns decide. `unknown` when there is no evidence or it is split (less than two
 * to one). A single pronoun decides, at confidence 0.5: over the 21 PDNC novels it was right for 9
 * of the 10 found M/F characters that had nothing else, who were all `unknown` while two votes
 * were required. Over those novels this is right for about 95% of the found M/F characters; the rest are
 * mostly animals the text calls "it", people never called by a pronoun, and clustering slips.
 */

/** Below this many votes in all, or this share for the leading gender, the answer is `unknown`. */
const MIN_VOTES = 1;
const MIN_SHARE = 0.65;
/** Pronoun votes, none for the name's gender, that overrule a gender given by a name list. */
const UNANIMOUS_AGAINST = 2;

interface NameVotes {
  titleFemale: number;
  titleMale: number;
  firstFemale: number;
  firstMale: number;
  /** Given names the lists give to both sexes, counted as the project's table guesses them. */
  guessFemale: number;
  guessMale: number;
}

function nameVotes(c: Character): NameVotes {
  const v: NameVotes = {
    titleFemale: 0,
    titleMale: 0,
    firstFemale: 0,
    firstMale: 0,
    guessFemale: 0,
    guessMale: 0,
  };
  for (const name of [c.name, ...c.aliases]) {
    const words = name.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) continue;
    // "the Duchess", "the old man", "the Duke of Monmouth", the narrator's "my mother": the head
    // noun's gender.
    const lead = words[0]!.toLowerCase();
    // "Mum", "Grandpa": a kinship word written as a name is that relative.
    if (
      lead === 'the' ||
      lead === 'my' ||
      lead === 'our' ||
      (words.length === 1 && KIN_NAME_ROLES.has(lead))
    ) {
      const g = descriptionGender(words.map((w) => w.toLowerCase()));
      if (g === 'female') v.titleFemale++;
      else if (g === 'male') v.titleMale++;
      continue;
    }
    const key = honorificKey(words[0]!);
    let title = key ? HONORIFIC_GENDER.get(key) : undefined;
    if (key && title === 'unknown' && CUSTOMARILY_MALE_TITLES.has(key)) title = 'male';
    if (title === 'female') v.titleFemale++;
    else if (title === 'male') v.titleMale++;
    if (title === 'female' || title === 'male') continue;
    const given = (key ? words[1] : words[0])?.toLowerCase();
    const g = given ? givenNameGender(given) : undefined;
    // A name the lists give to both sexes ("Evelyn", "Leslie") is only a guess, after the pronouns.
    const guessed = given !== undefined && isGuessedGender(given);
    if (g === 'female') {
      if (guessed) v.guessFemale++;
      else v.firstFemale++;
    } else if (g === 'male') {
      if (guessed) v.guessMale++;
      else v.firstMale++;
    }
  }
  return v;
}

/**
 * The gender a description implies ("the Duchess", "the old man", "the Duke of Monmouth", "my
 * mother"; `words` in lower case, determiner first): its head noun's — the part after a hyphen for a
 * compound ("the turnpike-keeper": a keeper), a trade's ending ("the coachman") — else, when the head
 * is a word for either sex, a gendered noun before it ("the woman servant", "the boy officer").
 * Undefined when nothing says.
 */
export function descriptionGender(words: readonly string[]): GenderLabel | undefined {
  const of = words.indexOf('of');
  const at = of > 1 ? of - 1 : words.length - 1;
  const head = words[at]!;
  const g = headGender(head);
  if (g === 'female' || g === 'male') return g;
  const hyphen = head.lastIndexOf('-');
  if (hyphen > 0) {
    const tail = headGender(head.slice(hyphen + 1));
    if (tail === 'female' || tail === 'male') return tail;
  }
  for (let k = at - 1; k >= 1; k--) {
    const m = NOMINAL_GENDER.get(words[k]!);
    if (m === 'female' || m === 'male') return m;
  }
  return g;
}

/** A head noun's gender: as a word for a person, a title, a trade (customarily a man's), an ending. */
function headGender(head: string): GenderLabel | undefined {
  let g = NOMINAL_GENDER.get(head) ?? HONORIFIC_GENDER.get(head);
  if (g === undefined || g === 'unknown') g = roleGender(head) ?? g;
  if ((g === undefined || g === 'unknown') && (CUSTOMARILY_MALE_TITLES.has(head) || MALE_TRADES.has(head)))
    g = 'male';
  return g;
}

/**
 * Trades that the fiction of the period gave to men, like the titles of CUSTOMARILY_MALE_TITLES:
 * "the waggoner", "the turnkey", "the keeper" who speak unnamed are men.
 */
const MALE_TRADES: ReadonlySet<string> = new Set(
  words(`
  waggoner wagoner carter drover jailer gaoler turnkey warder keeper sentry sentinel boatswain
  deputy marshal trapper hunter ostler hostler purser soldier sailor porter surgeon herald
  prospector
  `),
);

/** "the barman", "the washerwoman", "the governess": a role noun's ending gives its gender. */
function roleGender(noun: string): GenderLabel | undefined {
  if (noun.endsWith('woman')) return 'female';
  if (noun.endsWith('man')) return 'male';
  if (noun.endsWith('ess') && noun.length > 5) return 'female';
  return undefined;
}

/**
 * Pronoun votes per character (pronoun-votes.ts), from the narration mentions of each. `inQuote`
 * marks the tokens inside quotations.
 */
function characterPronounVotes(
  doc: StoryDocument,
  size: number,
  mentions: readonly Mention[],
  inQuote: Uint8Array,
): { female: Float64Array; male: Float64Array } {
  const tokens = doc.layer('tokens');
  const occurrences: NameOccurrence[] = [];
  let t = 0;
  for (const m of mentions) {
    if (m.inQuote || m.character < 0) continue;
    while (t < tokens.count && tokens.end[t]! <= m.start) t++;
    let last = t;
    while (last + 1 < tokens.count && tokens.start[last + 1]! < m.end) last++;
    occurrences.push({ first: t, last, id: m.character });
  }
  const votes = pronounVotes(doc, inQuote, occurrences);
  const female = new Float64Array(size);
  const male = new Float64Array(size);
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i]!;
    female[o.id]! += votes.female[i]!;
    male[o.id]! += votes.male[i]!;
  }
  // "Mags, an elderly woman in a straw hat, …": the narration says so outright, worth two pronouns.
  for (const m of mentions) {
    if (m.inQuote || m.character < 0) continue;
    const g = appositiveGender(doc.text, m.end);
    if (g === 'female') female[m.character]! += APPOSITIVE_VOTES;
    else if (g === 'male') male[m.character]! += APPOSITIVE_VOTES;
  }
  return { female, male };
}

/** Pronoun votes an appositive description of the character's sex is worth. */
const APPOSITIVE_VOTES = 2;
/** Words after the article before which the description's head noun must come. */
const APPOSITIVE_WORDS = 4;
/** Words that end a description before its head noun: it was a phrase ("a friend of his sister"). */
const PHRASE_BREAKS: ReadonlySet<string> = new Set(
  words(`
    of at to for from with in on by and or his her their my our your its the a an who that
    two three four five six both all other others
  `),
);
/** Plural person nouns: "Eugenio, the two ladies passed": a new subject, not a description of him. */
const PLURAL_PERSONS: ReadonlySet<string> = new Set(words('women men ladies girls boys gentlemen'));

/**
 * The sex an appositive description right after a name gives ("Mags, an elderly woman in a hat",
 * "Tom, the eldest boy,"): the first word of the sex-marked person nouns (nominals.ts) among the
 * few after the article, or undefined.
 */
export function appositiveGender(text: string, end: number): GenderLabel | undefined {
  const m = /^,\s+(?:the|an?)\s+/i.exec(text.slice(end, end + 12));
  if (!m) return undefined;
  const rest = text.slice(end + m[0].length, end + m[0].length + 60);
  const found = /^[A-Za-z][A-Za-z'\u2019-]*(?:,?\s+[A-Za-z][A-Za-z'\u2019-]*){0,3}/.exec(rest);
  if (!found) return undefined;
  const list = found[0].toLowerCase().split(/,?\s+/);
  for (let k = 0; k < list.length && k < APPOSITIVE_WORDS; k++) {
    const w = list[k]!;
    // "Tom, the bride's father": the possessor is someone else; the head comes after it.
    if (/['\u2019]s?$/.test(w)) continue;
    if (PHRASE_BREAKS.has(w) || PLURAL_PERSONS.has(w)) return undefined;
    const g = NOMINAL_GENDER.get(w);
    if (g === 'female' || g === 'male') return g;
    if (g !== undefined) return undefined;
  }
  return undefined;
}

/** 1 for every token inside a quotation. */
export function quotedTokens(doc: StoryDocument): Uint8Array {
  const tokens = doc.layer('tokens');
  const spans = doc
    .layer('quotes')
    .flatMap((q) => q.spans)
    .sort((a, b) => a[0] - b[0]);
  const out = new Uint8Array(tokens.count);
  let t = 0;
  for (const [start, end] of spans) {
    while (t < tokens.count && tokens.start[t]! < start) t++;
    for (let k = t; k < tokens.count && tokens.start[k]! < end; k++) out[k] = 1;
  }
  return out;
}

/** The votes behind each character's gender, for inspection and tests. */
export interface GenderEvidence extends NameVotes {
  pronounFemale: number;
  pronounMale: number;
}

export function genderEvidence(
  doc: StoryDocument,
  characters: readonly Character[],
  mentions: readonly Mention[],
  inQuote: Uint8Array = quotedTokens(doc),
): GenderEvidence[] {
  const pronouns = characterPronounVotes(doc, characters.length, mentions, inQuote);
  // Fields written out in one order and the array built by a loop (a spread gives every object a
  // hidden class of its own, and `map` arrays differ in kind): their readers compile once.
  const out: GenderEvidence[] = [];
  for (let i = 0; i < characters.length; i++) {
    const v = nameVotes(characters[i]!);
    out.push({
      titleFemale: v.titleFemale,
      titleMale: v.titleMale,
      firstFemale: v.firstFemale,
      firstMale: v.firstMale,
      guessFemale: v.guessFemale,
      guessMale: v.guessMale,
      pronounFemale: pronouns.female[i]!,
      pronounMale: pronouns.male[i]!,
    });
  }
  return out;
}

/**
 * The gender a name says, unless the pronouns overwhelmingly say otherwise: `against` pronoun votes
 * at least `floor` and more than `ratio` times the supporting ones (a clustering slip, or a name
 * used against the lists).
 */
function byName(
  female: number,
  male: number,
  e: GenderEvidence,
  floor: number,
  ratio: number,
): { label: GenderLabel; confidence: number } | undefined {
  if (female === male) return undefined;
  const label: GenderLabel = female > male ? 'female' : 'male';
  const against = label === 'female' ? e.pronounMale : e.pronounFemale;
  const support = label === 'female' ? e.pronounFemale : e.pronounMale;
  if (against >= floor && against > ratio * (support + 1)) return undefined;
  return { label, confidence: support >= against ? 0.95 : 0.8 };
}

export function inferGender(
  doc: StoryDocument,
  characters: readonly Character[],
  mentions: readonly Mention[],
  inQuote: Uint8Array = quotedTokens(doc),
): { label: GenderLabel; confidence: number }[] {
  const out: { label: GenderLabel; confidence: number }[] = [];
  for (const e of genderEvidence(doc, characters, mentions, inQuote)) out.push(genderOf(e));
  return out;
}

function genderOf(e: GenderEvidence): { label: GenderLabel; confidence: number } {
  const titled = byName(e.titleFemale, e.titleMale, e, 20, 4);
  if (titled) return titled;
  const named = byName(e.firstFemale, e.firstMale, e, 6, 2);
  // "Pip kept her hands in her pockets… Pip laughed so hard she had to hold on": a first name the
  // lists give one gender (many are worn by both) loses to pronouns that all say the other.
  if (named && (named.label === 'female' ? e.pronounFemale : e.pronounMale) === 0) {
    if ((named.label === 'female' ? e.pronounMale : e.pronounFemale) >= UNANIMOUS_AGAINST)
      return { label: named.label === 'female' ? 'male' : 'female', confidence: 0.6 };
  }
  if (named) return { label: named.label, confidence: named.confidence - 0.1 };
  const f = e.pronounFemale;
  const m = e.pronounMale;
  const total = f + m;
  const share = total > 0 ? Math.max(f, m) / total : 0;
  if (total >= MIN_VOTES && share >= MIN_SHARE) {
    const confidence = Math.min(0.9, share * (1 - 1 / (total + 1)));
    return { label: f > m ? 'female' : 'male', confidence };
  }
  const guessed = byName(e.guessFemale, e.guessMale, e, 2, 1);
  if (guessed) return { label: guessed.label, confidence: 0.6 };
  return { label: 'unknown', confidence: 0.5 };
}
