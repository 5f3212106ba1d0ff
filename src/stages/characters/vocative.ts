import { POS } from '../../engine/pos.js';
import type { TokenLayer } from '../../engine/types.js';
import { CLOSE_WORDS } from '../lexicon/letters.js';

/** Words that may stand between the start of an address and the name: "Oh, Jane", "my dear Jane". */
const BEFORE_VOCATIVE = new Set([
  ',',
  '!',
  '?',
  ';',
  '\u2014',
  '--',
  '\u2013',
  '...',
  '\u2026',
  '"',
  '\u201c',
  "'",
  '\u2018',
  'dear',
  'dearest',
  'my',
  'oh',
  'o',
  'ah',
  'why',
  'well',
  'yes',
  'no',
  'nay',
  'come',
  'poor',
  'good',
  'sweet',
  'hey',
  'hello',
  'goodbye',
  'good-bye',
  'bye',
  'please',
  'listen',
  'look',
]);

const AFTER_VOCATIVE = new Set([',', '!', '?', '.', ';', ':', '\u2014', '--', '\u2013', '...', '\u2026']);

/** A letter's close opening its sentence, right before the name: "…spring. Your loving uncle, Bartholomew." */
const SIGNED = new RegExp(String.raw`(?:^|[.!?]\s+|\n\s*)${CLOSE_WORDS}\s*,\s*$`, 'u');

/** The first token after a name that starts at firstToken and ends at offset `end`. */
function tokenAfterName(tokens: TokenLayer, firstToken: number, end: number): number {
  let next = firstToken;
  while (next < tokens.count && tokens.start[next]! < end) next++;
  return next;
}

/**
 * Whether a name inside a quotation addresses someone: at the start of the quotation or after a
 * comma or interjection, and followed by punctuation or the end of the quotation ("Margaret,
 * please stay", "Listen, Tom.", "my dear Harriet, what…").
 */
export function isVocativeAt(
  text: string,
  tokens: TokenLayer,
  firstToken: number,
  end: number,
  quote: readonly [number, number],
): boolean {
  const prevAt = firstToken - 1;
  const startsQuote = prevAt < 0 || tokens.end[prevAt]! <= quote[0];
  // What follows the name (honorific + name already consumed up to `end`).
  const next = tokenAfterName(tokens, firstToken, end);
  const closes = next >= tokens.count || tokens.start[next]! >= quote[1];
  if (!startsQuote) {
    const prev = tokens.lower[prevAt]!;
    // "You must be Lena." / "Are you Mrs. Pell?": the name is the listener's, said to them.
    if (!BEFORE_VOCATIVE.has(prev)) return identifiesListener(tokens, prevAt, next, quote);
    // "Abdullah, Akbar, and I": a name after a comma that follows another name is a list, unless
    // it ends the quotation or its sentence ("call for Mrs. Lynde, Anne," / "… Mr. Hale, Tom.").
    // A third name in a row ("Mrs. Cole, Mrs. Perry, Miss Bates.") is a list wherever it ends.
    if (
      prev === ',' &&
      prevAt > 0 &&
      tokens.pos[prevAt - 1] === POS.PROPN &&
      ((!closes && !endsClause(tokens, next, quote)) || nameAfterComma(tokens, prevAt - 1))
    )
      return false;
  }
  // "…I will be home by spring. Your loving uncle, Bartholomew.": a letter's signature read out.
  if (SIGNED.test(text.slice(Math.max(quote[0], tokens.start[firstToken]! - 48), tokens.start[firstToken]!)))
    return false;
  if (closes) return true;
  const after = tokens.lower[next]!;
  if (after === ',' && next + 1 < tokens.count) {
    // "Abdullah, Akbar and I" / "Jane, Lizzy and Kitty": a list, not an address.
    const then = next + 1;
    if (tokens.lower[then] === 'and' || (tokens.pos[then] === POS.PROPN && tokens.lower[then + 1] === ','))
      return false;
  }
  if (AFTER_VOCATIVE.has(after)) return true;
  // Closing quotation mark right after the name.
  return /^["\u201d'\u2019]$/.test(after) && text.charCodeAt(tokens.start[next]!) !== 32;
}

/** The name is followed by the end of its sentence or a comma closing the quotation: `Anne,"` `Tom.` */
function endsClause(tokens: TokenLayer, next: number, quote: readonly [number, number]): boolean {
  const after = tokens.lower[next]!;
  if (after === '.' || after === '!' || after === '?') return true;
  if (after !== ',') return false;
  const then = next + 1;
  return (
    then >= tokens.count || tokens.start[then]! >= quote[1] || /^["\u201d'\u2019]$/.test(tokens.lower[then]!)
  );
}

/** The name ending at token `last` (with its honorific) itself follows a comma: a list runs on. */
function nameAfterComma(tokens: TokenLayer, last: number): boolean {
  let k = last;
  while (k > 0 && tokens.pos[k - 1] === POS.PROPN) k--;
  return k > 0 && tokens.lower[k - 1] === ',';
}

/** The words before a name that say it is the listener's ("you must be", "are you", "you're"). */
const LISTENER_IS: readonly (readonly string[])[] = [
  ['you', 'must', 'be'],
  ['you', 'are'],
  ['are', 'you'],
  ['you', "'re"],
  ['you', '\u2019re'],
  ["you're"],
  ['you\u2019re'],
];

/**
 * Whether the words ending at token `last` tell the listener who they are (`You must be Lena.`,
 * `Are you Mrs. Pell?`), and the name ends its sentence or clause right after (`next`).
 */
function identifiesListener(
  tokens: TokenLayer,
  last: number,
  next: number,
  quote: readonly [number, number],
): boolean {
  if (next >= tokens.count || tokens.start[next]! >= quote[1]) return false;
  const after = tokens.lower[next]!;
  if (after !== '.' && after !== ',' && after !== '?' && after !== '!') return false;
  for (const words of LISTENER_IS) {
    const from = last - words.length + 1;
    if (from < 0 || tokens.start[from]! < quote[0]) continue;
    let match = true;
    for (let k = 0; k < words.length; k++)
      if (tokens.lower[from + k] !== words[k]) {
        match = false;
        break;
      }
    if (match) return true;
  }
  return false;
}

/**
 * Whether a known character's name inside a quotation is a sentence of its own after another
 * sentence of the speech, with more speech after it (`"So. Lena. Tell us about yourself."`,
 * `"Stop! Tom! Come back."`): a call, as the name opening the quotation would be. Not a question
 * (`"Coming home? Rafa?"` asks about him), and only for names already known to be characters
 * (a capitalised word standing alone is too often no name).
 */
export function isCallingSentenceAt(
  tokens: TokenLayer,
  firstToken: number,
  end: number,
  quote: readonly [number, number],
): boolean {
  const prevAt = firstToken - 1;
  if (prevAt < 0 || tokens.end[prevAt]! <= quote[0]) return false;
  const prev = tokens.lower[prevAt]!;
  if (prev !== '.' && prev !== '!') return false;
  const next = tokenAfterName(tokens, firstToken, end);
  if (next >= tokens.count || tokens.start[next]! >= quote[1]) return false;
  const after = tokens.lower[next]!;
  if (after !== '.' && after !== '!') return false;
  // More speech after it: a word before the quotation closes.
  const then = next + 1;
  return then < tokens.count && tokens.start[then]! < quote[1] && /\p{L}/u.test(tokens.lower[then]!);
}

/**
 * Whether a name opening a quotation as a sentence of its own ("Mrs. Hale. She came at noon.")
 * answers the quotation before it, a question asking who ("Who found it?", "Whose is the cart?"):
 * the name is the answer, not the listener called.
 */
export function answersWho(
  text: string,
  tokens: TokenLayer,
  firstToken: number,
  end: number,
  quote: readonly [number, number],
  previous: readonly [number, number] | undefined,
): boolean {
  if (!previous) return false;
  if (firstToken > 0 && tokens.end[firstToken - 1]! > quote[0]) return false;
  const next = tokenAfterName(tokens, firstToken, end);
  if (next >= tokens.count || tokens.start[next]! >= quote[1] || tokens.lower[next] !== '.') return false;
  const asked = text.slice(previous[0], previous[1]).trimEnd();
  const last = /(?:^|[.!?]\s+)([^.!?]*)\?+$/.exec(asked);
  return last !== null && /^(?:who|whom|whose|who's|who’s)\b/i.test(last[1]!.trimStart());
}
