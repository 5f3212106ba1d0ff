import { POS } from '../../engine/pos.js';
import { tokenAtOrAfter } from '../../engine/tokens.js';
import type { TokenLayer } from '../../engine/types.js';

/** A word is a token that is not punctuation, a symbol or space. */
export function isWordToken(tokens: TokenLayer, t: number): boolean {
  const pos = tokens.pos[t]!;
  return pos !== POS.PUNCT && pos !== POS.SYM && pos !== POS.SPACE;
}

/** First token starting at or after `offset`. */
export const firstTokenFrom = tokenAtOrAfter;

/** Word tokens starting inside [start, end). */
export function wordsIn(tokens: TokenLayer, start: number, end: number): number {
  let words = 0;
  for (let t = firstTokenFrom(tokens, start); t < tokens.count && tokens.start[t]! < end; t++) {
    if (isWordToken(tokens, t)) words++;
  }
  return words;
}
