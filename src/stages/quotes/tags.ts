import { speechVerbBase, THOUGHT_VERBS } from '../lexicon/speech-verbs.js';
import { words } from '../lexicon/words.js';
import { isSpace, isUpper, isWordChar } from './marks.js';

/** Longest narration between two pieces that can still be one speech tag. */
const MAX_TAG_LENGTH = 200;
/** A tag's speech verb stands among its first words: `said Emma`, `Mrs. Weston observed`. */
const TAG_VERB_WINDOW = 6;

/** Abbreviations whose full stop does not end a sentence inside a tag. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'mme',
  'mlle',
  'm',
  'messrs',
  'col',
  'capt',
  'gen',
  'rev',
  'prof',
  'sr',
  'jr',
  'lt',
]);

/**
 * Calls `visit(word, start)` for the words of text[start, end) in order, with each word lower-cased;
 * stops when `visit` returns false.
 */
export function eachWord(
  text: string,
  start: number,
  end: number,
  visit: (lower: string, at: number) => boolean,
): void {
  let i = start;
  while (i < end) {
    while (i < end && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= end) return;
    let j = i + 1;
    while (j < end && (isWordChar(text.charCodeAt(j)) || isInnerApostrophe(text, j, end))) j++;
    if (!visit(text.slice(i, j).toLowerCase(), i)) return;
    i = j;
  }
}

function isInnerApostrophe(text: string, j: number, end: number): boolean {
  const c = text.charCodeAt(j);
  return (c === 0x27 || c === 0x2019) && j + 1 < end && isWordChar(text.charCodeAt(j + 1));
}

/** Base form of the first speech verb among the first `window` words of text[start, end). */
export function tagVerb(
  text: string,
  start: number,
  end: number,
  window = TAG_VERB_WINDOW,
): string | undefined {
  let found: string | undefined;
  let n = 0;
  eachWord(text, start, end, (lower) => {
    found = speechVerbBase(lower);
    return found === undefined && ++n < window;
  });
  return found;
}

/**
 * Whether text[start, end), the narration between two quoted pieces of one paragraph, is a speech
 * tag that joins them into one quotation: `, she said, `, ` said Mrs. Seal, leaning back. `. A
 * narration sentence without a speech verb (` She sighed. `) separates two quotations, as does a
 * tag followed by more narration sentences.
 */
export function isSpeechTag(text: string, start: number, end: number): boolean {
  if (end - start > MAX_TAG_LENGTH) return false;
  let verb: string | undefined;
  let previous = '';
  let n = 0;
  eachWord(text, start, end, (lower) => {
    const base = speechVerbBase(lower);
    const before = previous === '' ? undefined : speechVerbBase(previous);
    // `went on` and `broke in` tag speech; `went`, `put`, `broke` alone are narration.
    if (
      before !== undefined &&
      PARTICLE_VERBS.has(before) &&
      (lower === 'on' || lower === 'in' || lower === 'out')
    ) {
      verb = before;
    } else if (base !== undefined && !PARTICLE_VERBS.has(base)) verb = base;
    previous = lower;
    return verb === undefined && ++n < TAG_VERB_WINDOW;
  });
  if (verb === undefined || NOT_TAG_VERBS.has(verb)) return false;
  return sentenceBreaks(text, start, end) === 0;
}

/** Speech verbs only with a particle: `went on`, `broke in`, `burst out`, `cut in`, `put in`. */
const PARTICLE_VERBS: ReadonlySet<string> = new Set(['go', 'break', 'burst', 'cut', 'put', 'struck']);

/** Verbs of the speech list that do not by themselves make narration a tag. */
const NOT_TAG_VERBS: ReadonlySet<string> = new Set([
  'read',
  'write',
  'mention',
  'remember',
  'recall',
  'note',
  'point',
]);

/** Sentence ends inside text[start, end) that have more words after them. */
function sentenceBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    let j = i + 1;
    if (j >= end || !isSpace(text.charCodeAt(j))) continue;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (j >= end || !isUpper(text.charCodeAt(j))) continue;
    if (c === 46 && isAbbreviation(text, i)) continue;
    breaks++;
  }
  return breaks;
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k--;
  if (dot - k > 6 || k === dot) return false;
  return ABBREVIATIONS.has(text.slice(k, dot).toLowerCase());
}

/** Longest bracketed aside that can be a stage direction inside a quotation. */
export const MAX_STAGE_DIRECTION = 160;

const STAGE_WORDS: ReadonlySet<string> = new Set([
  'with',
  'again',
  'aside',
  'here',
  'laughter',
  'cheers',
  'applause',
  'hear',
  'renewed',
  'sensation',
]);

/** Words of an audience's noise in brackets: `(loud cheers)`, `(laughter)`. */
const NOISE_WORDS: ReadonlySet<string> = new Set(['cheers', 'cheering', 'laughter', 'applause', 'sensation']);
/** Most words of a bracketed noise: `(loud and prolonged cheering)`. */
const NOISE_WORDS_MAX = 4;

/** The last word of text[start, end), lower-cased. */
function lastWord(text: string, start: number, end: number): string {
  let last = '';
  eachWord(text, start, end, (lower) => {
    last = lower;
    return true;
  });
  return last;
}

/** Words of text[start, end). */
function countWords(text: string, start: number, end: number): number {
  let n = 0;
  eachWord(text, start, end, () => ++n > 0);
  return n;
}

/** Words in -ing that are not participles of a gesture. */
const NOT_PARTICIPLES: ReadonlySet<string> = new Set([
  'thing',
  'nothing',
  'something',
  'anything',
  'everything',
  'being',
  'king',
  'morning',
  'evening',
  'during',
  'according',
  'notwithstanding',
  'considering',
  'including',
  'pudding',
  'shilling',
  'wedding',
  'darling',
]);

/**
 * Whether the bracketed text[start, end) inside a quotation is the narrator's stage direction
 * rather than the speaker's aside: `(smiling)`, `(looking round)`, `(in a low voice)`, `(to Emma)`,
 * `(with a bow)`, `(laughter)`. Gestures open with a participle, `with`, `in a`, or `to` and a name.
 */
export function isStageDirection(text: string, start: number, end: number): boolean {
  let first: string | undefined;
  let second: string | undefined;
  let secondAt = -1;
  eachWord(text, start, end, (lower, at) => {
    if (first === undefined) {
      first = lower;
      return true;
    }
    second = lower;
    secondAt = at;
    return false;
  });
  if (first === undefined) return false;
  if (STAGE_WORDS.has(first)) return true;
  // `(loud cheers)`, `(long and prolonged cheering)`: the audience's noise, a few words ending in it.
  if (
    second !== undefined &&
    NOISE_WORDS.has(lastWord(text, start, end)) &&
    countWords(text, start, end) <= NOISE_WORDS_MAX
  )
    return true;
  if (first.length > 5 && first.endsWith('ing') && !NOT_PARTICIPLES.has(first)) return true;
  // `(rather hesitatingly)`, `(as soon as she was within the door)`: how the words were said, or
  // when, in the narrator's words.
  // An exclamation or a question in the brackets is the speaker's own aside: `(most kindly!)`.
  const exclaimed = /[!?]/.test(text.slice(start, end));
  if (!exclaimed && DEGREE_WORDS.has(first) && second !== undefined && isMannerAdverb(second)) return true;
  // `(as soon as I can)`, `(as soon as you like)`: the speaker's own words about when.
  if (first === 'as' && second === 'soon') return !hasWordOf(text, start, end, SPEAKER_PRONOUNS);
  if (first === 'in') return second === 'a' || second === 'an';
  if (first === 'to') return secondAt >= 0 && isUpper(text.charCodeAt(secondAt));
  return false;
}

/** Words ending in `-ly` that tell no manner: `(only a joke)`, `(early in May)`. */
const NOT_MANNER: ReadonlySet<string> = new Set(
  words(
    'only early family lovely likely holy ugly silly daily jolly lily reply supply apply july italy sally molly polly emily',
  ),
);

/**
 * Adverbs of the speaker's own stance, not of how the words came: `(quite frankly)`, `(most
 * certainly)`, `(very probably)` are asides of the speaker.
 */
const STANCE_ADVERBS: ReadonlySet<string> = new Set(
  words(`
    frankly honestly certainly surely truly really probably possibly obviously naturally
    unfortunately fortunately seriously literally definitely absolutely personally clearly
    evidently apparently presumably undoubtedly decidedly positively entirely utterly
  `),
);

function isMannerAdverb(w: string): boolean {
  return w.length > 5 && w.endsWith('ly') && !NOT_MANNER.has(w) && !STANCE_ADVERBS.has(w);
}

/** First and second person: in brackets, the speaker's own aside (`(as soon as I can)`). */
const SPEAKER_PRONOUNS: ReadonlySet<string> = new Set(words('i me my we us our you your'));

/** Whether one of the words of text[start, end) is in `set`. */
function hasWordOf(text: string, start: number, end: number, set: ReadonlySet<string>): boolean {
  let found = false;
  eachWord(text, start, end, (lower) => {
    found = set.has(lower);
    return !found;
  });
  return found;
}

/** `(rather hesitatingly)`, `(very gravely)`. */
const DEGREE_WORDS: ReadonlySet<string> = new Set(words('rather very quite most somewhat'));

/** Subject pronouns of an inline tag: `he said`, `said she`. */
const TAG_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'i', 'they', 'we']);

/** Words between a plural subject pronoun and its verb: `we both say`, `they all cry`. */
const TAG_QUANTIFIERS: ReadonlySet<string> = new Set(['both', 'all']);

/**
 * In dash dialogue without closing dashes (`—Back to barracks! he said sternly.`), whether the words
 * from `start` open a speech tag: a subject pronoun (`we both say`) or a capitalised name (up to
 * three words) before a core speech verb, or the verb before its subject (`said he`, `cried
 * Haines`). A verb that is often narration ("went", "smiled") does not count, nor does "the man
 * said", whose noun could be the speaker's own words. `after` is the punctuation the speech ended
 * with (code unit): after a comma, a name before any speech verb but one of thought is a tag
 * (`—Not bad, Tomas agrees, leaning in.`); after a full stop, a capitalised pronoun opens the
 * speaker's next sentence (`—He says so. He said so yesterday too.`), not a tag.
 */
export function isInlineTag(
  text: string,
  start: number,
  end: number,
  core: ReadonlySet<string>,
  after = 44,
): boolean {
  const words: { lower: string; at: number }[] = [];
  eachWord(text, start, Math.min(end, start + 60), (lower, at) => {
    words.push({ lower, at });
    return words.length < 5;
  });
  const verbAt = (k: number): boolean => {
    const w = words[k];
    const base = w && speechVerbBase(w.lower);
    return base !== undefined && core.has(base);
  };
  const broadVerbAt = (k: number): boolean => {
    const w = words[k];
    const base = w && speechVerbBase(w.lower);
    if (!w || base === undefined) return false;
    if (core.has(base)) return true;
    // (An inflected form only: `Ines, go home` is an order, `Ines goes` a tag.) A tag ends at the
    // verb or after a manner adverb (`Tomas agrees, leaning in`, `Ann smiles warmly.`); a verb with
    // more after it is the speaker's own sentence (`Yes, Ann reads to him every night`).
    return (
      after === 44 &&
      !THOUGHT_VERBS.has(base) &&
      w.lower !== base &&
      !w.lower.endsWith('ing') &&
      endsTag(text, w.at + w.lower.length, end, words[k + 1])
    );
  };
  const capital = (k: number): boolean => {
    const w = words[k];
    return w !== undefined && isUpper(text.charCodeAt(w.at)) && !TAG_PRONOUNS.has(w.lower);
  };
  const first = words[0];
  if (!first || first.at !== start) return false;
  if (TAG_PRONOUNS.has(first.lower)) {
    if (after === 46 && isUpper(text.charCodeAt(first.at))) return false;
    const plural = first.lower === 'we' || first.lower === 'they';
    return verbAt(1) || (plural && TAG_QUANTIFIERS.has(words[1]?.lower ?? '') && verbAt(2));
  }
  if (verbAt(0)) return (words[1] !== undefined && TAG_PRONOUNS.has(words[1].lower)) || capital(1);
  if (!capital(0)) return false;
  return broadVerbAt(1) || (capital(1) && (broadVerbAt(2) || (capital(2) && broadVerbAt(3))));
}

/**
 * Whether a tag can end after its verb ending at `from`: punctuation or the paragraph's end comes
 * next, or a manner adverb (`-ly`) and then punctuation or the end.
 */
function endsTag(
  text: string,
  from: number,
  end: number,
  next: { lower: string; at: number } | undefined,
): boolean {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i >= end || !isWordChar(text.charCodeAt(i))) return true;
  if (!next || next.at !== i || !next.lower.endsWith('ly')) return false;
  i += next.lower.length;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i >= end || !isWordChar(text.charCodeAt(i));
}

/**
 * Words that leave a narration clause unfinished when they come right before an opening mark: a
 * determiner, possessive, preposition or comparison (`at the "there."`, `views of "we,"`, `for
 * "such things,"`). What follows is an object of the narrator's sentence — a word or phrase held up
 * — not the speech taken up again after its tag, which follows a comma, colon, dash or the tag's
 * own verb or subject (`she said, "…"`, `said he "…"`).
 */
const CLAUSE_OPEN: ReadonlySet<string> = new Set(
  words(`
    the a an this that these those his her its their our your my some any no every each such
    of at to for in on with by from about into upon than as or
  `),
);

/**
 * Whether the opening mark at `open` comes straight after a word that leaves its clause open,
 * looking no further back than `from` (the paragraph's start: a heading `Part A` or a line ending
 * `to` in the paragraph before holds nothing).
 */
export function heldInNarration(text: string, open: number, from = 0): boolean {
  let i = open - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  if (i < from) return false;
  let k = i + 1;
  while (k > from && isWordChar(text.charCodeAt(k - 1))) k--;
  return k <= i && CLAUSE_OPEN.has(text.slice(k, i + 1).toLowerCase());
}

/**
 * Words that can end a tag before the words go on: its subject (`said he "…"`) or a conjunction
 * (`said the stranger, and "Shut the door."`).
 */
const TAG_SUBJECTS: ReadonlySet<string> = new Set(words('he she i they we you it and then but'));

/** Adverbs and particles that can end a tag: `said he again`, `he went on presently`. */
const TAG_ADVERBS: ReadonlySet<string> = new Set(
  words(`
    again afterwards afterward presently then now too also still aloud back on in out down up away
    over here there once twice soon later
  `),
);

/** Verbs that name rather than speak: `calling himself "a mere man"`, `some one called "we."`. */
const NAMING_BASES: ReadonlySet<string> = new Set(words('call name term dub entitle style label christen'));

/**
 * The opening mark at `open` comes straight after a lower-case word (no comma, colon or dash
 * between) that is neither a verb of speaking nor a tag's subject: `fond of calling himself "a
 * mere man."`, `the views of some one called "we."`. The words are an object of the narrator's
 * sentence, not speech taken up again after a tag (`she said, "…"`, `said he "…"`, `and "…"`).
 */
export function objectOfNarration(text: string, open: number): boolean {
  let i = open - 1;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  let k = i + 1;
  while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k--;
  if (k > i || isUpper(text.charCodeAt(k))) return false;
  const word = text.slice(k, i + 1).toLowerCase();
  // A tag may end on an adverb: `said Tom afterwards "…"`, `he smiled broadly "…"`.
  if (TAG_SUBJECTS.has(word) || TAG_ADVERBS.has(word) || word.endsWith('ly')) return false;
  const base = speechVerbBase(word);
  return base === undefined || NAMING_BASES.has(base);
}
