import {
  firstAtOrAfter,
  isClausePunct,
  isCloseBracket,
  isDash,
  isOpenBracket,
  isUpper,
  isWordChar,
} from './marks.js';
import type { MarkPairing } from './pairing.js';

/**
 * For texts that lost their single curly marks (see `QuoteStyle.lostSingleMarks`): the places
 * where a nested mark stood inside a double-quoted region [start, end). A space right after the
 * opening double mark or right before the closing one (`" There are but three,  said I.`), two
 * spaces (`three,  said` is `three,’ said`; `I,  who` is `I, ‘who`) or three (`sleeve?   Yes` is
 * `sleeve?’ ‘Yes`). Longer runs are indentation.
 */
export function collectGaps(
  text: string,
  runs: Int32Array,
  start: number,
  end: number,
  closed: boolean,
  pairing: MarkPairing,
): void {
  pairing.reset();
  if (start >= end) return;
  // Right after the opening mark: `" There are but three`.
  if (text.charCodeAt(start) === 32 && start + 1 < end && text.charCodeAt(start + 1) !== 32) {
    pairing.add(start, 1.5, -2, 0.5);
  }
  // Runs of two or three spaces inside.
  for (let k = firstAtOrAfter(runs, start + 1); k < runs.length; k++) {
    const i = runs[k]!;
    if (i + 2 >= end) break;
    let j = i + 2;
    while (j < end && text.charCodeAt(j) === 32) j++;
    const run = j - i;
    if (j < end && run <= 3) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(j);
      if (run === 2) pairing.add(i, gapOpenScore(before, after), gapCloseScore(before), 0.2);
      else {
        pairing.add(i, -2, gapCloseScore(before), 0.2);
        pairing.add(i + 1, gapOpenScore(before, after), -2, 0.2);
      }
    }
  }
  // Right before the closing mark: `Thank God. "`.
  if (closed && end - 1 > start && text.charCodeAt(end - 1) === 32 && text.charCodeAt(end - 2) !== 32) {
    pairing.add(end - 1, -2, 1.5, 0.5);
  }
}

/** Fewest spaces that can stand for a lost opening mark in a text that kept its other marks. */
const LOST_OPENING_SPACES = 3;

/**
 * For texts that kept their closing single marks (and apostrophes) but lost the opening ones, each
 * replaced by a run of spaces (`he says,    I've had a shock.'`, `what they call    a dress-up
 * night.'`): the runs of three or more spaces inside a double-quoted region [start, end), mid-line,
 * before a word, are candidate opening marks. Nothing can close at them, and skipping them is free,
 * so one only opens where a closing mark after it has nothing else to close. The candidates are
 * merged into `pairing` by position.
 */
export function addLostOpenings(
  text: string,
  runs: Int32Array,
  start: number,
  end: number,
  pairing: MarkPairing,
): void {
  const before = pairing.count;
  for (let k = firstAtOrAfter(runs, start); k < runs.length; k++) {
    const i = runs[k]!;
    if (i >= end) break;
    let j = i;
    while (j < end && text.charCodeAt(j) === 32) j++;
    if (j - i < LOST_OPENING_SPACES || j >= end || !isWordChar(text.charCodeAt(j))) continue;
    // Indentation starts a line; a lost mark stands among the words.
    if (i > 0 && text.charCodeAt(i - 1) === 10) continue;
    const after = text.charCodeAt(j);
    pairing.add(i, isUpper(after) || (after >= 48 && after <= 57) ? 1 : 0, -2, 0);
  }
  if (pairing.count > before) pairing.sortByPosition();
}

function gapOpenScore(before: number, after: number): number {
  if (isUpper(after) || (after >= 48 && after <= 57)) return 1;
  if (isWordChar(after) || after === 0x5f || isOpenBracket(after)) {
    // `said I,  who is` reopens after a tag; elsewhere a lower-case word after two spaces is
    // more often a lost apostrophe (`hours  notice`).
    return before === 44 || before === 59 || before === 58 ? 0.5 : -0.3;
  }
  return -1;
}

function gapCloseScore(before: number): number {
  if (isClausePunct(before) || isDash(before)) return 1;
  if (isCloseBracket(before) || before === 0x5f) return 0.5;
  return isWordChar(before) ? -0.3 : -1;
}
