import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import { tokenAtOrAfter } from './cues.js';
import type { Turn } from './units.js';

/**
 * How each character talks. The quotations a named speech tag attributes ("said Emma", right for
 * ~96% of them) give every character a word profile; an untagged turn is then scored by how much
 * more likely its words are under a candidate's profile than under everyone's speech (a smoothed
 * log-likelihood ratio per word). Voices differ — Miss Bates's "so very obliging", a dialect, who
 * calls Elizabeth "Lizzy" — and the profile picks that up within one book, without training data.
 */
export interface StyleIndex {
  /** Words of each turn (lower-case, no punctuation). */
  turnWords: string[][];
  /** Per character: word counts over its tagged turns. */
  profiles: Map<string, number>[];
  totals: Float64Array;
  /** Word counts over all turns, and their total. */
  background: Map<string, number>;
  backgroundTotal: number;
  /** Character whose profile each turn fed (-1 if none), to leave the turn's own words out. */
  fedProfile: Int32Array;
}

/** Words a profile needs before it is trusted. */
const MIN_PROFILE = 120;
/** Dirichlet smoothing towards the background distribution, in words. */
const SMOOTHING = 60;

export function buildStyleIndex(doc: StoryDocument, turns: readonly Turn[], characters: number): StyleIndex {
  const tokens = doc.layer('tokens');
  const quotes = doc.layer('quotes');
  const turnWords = turns.map((turn) => {
    const words: string[] = [];
    for (const qi of turn.quotes) {
      for (const [s, e] of quotes[qi]!.spans) {
        for (let t = tokenAtOrAfter(tokens, s); t < tokens.count && tokens.start[t]! < e; t++) {
          const pos = tokens.pos[t]!;
          if (pos !== POS.PUNCT && pos !== POS.SYM) words.push(tokens.lower[t]!);
        }
      }
    }
    return words;
  });
  const profiles = Array.from({ length: characters }, () => new Map<string, number>());
  const totals = new Float64Array(characters);
  const background = new Map<string, number>();
  let backgroundTotal = 0;
  const fedProfile = new Int32Array(turns.length).fill(-1);
  turns.forEach((turn, i) => {
    const words = turnWords[i]!;
    for (const w of words) background.set(w, (background.get(w) ?? 0) + 1);
    backgroundTotal += words.length;
    const cue = turn.cues[0];
    if (cue?.kind !== 'tag' || cue.referent.via !== 'name' || cue.referent.character < 0) return;
    const c = cue.referent.character;
    const profile = profiles[c]!;
    for (const w of words) profile.set(w, (profile.get(w) ?? 0) + 1);
    totals[c]! += words.length;
    fedProfile[i] = c;
  });
  return { turnWords, profiles, totals, background, backgroundTotal, fedProfile };
}

/**
 * Mean per-word log-likelihood ratio of turn i's words under character c's profile against the
 * background, or NaN when c's profile is too small to judge. (The summed ratio, which weighs long
 * speeches more, measured no better on PDNC.)
 */
export function styleScore(style: StyleIndex, i: number, c: number): number {
  const words = style.turnWords[i]!;
  if (words.length === 0) return Number.NaN;
  const own = style.fedProfile[i] === c;
  const total = style.totals[c]! - (own ? words.length : 0);
  if (total < MIN_PROFILE) return Number.NaN;
  const profile = style.profiles[c]!;
  const bgTotal = style.backgroundTotal;
  const mine = own ? countWords(words) : undefined;
  let sum = 0;
  for (const w of words) {
    const bg = (style.background.get(w) ?? 0) / bgTotal;
    const count = (profile.get(w) ?? 0) - (mine?.get(w) ?? 0);
    sum += Math.log((count + SMOOTHING * bg) / ((total + SMOOTHING) * bg));
  }
  return sum / words.length;
}

function countWords(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}
