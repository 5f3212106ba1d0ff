import { POS } from '../../engine/pos.js';
import type { TokenLayer } from '../../engine/types.js';

/** A word is a token that is not punctuation, a symbol or space. */
export function isWordToken(tokens: TokenLayer, t: number): boolean {
  const pos = tokens.pos[t]!;
  return pos !== POS.PUNCT && pos !== POS.SYM && pos !== POS.SPACE;
}

/** First token starting at or after `offset`. */
export function firstTokenFrom(tokens: TokenLayer, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Word tokens starting inside [start, end). */
export function wordsIn(tokens: TokenLayer, start: number, end: number): number {
  let words = 0;
  for (let t = firstTokenFrom(tokens, start); t < tokens.count && tokens.start[t]! < end; t++) {
    if (isWordToken(tokens, t)) words++;
  }
  return words;
}
