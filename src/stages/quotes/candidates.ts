import type { QuoteMark } from '../../engine/types.js';
import { LEADING_ELISIONS, LOWERCASE_ELISIONS } from './elisions.js';
import {
  APOSTROPHE,
  firstAtOrAfter,
  flankOrientation,
  isDash,
  isOpenBracket,
  isSpace,
  isUpper,
  isWordChar,
  LEFT_DOUBLE,
  LEFT_GUILLEMET,
  LEFT_SINGLE,
  LEFT_SINGLE_GUILLEMET,
  LOW_DOUBLE,
  LOW_SINGLE,
  QUESTION,
  QUOTE,
  RIGHT_DOUBLE,
  RIGHT_GUILLEMET,
  RIGHT_SINGLE,
  RIGHT_SINGLE_GUILLEMET,
} from './marks.js';
import type { MarkPairing } from './pairing.js';

/**
 * Candidate quotation marks and their scores for the pairing: which characters are marks in the
 * document's convention (outer and nested), and how strongly each one reads as opening, closing,
 * or as no mark at all (an apostrophe, an inch sign).
 */

// Glyph roles.
export const NONE = 0;
export const OPENS = 1;
export const CLOSES = 2;
export const EITHER = 3;

/** Orientation bonus a glyph with an explicit direction (“ ” « ») adds to its surroundings. */
export const GLYPH_WEIGHT = 2;
/** Cost of ignoring an outer mark as a stray. */
export const STRAY_COST = 2;
/** Cost of ignoring an outer mark whose surroundings say it closes (`12" wide`, `word"`). */
export const STRAY_CLOSE_COST = 0.5;
/** Cost of leaving an outer quotation open at the end of a paragraph the next one does not continue. */
export const UNCLOSED_COST = 1.5;
/** Extra cost of closing an unclosed quotation implicitly where a new one opens. */
export const REOPEN_COST = 1.5;
/** Nested quotations never stay open past their enclosing one. */
export const NEVER = 1e6;

export type MarkSet = 'double' | 'single' | 'guillemet' | 'reversed-guillemet' | 'german';

export function primaryRole(c: number, set: MarkSet): number {
  switch (set) {
    case 'double':
      if (c === QUOTE) return EITHER;
      if (c === LEFT_DOUBLE || c === LOW_DOUBLE) return OPENS;
      return c === RIGHT_DOUBLE ? CLOSES : NONE;
    case 'single':
      if (c === APOSTROPHE) return EITHER;
      if (c === LEFT_SINGLE) return OPENS;
      return c === RIGHT_SINGLE ? CLOSES : NONE;
    case 'guillemet':
      if (c === LEFT_GUILLEMET) return OPENS;
      return c === RIGHT_GUILLEMET ? CLOSES : NONE;
    case 'reversed-guillemet':
      if (c === RIGHT_GUILLEMET) return OPENS;
      return c === LEFT_GUILLEMET ? CLOSES : NONE;
    case 'german':
      if (c === LOW_DOUBLE) return OPENS;
      return c === LEFT_DOUBLE || c === RIGHT_DOUBLE ? CLOSES : NONE;
  }
}

export function secondaryRole(c: number, set: MarkSet): number {
  switch (set) {
    case 'double':
      if (c === APOSTROPHE) return EITHER;
      if (c === LEFT_SINGLE || c === QUESTION) return OPENS;
      return c === RIGHT_SINGLE ? CLOSES : NONE;
    case 'single':
      if (c === QUOTE) return EITHER;
      if (c === LEFT_DOUBLE || c === LOW_DOUBLE) return OPENS;
      return c === RIGHT_DOUBLE ? CLOSES : NONE;
    case 'guillemet':
    case 'reversed-guillemet':
      if (c === QUOTE) return EITHER;
      if (c === LEFT_DOUBLE || c === LOW_DOUBLE || c === LEFT_SINGLE_GUILLEMET) return OPENS;
      return c === RIGHT_DOUBLE || c === RIGHT_SINGLE_GUILLEMET ? CLOSES : NONE;
    case 'german':
      if (c === LOW_SINGLE) return OPENS;
      return c === LEFT_SINGLE || c === RIGHT_SINGLE ? CLOSES : NONE;
  }
}

export function markName(set: MarkSet): QuoteMark {
  if (set === 'reversed-guillemet') return 'guillemet';
  return set;
}

export function secondaryMarkName(set: MarkSet): QuoteMark {
  if (set === 'single') return 'double';
  if (set === 'double' || set === 'german') return 'single';
  return 'double';
}

function isApostropheLike(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_SINGLE || c === LEFT_SINGLE;
}

function openScore(o: number): number {
  return o >= 0 ? 1 + 0.25 * o : 1 + 0.75 * o;
}

/** Whether an apostrophe-like mark at `i`, opening a word, is an elision (`'tis`, `'em`, `'n'`). */
function startsElision(text: string, i: number, end: number): boolean {
  let j = i + 1;
  while (j < end && j - i <= 8 && isWordChar(text.charCodeAt(j))) j++;
  if (j === i + 1) return false;
  if (j - i > 8) return false;
  const c0 = text.charCodeAt(i + 1);
  if (c0 >= 48 && c0 <= 57) return true; // '99
  const word = text.slice(i + 1, j);
  const lower = word.toLowerCase();
  if (LEADING_ELISIONS.has(lower)) return true;
  return word === lower && LOWERCASE_ELISIONS.has(lower);
}

/**
 * Adds the marks of one role table found in [start, end) to `pairing`. Straight and curly double
 * marks, guillemets and „ are scored by their orientation; apostrophe-like marks by
 * `addApostropheLike`.
 */
export function collectMarks(
  text: string,
  positions: Int32Array,
  start: number,
  end: number,
  paragraphStart: number,
  paragraphEnd: number,
  role: (c: number, set: MarkSet) => number,
  set: MarkSet,
  outer: boolean,
  pairing: MarkPairing,
): void {
  pairing.reset();
  for (let k = firstAtOrAfter(positions, start); k < positions.length; k++) {
    const i = positions[k]!;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    const r = role(c, set);
    if (r === NONE) continue;
    if (isApostropheLike(c)) {
      addApostropheLike(text, i, paragraphStart, paragraphEnd, r, outer, pairing);
      continue;
    }
    if (c === QUESTION) {
      addLostOpening(text, i, paragraphStart, paragraphEnd, pairing);
      continue;
    }
    let o = flankOrientation(text, i, paragraphStart, paragraphEnd);
    if (r === OPENS) o += GLYPH_WEIGHT;
    else if (r === CLOSES) o -= GLYPH_WEIGHT;
    // A mark that can only be read as closing and has nothing to close (`12" wide`) is cheap to
    // drop; a lone opening mark is more likely an unclosed quotation than a stray.
    // (`0 - o`, not `-o`: minus zero would deoptimise openScore, and scores the same.)
    pairing.add(i, openScore(o), openScore(0 - o), o <= -2 ? STRAY_CLOSE_COST : STRAY_COST);
  }
}

/**
 * `?` glued to the front of a word after a space (`I said ?no' to that`) is an opening single mark
 * that a conversion to ASCII replaced; a real question mark follows its word.
 */
function addLostOpening(
  text: string,
  i: number,
  paragraphStart: number,
  paragraphEnd: number,
  pairing: MarkPairing,
): void {
  const before = i > paragraphStart ? text.charCodeAt(i - 1) : 32;
  const after = i + 1 < paragraphEnd ? text.charCodeAt(i + 1) : 32;
  if (!isWordChar(after) || !(isSpace(before) || before === QUOTE || isDash(before))) return;
  pairing.add(i, isUpper(after) ? 1 : 0.5, -2, 0.3);
}

/**
 * Single marks double as apostrophes, so a mark only counts with positive evidence. It opens
 * well before a capital (`'Tis` and other elisions aside) and poorly before a lower-case word (the
 * h-dropping and clipped words of dialect: `'bout`, `'bomination`); it closes well after clause
 * punctuation and poorly after a letter (`the Joneses'`, `goin'`). A pair needs at least one
 * good end, so dialect apostrophes never pair up with each other.
 */
function addApostropheLike(
  text: string,
  i: number,
  paragraphStart: number,
  paragraphEnd: number,
  r: number,
  outer: boolean,
  pairing: MarkPairing,
): void {
  const before = i > paragraphStart ? text.charCodeAt(i - 1) : 32;
  const after = i + 1 < paragraphEnd ? text.charCodeAt(i + 1) : 32;
  const wordBefore = isWordChar(before);
  const wordAfter = isWordChar(after);
  if (wordBefore && wordAfter) return;
  let open = -2;
  // An opening mark glued to an elided word (`''Tis a pity,'`): the elision's apostrophe follows.
  if (
    !wordBefore &&
    isApostropheLike(after) &&
    !isApostropheLike(before) &&
    startsElision(text, i + 1, paragraphEnd)
  ) {
    open = 1;
  }
  // An opening single mark glued to a nested double one (`she read, '"She's fine," Mum says.'`):
  // a space (or the paragraph's start) before it and a word right after the double mark.
  if (
    (isSpace(before) || i === paragraphStart || isOpenBracket(before)) &&
    (after === QUOTE || after === LEFT_DOUBLE || after === LOW_DOUBLE) &&
    i + 2 < paragraphEnd &&
    isWordChar(text.charCodeAt(i + 2))
  ) {
    open = 1;
  }
  if (!wordBefore && wordAfter) {
    if (startsElision(text, i, paragraphEnd)) return;
    open = isUpper(after) || (after >= 48 && after <= 57) ? 1 : -0.5;
  }
  let close = -2;
  if (!wordAfter && !isSpace(before)) close = wordBefore ? -0.4 : 1;
  // ‘ is hardly ever an apostrophe, so it opens even before a lower-case word (`‘rent’`).
  if (r === OPENS) {
    open += 1;
    close -= 1;
  } else if (r === CLOSES) open -= 1;
  if (open <= -2 && close <= -2) return;
  const strong = open >= 1 || close >= 1;
  pairing.add(i, open, close, strong ? (outer ? 1 : 0.5) : 0);
}
