import type { StoryDocument } from '../../engine/document.js';
import type { Stage } from '../../engine/stage.js';
import type { Attribution } from '../../engine/types.js';
import { TIME_STRONG_AT_START } from '../scenes/time-skips.js';
import { decodeAddressees, denseAddresseeWeights } from './addressees.js';
import { arrivalsIn } from './arrivals.js';
import { buildCueIndex, type Cue } from './cues.js';
import { bestAt, forwardBackward } from './decode.js';
import { appositionFor, castWords, describedBy, descriptionAt } from './descriptions.js';
import {
  activeNarrator,
  buildPresence,
  type ConversationFeatures,
  conversationFeatures,
  describedTurns,
  type PresenceIndex,
  rescoreFromFirstPass,
  wordsIn,
} from './features.js';
import {
  type AttributionWeights,
  barredSpeakers,
  calibrate,
  chainOf,
  type DenseWeights,
  densify,
  heldTurns,
  shippedModel,
} from './model.js';
import { buildNarrationMentions } from './salience.js';
import { sceneMentionsIn } from './scene.js';
import { buildStyleIndex, refedStyleIndex } from './style.js';
import { buildTurns, firstMentionAt, isAttributable, namedTagSpeaker, type Turn } from './units.js';

/**
 * Speaker and addressees for every speech or thought quotation.
 *
 * 1. Quotations are grouped into turns (one paragraph each) and each turn's cues are found: speech
 *    tags (named, pronoun, descriptive), action beats, vocatives.
 * 2. Turns are grouped into conversations: runs of dialogue not broken by a long stretch of
 *    narration or a scene break.
 * 3. Each conversation is decoded jointly over the characters present with a second-order
 *    linear-chain CRF (features.ts, weights learned on PDNC in model.json): alternation, third
 *    voices and repeated speakers all have a score, so one wrong guess does not spread down a chain
 *    of untagged turns. The posterior of the chosen speaker, calibrated on held-out novels, is the
 *    confidence.
 */
export const attributionStage: Stage<'attributions'> = {
  name: 'attribution',
  requires: ['tokens', 'sentences', 'paragraphs', 'quotes', 'characters', 'mentions', 'pronouns'],
  provides: ['attributions'],
  run(doc, context) {
    return { attributions: attribute(doc, context.attributionWeights) };
  },
};

/** Narration words between two turns beyond which a new conversation starts. */
const CONVERSATION_GAP_WORDS = 150;
/** Characters kept as candidates per conversation. */
const MAX_CANDIDATES = 10;
/** Narration before a conversation searched for who is present, in characters. */
const LOOKBACK = 2500;

/** Turns, conversations and features of a document: what the model scores (also used in training). */
export function prepareConversations(doc: StoryDocument): ConversationFeatures[] {
  const characters = doc.layer('characters');
  if (characters.length === 0) return [];
  const ix = buildCueIndex(doc);
  const turns = buildTurns(doc, ix);
  const presence = buildPresence(doc, turns, buildNarrationMentions(doc));
  const style = buildStyleIndex(doc, turns, characters.length);
  const narrator = activeNarrator(doc);
  const words = castWords(characters);
  let first = 0;
  // (Loops and module-level functions in this file, not `map`/`forEach` with closures made per call:
  // the engine recompiles such closures after each is collected, and hands back `map`'s arrays
  // packed or holey depending on whether the caller was optimised.)
  const out: ConversationFeatures[] = [];
  for (const conv of splitConversations(doc, turns)) {
    const features = conversationFeatures(
      doc,
      conv,
      candidatesOf(doc, conv, narrator, presence, words),
      presence,
      style,
      first,
    );
    features.arrivals = arrivalsIn(doc, conv);
    features.scene = sceneMentionsIn(doc, conv);
    first += conv.length;
    out.push(features);
  }
  return out;
}

function attribute(doc: StoryDocument, weights: AttributionWeights | undefined): Attribution[] {
  const quotes = doc.layer('quotes');
  const out: Attribution[] = [];
  for (const q of quotes) {
    out.push({
      speaker: -1,
      addressees: [],
      confidence: 0,
      method: isAttributable(q) ? 'none' : 'not-attributed',
    });
  }
  const model = shippedModel();
  const chosen = weights ?? model.weights;
  const dense = densify(chosen);
  const addresseeWeights = denseAddresseeWeights(chosen.addressee);
  const learnedAddressees = addresseeWeights.some((w) => w !== 0);
  const narrator = activeNarrator(doc);
  const convs = prepareConversations(doc);
  const held: Int32Array[] = [];
  const barred: Uint8Array[] = [];
  for (const conv of convs) {
    held.push(heldTurns(conv));
    barred.push(barredSpeakers(conv));
  }
  refineWithFirstPass(convs, dense, held, barred);
  for (let ci = 0; ci < convs.length; ci++) {
    const conv = convs[ci]!;
    const C = conv.candidates.length;
    if (C === 0) continue;
    const { marginals } = forwardBackward(chainOf(conv, dense, held[ci], barred[ci]));
    // Built with push, not map: V8 hands back map's arrays packed or holey depending on whether
    // the caller was optimised, and every reader then deoptimises on the other kind.
    const best: number[] = [];
    const speakers: number[] = [];
    for (let i = 0; i < conv.turns.length; i++) {
      const b = bestAt(marginals, i, C);
      best.push(b);
      speakers.push(conv.candidates[b]!);
    }
    const mentioned = new Set<number>();
    for (const t of conv.turns) for (const c of t.narrationMentions) mentioned.add(c);
    const spokeIn = new Set(speakers);
    const decoded = learnedAddressees
      ? decodeAddressees(conv, speakers, narrator, mentioned, spokeIn, addresseeWeights)
      : undefined;
    for (let i = 0; i < conv.turns.length; i++) {
      const turn = conv.turns[i]!;
      const speaker = speakers[i]!;
      const confidence = calibrate(marginals[i * C + best[i]!]!, model.calibration);
      const addressees = decoded ? decoded[i]! : addresseesOf(conv, best, i, speaker);
      for (const q of turn.quotes) {
        out[q] = {
          speaker,
          // A thought is said to no one.
          addressees: quotes[q]!.kind === 'thought' ? [] : addressees.slice(),
          confidence,
          method: methodOf(turn.cues[0], speaker),
        };
      }
    }
  }
  return out;
}

/** Posterior a first decoding's speaker needs before the turn counts as that speaker's. */
const FIRST_PASS_POSTERIOR = 0.9;

/**
 * Two of the features start from the turns a speech tag names, which leaves a character who is
 * rarely tagged by name with a thin record: the voice profile (style.ts) and how often the
 * character speaks in the book (`speaker-frequency`). A first decoding attributes every turn; the
 * confident ones then feed the voice profiles, and the speaker counts (rescaled to the named tags'
 * total, the scale the model learned), and those features are scored again for the final decoding.
 * (On PDNC this second pass is right on ~150 more quotations in gold mode.)
 */
export function refineWithFirstPass(
  convs: readonly ConversationFeatures[],
  dense: DenseWeights,
  held: readonly Int32Array[],
  barred: readonly Uint8Array[],
): void {
  if (convs.length === 0) return;
  const style = convs[0]!.style;
  const feed = new Int32Array(style.turnWords.length).fill(-1);
  const counts = new Float64Array(style.totals.length);
  let confident = 0;
  let tagged = 0;
  for (let ci = 0; ci < convs.length; ci++) {
    const conv = convs[ci]!;
    for (const turn of conv.turns) if (namedTagSpeaker(turn) >= 0) tagged++;
    const C = conv.candidates.length;
    if (C === 0) continue;
    const { marginals } = forwardBackward(chainOf(conv, dense, held[ci], barred[ci]));
    for (let i = 0; i < conv.turns.length; i++) {
      const b = bestAt(marginals, i, C);
      if (marginals[i * C + b]! < FIRST_PASS_POSTERIOR) continue;
      const c = conv.candidates[b]!;
      feed[conv.firstTurn + i] = c;
      counts[c]!++;
      confident++;
    }
  }
  const scale = tagged / Math.max(1, confident);
  for (let c = 0; c < counts.length; c++) counts[c]! *= scale;
  const refed = refedStyleIndex(style, feed);
  const described = describedTurns(convs);
  for (const conv of convs) rescoreFromFirstPass(conv, refed, counts, feed, described);
}

/**
 * Addressees: whoever the turn names as addressee (vocative, "said to Emma"); otherwise the other
 * party of the exchange — the previous speaker, or the next one.
 */
function addresseesOf(conv: ConversationFeatures, best: number[], i: number, speaker: number): number[] {
  const turn = conv.turns[i]!;
  const out = new Set<number>();
  for (const c of turn.vocatives) out.add(c);
  for (const c of turn.tagObjects) out.add(c);
  if (out.size === 0) {
    const prev = i > 0 ? conv.candidates[best[i - 1]!]! : -1;
    const next = i + 1 < best.length ? conv.candidates[best[i + 1]!]! : -1;
    if (prev >= 0 && prev !== speaker) out.add(prev);
    else if (next >= 0 && next !== speaker) out.add(next);
  }
  out.delete(speaker);
  return [...out];
}

function splitConversations(doc: StoryDocument, turns: Turn[]): Turn[][] {
  const paragraphs = doc.layer('paragraphs');
  const text = doc.text;
  const out: Turn[][] = [];
  let current: Turn[] = [];
  for (const turn of turns) {
    const last = current[current.length - 1];
    if (last) {
      let words = 0;
      let hardBreak = false;
      for (let p = last.paragraph + 1; p < turn.paragraph; p++) {
        const para = paragraphs[p]!;
        if (para.kind !== 'prose' || opensWithTimeSkip(text, para.start, para.end)) hardBreak = true;
        words += wordsIn(text, para.start, para.end);
      }
      if (hardBreak || words > CONVERSATION_GAP_WORDS) {
        out.push(current);
        current = [];
      }
    }
    current.push(turn);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Whether a narration paragraph opens with a strong time skip ("The next morning, …"). */
function opensWithTimeSkip(text: string, start: number, end: number): boolean {
  return TIME_STRONG_AT_START.test(text.slice(start, Math.min(end, start + 80)));
}

/** Who may be speaking: named in tags, addressed, or mentioned in the narration around the conversation. */
function candidatesOf(
  doc: StoryDocument,
  turns: Turn[],
  narrator: number,
  presence: PresenceIndex,
  words: readonly Set<string>[],
): number[] {
  const paragraphs = doc.layer('paragraphs');
  const mentions = doc.layer('mentions');
  const first = paragraphs[turns[0]!.paragraph]!;
  const last = paragraphs[turns[turns.length - 1]!.paragraph]!;
  const from = first.start - LOOKBACK;
  const score = new Map<number, number>();
  for (const turn of turns) {
    for (const cue of turn.cues)
      if (cue.referent.character >= 0) bump(score, cue.referent.character, cue.kind === 'tag' ? 100 : 10);
    for (const cue of turn.cues) if (cue.referent.corefGuess >= 0) bump(score, cue.referent.corefGuess, 5);
    for (const c of turn.vocatives) bump(score, c, 20);
    for (const c of turn.tagObjects) bump(score, c, 20);
    // "said the butler": a cast entry the description names ("The Butler") may be there unmentioned.
    const tag = turn.cues[0];
    if (tag && tag.kind === 'tag' && tag.referent.via === 'nominal' && tag.referent.owner < 0) {
      const tokens = doc.layer('tokens');
      const description = descriptionAt(tokens, tag.referent.token);
      for (const c of describedBy(words, description)) bump(score, c, 20);
      // "said the old man" of one the narration calls "old Mr. Emerson" (descriptions.ts).
      bump(score, appositionFor(presence.appositions, description, tokens.start[tag.referent.token]!), 20);
    }
  }
  const lo = firstMentionAt(mentions, from);
  for (let i = lo; i < mentions.length && mentions[i]!.start < last.end; i++) {
    const m = mentions[i]!;
    bump(score, m.character, m.inQuote ? 0.5 : m.start < first.start ? 1 : 2);
  }
  if (narrator >= 0) bump(score, narrator, 30);
  // The book's most frequent speakers stay in reach, last, when the narration around does not
  // name them (`said her father` for Mr. Bennet).
  if (score.size < MAX_CANDIDATES)
    for (const c of presence.topSpeakers) if (!score.has(c)) score.set(c, 0.01);
  // Ties go to the characters who speak most in the whole text.
  const ranked: Candidate[] = [];
  for (const [c, v] of score) ranked.push({ c, score: v, tagged: presence.taggedCount[c]! });
  ranked.sort(byScoreThenTagged);
  const out: number[] = [];
  for (let k = 0; k < ranked.length && k < MAX_CANDIDATES; k++) out.push(ranked[k]!.c);
  return out;
}

interface Candidate {
  c: number;
  score: number;
  tagged: number;
}

const byScoreThenTagged = (a: Candidate, b: Candidate): number => b.score - a.score || b.tagged - a.tagged;

function bump(score: Map<number, number>, c: number, w: number): void {
  if (c >= 0) score.set(c, (score.get(c) ?? 0) + w);
}

function methodOf(cue: Cue | undefined, speaker: number): string {
  if (!cue) return 'turn-taking';
  const r = cue.referent;
  if (cue.kind === 'tag') {
    if (r.via === 'name') return r.character === speaker ? 'explicit-tag' : 'turn-taking';
    if (r.via === 'narrator') return 'narrator-tag';
    return r.via === 'pronoun' ? 'pronoun-tag' : 'descriptive-tag';
  }
  return (r.via === 'name' || r.via === 'narrator') && r.character === speaker
    ? 'action-beat'
    : 'turn-taking';
}
