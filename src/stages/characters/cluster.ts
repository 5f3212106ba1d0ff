import type { GenderLabel } from '../../engine/types.js';
import { firstNameGender } from '../lexicon/first-names.js';
import { CUSTOMARILY_MALE_TITLES, HONORIFIC_GENDER } from '../lexicon/honorifics.js';
import type { NameForm } from './forms.js';
import { PARTICLES } from './names.js';
import {
  givenNameGender,
  isAmbiguousFamiliar,
  isFormalAndFamiliar,
  isGuessedGender,
  sameGivenName,
} from './nicknames.js';

/**
 * Alias clustering: name forms that belong to one person ("Tom", "Tom Sawyer", "Mr. Sawyer") become
 * one character, forms of different people ("Mr. Knightley", "Mr. John Knightley"; "Mrs. Bennet",
 * "Jane Bennet") stay apart.
 *
 * Forms are read as title + given name + surname and joined from the most specific to the least:
 * full names first, then a title with one name, then a bare name. A form joins a character when
 * their names agree (same given name or a familiar form of it, same surname), their titles agree
 * in gender and marriage (Mrs. ≠ Miss), and the text never names the two in one sentence, which
 * it does for two people and seldom for one. A shorter form that fits several characters goes to
 * one of them only when it clearly dominates; a bare surname fitting one man and several women is
 * the man's (English narration names women by title or given name). Otherwise a titled form
 * ("Miss Bennet") stands as a character of its own and a bare name is left to be resolved per
 * mention, from context.
 */

/** Titles whose single name is usually a surname ("Mr. Darcy"), not a given name ("Sir Walter"). */
const GIVEN_NAME_TITLES = new Set([
  'sir',
  'lady',
  'lord',
  'aunt',
  'auntie',
  'uncle',
  'master',
  'dame',
  'brother',
  'sister',
  'mother',
  'father',
  'granny',
  'grandma',
  'grandpa',
  'grandmother',
  'grandfather',
  'prince',
  'princess',
  'king',
  'queen',
  'emperor',
  'empress',
  'don',
  'saint',
  'st',
  'cousin',
  // Dialect "Mister" and "Master" of the period's fiction go with the given name ("Mistah Frank").
  'mistah',
  'mistuh',
  'mista',
  'marse',
  'massa',
]);
const MARRIED_TITLES = new Set([
  'mrs',
  'madame',
  'mme',
  'frau',
  'signora',
  'senora',
  'señora',
  'duchess',
  'countess',
  'baroness',
  'marchioness',
  'viscountess',
]);
const UNMARRIED_TITLES = new Set([
  'miss',
  'mademoiselle',
  'mlle',
  'signorina',
  'senorita',
  'señorita',
  'fraulein',
  'fräulein',
]);

export interface ParsedName {
  given: string;
  surname: string;
  gender: 'male' | 'female' | '';
  /**
   * Whether the gender is sure: from a title or a name the lists give to one sex. A name given to
   * both ("Evelyn", which the table calls male) or the pronouns give a gender that a title outweighs.
   */
  sure: boolean;
  marital: 'married' | 'unmarried' | '';
}

/** How often each word is used as a given name and as a surname across the forms. */
export interface WordRoles {
  given: Map<string, number>;
  surname: Map<string, number>;
  /** Title and given name of the titled full names ("mrs rachel" of "Mrs. Rachel Lynde"). */
  titledGiven: Set<string>;
  /** Pronoun votes of the untitled forms by their first word ("Berry" and "Berry Hamilton"). */
  pronouns: Map<string, PronounTally>;
}

export interface PronounTally {
  female: number;
  male: number;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * The surname's key: its last word, so that "Lady Catherine de Bourgh", "De Bourgh" and "Bourgh",
 * or "Mr. van der Luyden" and "Luyden", share it.
 */
function surnameOf(words: readonly string[]): string {
  return words[words.length - 1]!;
}

/** Name words that are initials ("p" of "Annie P. Miller") are not given names or surnames. */
function nameWords(words: readonly string[]): string[] {
  // (Loops here and below, not `filter`/`some` with a closure made per call: the engine recompiles
  // the callers after each closure is collected.)
  const out: string[] = [];
  for (const w of words) if (w.length > 1 || words.length === 1) out.push(w);
  return out;
}

export function wordRoles(forms: Iterable<NameForm>): WordRoles {
  const roles: WordRoles = {
    given: new Map(),
    surname: new Map(),
    titledGiven: new Set(),
    pronouns: new Map(),
  };
  const titledSingles: NameForm[] = [];
  for (const f of forms) {
    if (f.the) continue;
    const words = nameWords(f.words);
    if (!f.title && words.length > 0) {
      const tally = roles.pronouns.get(words[0]!) ?? { female: 0, male: 0 };
      tally.female += f.pronounFemale;
      tally.male += f.pronounMale;
      roles.pronouns.set(words[0]!, tally);
    }
    if (words.length >= 2) {
      add(roles.given, words[0]!, f.count);
      add(roles.surname, surnameOf(words), f.count);
      if (f.title && f.count >= 2 && !PARTICLES.has(words[0]!))
        roles.titledGiven.add(`${f.title} ${words[0]!}`);
    } else if (f.title && !GIVEN_NAME_TITLES.has(f.title) && !UNMARRIED_TITLES.has(f.title)) {
      titledSingles.push(f);
    }
  }
  // "Mr. Darcy" votes for "Darcy" as a surname, but "Mrs. Rachel" beside "Mrs. Rachel Lynde" for
  // "Rachel" as a given name.
  for (const f of titledSingles) {
    const w = f.words[0]!;
    add(roles.titledGiven.has(`${f.title} ${w}`) ? roles.given : roles.surname, w, f.count);
  }
  return roles;
}

/**
 * Of the words after a given name, the one the forms use most as a surname (the last on a tie):
 * "Honeychurch" of "Miss Lucy Honeychurch Drive", a heading in title case that runs on into the
 * next words ("… and Miss Lucy Honeychurch Drive Out in Carriages").
 */
function bestSupported(candidates: readonly string[], roles: WordRoles): string {
  let best = candidates[candidates.length - 1]!;
  let most = roles.surname.get(best) ?? 0;
  for (const w of candidates) {
    const n = roles.surname.get(w) ?? 0;
    if (n > most) {
      most = n;
      best = w;
    }
  }
  return best;
}

function titleGender(title: string): 'male' | 'female' | '' {
  const g = title ? HONORIFIC_GENDER.get(title) : undefined;
  if (g === 'male' || g === 'female') return g;
  return CUSTOMARILY_MALE_TITLES.has(title) ? 'male' : '';
}

export function parseName(form: NameForm, roles: WordRoles): ParsedName {
  const words = nameWords(form.words);
  const title = form.title;
  const marital = MARRIED_TITLES.has(title) ? 'married' : UNMARRIED_TITLES.has(title) ? 'unmarried' : '';
  let gender = titleGender(title);
  let given = '';
  let surname = '';
  if (words.length >= 2 && PARTICLES.has(words[0]!)) {
    surname = surnameOf(words); // "De Griers", "Van der Luyden"
  } else if (words.length >= 2) {
    given = words[0]!;
    surname = words.length > 2 ? bestSupported(words.slice(1), roles) : surnameOf(words);
    // "Mrs. John Knightley" is John Knightley's wife: the given name is her husband's.
    if (gender === 'female' && firstNameGender(given) === 'male') given = '';
  } else {
    const w = words[0]!;
    const asGiven = roles.given.get(w) ?? 0;
    const asSurname = roles.surname.get(w) ?? 0;
    // "the Marchioness Manson" beside "Medora Manson" and "Mrs. Manson Mingott" (a family name
    // given as a first name): after a title that takes the surname, a word that is no known first
    // name and that some full name ends with is a surname, however often it leads a full name (and
    // even when it leads one with the same title: "Mrs. Manson" is Medora Manson, not "Mrs. Manson
    // Mingott").
    const familyName =
      title &&
      asSurname > 0 &&
      !GIVEN_NAME_TITLES.has(title) &&
      !UNMARRIED_TITLES.has(title) &&
      firstNameGender(w) === undefined;
    // "Mrs. Rachel" is "Mrs. Rachel Lynde": the same title before the word and a surname.
    if (title && !familyName && roles.titledGiven.has(`${title} ${w}`)) given = w;
    else if (familyName) surname = w;
    else if (asGiven > asSurname) given = w;
    else if (asSurname > asGiven) surname = w;
    else if (title && !GIVEN_NAME_TITLES.has(title) && !UNMARRIED_TITLES.has(title)) surname = w;
    else if (firstNameGender(w) !== undefined) given = w;
    else if (title) surname = w;
    else given = w; // a bare unknown word: a given name until the text says otherwise
  }
  let sure = gender !== '';
  if (gender === '' && given) {
    gender = givenNameGender(given) ?? '';
    sure = gender !== '' && !isGuessedGender(given);
    // The lists are a prior; many pronouns that all say otherwise are the text's own word ("Berry",
    // a woman's name in the lists, is a man whom narration calls "he" again and again).
    const said = strongPronounGender(roles.pronouns.get(given));
    if (said !== '' && said !== gender) gender = said;
  }
  // The text's own pronouns settle a name the lists leave open or only guess at.
  if (!sure) {
    const said = pronounGender(form);
    if (said !== '') {
      gender = said;
      sure = true;
    }
  }
  return { given, surname, gender, sure, marital };
}

/** A form's pronoun votes decide its gender from this many votes at this share. */
const PRONOUN_VOTES = 3;
const PRONOUN_SHARE = 0.75;

/**
 * The gender the text's pronouns give a form that has neither a gendered title nor a gendered
 * given name ("Freddy", whom the lists give to both; a bare surname): "" when they say little.
 */
function pronounGender(form: NameForm): 'male' | 'female' | '' {
  return votedGender(form.pronounFemale, form.pronounMale, PRONOUN_VOTES, PRONOUN_SHARE);
}

/** The sex that `female` and `male` pronoun votes give, when at least `votes` say it at `share`. */
function votedGender(female: number, male: number, votes: number, share: number): 'male' | 'female' | '' {
  if (female + male < votes) return '';
  if (female >= share * (female + male)) return 'female';
  if (male >= share * (female + male)) return 'male';
  return '';
}

/** Pronoun votes that outweigh the first-name lists: this many at this share. */
const PRONOUN_VOTES_STRONG = 6;
const PRONOUN_SHARE_STRONG = 0.85;

function strongPronounGender(votes: PronounTally | undefined): 'male' | 'female' | '' {
  return votes ? votedGender(votes.female, votes.male, PRONOUN_VOTES_STRONG, PRONOUN_SHARE_STRONG) : '';
}

export interface CharacterCluster {
  forms: NameForm[];
  count: number;
  given: string[];
  surname: string;
  gender: 'male' | 'female' | '';
  /** Whether the gender is sure (see `ParsedName.sure`). */
  sure: boolean;
  marital: 'married' | 'unmarried' | '';
  /** A descriptive title ("the Hatter") rather than a name. */
  the: boolean;
}

/** Pairs of form keys the text names in one sentence: `a\u0000b` with a < b → count. */
export type CoOccurrence = ReadonlyMap<string, number>;

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Two forms named together in narration in at least this many sentences, and in at least this
 * share of the narration sentences of the rarer one, are two people. The share matters for the
 * frequent: free indirect narration names one person twice now and then ("Emma" and "Miss
 * Woodhouse" share 4 of the latter's 39 narration sentences, "Elinor" and "Miss Dashwood" 4 of
 * 30), while two people who fit one name share more ("Elizabeth" and "Miss Bennet", 6 of 38).
 */
const APART = 2;
const APART_SHARE = 0.15;
/** One person is named twice in a narration sentence at most 4 times in a novel (the 21 PDNC novels). */
export const APART_ALWAYS = 5;

function apart(form: NameForm, cluster: CharacterCluster, together: CoOccurrence, alone: boolean): boolean {
  const narrated = form.count - form.inQuote;
  for (const other of cluster.forms) {
    const n = together.get(pairKey(form.key, other.key)) ?? 0;
    if (n < APART) continue;
    if (n >= APART_ALWAYS) return true;
    // A given name beside a full name that holds it ("Charles" and "Charles Hayter") names another
    // Charles: one person's full name and given name share a sentence once a novel at most. Unless
    // no one else has that given name: "… make Anne Shirley look at him … because Anne was …".
    if (nested(form, other)) {
      if (alone) continue;
      return true;
    }
    if (n >= APART_SHARE * Math.min(narrated, other.count - other.inQuote)) return true;
  }
  return false;
}

interface Fit {
  cluster: CharacterCluster;
  /**
   * 2: the given name itself or the surname; 1: a familiar form of the given name; one more when
   * the character already goes by the same title.
   */
  strength: number;
  /** Narration sentences naming the form together with one of the character's forms. */
  together: number;
}

function fit(
  name: ParsedName,
  form: NameForm,
  c: CharacterCluster,
  together: CoOccurrence,
  alone = false,
  narrated: ReadonlyMap<string, Narration> = new Map(),
  men: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Fit | undefined {
  if (c.the) return undefined;
  // "Mrs. Dashwood" is not "Mrs. John Dashwood" when the text names John Dashwood and another
  // Dashwood man (Henry): the wife is told from the other Mrs. Dashwood by her husband's name. (With
  // one Struthers man, "Mrs. Lemuel Struthers" is the one Mrs. Struthers.)
  if (MARRIED_TITLES.has(form.title) && !isFullName(form.words) && someWifeOf(c.forms, men)) return undefined;
  // Genders that differ part two people, unless one of them is only a guess ("Evelyn Howard" is
  // "Miss Howard").
  if (name.gender && c.gender && name.gender !== c.gender && name.sure && c.sure) return undefined;
  if (name.marital && c.marital && name.marital !== c.marital) return undefined;
  if (name.surname && c.surname && name.surname !== c.surname && !initialOf(name.surname, c.surname))
    return undefined;
  // "Mr. Knightley" and "Mr. John Knightley", "Miss Bennet" and "Miss Elizabeth Bennet": a title
  // with the surname alone names the eldest, and the others are told apart by their given names.
  // So a "Mr." form used far more often than a character known by a given name and the same
  // surname is someone else (a father, an elder brother). A "Miss" form is someone else only when
  // the text also calls the character "Miss" with her given name, as it does younger sisters: an
  // only daughter is "Miss Bartlett" and "Charlotte" both (the rule without this test split 5
  // such women over the PDNC novels and kept apart 2 sisters).
  if (
    !name.given &&
    SENIOR_TITLES.has(form.title) &&
    c.given.length > 0 &&
    narratedCount(c) >= SENIOR_MIN &&
    form.count > SENIOR_RATIO * c.count &&
    !knownByTitledFullName(c, form.title) &&
    (!UNMARRIED_TITLES.has(form.title) || hasYoungerSister(c.forms, form.title))
  ) {
    return undefined;
  }
  // "General Tilney" and "Captain Tilney", or "Mr. Tilney": two ranks are two people (a promotion
  // within a novel is rare, and the text then drops the old rank), and a man the text calls
  // "Mr." holds no military rank ("Captain Wentworth" and his brother "Mr. Wentworth"); clergymen
  // and doctors are "Mr." too.
  const rank = RANKS.get(form.title);
  if (rank && otherRank(c.forms, rank)) return undefined;
  const eldest = !name.given && UNMARRIED_TITLES.has(form.title);
  let strength = 0;
  if (name.given) {
    if (c.given.length > 0) {
      if (c.given.includes(name.given)) strength = 2;
      else if (hasSameGivenName(c.given, name.given)) {
        // "Kit" is Christopher or Katherine: only a known and equal gender links it.
        // (With no gender of its own, it links the one character whose name it can shorten.)
        const ambiguous = isAmbiguousFamiliar(name.given) || someAmbiguousFamiliar(c.given);
        if (ambiguous && !(name.gender ? name.gender === c.gender : alone)) return undefined;
        if (nameWords(form.words).length === 1 && narratedApart(name.given, c.given, narrated))
          return undefined;
        strength = 1;
      } else if (alone && clippedForm(form) && someClipping(name.given, c.given)) strength = 1;
      else return undefined;
    }
  }
  // "Skaggsy" is Skaggs: a bare word that is no first name and is a surname with a familiar ending
  // (placed before the surname's own forms, or after them).
  if (
    strength === 0 &&
    ((name.given &&
      !form.title &&
      c.given.length === 0 &&
      form.words.length === 1 &&
      familiarSurname(name.given, c.surname)) ||
      (name.surname &&
        !name.given &&
        !c.surname &&
        c.given.length === 1 &&
        familiarSurname(c.given[0]!, name.surname)))
  )
    strength = 1;
  if (name.surname && name.surname === c.surname) strength = Math.max(strength, 2);
  // (Only for a character already called by that title: "Count V." is not "Antonida Vassilievna".)
  else if (
    name.surname &&
    !name.given &&
    form.title &&
    initialOf(name.surname, c.surname) &&
    sameTitle(c, form.title, false)
  )
    strength = Math.max(strength, 1);
  if (strength === 0) return undefined;
  // "Sir John" fits "Sir John Middleton" better than "John Dashwood". (Not "Miss Bennet" and "Miss
  // Lydia Bennet": the title with the surname alone is the eldest sister, those with given names
  // are the younger ones.)
  if (form.title && sameTitle(c, form.title, eldest)) strength++;
  if (apart(form, c, together, alone)) return undefined;
  // (A name beside its own full form says nothing: "Charles Musgrove … Charles".)
  let shared = 0;
  for (const other of c.forms)
    if (!nested(form, other)) shared += together.get(pairKey(form.key, other.key)) ?? 0;
  return { cluster: c, strength, together: shared };
}

/**
 * "Mr. E." for "Mr. Elton": a surname written as its initial, as letters and gossip veil it. (The
 * title and gender must agree as for the surname itself; several fits are settled as for any
 * shared name.)
 */
function initialOf(initial: string, surname: string): boolean {
  return (
    surname.length > 2 &&
    (initial.length === 1 || (initial.length === 2 && initial.charCodeAt(1) === 46)) &&
    surname.charCodeAt(0) === initial.charCodeAt(0)
  );
}

function familiarSurname(word: string, surname: string): boolean {
  if (surname.length < 3 || !word.startsWith(surname) || firstNameGender(word) !== undefined) return false;
  const ending = word.slice(surname.length);
  return ending === 'y' || ending === 'ie' || ending === 'ey';
}

function someWifeOf(forms: readonly NameForm[], men: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  for (const f of forms) if (isWifeOf(f, men)) return true;
  return false;
}

function hasYoungerSister(forms: readonly NameForm[], title: string): boolean {
  for (const f of forms) if (isYoungerSister(f, title)) return true;
  return false;
}

/** Whether one of the forms has a rank other than `rank`. */
function otherRank(forms: readonly NameForm[], rank: string): boolean {
  for (const f of forms) if (!sameRank(rank, RANKS.get(f.title) ?? rank)) return true;
  return false;
}

function hasSameGivenName(given: readonly string[], name: string): boolean {
  for (const g of given) if (sameGivenName(g, name)) return true;
  return false;
}

function someAmbiguousFamiliar(given: readonly string[]): boolean {
  for (const g of given) if (isAmbiguousFamiliar(g)) return true;
  return false;
}

/** Whether the character goes by `title` too (for the eldest sister: without a given name of hers). */
function sameTitle(c: CharacterCluster, title: string, eldest: boolean): boolean {
  for (const f of c.forms) {
    if (f.title !== title) continue;
    if (!eldest) return true;
    let named = false;
    for (const w of f.words)
      if (c.given.includes(w)) {
        named = true;
        break;
      }
    if (!named) return true;
  }
  return false;
}

/**
 * "Mrs. John Dashwood", where `men` (surname → given names of the men named in full) holds John and
 * another Dashwood.
 */
function isWifeOf(f: NameForm, men: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (!MARRIED_TITLES.has(f.title)) return false;
  const words = nameWords(f.words);
  if (words.length < 2) return false;
  const given = men.get(surnameOf(words));
  return given !== undefined && given.size >= 2 && given.has(words[0]!);
}

/** How often the forms with one given name are written, in all and in narration. */
export interface Narration {
  count: number;
  narrated: number;
}

/** A given name narration uses this many times and this share of its uses is the narrator's own name for someone. */
const NARRATED_MIN = 3;
const NARRATED_SHARE = 1 / 3;

function narratedName(n: Narration | undefined): boolean {
  return n !== undefined && n.narrated >= NARRATED_MIN && n.narrated >= NARRATED_SHARE * n.count;
}

/**
 * "Kitty" beside "Lady Catherine", "Madge" beside "Margaret": narration keeps to one name for each
 * character, so a familiar form that narration uses, for a character whose formal name it also
 * uses, is someone else. (Speech uses the familiar form: "Lizzy" is Elizabeth. Two familiar forms
 * may both be narration's: "Kit" and "Kitty".)
 */
function narratedApart(
  given: string,
  others: readonly string[],
  narrated: ReadonlyMap<string, Narration>,
): boolean {
  if (!narratedName(narrated.get(given))) return false;
  for (const g of others) if (isFormalAndFamiliar(g, given) && narratedName(narrated.get(g))) return true;
  return false;
}

/** Whether the name words of one form are all among the other's ("Charles" in "Charles Musgrove"). */
function nested(a: NameForm, b: NameForm): boolean {
  const short = a.words.length <= b.words.length ? a.words : b.words;
  const long = a.words.length <= b.words.length ? b.words : a.words;
  for (const w of short) if (!long.includes(w)) return false;
  return true;
}

function join(c: CharacterCluster, form: NameForm, name: ParsedName): void {
  c.forms.push(form);
  c.count += form.count;
  if (name.given && !c.given.includes(name.given)) c.given.push(name.given);
  if (name.surname && !c.surname) c.surname = name.surname;
  if (name.gender && (!c.gender || (name.sure && !c.sure))) {
    c.gender = name.gender;
    c.sure = name.sure;
  }
  if (name.marital && !c.marital) c.marital = name.marital;
}

function open(form: NameForm, name: ParsedName): CharacterCluster {
  const c: CharacterCluster = {
    forms: [],
    count: 0,
    given: [],
    surname: '',
    gender: '',
    sure: false,
    marital: '',
    the: form.the,
  };
  join(c, form, name);
  return c;
}

/** Military, church and professional ranks, by canonical name ("capt" is "captain"), and "Mr.". */
const RANKS: ReadonlyMap<string, string> = new Map([
  ['mr', 'mr'],
  ['mister', 'mr'],
  ['mistah', 'mr'],
  ['mistuh', 'mr'],
  ['mista', 'mr'],
  ['captain', 'captain'],
  ['capt', 'captain'],
  ['colonel', 'colonel'],
  ['col', 'colonel'],
  ['major', 'major'],
  ['general', 'general'],
  ['gen', 'general'],
  ['lieutenant', 'lieutenant'],
  ['lt', 'lieutenant'],
  ['admiral', 'admiral'],
  ['commander', 'commander'],
  ['sergeant', 'sergeant'],
  ['sgt', 'sergeant'],
  ['corporal', 'corporal'],
  ['dr', 'doctor'],
  ['doctor', 'doctor'],
  ['professor', 'professor'],
  ['prof', 'professor'],
  ['inspector', 'inspector'],
  ['reverend', 'reverend'],
  ['rev', 'reverend'],
  ['judge', 'judge'],
  // A baronet or knight ("Sir Walter Elliot") or a lord is never "Mr. Elliot": that is his heir.
  ['sir', 'sir'],
  ['lord', 'lord'],
]);

/** A title under its full name: "dr" is "doctor", "capt" "captain" ("the Doctor" is "Dr. Bull"). */
function canonicalTitle(title: string): string {
  return RANKS.get(title) ?? title;
}

/** Titles that are not military ranks: any of them may be "Mr." as well ("Rev. Cuthbert Eager" is "Mr. Eager"). */
const CIVIL = new Set(['mr', 'doctor', 'professor', 'inspector', 'reverend', 'judge']);

function sameRank(a: string, b: string): boolean {
  return a === b || (CIVIL.has(a) && b === 'mr') || (a === 'mr' && CIVIL.has(b));
}

/** How much more often the leading candidate must be named than the next to take an ambiguous form. */
const DOMINANCE = 4;

/**
 * Clusters person forms into characters. `forms` are the forms judged to name persons; the
 * descriptive titles among them ("the Hatter") each stand alone.
 */
export interface Clustering {
  clusters: CharacterCluster[];
  /** Bare names several characters share ("Bennet"), with the characters they may name. */
  shared: Map<string, CharacterCluster[]>;
}

/** What placing a form reads and writes (one object, one shape: see `placeForm`). */
interface Placing {
  clusters: CharacterCluster[];
  shared: Map<string, CharacterCluster[]>;
  absorbedInto: Map<CharacterCluster, CharacterCluster>;
  together: CoOccurrence;
  roles: WordRoles;
  narrated: Map<string, Narration>;
  men: Map<string, Set<string>>;
}

/** A form with the rank of its turn in clustering (lower first). */
interface Turn {
  form: NameForm;
  specificity: number;
}

const NO_NAME: ParsedName = { given: '', surname: '', gender: '', sure: false, marital: '' };

export function clusterForms(forms: readonly NameForm[], together: CoOccurrence): Clustering {
  // (Split into module-level functions without closures: one large function with closures made
  // per call was recompiled again and again.)
  const roles = wordRoles(forms);
  // Full names first; then bare given names, which join their full names ("Emma" → "Emma
  // Woodhouse") before titles are placed, so that a title is judged against everything the
  // character is called; then titles with one name; then bare surnames; descriptive titles last.
  const parsed = new Map<NameForm, ParsedName>();
  for (const f of forms) parsed.set(f, parseName(f, roles));
  const placing: Placing = {
    clusters: [],
    shared: new Map(),
    absorbedInto: new Map(),
    together,
    roles,
    narrated: narratedNames(parsed),
    men: menInFull(forms),
  };
  for (const turn of turns(forms, parsed)) {
    const form = turn.form;
    if (form.the) placeDescriptive(form, placing);
    else placeForm(form, parsed.get(form)!, placing);
  }
  const clusters = placing.clusters;
  joinElisions(clusters);
  joinAppositions(clusters);
  const shared = placing.shared;
  // Shared names may list characters that a frequent name absorbed later.
  for (const [key, list] of shared) {
    const live = liveClusters(list, placing);
    if (live.length > 1) shared.set(key, live);
    else shared.delete(key);
  }
  return { clusters, shared };
}

/**
 * A name with letters dropped in dialect and marked by an apostrophe ("Be'y" for "Berry",
 * "Ca'line" for "Caroline"): one or two letters restored, it is the given name of one character,
 * named at least as often. ("O'Hara", "D'Arcy" keep their apostrophe after one letter.)
 */
function joinElisions(clusters: CharacterCluster[]): void {
  for (const c of [...clusters]) {
    if (c.the || c.forms.length !== 1) continue;
    const f = c.forms[0]!;
    if (f.title || f.words.length !== 1) continue;
    const m = /^([a-z]{2,})['\u2019]([a-z]+)$/.exec(f.words[0]!);
    if (!m || m[2] === 's') continue;
    const restored = new RegExp(`^${m[1]}[a-z]{1,2}${m[2]}$`);
    let found: CharacterCluster | undefined;
    let many = false;
    for (const o of clusters) {
      if (o === c || o.the || !o.given.some((g) => restored.test(g))) continue;
      if (found) many = true;
      found = o;
    }
    if (found && !many && found.count >= c.count) absorb(found, c, clusters);
  }
}

/**
 * "the lawyer", a role the whole text calls someone by, is the one named character the text sets
 * beside it with a comma ("Mr. Wells, the lawyer"), when every such apposition names that one.
 */
function joinAppositions(clusters: CharacterCluster[]): void {
  for (const c of [...clusters]) {
    if (!c.the) continue;
    const targets = new Set<CharacterCluster>();
    for (const f of c.forms) {
      for (const key of f.apposed?.keys() ?? []) {
        const o = clusters.find((x) => !x.the && x.forms.some((g) => g.key === key));
        if (o) targets.add(o);
      }
    }
    if (targets.size === 1) absorb([...targets][0]!, c, clusters);
  }
}

/** Men named in full without a title ("John Dashwood"), whose wives are "Mrs. John Dashwood". */
function menInFull(forms: readonly NameForm[]): Map<string, Set<string>> {
  const men = new Map<string, Set<string>>();
  for (const f of forms) {
    const words = nameWords(f.words);
    if (f.the || words.length < 2 || PARTICLES.has(words[0]!) || firstNameGender(words[0]!) !== 'male')
      continue;
    if (f.title && titleGender(f.title) !== 'male') continue;
    const given = men.get(surnameOf(words)) ?? new Set<string>();
    given.add(words[0]!);
    men.set(surnameOf(words), given);
  }
  return men;
}

function narratedNames(parsed: ReadonlyMap<NameForm, ParsedName>): Map<string, Narration> {
  const narrated = new Map<string, Narration>();
  for (const [f, name] of parsed) {
    if (f.the || !name.given) continue;
    const n = narrated.get(name.given) ?? { count: 0, narrated: 0 };
    n.count += f.count;
    n.narrated += f.count - f.inQuote;
    narrated.set(name.given, n);
  }
  return narrated;
}

/** The forms in the order they are placed. */
function turns(forms: readonly NameForm[], parsed: ReadonlyMap<NameForm, ParsedName>): Turn[] {
  const out: Turn[] = [];
  for (const form of forms) out.push({ form, specificity: specificity(form, parsed) });
  return out.sort(byTurn);
}

/**
 * Whether a form is a full name, given name and surname: not a surname with its particle ("de
 * Griers", "Mrs. van der Luyden"), which is placed like any other surname.
 */
function isFullName(words: readonly string[]): boolean {
  const name = nameWords(words);
  return name.length >= 2 && !PARTICLES.has(name[0]!);
}

function specificity(f: NameForm, parsed: ReadonlyMap<NameForm, ParsedName>): number {
  if (f.the) return 4;
  if (isFullName(f.words)) return 0;
  if (f.title) return 2;
  return parsed.get(f)!.given ? 1 : 3;
}

// (Descriptive titles with "of" go first, so that "the Queen" can join "the Queen of Hearts".)
function byTurn(x: Turn, y: Turn): number {
  const a = x.form;
  const b = y.form;
  return x.specificity - y.specificity || (a.the ? b.words.length - a.words.length : 0) || b.count - a.count;
}

function placeDescriptive(form: NameForm, placing: Placing): void {
  const clusters = placing.clusters;
  const titled =
    titledCluster(form, clusters) ?? describedCluster(form, clusters) ?? fullTitleCluster(form, clusters);
  const c = titled ?? open(form, NO_NAME);
  if (titled) join(titled, form, NO_NAME);
  else clusters.push(c);
  for (const bare of bareHeads(form, clusters)) {
    absorb(c, bare, clusters);
    placing.absorbedInto.set(bare, c);
  }
}

function placeForm(form: NameForm, name: ParsedName, placing: Placing): void {
  const clusters = placing.clusters;
  const wife = husbandsName(form, clusters);
  if (wife) {
    join(wife, form, {
      given: '',
      surname: name.surname,
      gender: name.gender,
      sure: name.sure,
      marital: name.marital,
    });
    return;
  }
  const fits: Fit[] = [];
  // A bare given name that one character alone has, as given name or familiar form.
  // ("Cal" for "Callum": a clipped given name only where no character has the name itself.)
  const alone =
    !form.title &&
    nameWords(form.words).length === 1 &&
    name.given !== '' &&
    (countWithGivenName(clusters, name.given) === 1 ||
      (countWithGivenName(clusters, name.given) === 0 && countClipping(clusters, name.given) === 1));
  for (const c of clusters) {
    const f = fit(name, form, c, placing.together, alone, placing.narrated, placing.men);
    if (f) fits.push(f);
  }
  const full = isFullName(form.words);
  let usable = full ? usableForFullName(fits, name) : fits;
  // A full name written once or twice ("Lady Mary Grierson" in a family register) does not claim
  // a given name the text uses ten times as often: the frequent name is its own character, and
  // the stray full names join it.
  if (!full && someNotFamiliarOnly(usable, name)) usable = withoutStrayFamiliar(usable, form, name);
  const stray: Fit[] = [];
  if (!full) for (const f of usable) if (isStray(f.cluster, form)) stray.push(f);
  if (stray.length > 0 && stray.length === usable.length) {
    const c = open(form, name);
    const surnames: string[] = [];
    for (const f of stray) {
      absorb(c, f.cluster, clusters);
      placing.absorbedInto.set(f.cluster, c);
    }
    // Stray full names may disagree ("Margaret Schlegel", and "Margaret Oniton" where a place
    // follows her name): the surname the other forms use most.
    for (const f of stray) if (f.cluster.surname !== '') surnames.push(f.cluster.surname);
    if (surnames.length > 1) c.surname = bestSupported(surnames, placing.roles);
    clusters.push(c);
    return;
  }
  const kept: Fit[] = [];
  for (const f of usable) if (!stray.includes(f)) kept.push(f);
  usable = kept;
  const chosen = choose(usable, name, form.title);
  if (chosen) join(chosen, form, name);
  else if (usable.length === 0 || form.title || full) clusters.push(open(form, name));
  // A bare name several characters share: each mention is resolved from context.
  else {
    const list: CharacterCluster[] = [];
    for (const f of usable) list.push(f.cluster);
    placing.shared.set(form.key, list);
  }
}

/** Letters a clipped given name keeps at least, and drops at least ("Cal" for "Callum", not "Ann" for "Anna"). */
const CLIP_KEEP = 3;
const CLIP_DROP = 2;

/**
 * Whether a bare given name is another's first letters ("Cal" and "Callum", "Lex" and "Lexington"),
 * as writers clip names the familiar-form table does not hold.
 */
export function isClipping(short: string, long: string): boolean {
  return short.length >= CLIP_KEEP && long.length >= short.length + CLIP_DROP && long.startsWith(short);
}

/** Clipped names are speech's: a bare word, said more than once and never in narration (not "West", a place). */
function clippedForm(form: NameForm): boolean {
  return form.words.length === 1 && !form.title && form.count >= 2 && form.inQuote === form.count;
}

function someClipping(name: string, given: readonly string[]): boolean {
  for (const g of given) if (isClipping(name, g)) return true;
  return false;
}

function countClipping(clusters: readonly CharacterCluster[], name: string): number {
  let n = 0;
  for (const c of clusters) if (someClipping(name, c.given)) n++;
  return n;
}

function countWithGivenName(clusters: readonly CharacterCluster[], given: string): number {
  let n = 0;
  for (const c of clusters) if (hasSameGivenName(c.given, given)) n++;
  return n;
}

/**
 * A full name joins only a character with the same given name and surname, or the one character
 * whose given name is its formal or familiar form ("Eliza Bennet" and "Elizabeth Bennet"; not
 * "Lizzie Wright" and "Bessie Wright", two familiar forms, maybe two people).
 */
function usableForFullName(fits: readonly Fit[], name: ParsedName): Fit[] {
  const usable: Fit[] = [];
  for (const f of fits)
    if (f.strength >= 2 && name.given && f.cluster.given.includes(name.given)) usable.push(f);
  if (usable.length === 0 && name.given) {
    const familiar: Fit[] = [];
    for (const f of fits)
      if (f.strength >= 2 && someFormalAndFamiliar(f.cluster.given, name.given)) familiar.push(f);
    if (familiar.length === 1) return familiar;
  }
  return usable;
}

function someFormalAndFamiliar(given: readonly string[], name: string): boolean {
  for (const g of given) if (isFormalAndFamiliar(g, name)) return true;
  return false;
}

function someNotFamiliarOnly(fits: readonly Fit[], name: ParsedName): boolean {
  for (const f of fits) if (!familiarOnly(f, name)) return true;
  return false;
}

function withoutStrayFamiliar(fits: readonly Fit[], form: NameForm, name: ParsedName): Fit[] {
  const out: Fit[] = [];
  for (const f of fits) if (!(isStray(f.cluster, form) && familiarOnly(f, name))) out.push(f);
  return out;
}

/** The characters of a shared name still standing, each absorbed one replaced by its absorber. */
function liveClusters(list: readonly CharacterCluster[], placing: Placing): CharacterCluster[] {
  const seen = new Set<CharacterCluster>();
  for (const c of list) seen.add(placing.absorbedInto.get(c) ?? c);
  const live: CharacterCluster[] = [];
  for (const c of seen) if (placing.clusters.includes(c)) live.push(c);
  return live;
}

/**
 * Whether a character fits a bare given name only through a familiar form ("Harry Sandys" for
 * "Henry"). Beside a full name with the given name itself ("Henry Otway"), such a stray full name
 * is someone else; alone, it is the formal name of the familiar one ("Jacob Barnes" for "Jake").
 */
function familiarOnly(f: Fit, name: ParsedName): boolean {
  return name.given !== '' && !f.cluster.given.includes(name.given);
}

/**
 * "Mrs. Peter" is "Mrs. Peter Blewett": a married woman's title before a man's given name alone
 * names the wife the text also calls by his full name, when one character is so called.
 */
function husbandsName(form: NameForm, clusters: readonly CharacterCluster[]): CharacterCluster | undefined {
  if (!MARRIED_TITLES.has(form.title) || form.words.length !== 1) return undefined;
  const given = form.words[0]!;
  if (firstNameGender(given) !== 'male') return undefined;
  let wife: CharacterCluster | undefined;
  for (const c of clusters) {
    let hers = false;
    for (const f of c.forms)
      if (f.title === form.title && f.words.length >= 2 && f.words[0] === given) {
        hers = true;
        break;
      }
    if (!hers) continue;
    if (wife) return undefined;
    wife = c;
  }
  return wife;
}

/** A character named this rarely is a stray full name (a register, a letter's signature). */
const STRAY = 2;

function isStray(c: CharacterCluster, form: NameForm): boolean {
  return c.count <= STRAY && form.count > 10 * c.count;
}

/** "Miss Eliza Bennet", "Miss Lydia", written at least twice: a younger sister, told from the eldest. */
function isYoungerSister(f: NameForm, title: string): boolean {
  return f.title === title && f.count >= 2 && !PARTICLES.has(f.words[0]!);
}

/**
 * Whether the text calls a character by the same title with given name and surname nearly always
 * ("Mr. Thomas Marvel", all but once): a formal habit of the narration, so that the title with the
 * surname alone ("Mr. Marvel") is the same man. A younger brother is told apart by his given name
 * ("John Knightley", "John"), used without the title.
 */
function knownByTitledFullName(c: CharacterCluster, title: string): boolean {
  let titled = 0;
  for (const f of c.forms) if (f.title === title && isFullName(f.words)) titled += f.count;
  return titled >= TITLED_FULL_SHARE * c.count;
}
const TITLED_FULL_SHARE = 0.8;

const SENIOR_TITLES = new Set(['mr', 'mister', 'monsieur', 'herr', 'signor', 'miss', 'mademoiselle', 'mlle']);
const SENIOR_RATIO = 2;
/** The younger one must be a character the narration itself names, and often ("Mr. John Knightley",
 * 43 of his 73 mentions): a "Miss Mary Morstan" named five times is the "Miss Morstan" of the rest
 * of the book, and a man whose given name only his wife says ("Henry", 10 times, all in speech) is
 * the "Mr. van der Luyden" of the narration. */
const SENIOR_MIN = 10;

/** Moves the forms of `from` into `into` and drops `from` from the list. */
function absorb(into: CharacterCluster, from: CharacterCluster, clusters: CharacterCluster[]): void {
  for (const f of from.forms) {
    into.forms.push(f);
    into.count += f.count;
  }
  for (const g of from.given) if (!into.given.includes(g)) into.given.push(g);
  if (!into.surname) into.surname = from.surname;
  if (!into.gender || (from.sure && !into.sure)) {
    into.gender = from.gender;
    into.sure = from.sure;
  }
  if (!into.marital) into.marital = from.marital;
  const at = clusters.indexOf(from);
  if (at >= 0) clusters.splice(at, 1);
}

/**
 * "the Rabbit" is "the White Rabbit", "the Hare" "the March Hare": a descriptive title of one word
 * is the one longer descriptive title with the same head noun, when only one has it.
 */
function describedCluster(
  form: NameForm,
  clusters: readonly CharacterCluster[],
): CharacterCluster | undefined {
  if (form.words.length !== 1) return undefined;
  const head = form.words[0]!;
  let found: CharacterCluster | undefined;
  for (const c of clusters) {
    if (!c.the || !c.forms.some((f) => f.words.length === 2 && f.words[1] === head)) continue;
    if (found) return undefined;
    found = c;
  }
  return found;
}

/**
 * "the Knave", in a text that also says "the Knave of Hearts": the one character with that full
 * title (placed before the shorter one).
 */
function fullTitleCluster(
  form: NameForm,
  clusters: readonly CharacterCluster[],
): CharacterCluster | undefined {
  if (!form.the) return undefined;
  const prefix = `${form.key} of `;
  let found: CharacterCluster | undefined;
  for (const c of clusters) {
    if (!c.the || !c.forms.some((f) => f.the && f.key.startsWith(prefix))) continue;
    if (found) return undefined;
    found = c;
  }
  return found;
}

/**
 * "Dormouse!" or "Hatter" written bare, in a text that calls them "the Dormouse" and "the Hatter"
 * more often: the characters known by a bare word that is the head of a descriptive title.
 */
function bareHeads(form: NameForm, clusters: readonly CharacterCluster[]): CharacterCluster[] {
  if (form.words.length !== 1) return [];
  const head = form.words[0]!;
  const out: CharacterCluster[] = [];
  for (const c of clusters) {
    if (c.the || c.forms.length !== 1) continue;
    const f = c.forms[0]!;
    if (f.title === '' && f.words.length === 1 && f.words[0] === head && f.count <= form.count) out.push(c);
  }
  return out;
}

/**
 * "the Colonel", "the Admiral", "the Doctor": the character who carries that title ("Colonel
 * Brandon"), when one does or one clearly dominates.
 */
function titledCluster(form: NameForm, clusters: readonly CharacterCluster[]): CharacterCluster | undefined {
  if (form.words.length !== 1) return undefined;
  const title = form.words[0]!;
  if (!HONORIFIC_GENDER.has(title)) return undefined;
  // "the Queen" is "the Queen of Hearts" when she is the only queen of something.
  let pool: CharacterCluster[] = [];
  for (const c of clusters) if (goesByTitle(c, title)) pool.push(c);
  // Narration's "the Admiral" is one of the admirals narration names (three times at least), not
  // one that only the characters talk about ("Admiral Croft" beside an "Admiral Baldwin" named in
  // speech alone) or a passing name ("Baron Rothschild", twice, beside the Baron of the story).
  if (form.count > form.inQuote) {
    const narrated: CharacterCluster[] = [];
    for (const c of pool) if (narratedCount(c) >= NARRATED_MIN) narrated.push(c);
    if (narrated.length > 0) pool = narrated;
  }
  pool.sort(byCountDown);
  if (pool.length === 0) return undefined;
  if (pool.length === 1 || pool[0]!.count >= DOMINANCE * pool[1]!.count) return pool[0];
  return undefined;
}

function narratedCount(c: CharacterCluster): number {
  let n = 0;
  for (const f of c.forms) n += f.count - f.inQuote;
  return n;
}

function goesByTitle(c: CharacterCluster, title: string): boolean {
  for (const f of c.forms) {
    if (
      c.the
        ? f.words.length > 2 && f.words[0] === title && f.words[1] === 'of'
        : canonicalTitle(f.title) === canonicalTitle(title)
    )
      return true;
  }
  return false;
}

function byCountDown(a: CharacterCluster, b: CharacterCluster): number {
  return b.count - a.count;
}

function choose(fits: Fit[], name: ParsedName, title: string): CharacterCluster | undefined {
  // "Miss Bennet" fits all the Bennet sisters; those the text calls "Miss Lydia" are younger. (When
  // all of them are, she is most often an only daughter, "Miss Bartlett" and "Charlotte" both.)
  if (!name.given && UNMARRIED_TITLES.has(title)) {
    const elder: Fit[] = [];
    for (const f of fits) if (!hasYoungerSister(f.cluster.forms, title)) elder.push(f);
    if (elder.length > 0) fits = elder;
  }
  if (fits.length === 0) return undefined;
  let best = Number.NEGATIVE_INFINITY;
  for (const f of fits) if (f.strength > best) best = f.strength;
  let pool: Fit[] = [];
  for (const f of fits) if (f.strength === best) pool.push(f);
  if (pool.length === 1) return pool[0]!.cluster;
  if (!name.given && name.surname && name.gender === '') {
    const men: Fit[] = [];
    for (const f of pool) if (f.cluster.gender === 'male') men.push(f);
    if (men.length === 1) return men[0]!.cluster;
    if (men.length > 1) pool = men;
  }
  // "Mrs. Wilcox" fits "Evie Wilcox" and "Ruth Wilcox" alike; the text names her beside Evie and
  // never beside Ruth, so she is Ruth.
  const apartFromNone: Fit[] = [];
  for (const f of pool) if (f.together === 0) apartFromNone.push(f);
  if (apartFromNone.length > 0) pool = apartFromNone;
  if (pool.length === 1) return pool[0]!.cluster;
  const clusters: CharacterCluster[] = [];
  for (const f of pool) clusters.push(f.cluster);
  clusters.sort(byCountDown);
  if (clusters[0]!.count >= DOMINANCE * clusters[1]!.count) return clusters[0];
  return undefined;
}

export function clusterGender(c: CharacterCluster): GenderLabel | undefined {
  return c.gender === '' ? undefined : c.gender;
}
