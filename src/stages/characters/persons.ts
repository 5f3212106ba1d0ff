import { isFirstName } from '../lexicon/first-names.js';
import { HONORIFIC_GENDER, PEER_TITLES } from '../lexicon/honorifics.js';
import { NOMINAL_GENDER } from '../lexicon/nominals.js';
import { ENDEARMENTS } from './epithets.js';
import type { NameForm } from './forms.js';
import { isKnownGivenName } from './nicknames.js';
import { CALENDAR_WORDS, KNOWN_PLACES, NATIONALITIES, PLACE_HEADS, PLACE_PREFIXES } from './not-names.js';

/**
 * Which name forms name persons. Places, houses, inns, ships and months are capitalised too; what
 * tells them apart is how the text uses them: a person speaks ("said Emma"), is spoken to ("Emma,
 * my dear"), carries a title ("Mrs. Goddard") or a known first name, while a place follows "at",
 * "in", "from" and never speaks.
 */

/** Share of occurrences after a preposition of place that marks a place ("at Hartfield"). */
const PLACE_SHARE = 0.15;

function personEvidence(f: NameForm): number {
  return f.speech + f.vocative;
}

function locativeShare(f: NameForm): number {
  return f.locative / f.count;
}

/** Used as a place: after "at", "in", "from" at least twice and in a good share of its uses. */
function isPlaceLike(f: NameForm): boolean {
  return f.locative >= 2 && locativeShare(f) >= PLACE_SHARE;
}

/**
 * "Westons", "Miss Bennets": a family or a group, when the singular is a name the text uses at least
 * as often ("De Griers" is not the plural of a stray "De Grier").
 */
function isPlural(f: NameForm, singulars: ReadonlyMap<string, number>): boolean {
  const last = f.words[f.words.length - 1]!;
  if (last.length < 4 || !last.endsWith('s') || last.endsWith('ss')) return false;
  const singular = Math.max(
    singulars.get(last.slice(0, -1)) ?? 0,
    last.endsWith('es') ? (singulars.get(last.slice(0, -2)) ?? 0) : 0,
  );
  return singular >= f.count;
}

/**
 * Mostly written before a lower-case noun in narration ("the Italian notices", "Eastlake
 * book-cases"): an adjective or the name of a style or a make, not a person, unless it speaks.
 */
function isModifierMostly(f: NameForm): boolean {
  return f.modifier >= 2 && f.modifier * 2 > f.count - f.inQuote && personEvidence(f) === 0;
}

function isTitleWord(word: string): boolean {
  return HONORIFIC_GENDER.has(word) || NOMINAL_GENDER.has(word);
}

/**
 * A descriptive title ("the Hatter", "the White Rabbit", "the Colonel") names a person when the text
 * makes it speak or act, or when its head is a word for a person or a title.
 */
function isPersonTitle(f: NameForm): boolean {
  if (f.count < 2) return false;
  // "the mariner", never capitalised: a character when the text tags speech with it twice ("said
  // the mariner"); otherwise it is one more mention of a passing role.
  if (f.described === f.count) return f.speech >= 2;
  const of = f.words.indexOf('of');
  const head = f.words[of > 0 ? of - 1 : f.words.length - 1]!;
  if (PLACE_HEADS.has(head)) return false;
  // "the Italian lady", "the French aristocracy": before a noun the title is an adjective; "the
  // French" alone is a people. A nationality names one person only where it speaks, as bare.
  if (isModifierMostly(f)) return false;
  if (NATIONALITIES.has(head)) return f.speech >= 2;
  if (head.endsWith('s') && !head.endsWith('ss') && !isTitleWord(head)) return false;
  if (f.speech >= 1 || f.vocative >= 2) return true;
  return isTitleWord(head) && f.subject >= 1;
}

export interface PersonContext {
  forms: ReadonlyMap<string, NameForm>;
  /** Words used as a surname in a titled form ("weston" of "Mr. Weston"), with the title's count. */
  titledSurnames: ReadonlyMap<string, number>;
  /** First words of multi-word names ("frank" of "Frank Churchill"). */
  givenNames: ReadonlyMap<string, number>;
  /** How often each word ends a name form (to tell plurals: "Westons" of "Weston"). */
  lastWords: ReadonlyMap<string, number>;
}

export function personContext(forms: ReadonlyMap<string, NameForm>): PersonContext {
  const titledSurnames = new Map<string, number>();
  const givenNames = new Map<string, number>();
  const lastWords = new Map<string, number>();
  for (const f of forms.values()) {
    if (f.the) continue;
    const last = f.words[f.words.length - 1]!;
    lastWords.set(last, (lastWords.get(last) ?? 0) + f.count);
    if (f.title && !PLACE_HEADS.has(last))
      titledSurnames.set(last, (titledSurnames.get(last) ?? 0) + f.count);
    if (f.words.length >= 2 && isFirstName(f.words[0]!)) {
      givenNames.set(f.words[0]!, (givenNames.get(f.words[0]!) ?? 0) + f.count);
    }
  }
  return { forms, titledSurnames, givenNames, lastWords };
}

type Verdict = 'yes' | 'no' | 'maybe';

/** "the Countess Olenska", not "the Counts Orsini" (a family) nor "the Duke Block" (a building). */
function isPeerAfterThe(f: NameForm, ctx: PersonContext): boolean {
  const name = f.words[0]!;
  return (
    PEER_TITLES.has(f.title) &&
    // A clergyman goes by his full name too: "the Rev. James Flynn".
    (f.words.length === 1 || (f.words.length === 2 && CLERGY_TITLES.has(f.title))) &&
    !PLACE_HEADS.has(name) &&
    !isPlural(f, ctx.lastWords)
  );
}

/** Clergy titles, which "the" precedes before a full name as well as a surname. */
const CLERGY_TITLES: ReadonlySet<string> = new Set(['reverend', 'rev']);

function verdict(f: NameForm, ctx: PersonContext): Verdict {
  if (f.the) return isPersonTitle(f) ? 'yes' : 'no';
  // "the Westons", "the Miss Bennets" name families; "the Crown" and "the Abbey" are buildings. (A
  // peer or a clergyman takes "the" before title and name: "the Countess Olenska", "the Reverend
  // Mr. Collins"; a plural is still a family, "the Counts Orsini".)
  if (f.afterThe * 2 > f.count && !isPeerAfterThe(f, ctx)) return 'no';
  if (f.owned * 2 > f.count) return 'no'; // "your Grace", "his Majesty"
  if (isPlural(f, ctx.lastWords)) return 'no';
  const words = f.words;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const evidence = personEvidence(f);
  const placeLike = isPlaceLike(f);
  const yes = (b: boolean): Verdict => (b ? 'yes' : 'no');
  if (f.title) {
    // "St. Paul's", "Lady Chapel": a saint's name is mostly a church.
    // ("St. Aubert felt…" is a family name: it acts and is never a place.)
    if (f.title === 'st' || f.title === 'saint')
      return yes((evidence >= 1 && !placeLike) || (f.subject >= 2 && f.locative === 0));
    if (PLACE_HEADS.has(last) && words.length > 1) return yes(evidence >= 1);
    return 'yes';
  }
  if (words.length >= 2) {
    // "Kansas City", "Port Burdock", "San Miniato": a place unless it speaks (an answer that is
    // only the name looks like an address: '"Kansas City," I said'). "Mary Hall", "Tom Wood" are
    // people with a given name and a surname that is also a place word.
    if (PLACE_HEADS.has(last) && isGivenName(first) && !PLACE_PREFIXES.has(first))
      return yes(!placeLike && (evidence >= 1 || f.subject >= 2));
    if (PLACE_HEADS.has(last) || PLACE_PREFIXES.has(first)) return yes(f.speech >= 1);
    // "Whit Monday", "Easter Sunday" (but "Minnie May" is a girl).
    if (CALENDAR_WORDS.has(last) && !isGivenName(first)) return yes(f.speech >= 2);
    if (words.some((w) => KNOWN_PLACES.has(w) || NATIONALITIES.has(w))) return yes(f.speech >= 2);
    if (isGivenName(first)) return yes(!placeLike || evidence >= 1);
    if (ctx.titledSurnames.has(last)) return 'yes';
    if (placeLike) return 'no';
    return evidence >= 1 ? 'yes' : 'maybe';
  }
  // One word.
  // "Hill" of "Box Hill", "Star" of "the Pole Star", "Mill" of "Abbey-Mill": mostly the tail of a
  // longer capitalised phrase is a part of a place's or a thing's name, unless it speaks or is spoken
  // to. A given name that is no common word too is left alone ("Cousin Caroline").
  if (
    f.compound >= 2 &&
    f.compound * 2 > f.count &&
    evidence === 0 &&
    (!isGivenName(first) || f.lowerUses > 0)
  )
    return 'no';
  // "Louis-Quinze", "Abbey-Mill": a name joined by a hyphen to another capitalised word is a half
  // of a style's or a place's name, even a given name, unless it speaks or is spoken to.
  if (f.hyphened >= 2 && f.hyphened * 2 > f.count && evidence === 0) return 'no';
  // "Eastlake furniture": a word mostly written before a noun names a style or a make.
  if (isModifierMostly(f) && !isGivenName(first) && !ctx.titledSurnames.has(first)) return 'no';
  // "Imperialism", "Theology", "Humanity": an abstract noun capitalised for weight, unless it speaks.
  if (isAbstractNoun(first) && !isGivenName(first)) return yes(f.speech >= 1);
  // "Honey", "Angel", "Sweetheart" written with a capital: an endearment said to someone, unless
  // the narration itself uses it as a name ("Angel Clare", "Angel said").
  if (ENDEARMENTS.has(first) && f.count - f.inQuote < 2 && f.speech === 0) return 'no';
  // A month or a country is a person only when it speaks: "said Sunday"; or when the month is
  // the given name of someone the text names in full ("May Welland") and acts as one.
  if (CALENDAR_WORDS.has(first))
    return yes(f.speech >= 2 || (ctx.givenNames.has(first) && !isPlaceLike(f) && evidence + f.subject >= 1));
  if (KNOWN_PLACES.has(first)) return yes(f.speech >= 2 && locativeShare(f) < 0.05);
  // "Irish", "Dutch": a nationality is a man's nickname only where he speaks under it.
  if (NATIONALITIES.has(first)) return yes(f.speech >= 2);
  // "Abbey", "Hall", "Lane": first names or surnames that mostly name places.
  if (PLACE_HEADS.has(first)) return yes(evidence >= 2 && !placeLike);
  // "Will", "Rose", "Art": a name that is also a common word must be seen acting as a person. A
  // word the text writes in lower case a third as often as capitalised is such a word ("Art" 9
  // times in "Literature and Art", "art" 8 times).
  const wordToo = f.lowerUses * 3 >= f.count;
  if (ctx.titledSurnames.has(first) || ctx.givenNames.has(first))
    return yes((!placeLike && !wordToo) || evidence >= 1);
  if (isGivenName(first)) return yes(wordToo ? evidence >= 1 && !placeLike : !placeLike || evidence >= 2);
  if (placeLike) return 'no';
  if (evidence >= 2 && locativeShare(f) < 0.1) return 'yes';
  // A word that acts in narration and never follows "at", "in", "from" ("Warwick had…",
  // "Strether felt…"): places are named after a preposition of place sooner or later.
  if (f.locative === 0 && f.subject >= 1 && f.count >= 2) return 'yes';
  return 'maybe';
}

/** Endings of English abstract nouns that surnames do not have ("-ness" they do: Harkness). */
const ABSTRACT_ENDINGS = ['ism', 'ology', 'ment', 'ity', 'tion', 'sion', 'hood', 'ship'];

function isAbstractNoun(word: string): boolean {
  return word.length >= 7 && ABSTRACT_ENDINGS.some((e) => word.endsWith(e));
}

function isGivenName(word: string): boolean {
  return isFirstName(word) || isKnownGivenName(word);
}

/**
 * The forms that name persons. Forms the text alone leaves undecided are persons when they share a
 * name with a form judged a person: "Marilla Cuthbert" beside "Marilla" and "Matthew Cuthbert",
 * "Tibby" beside "Tibby Schlegel".
 */
export function personForms(forms: ReadonlyMap<string, NameForm>): NameForm[] {
  const ctx = personContext(forms);
  const verdicts = new Map<NameForm, Verdict>();
  const known = new Set<string>();
  // Surnames of full names judged persons, however rarely written ("Harry Sandys", once).
  // (Not a word that also names a place: "Oniton" of "Oniton Grange", after "Margaret Oniton".)
  const surnames = new Set<string>();
  const placeNames = new Set<string>();
  // How often each word opens a two-word place ("Cissie" of "Cissie Villa").
  const placeUses = new Map<string, number>();
  for (const f of forms.values()) {
    const v = verdict(f, ctx);
    verdicts.set(f, v);
    if (v === 'yes' && !f.the && f.words.length >= 2) surnames.add(f.words[f.words.length - 1]!);
    if (f.words.length >= 2 && PLACE_HEADS.has(f.words[f.words.length - 1]!)) {
      placeNames.add(f.words[0]!);
      if (v === 'no' && !f.the && !f.title && f.words.length === 2)
        placeUses.set(f.words[0]!, (placeUses.get(f.words[0]!) ?? 0) + f.count);
    }
    // A form written once lends its words to no other ("Bogey Man" does not make "Man" a name).
    if (v !== 'yes' || f.the || f.count < 2) continue;
    if (f.words.length === 1) known.add(f.words[0]!);
    else {
      known.add(f.words[0]!);
      known.add(f.words[f.words.length - 1]!);
    }
  }
  // "the Knave of Hearts" beside "the Knave", a person: the full title names the same person.
  for (const [f, v] of verdicts) {
    if (v !== 'no' || !f.the) continue;
    const of = f.key.indexOf(' of ');
    const head = of > 0 ? forms.get(f.key.slice(0, of)) : undefined;
    if (head?.the && verdicts.get(head) === 'yes') verdicts.set(f, 'yes');
  }
  // "Cissie" beside "Cissie Villa" written as often or more: the place's short name, unless it speaks.
  for (const [f, v] of verdicts) {
    if (v === 'no' || f.the || f.title || f.words.length !== 1 || f.speech > 0) continue;
    if ((placeUses.get(f.words[0]!) ?? 0) >= f.count) verdicts.set(f, 'no');
  }
  const out: NameForm[] = [];
  for (const [f, v] of verdicts) {
    if (v === 'yes') out.push(f);
    else if (v === 'maybe') {
      const words = f.words;
      if (known.has(words[0]!) || known.has(words[words.length - 1]!)) out.push(f);
      // "Sandys" that acts twice in narration, beside "Harry Sandys" written once.
      else if (words.length === 1 && f.subject >= 2 && surnames.has(words[0]!) && !placeNames.has(words[0]!))
        out.push(f);
    }
  }
  return out;
}

/** Whether one form names a person, judged alone (the undecided count as not). */
export function isPersonForm(f: NameForm, ctx: PersonContext): boolean {
  return verdict(f, ctx) === 'yes';
}
