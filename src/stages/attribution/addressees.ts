import type { ConversationFeatures } from './features.js';

/**
 * Addressees of the turns of a conversation, decoded jointly. Each character who might be listening
 * — the other speakers of the conversation, anyone named or addressed in it — has a score from the
 * features below; a turn's addressee set scores the sum over its members, and a set that keeps the
 * party (speaker plus addressees) of the previous turn scores a bonus. PDNC marks everyone present
 * as addressed in a group scene and the same pair in a dialogue, so the party rarely changes from
 * one turn to the next (9 turns in 10); deciding turn by turn flipped between "the previous speaker"
 * and "everyone" instead. The weights are learned with a structured perceptron on PDNC
 * (scripts/train-attribution.ts). Names said as vocatives ("Margaret, stay") and tag objects ("she
 * told him") always count.
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

/** Features of a turn's addressee set given the previous turn's (party = speaker plus addressees). */
export const ADDRESSEE_TRANSITIONS = [
  'party-kept',
  'party-continued',
  'group-kept',
  'group-after-single',
  'single-after-group',
] as const;

export type AddresseeFeature = (typeof ADDRESSEE_FEATURES)[number];
const A = Object.fromEntries(ADDRESSEE_FEATURES.map((f, i) => [f, i])) as Record<AddresseeFeature, number>;
export const NA = ADDRESSEE_FEATURES.length;
/** Dense addressee weights: the NA candidate features, then the transitions. */
export const NAW = NA + ADDRESSEE_TRANSITIONS.length;
const PARTY_KEPT = NA;
const PARTY_CONTINUED = NA + 1;
const GROUP_KEPT = NA + 2;
const GROUP_AFTER_SINGLE = NA + 3;
const SINGLE_AFTER_GROUP = NA + 4;
/** Addressee sets kept per turn while decoding. */
const BEAM = 10;

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
    // Nobody is spoken to before they come in ("the door opened and Mrs. Hale came in").
    const arrival = conv.arrivals?.get(c);
    if (arrival !== undefined && arrival > turn.paragraph) {
      if (!turn.vocatives.includes(c) && !turn.tagObjects.includes(c)) return;
    }
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

/** Score of one candidate addressee: the weighted sum of its features. */
export function addresseeScore(features: Float32Array, weights: Float64Array): number {
  let z = 0;
  for (let f = 0; f < NA; f++) if (features[f] !== 0) z += features[f]! * weights[f]!;
  return z;
}

export function denseAddresseeWeights(w: Record<string, number> | undefined): Float64Array {
  return Float64Array.from([...ADDRESSEE_FEATURES, ...ADDRESSEE_TRANSITIONS], (f) => w?.[f] ?? 0);
}

/** The possible addressees of one turn with their features and scores. */
export interface TurnCandidates {
  characters: number[];
  features: Float32Array[];
  scores: number[];
  /** Named as vocative or tag object: always in the set. */
  forced: number[];
}

export function turnCandidates(
  conv: ConversationFeatures,
  speakers: readonly number[],
  i: number,
  narrator: number,
  mentionedInConversation: ReadonlySet<number>,
  spokeIn: ReadonlySet<number>,
  weights: Float64Array,
): TurnCandidates {
  const out: TurnCandidates = { characters: [], features: [], scores: [], forced: [] };
  forEachAddresseeCandidate(conv, speakers, i, narrator, mentionedInConversation, spokeIn, (c, f) => {
    out.characters.push(c);
    out.features.push(f.slice());
    out.scores.push(addresseeScore(f, weights));
    if (f[A.vocative] === 1 || f[A['tag-object']] === 1) out.forced.push(c);
  });
  return out;
}

const setKey = (set: readonly number[]): string => [...set].sort((a, b) => a - b).join(',');

/** Transition features (indices into the dense weights) of set `now` after set `before`. */
export function addresseeTransitions(
  before: readonly number[],
  beforeSpeaker: number,
  now: readonly number[],
  speaker: number,
): number[] {
  const out: number[] = [];
  // Sets hold distinct characters and never their own speaker, so equal sizes and inclusion make
  // equality (this runs for every pair of beam states: no sorting or string keys).
  const inParty = (c: number): boolean => c === beforeSpeaker || before.includes(c);
  const speakerInParty = inParty(speaker);
  if (speakerInParty && now.length === before.length && now.every(inParty)) out.push(PARTY_KEPT);
  else if (
    now.length === before.length + (speakerInParty ? 0 : 1) &&
    now.every((c) => c !== speaker && inParty(c))
  )
    out.push(PARTY_CONTINUED);
  if (now.length >= 2 && before.length >= 2) out.push(GROUP_KEPT);
  if (now.length >= 2 && before.length < 2) out.push(GROUP_AFTER_SINGLE);
  if (now.length < 2 && before.length >= 2) out.push(SINGLE_AFTER_GROUP);
  return out;
}

/**
 * The sets worth scoring for turn i: the candidates scoring above zero, the best one, two and three,
 * the previous or next speaker alone, everyone who speaks within five turns or in the conversation,
 * and the previous turn's party carried on (plus `extra`, the gold set when training). Vocatives and
 * tag objects are added to each.
 */
function addresseeSets(
  cands: TurnCandidates,
  speakers: readonly number[],
  everyone: readonly number[],
  i: number,
  previous: readonly (readonly number[])[],
  extra?: readonly number[],
): number[][] {
  const speaker = speakers[i]!;
  const legal = new Set(cands.characters);
  const out = new Map<string, number[]>();
  const add = (members: readonly number[]): void => {
    const set = [...new Set([...members, ...cands.forced])].filter((c) => c !== speaker && legal.has(c));
    out.set(setKey(set), set);
  };
  const ranked = cands.characters
    .map((c, k) => ({ c, s: cands.scores[k]! }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.c);
  add(cands.characters.filter((_, k) => cands.scores[k]! > 0));
  for (let n = 1; n <= 3; n++) add(ranked.slice(0, n));
  if (i > 0) add([speakers[i - 1]!]);
  if (i + 1 < speakers.length) add([speakers[i + 1]!]);
  add(speakers.slice(Math.max(0, i - 5), i + 6));
  add(everyone);
  for (const set of previous) add([...set, speakers[i - 1]!]);
  if (extra) add(extra);
  return [...out.values()];
}

/**
 * Addressee sets for every turn: a beam search over the sets of addresseeSets, scored by the sum of
 * their members' scores plus the transition weights. `extra` (training only) adds a set per turn.
 */
export function decodeAddresseeSets(
  candidates: readonly TurnCandidates[],
  speakers: readonly number[],
  weights: Float64Array,
  extra?: readonly (readonly number[])[],
): number[][] {
  interface State {
    set: number[];
    score: number;
    back: number;
  }
  const layers: State[][] = [];
  let layer: State[] = [];
  // Everyone who speaks in the conversation, once (not the whole speaker list per turn).
  const everyone = [...new Set(speakers)];
  for (let i = 0; i < candidates.length; i++) {
    const cands = candidates[i]!;
    const scoreOf = new Map(cands.characters.map((c, k) => [c, cands.scores[k]!] as const));
    const next: State[] = [];
    for (const set of addresseeSets(
      cands,
      speakers,
      everyone,
      i,
      layer.map((s) => s.set),
      extra?.[i],
    )) {
      let emission = 0;
      for (const c of set) emission += scoreOf.get(c)!;
      let best = layer.length === 0 ? emission : Number.NEGATIVE_INFINITY;
      let back = -1;
      layer.forEach((prev, k) => {
        let v = prev.score + emission;
        for (const t of addresseeTransitions(prev.set, speakers[i - 1]!, set, speakers[i]!)) v += weights[t]!;
        if (v > best) {
          best = v;
          back = k;
        }
      });
      next.push({ set, score: best, back });
    }
    next.sort((a, b) => b.score - a.score);
    layer = next.slice(0, BEAM);
    layers.push(layer);
  }
  const out: number[][] = new Array(candidates.length);
  let k = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const state = layers[i]![k]!;
    out[i] = state.set;
    k = state.back;
  }
  return out;
}

/**
 * The addressees of every turn of a conversation: vocatives and tag objects first, then the rest
 * from the highest to the lowest score.
 */
export function decodeAddressees(
  conv: ConversationFeatures,
  speakers: readonly number[],
  narrator: number,
  mentionedInConversation: ReadonlySet<number>,
  spokeIn: ReadonlySet<number>,
  weights: Float64Array,
): number[][] {
  const candidates = conv.turns.map((_, i) =>
    turnCandidates(conv, speakers, i, narrator, mentionedInConversation, spokeIn, weights),
  );
  return decodeAddresseeSets(candidates, speakers, weights).map((set, i) => {
    const cands = candidates[i]!;
    const rank = (c: number): number =>
      (cands.forced.includes(c) ? 1e9 : 0) + cands.scores[cands.characters.indexOf(c)]!;
    return [...set].sort((a, b) => rank(b) - rank(a));
  });
}
