import type { TokenLayer } from './types.js';

/**
 * Whether token k is a hyphen written between two words without spaces, joining them into one
 * compound ("good-hearted", "saloon-keeper"), as wink-nlp splits such words.
 */
export function isJoiningHyphen(tokens: TokenLayer, k: number): boolean {
  return (
    k > 0 &&
    k + 1 < tokens.count &&
    tokens.lower[k] === '-' &&
    tokens.start[k] === tokens.end[k - 1] &&
    tokens.end[k] === tokens.start[k + 1]
  );
}

/** Whether a UTF-16 code is a capital letter: A–Z or Latin-1's À–Þ (not ×). */
export function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
