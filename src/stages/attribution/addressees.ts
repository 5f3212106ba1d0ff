import type { ConversationFeatures } from './features.js';

/**
 * Addressees of a turn. Each character who might be listening — the other speakers of the
 * conversation, anyone named or addressed in it — is scored by a logistic model (weights learned
 * on PDNC with scripts/train-attribution.ts) and kept when the probability passes one half. Names
 * said as vocatives ("Margaret, stay") and tag objects ("she told him") always count.
 */
export const ADDRESSEE_FEATURES = [
  'bias',
  'vocative',
  'tag-object',
  'spoke-1-back',
  'spoke-1-ahead',
  'spoke-2-back',
  'spoke-2-ahead',
  'spoke-within-5',
  'spoke-in-conversation',
  'group-of-3',
  'group-of-4-plus',
  'spoke-within-5-in-group',
  'spoke-in-conversation-in-group',
  'named-in-quote',
  'mentioned-in-paragraph',
  'mentioned-in-conversation',
  'addressed-before',
  'narrator',
  'same-speaker-before',
  'turn-has-vocative',
] as const;

export type AddresseeFeature = (typeof ADDRESSEE_FEATURES)[number];
const A = Object.fromEntries(ADDRESSEE_FEATURES.map((f, i) => [f, i])) as Record<AddresseeFeature, number>;
export const NA = ADDRESSEE_FEATURES.length;

/**
 * Visits the possible addressees of turn i given the speakers of every turn of the conversation,
 * with their features in a reused buffer (copy it to keep it). `speakers` are character indices per
 * turn; `spokeIn` is the set of them (passed once per conversation rather than rebuilt per turn).
 */
export function forEachAddresseeCandidate(
  conv: ConversationFeatures,
  speakers: readonly number[],
  i: number,
  narrator: number,
  mentionedInConversation: ReadonlySet<number>,
  spokeIn: ReadonlySet<number>,
  visit: (character: number, features: Float32Array) => void,
): void {
  const turn = conv.turns[i]!;
  const speaker = speakers[i]!;
  const lo = Math.max(0, i - 5);
  const hi = Math.min(speakers.length, i + 6);
  const near: number[] = [];
  for (let j = lo; j < hi; j++) {
    const s = speakers[j]!;
    if (s !== speaker && !near.includes(s)) near.push(s);
  }
  const group = near.length;
  const spokeInGroup = spokeIn.size - (spokeIn.has(speaker) ? 1 : 0) >= 2;
  const prev = conv.turns[i - 1];
  const f = new Float32Array(NA);
  const seen: number[] = [];
  const consider = (c: number): void => {
    if (c === speaker || seen.includes(c)) return;
    seen.push(c);
    f.fill(0);
    f[A.bias] = 1;
    if (turn.vocatives.includes(c)) f[A.vocative] = 1;
    if (turn.tagObjects.includes(c)) f[A['tag-object']] = 1;
    if (speakers[i - 1] === c) f[A['spoke-1-back']] = 1;
    if (speakers[i + 1] === c) f[A['spoke-1-ahead']] = 1;
    if (speakers[i - 2] === c) f[A['spoke-2-back']] = 1;
    if (speakers[i + 2] === c) f[A['spoke-2-ahead']] = 1;
    const within5 = near.includes(c);
    if (within5) f[A['spoke-within-5']] = 1;
    const spoke = spokeIn.has(c);
    if (spoke) f[A['spoke-in-conversation']] = 1;
    if (group === 2) f[A['group-of-3']] = 1;
    if (group >= 3) f[A['group-of-4-plus']] = 1;
    if (group >= 2 && within5) f[A['spoke-within-5-in-group']] = 1;
    if (spoke && spokeInGroup) f[A['spoke-in-conversation-in-group']] = 1;
    if (turn.namedInQuote.includes(c)) f[A['named-in-quote']] = 1;
    if (turn.narrationMentions.includes(c)) f[A['mentioned-in-paragraph']] = 1;
    if (mentionedInConversation.has(c)) f[A['mentioned-in-conversation']] = 1;
    if (prev && (prev.vocatives.includes(c) || prev.tagObjects.includes(c))) f[A['addressed-before']] = 1;
    if (c === narrator) f[A.narrator] = 1;
    if (speakers[i - 1] === speaker) f[A['same-speaker-before']] = 1;
    if (turn.vocatives.length > 0) f[A['turn-has-vocative']] = 1;
    visit(c, f);
  };
  for (const c of conv.candidates) consider(c);
  for (const c of turn.vocatives) consider(c);
  for (const c of turn.tagObjects) consider(c);
}

export function addresseeProbability(features: Float32Array, weights: Float64Array): number {
  let z = 0;
  for (let f = 0; f < NA; f++) if (features[f] !== 0) z += features[f]! * weights[f]!;
  return 1 / (1 + Math.exp(-z));
}

export function denseAddresseeWeights(w: Record<string, number> | undefined): Float64Array {
  return Float64Array.from(ADDRESSEE_FEATURES, (f) => w?.[f] ?? 0);
}

/**
 * The addressees of turn i: the model's choice, always including outright vocatives and tag
 * objects; those first, then the rest from the most to the least likely.
 */
export function chooseAddressees(
  conv: ConversationFeatures,
  speakers: readonly number[],
  i: number,
  narrator: number,
  mentionedInConversation: ReadonlySet<number>,
  spokeIn: ReadonlySet<number>,
  weights: Float64Array,
): number[] {
  const chosen: { c: number; score: number }[] = [];
  forEachAddresseeCandidate(conv, speakers, i, narrator, mentionedInConversation, spokeIn, (c, f) => {
    const p = addresseeProbability(f, weights);
    const named = f[A.vocative] === 1 || f[A['tag-object']] === 1;
    if (named || p >= 0.5) chosen.push({ c, score: p + (named ? 1 : 0) });
  });
  return chosen.sort((a, b) => b.score - a.score).map((x) => x.c);
}
