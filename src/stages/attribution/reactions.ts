import { POS } from '../../engine/pos.js';
import type { TokenLayer } from '../../engine/types.js';
import { speechVerbBase } from '../lexicon/speech-verbs.js';
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
 * Verbs that report what someone said in the narration's own words (`Ann replied that she was.`,
 * `He asked whether the train had gone.`, `She assured him that it had not.`). Between two
 * quotations such a paragraph is a turn taken in indirect speech, mostly by the listener, so the one
 * who spoke before speaks next, as after a silent reply.
 */
const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say',
  'tell',
  'ask',
  'inquire',
  'enquire',
  'reply',
  'answer',
  'assure',
  'explain',
  'declare',
  'suggest',
  'agree',
  'admit',
  'confess',
  'concede',
  'protest',
  'observe',
  'remark',
  'repeat',
  'promise',
  'insist',
  'object',
  'acknowledge',
  'own',
  'hint',
  'inform',
  'remind',
  'mention',
  'state',
  'confirm',
  'deny',
  'complain',
  'announce',
  'murmur',
  'mumble',
  'whisper',
]);
/** Words that open the reported clause after such a verb. */
const REPORTED_CLAUSE: ReadonlySet<string> = new Set([
  'that',
  'whether',
  'if',
  'how',
  'what',
  'who',
  'why',
  'where',
  'when',
]);
/** Words that may stand between the verb and its clause (`assured her very gravely that`). */
const REPORT_FILLERS: ReadonlySet<string> = new Set([
  'her',
  'him',
  'them',
  'me',
  'us',
  'you',
  'very',
  'rather',
  'quite',
  'only',
  'merely',
  'simply',
  'again',
  ',',
]);

/**
 * The reporting verb in [start, end) whose speech the narration gives in indirect form (`replied
 * that`, `asked whether`, `told him what`, `agreed:`, `answered in the affirmative`), or -1.
 */
export function reportedSpeechAt(tokens: TokenLayer, start: number, end: number): number {
  for (let t = tokenAtOrAfter(tokens, start); t < tokens.count && tokens.start[t]! < end; t++) {
    const base = speechVerbBase(tokens.lower[t]!);
    if (base === undefined || !REPORTING_VERBS.has(base)) continue;
    // The noun, not the verb: `in a state where`, `gave no answer that`, `a hint that`.
    if (tokens.pos[t] === POS.NOUN) continue;
    // Speech not given: `too shy to say what`, `into telling him what`.
    if (tokens.lower[t]!.endsWith('ing') || (t > 0 && tokens.lower[t - 1] === 'to')) continue;
    let k = t + 1;
    while (k < tokens.count && k - t <= 3 && tokens.start[k]! < end) {
      const w = tokens.lower[k]!;
      if (!REPORT_FILLERS.has(w) && !(w.length > 3 && w.endsWith('ly'))) break;
      k++;
    }
    if (k >= tokens.count || tokens.start[k]! >= end) continue;
    const w = tokens.lower[k]!;
    if (REPORTED_CLAUSE.has(w)) return t;
    if (w === ':' && k === t + 1) return t;
    if (
      w === 'in' &&
      tokens.lower[k + 1] === 'the' &&
      /^(affirmative|negative)$/.test(tokens.lower[k + 2] ?? '')
    )
      return t;
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

/** Longest speech (in words) read as an echo of the previous turn. */
const ECHO_WORDS = 12;
/** How many words at the end of the previous speech an echo may take up. */
const ECHO_WINDOW = 20;
const ECHO_POS: ReadonlySet<number> = new Set([POS.NOUN, POS.PROPN, POS.VERB, POS.ADJ]);

/**
 * Whether a short speech takes up a content word from the end of the speech before it ("Oh, my
 * photographs!" / "What photographs?", "It is your fault." / "My fault?"): the listener picking up
 * the speaker's words, so seldom the same voice going on. `previous` and `current` are the speech
 * spans of the two turns, in text order.
 */
export function echoesPrevious(
  tokens: TokenLayer,
  previous: readonly (readonly [number, number])[],
  current: readonly (readonly [number, number])[],
): boolean {
  const mine: number[] = [];
  for (const [s, e] of current)
    for (let t = tokenAtOrAfter(tokens, s); t < tokens.count && tokens.start[t]! < e; t++)
      if (/[a-z]/.test(tokens.lower[t]!)) {
        mine.push(t);
        if (mine.length > ECHO_WORDS) return false;
      }
  const theirs = new Set<string>();
  for (let k = previous.length - 1; k >= 0 && theirs.size < ECHO_WINDOW; k--) {
    const [s, e] = previous[k]!;
    let t = tokenAtOrAfter(tokens, e) - 1;
    for (; t >= 0 && tokens.start[t]! >= s && theirs.size < ECHO_WINDOW; t--)
      if (/[a-z]/.test(tokens.lower[t]!)) theirs.add(tokens.lower[t]!);
  }
  for (const t of mine) {
    const w = tokens.lower[t]!;
    if (w.length >= 4 && ECHO_POS.has(tokens.pos[t]!) && theirs.has(w)) return true;
  }
  return false;
}
