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
