import type { ValenceLexicon } from './lexicon.js';
import {
  AFTER_BUT,
  BEFORE_BUT,
  BOOST_DECREMENT,
  CAPS_INCREMENT,
  DEGREE_ADVERBS,
  DEGREE_BIGRAMS,
  EXCLAMATION_INCREMENT,
  EXCLAMATION_MAX,
  IDIOMS,
  NEGATION_SCALAR,
  NEGATIONS,
  NORMALISATION_ALPHA,
  QUESTION_INCREMENT,
  QUESTION_MAX,
} from './vader-rules.js';

/**
 * VADER's compound valence (Hutto & Gilbert 2014), re-implemented for throughput: one pass over the
 * characters of a sentence, one hash lookup per word, no regular expressions and no per-call
 * allocation beyond the word being looked up. The rules and their order follow the method exactly so
 * that the score equals the reference JavaScript implementation's (`vader-sentiment`) on the same
 * string, quirks included, because users compare against it:
 *
 * - words are the whitespace-separated pieces of two or more UTF-16 units; one run of ASCII
 *   punctuation from VADER's list (`,` `.` `!!` `?!?` …) is stripped from one side only, so
 *   `"Lovely,"` with punctuation on both sides stays unknown;
 * - negation ("not", "never", any word containing "n't") and "never so" are matched
 *   case-sensitively, degree adverbs and lexicon words case-insensitively;
 * - "but" (or "BUT", not "But") halves what comes before it and multiplies what follows by 1.5;
 * - `!` (up to four) and `??`/`???` add intensity away from zero; the sum is squashed by
 *   x / √(x² + 15).
 */
export class ValenceScorer {
  private readonly words: ReadonlyMap<string, WordInfo>;
  private readonly table: WordTable;
  private readonly leastIsSentiment: boolean;
  private text = '';
  private count = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private upper = new Uint8Array(64);
  private valence = new Float64Array(64);
  private degree = new Float64Array(64);
  private sentiment = new Float64Array(64);
  /**
   * Word-class flags per word (KIND, OF, BUT …). Flags rather than the lower-cased strings: a
   * long-lived array holding every word of the last sentence would keep those strings alive past
   * the young-generation collection and promote them, which cost more than the scoring itself.
   */
  private flags = new Uint8Array(64);

  constructor(lexicon: ValenceLexicon) {
    const tables = wordTables(lexicon);
    this.words = tables.words;
    this.table = tables.table;
    this.leastIsSentiment = tables.leastIsSentiment;
  }

  /** The compound valence in [-1, 1] of `text.slice(start, end)`, treated as one sentence. */
  score(text: string, start = 0, end = text.length): number {
    this.text = text;
    let exclamations = 0;
    let questions = 0;
    let uppers = 0;
    let n = 0;
    let i = start;
    while (i < end) {
      let c = text.charCodeAt(i);
      if (c === 33) exclamations++;
      else if (c === 63) questions++;
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      const a = i;
      while (++i < end) {
        c = text.charCodeAt(i);
        if (c === 33) exclamations++;
        else if (c === 63) questions++;
        if (isWhitespace(c)) break;
      }
      const b = i;
      if (b - a < 2) continue;
      strippedWord(text, a, b, STRIPPED);
      const ws = STRIPPED[0]!;
      const we = STRIPPED[1]!;
      if (n === this.starts.length) this.grow();
      this.starts[n] = ws;
      this.ends[n] = we;
      // Any upper-case letter at all (not only A–Z) means the piece needs lower-casing.
      let hasLower = false;
      let hasUpper = false;
      let needsLowering = false;
      for (let k = ws; k < we; k++) {
        const ch = text.charCodeAt(k);
        if (ch >= 97 && ch <= 122) hasLower = true;
        else if (ch >= 65 && ch <= 90) hasUpper = true;
        else if (ch > 127) needsLowering = true;
      }
      const isUpper = hasUpper && !hasLower;
      this.upper[n] = isUpper ? 1 : 0;
      if (isUpper) uppers++;
      // ASCII words (nearly all) are looked up in place; others through a lower-cased copy.
      const info = needsLowering
        ? this.words.get(text.slice(ws, we).toLowerCase())
        : this.table.find(text, ws, we);
      if (info) {
        this.valence[n] = info.valence;
        this.degree[n] = info.degree;
        this.flags[n] = info.flags;
      } else {
        this.valence[n] = Number.NaN;
        this.degree[n] = 0;
        this.flags[n] = 0;
      }
      n++;
    }
    this.count = n;
    if (n === 0) return 0;
    // Caps emphasis counts only when some words, not all, are in capitals.
    const capsDiffer = uppers > 0 && uppers < n;

    const flags = this.flags;
    const sentiment = this.sentiment;
    for (let k = 0; k < n; k++) {
      if ((k < n - 1 && (flags[k]! & KIND) !== 0 && (flags[k + 1]! & OF) !== 0) || this.degree[k] !== 0) {
        sentiment[k] = 0;
        continue;
      }
      sentiment[k] = this.wordValence(k, capsDiffer);
    }

    const but = this.indexOfBut();
    if (but >= 0) {
      for (let k = 0; k < n; k++) {
        if (k < but) sentiment[k] = sentiment[k]! * BEFORE_BUT;
        else if (k > but) sentiment[k] = sentiment[k]! * AFTER_BUT;
      }
    }

    let sum = 0;
    for (let k = 0; k < n; k++) sum += sentiment[k]!;
    const emphasis = exclamationEmphasis(exclamations) + questionEmphasis(questions);
    if (sum > 0) sum += emphasis;
    else if (sum < 0) sum -= emphasis;
    const compound = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
    return compound < -1 ? -1 : Math.min(compound, 1);
  }

  /** Valence of word k after caps, the three words before it, idioms and "least". */
  private wordValence(k: number, capsDiffer: boolean): number {
    let valence = this.valence[k]!;
    if (Number.isNaN(valence)) return 0;
    if (this.upper[k] === 1 && capsDiffer) {
      if (valence > 0) valence += CAPS_INCREMENT;
      else valence -= CAPS_INCREMENT;
    }
    for (let back = 0; back < 3; back++) {
      const j = k - (back + 1);
      if (k <= back || !Number.isNaN(this.valence[j]!)) continue;
      let scalar = this.degreeOf(j, valence, capsDiffer);
      // A degree word further away counts less.
      if (back === 1 && scalar !== 0) scalar = scalar * 0.95;
      else if (back === 2 && scalar !== 0) scalar = scalar * 0.9;
      valence = valence + scalar;
      valence = this.negationCheck(valence, back, k);
      if (back === 2) valence = this.idiomCheck(valence, k);
    }
    return this.leastCheck(valence, k);
  }

  private degreeOf(j: number, valence: number, capsDiffer: boolean): number {
    let scalar = this.degree[j]!;
    if (scalar === 0) return 0;
    if (valence < 0) scalar *= -1;
    if (capsDiffer && this.upper[j] === 1) {
      if (valence > 0) scalar += CAPS_INCREMENT;
      else scalar -= CAPS_INCREMENT;
    }
    return scalar;
  }

  private negationCheck(valence: number, back: number, k: number): number {
    if (back === 0) {
      if (this.negates(k - 1)) valence = valence * NEGATION_SCALAR;
    } else if (back === 1) {
      const before = this.word(k - 1);
      if (this.word(k - 2) === 'never' && (before === 'so' || before === 'this')) valence = valence * 1.5;
      else if (this.negates(k - 2)) valence = valence * NEGATION_SCALAR;
    } else {
      const two = this.word(k - 2);
      const one = this.word(k - 1);
      if (
        (this.word(k - 3) === 'never' && (two === 'so' || two === 'this')) ||
        one === 'so' ||
        one === 'this'
      ) {
        valence = valence * 1.25;
      } else if (this.negates(k - 3)) valence = valence * NEGATION_SCALAR;
    }
    return valence;
  }

  private negates(j: number): boolean {
    const word = this.word(j);
    return NEGATIONS.has(word) || word.includes("n't");
  }

  private idiomCheck(valence: number, k: number): number {
    // Every idiom and two-word dampener ends in one of a few words; skip building the word
    // sequences unless one of the positions they can end at holds such a word.
    const n = this.count;
    const flags = this.flags;
    const ends =
      flags[k]! |
      flags[k - 1]! |
      flags[k - 2]! |
      (k + 1 < n ? flags[k + 1]! : 0) |
      (k + 2 < n ? flags[k + 2]! : 0);
    if ((ends & PHRASE_END) === 0) return valence;
    const w0 = this.word(k);
    const w1 = this.word(k - 1);
    const w2 = this.word(k - 2);
    const w3 = this.word(k - 3);
    const twoOne = `${w2} ${w1}`;
    const threeTwo = `${w3} ${w2}`;
    const before = [`${w1} ${w0}`, `${w2} ${w1} ${w0}`, twoOne, `${w3} ${w2} ${w1}`, threeTwo];
    for (const sequence of before) {
      const idiom = IDIOMS.get(sequence);
      if (idiom !== undefined) {
        valence = idiom;
        break;
      }
    }
    if (n - 1 > k) {
      const idiom = IDIOMS.get(`${w0} ${this.word(k + 1)}`);
      if (idiom !== undefined) valence = idiom;
    }
    if (n - 1 > k + 1) {
      const idiom = IDIOMS.get(`${w0} ${this.word(k + 1)} ${this.word(k + 2)}`);
      if (idiom !== undefined) valence = idiom;
    }
    if (DEGREE_BIGRAMS.has(threeTwo) || DEGREE_BIGRAMS.has(twoOne)) valence = valence + BOOST_DECREMENT;
    return valence;
  }

  private leastCheck(valence: number, k: number): number {
    if (this.leastIsSentiment || k < 1 || (this.flags[k - 1]! & LEAST) === 0) return valence;
    if (k > 1) {
      if ((this.flags[k - 2]! & (AT | VERY)) === 0) valence = valence * NEGATION_SCALAR;
    } else {
      valence = valence * NEGATION_SCALAR;
    }
    return valence;
  }

  /** Index of the first "but" (exactly so), else of the first "BUT", else -1. */
  private indexOfBut(): number {
    let shouted = -1;
    for (let k = 0; k < this.count; k++) {
      if ((this.flags[k]! & BUT) === 0) continue;
      const word = this.word(k);
      if (word === 'but') return k;
      if (word === 'BUT' && shouted < 0) shouted = k;
    }
    return shouted;
  }

  private word(k: number): string {
    return this.text.slice(this.starts[k]!, this.ends[k]!);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.ends = grown(this.ends, (n) => new Int32Array(n));
    this.upper = grown(this.upper, (n) => new Uint8Array(n));
    this.valence = grown(this.valence, (n) => new Float64Array(n));
    this.degree = grown(this.degree, (n) => new Float64Array(n));
    this.sentiment = grown(this.sentiment, (n) => new Float64Array(n));
    this.flags = grown(this.flags, (n) => new Uint8Array(n));
  }
}

interface WordTables {
  readonly words: ReadonlyMap<string, WordInfo>;
  readonly table: WordTable;
  readonly leastIsSentiment: boolean;
}

/**
 * The word tables built from a lexicon, once per lexicon: building them takes a few milliseconds,
 * as long as scoring a whole short story, and a corpus run creates a scorer per document.
 */
const tablesByLexicon = new WeakMap<ValenceLexicon, WordTables>();

function wordTables(lexicon: ValenceLexicon): WordTables {
  const known = tablesByLexicon.get(lexicon);
  if (known) return known;
  const words = new Map<string, WordInfo>();
  const info = (word: string): WordInfo => {
    let entry = words.get(word);
    if (!entry) {
      entry = { valence: Number.NaN, degree: 0, flags: 0 };
      words.set(word, entry);
    }
    return entry;
  };
  for (const [word, valence] of lexicon) info(word).valence = valence;
  for (const [word, degree] of DEGREE_ADVERBS) info(word).degree = degree;
  for (const [word, flag] of WORD_FLAGS) info(word).flags |= flag;
  for (const phrase of [...IDIOMS.keys(), ...DEGREE_BIGRAMS]) {
    const parts = phrase.split(' ');
    info(parts[parts.length - 1]!).flags |= PHRASE_END;
  }
  const tables = { words, table: new WordTable(words), leastIsSentiment: lexicon.has('least') };
  tablesByLexicon.set(lexicon, tables);
  return tables;
}

/**
 * An open-addressing hash table over the words, looked up by a range of the text with ASCII
 * letters lower-cased on the fly: no substring and no lower-cased copy per word, which is most of
 * what a Map lookup would allocate.
 */
class WordTable {
  private readonly keys: string[] = [];
  private readonly infos: WordInfo[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(words: ReadonlyMap<string, WordInfo>) {
    let size = 1;
    while (size < words.size * 4) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (const [key, info] of words) {
      let slot = hashOf(key, 0, key.length, false) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = this.keys.length;
      this.keys.push(key);
      this.infos.push(info);
    }
  }

  /** The entry for text[start, end) lower-cased (ASCII letters only), if any. */
  find(text: string, start: number, end: number): WordInfo | undefined {
    const length = end - start;
    let slot = hashOf(text, start, end, true) & this.mask;
    for (;;) {
      const index = this.slots[slot]!;
      if (index === -1) return undefined;
      const key = this.keys[index]!;
      if (key.length === length) {
        let k = 0;
        while (k < length && key.charCodeAt(k) === lowerAscii(text.charCodeAt(start + k))) k++;
        if (k === length) return this.infos[index];
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** FNV-1a over UTF-16 units. */
function hashOf(s: string, start: number, end: number, lower: boolean): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    h ^= lower ? lowerAscii(s.charCodeAt(k)) : s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface WordInfo {
  /** Lexicon valence, NaN when the word is not in the lexicon. */
  valence: number;
  /** Degree-adverb increment, 0 when the word is not one. */
  degree: number;
  /** Word-class flags below. */
  flags: number;
}

/** Lower-case words the rules look for by name. */
const KIND = 1;
const OF = 2;
const BUT = 4;
const LEAST = 8;
const AT = 16;
const VERY = 32;
/** Last word of an idiom or of a two-word dampener ("the bomb", "kind of"). */
const PHRASE_END = 64;
const WORD_FLAGS: readonly [string, number][] = [
  ['kind', KIND],
  ['of', OF],
  ['but', BUT],
  ['least', LEAST],
  ['at', AT],
  ['very', VERY],
];

function exclamationEmphasis(count: number): number {
  return Math.min(count, EXCLAMATION_MAX) * EXCLAMATION_INCREMENT;
}

function questionEmphasis(count: number): number {
  if (count <= 1) return 0;
  return count <= 3 ? count * QUESTION_INCREMENT : QUESTION_MAX;
}

/** JavaScript's `\s`: the characters VADER splits words on. */
function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ASCII punctuation: the characters VADER strips when it looks for the bare word. */
function isPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/**
 * The word VADER sees for the piece text[a, b): the piece without one run of listed punctuation on
 * one side, when the rest has no ASCII punctuation and at least two units; else the piece itself:
 * its [start, end) in `out`.
 */
function strippedWord(text: string, a: number, b: number, out: Int32Array): void {
  out[0] = a;
  out[1] = b;
  let lead = a;
  while (lead < b && isPunctuation(text.charCodeAt(lead))) lead++;
  if (lead === b) return;
  let trail = b;
  while (trail > lead && isPunctuation(text.charCodeAt(trail - 1))) trail--;
  if ((lead === a) === (trail === b)) return;
  for (let k = lead; k < trail; k++) if (isPunctuation(text.charCodeAt(k))) return;
  if (lead > a) {
    if (b - lead > 1 && isListedPunctuation(text, a, lead)) out[0] = lead;
  } else if (trail - a > 1 && isListedPunctuation(text, trail, b)) out[1] = trail;
}

/** strippedWord's [start, end) (written there, not returned: it runs for every word). */
const STRIPPED = new Int32Array(2);

const EXCLAIM = 33;
const QUESTION = 63;

/** VADER's punctuation list: . ! ? , ; : - ' " !! !!! ?? ??? ?!? !?! ?!?! !?!? */
function isListedPunctuation(text: string, s: number, e: number): boolean {
  const len = e - s;
  const c0 = text.charCodeAt(s);
  if (len === 1) {
    return (
      c0 === 46 ||
      c0 === 33 ||
      c0 === 63 ||
      c0 === 44 ||
      c0 === 59 ||
      c0 === 58 ||
      c0 === 45 ||
      c0 === 39 ||
      c0 === 34
    );
  }
  if (len > 4 || (c0 !== EXCLAIM && c0 !== QUESTION)) return false;
  let allSame = true;
  let alternates = true;
  for (let k = s + 1; k < e; k++) {
    const c = text.charCodeAt(k);
    const prev = text.charCodeAt(k - 1);
    if (c !== EXCLAIM && c !== QUESTION) return false;
    if (c !== c0) allSame = false;
    if (c === prev) alternates = false;
  }
  // !! !!! ?? ???   and   ?!? !?! ?!?! !?!?
  if (allSame) return len <= 3;
  return alternates && len >= 3;
}
