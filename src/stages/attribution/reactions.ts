import type { TokenLayer } from '../../engine/types.js';
import { tokenAtOrAfter } from './cues.js';

/**
 * Narration that answers without words. Between two quotations, a paragraph where someone keeps
 * silent, makes no reply, bows, assents or listens ("Ann was silent." / "He made no answer." /
 * "Will bowed.") is most often the listener's turn taken without speech, so the one who spoke
 * before goes on. Nods, shrugs, smiles and looks are left out: after those the one who made them
 * speaks about as often as not.
 */
const SILENT_WORDS: ReadonlySet<string> = new Set([
  'silent',
  'bow',
  'bows',
  'bowed',
  'bowing',
  'assent',
  'assents',
  'assented',
  'assenting',
  'agreed',
  'listened',
  'listening',
  'affirmative',
  'confirmed',
]);
const REPLY_WORDS: ReadonlySet<string> = new Set([
  'answer',
  'answered',
  'reply',
  'replied',
  'respond',
  'responded',
]);
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', "n't", 'never']);

/** Whether the narration in [start, end) answers without words (see SILENT_WORDS). */
export function silentReplyIn(tokens: TokenLayer, start: number, end: number): boolean {
  return silentReplyAt(tokens, start, end) >= 0;
}

/** The token in [start, end) where the narration answers without words, or -1. */
export function silentReplyAt(tokens: TokenLayer, start: number, end: number): number {
  for (let t = tokenAtOrAfter(tokens, start); t < tokens.count && tokens.start[t]! < end; t++) {
    const w = tokens.lower[t]!;
    if (SILENT_WORDS.has(w)) return t;
    // "made no answer", "did not reply", "said nothing"
    if (
      REPLY_WORDS.has(w) &&
      t > 0 &&
      (NEGATIONS.has(tokens.lower[t - 1]!) || NEGATIONS.has(tokens.lower[t - 2] ?? ''))
    )
      return t;
    if (w === 'nothing' && t > 0 && tokens.lower[t - 1] === 'said') return t;
  }
  return -1;
}

/**
 * Words that open a reply to what was just said ("Yes, …", "Oh, …", "Why, …", "Nonsense!"): a turn
 * opening so is seldom its previous speaker going on.
 */
const REPLY_OPENERS: ReadonlySet<string> = new Set([
  'yes',
  'no',
  'nay',
  'aye',
  'ay',
  'yeah',
  'oh',
  'ah',
  'eh',
  'why',
  'what',
  'how',
  'well',
  'indeed',
  'certainly',
  'nonsense',
  'really',
  'not',
  'nothing',
  'quite',
  'exactly',
  'perhaps',
  'sure',
]);
/** Words that carry on one's own speech ("And …", "But …", "Now …", "Besides, …"). */
const GOING_ON_OPENERS: ReadonlySet<string> = new Set([
  'and',
  'but',
  'then',
  'now',
  'besides',
  'moreover',
  'still',
  'however',
  'also',
  'so',
  'yet',
  'anyway',
  'again',
]);

/** How the speech starting at `offset` opens: 1 as a reply (REPLY_OPENERS), 2 going on (GOING_ON_OPENERS), else 0. */
export function openerKind(tokens: TokenLayer, offset: number, end: number): number {
  for (let t = tokenAtOrAfter(tokens, offset); t < tokens.count && tokens.start[t]! < end; t++) {
    const w = tokens.lower[t]!;
    if (!/[a-z]/.test(w)) continue;
    return REPLY_OPENERS.has(w) ? 1 : GOING_ON_OPENERS.has(w) ? 2 : 0;
  }
  return 0;
}
