import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Quotation, TokenLayer } from '../../engine/types.js';
import { tokenAtOrAfter } from './cues.js';
import { namedTagSpeaker, type Turn } from './units.js';

/**
 * How each character talks. The quotations a named speech tag attributes ("said Emma", right for
 * ~96% of them) give every character a word profile; an untagged turn is then scored by how much
 * more likely its words are under a candidate's profile than under everyone's speech (a smoothed
 * log-likelihood ratio per word). Voices differ — Miss Bates's "so very obliging", a dialect, who
 * calls Elizabeth "Lizzy" — and the profile picks that up within one book, without training data.
 *
 * Words are interned to ids once, and each profiled character gets a dense table of per-word
 * ratios, so scoring a turn is one array read per word.
 */
export interface StyleIndex {
  /** Word ids of each turn (lower-case, no punctuation). */
  turnWords: Int32Array[];
  /** Per character: per-word log-likelihood ratio, or undefined when the profile is too small. */
  ratios: (Float32Array | undefined)[];
  /** Per character: word counts over its tagged turns (for leave-one-out scoring). */
  counts: (Int32Array | undefined)[];
  totals: Float64Array;
  background: Float64Array;
  /** Character whose profile each turn fed (-1 if none), to leave the turn's own words out. */
  fedProfile: Int32Array;
  /** Per character: sum and number of log(1 + words) over the turns it was fed. */
  lengthSum: Float64Array;
  lengthTurns: Float64Array;
  /** Mean log(1 + words) over all turns. */
  meanLength: number;
}

/** Words a profile needs before it is trusted. */
const MIN_PROFILE = 120;
/** Dirichlet smoothing towards the background distribution, in words. */
const SMOOTHING = 60;

export function buildStyleIndex(doc: StoryDocument, turns: readonly Turn[], characters: number): StyleIndex {
  const tokens = doc.layer('tokens');
  const quotes = doc.layer('quotes');
  const ids = new Map<string, number>();
  // (Loops, not `map`/`forEach` with closures: the engine recompiles a closure made per call after
  // each is collected.)
  const turnWords: Int32Array[] = [];
  for (const turn of turns) turnWords.push(wordIds(turn, quotes, tokens, ids));
  const feed = new Int32Array(turns.length).fill(-1);
  for (let i = 0; i < turns.length; i++) feed[i] = namedTagSpeaker(turns[i]!);
  return profiled(turnWords, ids.size, characters, feed);
}

/**
 * The same turns' words profiled afresh: turn i feeds the profile of character feed[i] (-1: none).
 * For a second pass whose profiles come from a first decoding's confident attributions.
 */
export function refedStyleIndex(style: StyleIndex, feed: Int32Array): StyleIndex {
  return profiled(style.turnWords, style.background.length, style.totals.length, feed);
}

function profiled(turnWords: Int32Array[], V: number, characters: number, feed: Int32Array): StyleIndex {
  const background = new Float64Array(V);
  let backgroundTotal = 0;
  const totals = new Float64Array(characters);
  const fedProfile = new Int32Array(turnWords.length).fill(-1);
  for (let i = 0; i < turnWords.length; i++) {
    const words = turnWords[i]!;
    for (const w of words) background[w]!++;
    backgroundTotal += words.length;
    const c = feed[i]!;
    if (c < 0) continue;
    totals[c]! += words.length;
    fedProfile[i] = c;
  }
  for (let w = 0; w < V; w++) background[w]! /= Math.max(1, backgroundTotal);
  const counts: (Int32Array | undefined)[] = new Array(characters);
  for (let i = 0; i < turnWords.length; i++) {
    const c = fedProfile[i]!;
    if (c < 0 || totals[c]! < MIN_PROFILE) continue;
    const profile = (counts[c] ??= new Int32Array(V));
    for (const w of turnWords[i]!) profile[w]!++;
  }
  const ratios: (Float32Array | undefined)[] = new Array(characters);
  for (let c = 0; c < characters; c++) {
    const profile = counts[c];
    if (!profile) continue;
    const total = totals[c]!;
    const r = new Float32Array(V);
    for (let w = 0; w < V; w++) {
      const bg = background[w]!;
      r[w] = Math.log((profile[w]! + SMOOTHING * bg) / ((total + SMOOTHING) * bg));
    }
    ratios[c] = r;
  }
  const lengthSum = new Float64Array(characters);
  const lengthTurns = new Float64Array(characters);
  let allLength = 0;
  for (let i = 0; i < turnWords.length; i++) {
    const l = Math.log1p(turnWords[i]!.length);
    allLength += l;
    const c = fedProfile[i]!;
    if (c < 0) continue;
    lengthSum[c]! += l;
    lengthTurns[c]!++;
  }
  const meanLength = allLength / Math.max(1, turnWords.length);
  return { turnWords, ratios, counts, totals, background, fedProfile, lengthSum, lengthTurns, meanLength };
}

/** Turns of the book's mean length a character's own mean is pulled towards. */
const LENGTH_PRIOR_TURNS = 4;

/**
 * Whether turn i is as long or as short as c's speeches tend to be: (turn's log length − the
 * book's mean) × (c's smoothed mean − the book's mean). In a story told across many long
 * paragraphs and broken by the listener's "How?", the teller speaks the long turns.
 */
export function lengthScore(style: StyleIndex, i: number, c: number): number {
  let sum = style.lengthSum[c]!;
  let n = style.lengthTurns[c]!;
  const own = Math.log1p(style.turnWords[i]!.length);
  if (style.fedProfile[i] === c) {
    sum -= own;
    n--;
  }
  if (n <= 0) return 0;
  const mean = (sum + LENGTH_PRIOR_TURNS * style.meanLength) / (n + LENGTH_PRIOR_TURNS);
  return Math.max(-2, Math.min(2, (own - style.meanLength) * (mean - style.meanLength)));
}

/** Word ids of a turn's quoted words (interned in `ids`), punctuation left out. */
function wordIds(
  turn: Turn,
  quotes: readonly Quotation[],
  tokens: TokenLayer,
  ids: Map<string, number>,
): Int32Array {
  const words: number[] = [];
  for (const qi of turn.quotes) {
    for (const [s, e] of quotes[qi]!.spans) {
      for (let t = tokenAtOrAfter(tokens, s); t < tokens.count && tokens.start[t]! < e; t++) {
        const pos = tokens.pos[t]!;
        if (pos === POS.PUNCT || pos === POS.SYM) continue;
        const w = tokens.lower[t]!;
        let id = ids.get(w);
        if (id === undefined) ids.set(w, (id = ids.size));
        words.push(id);
      }
    }
  }
  return new Int32Array(words);
}

/** styleScore's scratch counts by word id (all zero between calls). */
let ownCounts = new Int32Array(0);

/**
 * Mean per-word log-likelihood ratio of turn i's words under character c's profile against the
 * background, or NaN when c's profile is too small to judge. (The summed ratio, which weighs long
 * speeches more, measured no better on PDNC.)
 */
export function styleScore(style: StyleIndex, i: number, c: number): number {
  const words = style.turnWords[i]!;
  const ratios = style.ratios[c];
  if (words.length === 0 || !ratios) return Number.NaN;
  if (style.fedProfile[i] !== c) {
    let sum = 0;
    for (let k = 0; k < words.length; k++) sum += ratios[words[k]!]!;
    return sum / words.length;
  }
  // The turn fed c's profile: score it against the profile without its own words.
  const total = style.totals[c]! - words.length;
  if (total < MIN_PROFILE) return Number.NaN;
  const counts = style.counts[c]!;
  // The turn's own count of each word, in a scratch array by word id (cleared again after).
  if (ownCounts.length < style.background.length) ownCounts = new Int32Array(style.background.length);
  const own = ownCounts;
  for (let k = 0; k < words.length; k++) own[words[k]!]!++;
  let sum = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const bg = style.background[w]!;
    sum += Math.log((counts[w]! - own[w]! + SMOOTHING * bg) / ((total + SMOOTHING) * bg));
  }
  for (let k = 0; k < words.length; k++) own[words[k]!] = 0;
  return sum / words.length;
}
