import type { Paragraph, TokenLayer } from './types.js';

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

/** First token starting at or after `offset` (binary search; `tokens.count` past the last). */
export function tokenAtOrAfter(tokens: TokenLayer, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  const start = tokens.start;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the paragraph holding `offset`, or the first one after it (n when past the end). */
export function paragraphAtOrAfter(paragraphs: readonly Pick<Paragraph, 'end'>[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
