import type { ConversationFeatures } from './features.js';
import { namedWithin } from './scene.js';
import type { Turn } from './units.js';

/**
 * Addressees of the turns of a conversation, decoded jointly. Each character who might be listening
 * — the other speakers of the conversation, anyone named or addressed in it — has a score from the
 * features below; a turn's addressee set scores the sum over its members, and a set that keeps the
 * party (speaker plus addressees) of the previous turn scores a bonus. PDNC marks everyone present
 * as addressed in a group scene and the same pair in a dialogue, so the party rarely changes from
 * one turn to the next (9 turns in 10); deciding turn by turn flipped between "the previous speaker"
 * and "everyone" instead. The weights are learned with a structured perceptron on PDNC
 * (scripts/train-attribution.ts). Names said as vocatives ("Margaret, stay") and tag objects ("she
 * told him") always count. Who the narration names in the setting and between turns, who goes out,
 * and how many listeners join or leave the party are features too: PDNC counts the silent people
 * present as addressed, and the narration is what shows them there. A tag that gives the words to
 * one listener ("Ann said to Tom") marks the others about, on that turn and on the answer to it:
 * in PDNC a third speaker nearby is an addressee of such a turn about 1 time in 3, against 1 in 2.
 * The turns between two narrated comings or goings make a stretch: everyone who talks in it is
 * offered as a set, and a voice heard far off within it, or only across a movement, is a feature.
 */
export const ADDRESSEE_FEATURES = [
  'bias',
  'vocative',
  'vocative-of-silent',
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
  'turn-has-vocative-in-group',
  'spoke-before',
  'speaks-later-only',
  'named-before-speaking-later',
  'named-in-setting',
  'named-in-scene-before',
  'named-in-scene-before-in-group',
  'named-since-last-turn',
  'left-since-last-turn',
  'left-earlier',
  'arrived-since-last-turn',
  'lone-turn',
  'silent-named-in-setting',
  'silent-named-in-scene-before',
  'several-addressed',
  'several-addressed-near',
  'tag-object-other',
  'after-tag-object-other',
  'spoke-in-stretch-both-sides',
  'spoke-beyond-movement-only',
  'voice-when-none-near',
  'addressed-in-stretch',
] as const;

/** Features of a turn's addressee set given the previous turn's (party = speaker plus addressees). */
const PARTY_TRANSITIONS = [
  'party-kept',
  'party-continued',
  'group-kept',
  'group-after-single',
  'single-after-group',
  'dropped-near-speaker',
  'dropped-silent',
  'added-near-speaker',
  'added-silent',
  'party-swapped',
] as const;

/**
 * The transitions, then each again for a turn that narration separates from the one before: PDNC's
 * party changes at 4 turns in 100 from one paragraph to the next, but at 1 in 5 across narration
 * (people come in, go out, the talk moves to another room), and with one weight for both the
 * decoder changed parties too often in the thick of a dialogue and too rarely after narration.
 */
export const ADDRESSEE_TRANSITIONS = [
  ...PARTY_TRANSITIONS,
  ...PARTY_TRANSITIONS.map((t) => `${t}-after-narration` as const),
  ...PARTY_TRANSITIONS.map((t) => `${t}-after-movement` as const),
] as const;
const NT = PARTY_TRANSITIONS.length;

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
const DROPPED_NEAR = NA + 5;
const DROPPED_SILENT = NA + 6;
const ADDED_NEAR = NA + 7;
const ADDED_SILENT = NA + 8;
const PARTY_SWAPPED = NA + 9;

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
  const scan = startScan(conv, speakers, i, narrator, mentionedInConversation, spokeIn);
  const turn = scan.turn;
  for (const c of conv.candidates) if (consider(scan, c)) visit(c, scan.f);
  for (const c of turn.vocatives) if (consider(scan, c)) visit(c, scan.f);
  for (const c of turn.tagObjects) if (consider(scan, c)) visit(c, scan.f);
}

/**
 * What the features of turn i's candidate addressees depend on. (Module-level functions over this,
 * not closures made per turn: the engine recompiles such closures after each is collected.)
 */
interface CandidateScan {
  conv: ConversationFeatures;
  turn: Turn;
  prev: Turn | undefined;
  speakers: readonly number[];
  i: number;
  speaker: number;
  narrator: number;
  mentionedInConversation: ReadonlySet<number>;
  spokeIn: ReadonlySet<number>;
  /** The other speakers within five turns. */
  near: number[];
  spokeInGroup: boolean;
  /** Candidates visited so far. */
  seen: number[];
  /** The features of the candidate last considered. */
  f: Float32Array;
}

function startScan(
  conv: ConversationFeatures,
  speakers: readonly number[],
  i: number,
  narrator: number,
  mentionedInConversation: ReadonlySet<number>,
  spokeIn: ReadonlySet<number>,
): CandidateScan {
  const speaker = speakers[i]!;
  const lo = Math.max(0, i - 5);
  const hi = Math.min(speakers.length, i + 6);
  const near: number[] = [];
  for (let j = lo; j < hi; j++) {
    const s = speakers[j]!;
    if (s !== speaker && !near.includes(s)) near.push(s);
  }
  return {
    conv,
    turn: conv.turns[i]!,
    prev: conv.turns[i - 1],
    speakers,
    i,
    speaker,
    narrator,
    mentionedInConversation,
    spokeIn,
    near,
    spokeInGroup: spokeIn.size - (spokeIn.has(speaker) ? 1 : 0) >= 2,
    seen: [],
    f: new Float32Array(NA),
  };
}

/** Fills scan.f with the features of addressee c; false when c is no candidate (or already seen). */
function consider(scan: CandidateScan, c: number): boolean {
  const { turn, speakers, i, speaker, near, f, prev } = scan;
  if (c === speaker || scan.seen.includes(c)) return false;
  // Nobody is spoken to before they come in ("the door opened and Mrs. Hale came in").
  const arrival = scan.conv.arrivals?.get(c);
  if (arrival !== undefined && arrival > turn.paragraph) {
    if (!turn.vocatives.includes(c) && !turn.tagObjects.includes(c)) return false;
  }
  scan.seen.push(c);
  const group = near.length;
  f.fill(0);
  f[A.bias] = 1;
  if (turn.vocatives.includes(c)) {
    f[A.vocative] = 1;
    if (i > 0 && !scan.spokeIn.has(c)) f[A['vocative-of-silent']] = 1;
  }
  if (turn.tagObjects.includes(c)) f[A['tag-object']] = 1;
  if (speakers[i - 1] === c) f[A['spoke-1-back']] = 1;
  if (speakers[i + 1] === c) f[A['spoke-1-ahead']] = 1;
  if (speakers[i - 2] === c) f[A['spoke-2-back']] = 1;
  if (speakers[i + 2] === c) f[A['spoke-2-ahead']] = 1;
  const within5 = near.includes(c);
  if (within5) f[A['spoke-within-5']] = 1;
  const spoke = scan.spokeIn.has(c);
  if (spoke) f[A['spoke-in-conversation']] = 1;
  if (group === 2) f[A['group-of-3']] = 1;
  if (group >= 3) f[A['group-of-4-plus']] = 1;
  if (group >= 2 && within5) f[A['spoke-within-5-in-group']] = 1;
  if (spoke && scan.spokeInGroup) f[A['spoke-in-conversation-in-group']] = 1;
  if (turn.namedInQuote.includes(c)) f[A['named-in-quote']] = 1;
  if (turn.narrationMentions.includes(c)) f[A['mentioned-in-paragraph']] = 1;
  if (scan.mentionedInConversation.has(c)) f[A['mentioned-in-conversation']] = 1;
  if (prev && (prev.vocatives.includes(c) || prev.tagObjects.includes(c))) f[A['addressed-before']] = 1;
  if (c === scan.narrator) f[A.narrator] = 1;
  if (speakers[i - 1] === speaker) f[A['same-speaker-before']] = 1;
  if (turn.vocatives.length > 0) {
    f[A['turn-has-vocative']] = 1;
    if (group >= 2) f[A['turn-has-vocative-in-group']] = 1;
  }
  if (spoke) {
    const firstTurn = speakers.indexOf(c);
    if (firstTurn < i) f[A['spoke-before']] = 1;
    else if (firstTurn > i) {
      f[A['speaks-later-only']] = 1;
      // Named by the narration before they first speak ("Then Mary looked up"): perhaps not here yet.
      if (namedBetween(scan.conv.turns, c, i + 1, firstTurn)) f[A['named-before-speaking-later']] = 1;
    }
  }
  const scene = scan.conv.scene;
  if (scene) {
    const named = scene.named.get(c);
    const start = scan.conv.turns[0]!.paragraph;
    if (namedWithin(named, scene.from, start)) {
      f[A['named-in-setting']] = 1;
      if (!spoke) f[A['silent-named-in-setting']] = 1;
    }
    if (namedWithin(named, scene.from, turn.paragraph)) {
      f[A['named-in-scene-before']] = 1;
      if (!spoke) f[A['silent-named-in-scene-before']] = 1;
      if (group >= 2) f[A['named-in-scene-before-in-group']] = 1;
    }
    if (prev && namedWithin(named, prev.paragraph + 1, turn.paragraph)) f[A['named-since-last-turn']] = 1;
    // Gone out after the last turn ("and, as he spoke, he left the room"), or before it and silent since.
    const left = scene.departed.get(c);
    if (prev && namedWithin(left, prev.paragraph, turn.paragraph)) f[A['left-since-last-turn']] = 1;
    else if (prev && namedWithin(left, scene.from, prev.paragraph) && !spokeSince(scan, c, left!))
      f[A['left-earlier']] = 1;
  }
  // "Don't get up, either of you": everyone about is spoken to, those who talk nearby first of all.
  if (turn.addressesSeveral) {
    f[A['several-addressed']] = 1;
    if (within5) f[A['several-addressed-near']] = 1;
  }
  // "said Emma to Harriet": the tag names whom the words are for, and the others about listen less.
  if (turn.tagObjects.length > 0 && !turn.tagObjects.includes(c)) f[A['tag-object-other']] = 1;
  // The answer to "said Emma to Harriet" goes back to Emma, not to the others about.
  if (prev && prev.tagObjects.length > 0 && !prev.tagObjects.includes(c) && speakers[i - 1] !== c)
    f[A['after-tag-object-other']] = 1;
  if (speakers.length === 1) f[A['lone-turn']] = 1;
  if (arrival !== undefined && prev && arrival > prev.paragraph && arrival <= turn.paragraph)
    f[A['arrived-since-last-turn']] = 1;
  stretchFeatures(scan, c, spoke, within5);
  return true;
}

/**
 * Who belongs to the stretch of the conversation the turn is in: its turns between two narrated
 * comings or goings ("came in", "left the room"). PDNC names as addressees everyone present, and
 * the present are those who talk in the stretch, near the turn or not. In PDNC a voice of the
 * conversation heard only more than five turns off is an addressee about 2 times in 5 when no
 * movement is told between, against 1 in 10 across one; heard both before and after the turn
 * within its stretch, 3 times in 4; and a speaker with no other voice within five turns speaks to
 * the voices further off (99 in 100). Someone called by name or in a tag elsewhere in the stretch
 * who never speaks is there too, now and then (1 in 12).
 */
function stretchFeatures(scan: CandidateScan, c: number, spoke: boolean, within5: boolean): void {
  const { f, speakers, i } = scan;
  const here = stretchesOf(scan.conv)[i]!;
  if (spoke && !within5) {
    // (First and last turns per stretch and voice, not a walk over the conversation per candidate:
    // a conversation can run to thousands of turns.)
    const index = stretchIndexOf(scan.conv, speakers);
    const first = index.first[here]!.get(c);
    const before = first !== undefined && first < i;
    const after = first !== undefined && index.last[here]!.get(c)! > i;
    if (before && after) f[A['spoke-in-stretch-both-sides']] = 1;
    if (!before && !after) f[A['spoke-beyond-movement-only']] = 1;
    if (scan.near.length === 0) f[A['voice-when-none-near']] = 1;
  }
  const turn = scan.turn;
  if (!spoke && !turn.vocatives.includes(c) && !turn.tagObjects.includes(c)) {
    // Called in another turn of the stretch (not this one: it calls no c).
    if (addressedInStretchesOf(scan.conv)[here]!.has(c)) f[A['addressed-in-stretch']] = 1;
  }
}

/** Per conversation: each turn's stretch, counted up at each turn after narration of movement. */
const STRETCHES = new WeakMap<ConversationFeatures, Int32Array>();

function stretchesOf(conv: ConversationFeatures): Int32Array {
  let out = STRETCHES.get(conv);
  if (out) return out;
  out = new Int32Array(conv.turns.length);
  for (let j = 1; j < conv.turns.length; j++) {
    out[j] = out[j - 1]! + (movedBefore(conv, j) ? 1 : 0);
  }
  STRETCHES.set(conv, out);
  return out;
}

/** Per stretch of a conversation: everyone called by name or in a tag in one of its turns. */
const ADDRESSED_IN_STRETCHES = new WeakMap<ConversationFeatures, Set<number>[]>();

function addressedInStretchesOf(conv: ConversationFeatures): Set<number>[] {
  let out = ADDRESSED_IN_STRETCHES.get(conv);
  if (out) return out;
  const stretch = stretchesOf(conv);
  out = [];
  for (let j = 0; j < conv.turns.length; j++) {
    const set = out[stretch[j]!] ?? (out[stretch[j]!] = new Set());
    for (const c of conv.turns[j]!.vocatives) set.add(c);
    for (const c of conv.turns[j]!.tagObjects) set.add(c);
  }
  ADDRESSED_IN_STRETCHES.set(conv, out);
  return out;
}

/** Per stretch, given the speakers of every turn: each voice's first and last turn, and the voices. */
interface StretchIndex {
  conv: ConversationFeatures;
  first: Map<number, number>[];
  last: Map<number, number>[];
  /** Everyone who speaks in the stretch, in order of first turn. */
  voices: number[][];
}

/** Keyed by the speakers array (one per conversation and decoding, not changed once scanned). */
const STRETCH_INDEX = new WeakMap<readonly number[], StretchIndex>();

function stretchIndexOf(conv: ConversationFeatures, speakers: readonly number[]): StretchIndex {
  const known = STRETCH_INDEX.get(speakers);
  if (known && known.conv === conv) return known;
  const stretch = stretchesOf(conv);
  const index: StretchIndex = { conv, first: [], last: [], voices: [] };
  for (let j = 0; j < speakers.length; j++) {
    const k = stretch[j]!;
    const s = speakers[j]!;
    const first = index.first[k] ?? (index.first[k] = new Map());
    const last = index.last[k] ?? (index.last[k] = new Map());
    const voices = index.voices[k] ?? (index.voices[k] = []);
    if (!first.has(s)) {
      first.set(s, j);
      voices.push(s);
    }
    last.set(s, j);
  }
  STRETCH_INDEX.set(speakers, index);
  return index;
}

/** Everyone who speaks in turn i's stretch (its speaker too), in order of first turn. */
function stretchVoices(conv: ConversationFeatures, speakers: readonly number[], i: number): number[] {
  return stretchIndexOf(conv, speakers).voices[stretchesOf(conv)[i]!]!.slice();
}

/** Whether the narration of turns from..to (inclusive) names c. */
function namedBetween(turns: readonly Turn[], c: number, from: number, to: number): boolean {
  for (let j = from; j <= to; j++) if (turns[j]!.narrationMentions.includes(c)) return true;
  return false;
}

/** Whether c speaks a turn after the first of its departures (`left`) and before turn scan.i. */
function spokeSince(scan: CandidateScan, c: number, left: readonly number[]): boolean {
  const turns = scan.conv.turns;
  for (let j = scan.i - 1; j >= 0 && turns[j]!.paragraph > left[0]!; j--)
    if (scan.speakers[j] === c) return true;
  return false;
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
  /** Each candidate's features (empty when made for decoding only: see turnCandidates). */
  features: Float32Array[];
  scores: number[];
  /** Named as vocative or tag object: always in the set (but see `optional`). */
  forced: number[];
  /**
   * Named as vocative after the first turn by someone the conversation never hears from: sets with
   * and without them are scored. In PDNC such a name is an addressee about 1 time in 16 when it
   * would join the party (a name misread as address, the wrong bearer of a name, someone absent).
   */
  optional?: number[];
  /** The other speakers within five turns (none given: everyone counts as silent). */
  near?: number[];
  /**
   * Everyone who speaks in the turn's stretch, the turns between narrated comings and goings: the
   * party present, offered as a set of its own (none given: not offered).
   */
  stretch?: number[];
  /** Narration stands between this turn and the previous one (a paragraph or more). */
  afterNarration?: boolean;
  /**
   * The narration from the previous turn's paragraph to this one's tells of someone coming or going
   * ("came in", "left the room"): PDNC's party changes at 1 turn in 4 after such narration between
   * adjacent paragraphs and at 1 in 2 across narration, against 1 in 25 and 1 in 5 without.
   */
  moved?: boolean;
  /**
   * The quotation calls several out at once ("Don't get up, either of you."): a set of one is no
   * answer when a larger one is on offer.
   */
  several?: boolean;
}

export function turnCandidates(
  conv: ConversationFeatures,
  speakers: readonly number[],
  i: number,
  narrator: number,
  mentionedInConversation: ReadonlySet<number>,
  spokeIn: ReadonlySet<number>,
  weights: Float64Array,
  keepFeatures = true,
): TurnCandidates {
  const scan = startScan(conv, speakers, i, narrator, mentionedInConversation, spokeIn);
  const out: TurnCandidates = {
    characters: [],
    features: [],
    scores: [],
    forced: [],
    optional: [],
    near: scan.near,
    stretch: stretchVoices(conv, speakers, i),
    afterNarration: scan.prev !== undefined && scan.turn.paragraph > scan.prev.paragraph + 1,
    moved: scan.prev !== undefined && movedBefore(conv, i),
    several: scan.turn.callsSeveral,
  };
  const turn = scan.turn;
  // (One call site for the three lists: a site reached only by rare tag objects would lack feedback.)
  keepAll(out, scan, conv.candidates, weights, keepFeatures);
  keepAll(out, scan, turn.vocatives, weights, keepFeatures);
  keepAll(out, scan, turn.tagObjects, weights, keepFeatures);
  return out;
}

/** Narration between turn i - 1 and turn i tells of someone coming or going (scene.ts). */
function movedBefore(conv: ConversationFeatures, i: number): boolean {
  return conv.scene?.movedBefore[i] === 1;
}

function keepAll(
  out: TurnCandidates,
  scan: CandidateScan,
  list: readonly number[],
  weights: Float64Array,
  keepFeatures: boolean,
): void {
  for (const c of list) {
    if (!consider(scan, c)) continue;
    const f = scan.f;
    out.characters.push(c);
    if (keepFeatures) out.features.push(f.slice());
    out.scores.push(addresseeScore(f, weights));
    if (f[A['vocative-of-silent']] === 1 && f[A['tag-object']] === 0) out.optional!.push(c);
    else if (f[A.vocative] === 1 || f[A['tag-object']] === 1) out.forced.push(c);
  }
}

/** Transition features (indices into the dense weights) of set `now` after set `before`. */
export function addresseeTransitions(
  before: readonly number[],
  beforeSpeaker: number,
  now: readonly number[],
  speaker: number,
  near: readonly number[] = [],
  afterNarration = false,
  moved = false,
): number[] {
  const out: number[] = [];
  transitions(before, beforeSpeaker, now, speaker, near, afterNarration, moved, undefined, out);
  return out;
}

/**
 * The summed weights of the transition features of set `now` after set `before`: what
 * `addresseeTransitions` lists, without an array per pair of beam states.
 */
export function transitionScore(
  before: readonly number[],
  beforeSpeaker: number,
  now: readonly number[],
  speaker: number,
  near: readonly number[],
  afterNarration: boolean,
  moved: boolean,
  weights: Float64Array,
): number {
  transitions(before, beforeSpeaker, now, speaker, near, afterNarration, moved, weights, undefined);
  return TRANSITION_SUM[0]!;
}

/**
 * Each transition feature's weight summed (with `weights`, into TRANSITION_SUM[0]) and its index
 * pushed (with `out`). The sum goes through a typed array, not returned: this runs for every pair
 * of beam states, and a number returned from a call that is not inlined is boxed on the heap.
 */
function transitions(
  before: readonly number[],
  beforeSpeaker: number,
  now: readonly number[],
  speaker: number,
  near: readonly number[],
  afterNarration: boolean,
  moved: boolean,
  weights: Float64Array | undefined,
  out: number[] | undefined,
): void {
  // Which twins of each feature also fire: 1 after narration, 2 after narration of movement.
  const mode = (afterNarration ? 1 : 0) + (moved ? 2 : 0);
  TRANSITION_SUM[0] = 0;
  // Sets hold distinct characters and never their own speaker, so equal sizes and inclusion make
  // equality (this runs for every pair of beam states: no sorting or string keys).
  const speakerInParty = inParty(speaker, beforeSpeaker, before);
  if (
    speakerInParty &&
    now.length === before.length &&
    allInParty(now, beforeSpeaker, before, speaker, false)
  )
    hit(PARTY_KEPT, mode, weights, out);
  else if (
    now.length === before.length + (speakerInParty ? 0 : 1) &&
    allInParty(now, beforeSpeaker, before, speaker, true)
  )
    hit(PARTY_CONTINUED, mode, weights, out);
  if (now.length >= 2 && before.length >= 2) hit(GROUP_KEPT, mode, weights, out);
  if (now.length >= 2 && before.length < 2) hit(GROUP_AFTER_SINGLE, mode, weights, out);
  if (now.length < 2 && before.length >= 2) hit(SINGLE_AFTER_GROUP, mode, weights, out);
  // One count per listener who leaves or joins the party (a partial change costs less than a new
  // party), by whether they speak within five turns: a silent listener comes and goes unremarked.
  let dropped = false;
  let added = false;
  if (!inParty(beforeSpeaker, speaker, now)) {
    hit(DROPPED_NEAR, mode, weights, out);
    dropped = true;
  }
  for (const c of before)
    if (!inParty(c, speaker, now)) {
      hit(near.includes(c) ? DROPPED_NEAR : DROPPED_SILENT, mode, weights, out);
      dropped = true;
    }
  for (const c of now)
    if (!inParty(c, beforeSpeaker, before)) {
      hit(near.includes(c) ? ADDED_NEAR : ADDED_SILENT, mode, weights, out);
      added = true;
    }
  if (!inParty(speaker, beforeSpeaker, before)) added = true;
  // One listener traded for another (PDNC's parties grow or shrink, and rarely do both at once).
  if (dropped && added) hit(PARTY_SWAPPED, mode, weights, out);
}

/**
 * Transition feature t's weight added (with `weights`) and its index pushed (with `out`), with its twin
 * for turns after narration (mode 1), its movement twin (mode 2) or both (mode 3), in that order.
 * (One function, not one per mode picked per call: a call through a variable returns its number
 * boxed on the heap, once per pair of beam states.)
 */
function hit(t: number, mode: number, weights: Float64Array | undefined, out: number[] | undefined): void {
  if (out) {
    out.push(t);
    if (mode & 1) out.push(t + NT);
    if (mode & 2) out.push(t + 2 * NT);
  }
  if (!weights) return;
  let h: number;
  if (mode === 0) h = weights[t]!;
  else if (mode === 1) h = weights[t]! + weights[t + NT]!;
  else if (mode === 2) h = weights[t]! + weights[t + 2 * NT]!;
  else h = weights[t]! + weights[t + NT]! + weights[t + 2 * NT]!;
  TRANSITION_SUM[0]! += h;
}

/** The sum `transitions` adds its weights to. */
const TRANSITION_SUM = new Float64Array(1);

function inParty(c: number, speaker: number, addressees: readonly number[]): boolean {
  return c === speaker || addressees.includes(c);
}

/** Whether every member of `set` is in the party (and, with `notNow`, none is the new speaker `now`). */
function allInParty(
  set: readonly number[],
  speaker: number,
  addressees: readonly number[],
  now: number,
  notNow: boolean,
): boolean {
  for (const c of set) if ((notNow && c === now) || !inParty(c, speaker, addressees)) return false;
  return true;
}

/**
 * The sets worth scoring for turn i: the candidates scoring above zero, the best one, two and three,
 * the previous or next speaker alone, everyone who speaks within five turns, in the turn's stretch
 * (between narrated comings and goings) or in the conversation, and the previous turn's party carried on (plus `extra`, the gold set when training). Vocatives and
 * tag objects are added to each. Each distinct set once, where it first came, in the order of its
 * members when it last came.
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
  const out: number[][] = [];
  const characters = cands.characters;
  const scores = cands.scores;
  const positive = POSITIVE;
  positive.length = 0;
  for (let k = 0; k < characters.length; k++) if (scores[k]! > 0) positive.push(characters[k]!);
  addBoth(out, positive, 0, positive.length, NONE, cands, speaker);
  // The best one, two and three (a stable sort by descending score: ties keep the candidates' order).
  const top = TOP;
  top.length = 0;
  for (let n = 1; n <= 3 && n <= characters.length; n++) {
    let best = -1;
    for (let k = 0; k < characters.length; k++) {
      if (top.includes(k)) continue;
      if (best < 0 || scores[k]! > scores[best]!) best = k;
    }
    top.push(best);
    const members = TOP_MEMBERS;
    members.length = 0;
    for (const k of top) members.push(characters[k]!);
    addBoth(out, members, 0, members.length, NONE, cands, speaker);
  }
  if (i > 0) addBoth(out, speakers, i - 1, i, NONE, cands, speaker);
  if (i + 1 < speakers.length) addBoth(out, speakers, i + 1, i + 2, NONE, cands, speaker);
  addBoth(out, speakers, Math.max(0, i - 5), Math.min(speakers.length, i + 6), NONE, cands, speaker);
  addBoth(out, everyone, 0, everyone.length, NONE, cands, speaker);
  if (cands.stretch) addBoth(out, cands.stretch, 0, cands.stretch.length, NONE, cands, speaker);
  for (const set of previous) addBoth(out, set, 0, set.length, speakers[i - 1]!, cands, speaker);
  if (extra) addBoth(out, extra, 0, extra.length, NONE, cands, speaker);
  return out;
}

/** No member to append (addSet's `also`): character ids are never NaN. */
const NONE = Number.NaN;
/** Scratch lists of addresseeSets (a set is copied before it is kept). */
const POSITIVE: number[] = [];
const TOP: number[] = [];
const TOP_MEMBERS: number[] = [];
const SCRATCH: number[] = [];
const EMPTY: readonly number[] = [];
/** decodeAddressees' scratch sort keys. */
const KEYS: number[] = [];

/** Adds the set of `members` with the forced candidates, and again with the optional ones too. */
function addBoth(
  out: number[][],
  members: readonly number[],
  from: number,
  to: number,
  also: number,
  cands: TurnCandidates,
  speaker: number,
): void {
  addSet(out, members, from, to, also, cands.forced, EMPTY, speaker, cands.characters);
  if (cands.optional && cands.optional.length > 0)
    addSet(out, members, from, to, also, cands.forced, cands.optional, speaker, cands.characters);
}

/**
 * Adds the set of members[from, to), `also` (unless NaN), `forced` and `optional` (each once, in
 * order of first appearance), less the speaker and anyone not a candidate (not in `legal`). A set
 * with the same members as one in `out` takes its place there. (A module-level function, not a
 * closure made per call: the engine recompiles such closures after each is collected.)
 */
function addSet(
  out: number[][],
  members: readonly number[],
  from: number,
  to: number,
  also: number,
  forced: readonly number[],
  optional: readonly number[],
  speaker: number,
  legal: readonly number[],
): void {
  const set = SCRATCH;
  set.length = 0;
  for (let k = from; k < to; k++) keep(set, members[k]!, speaker, legal);
  if (!Number.isNaN(also)) keep(set, also, speaker, legal);
  for (const c of forced) keep(set, c, speaker, legal);
  for (const c of optional) keep(set, c, speaker, legal);
  for (let k = 0; k < out.length; k++) {
    const other = out[k]!;
    if (!sameMembers(other, set)) continue;
    if (!sameOrder(other, set)) out[k] = set.slice();
    return;
  }
  out.push(set.slice());
}

function keep(set: number[], c: number, speaker: number, legal: readonly number[]): void {
  if (c !== speaker && legal.includes(c) && !set.includes(c)) set.push(c);
}

/** Whether two sets of distinct members hold the same ones. */
function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (const c of b) if (!a.includes(c)) return false;
  return true;
}

function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
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
  const layers: BeamState[][] = [];
  let layer: BeamState[] = [];
  // Everyone who speaks in the conversation, once (not the whole speaker list per turn).
  const everyone: number[] = [];
  for (const c of new Set(speakers)) everyone.push(c);
  for (let i = 0; i < candidates.length; i++) {
    const cands = candidates[i]!;
    const previous: number[][] = [];
    for (const s of layer) previous.push(s.set);
    const next: BeamState[] = [];
    const sets = addresseeSets(cands, speakers, everyone, i, previous, extra?.[i]);
    const fewest = cands.several === true && sets.some((set) => set.length >= 2) ? 2 : 0;
    const gold = extra?.[i];
    for (const set of sets) {
      if (set.length < fewest && !(gold && sameMembers(set, gold))) continue;
      let emission = 0;
      // (Candidates are distinct: the first with c is the only one.)
      for (const c of set) emission += cands.scores[cands.characters.indexOf(c)]!;
      let best = layer.length === 0 ? emission : Number.NEGATIVE_INFINITY;
      let back = -1;
      for (let k = 0; k < layer.length; k++) {
        const prev = layer[k]!;
        const v =
          prev.score +
          emission +
          transitionScore(
            prev.set,
            speakers[i - 1]!,
            set,
            speakers[i]!,
            cands.near ?? EMPTY,
            cands.afterNarration ?? false,
            cands.moved ?? false,
            weights,
          );
        if (v > best) {
          best = v;
          back = k;
        }
      }
      next.push({ set, score: best, back });
    }
    sortBeam(next);
    if (next.length > BEAM) next.length = BEAM;
    layer = next;
    layers.push(layer);
  }
  // Walked back from the last turn, then put in turn order (pushed, so the array is packed).
  const reversed: number[][] = [];
  let k = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const state = layers[i]![k]!;
    reversed.push(state.set);
    k = state.back;
  }
  const out: number[][] = [];
  for (let i = reversed.length - 1; i >= 0; i--) out.push(reversed[i]!);
  return out;
}

interface BeamState {
  set: number[];
  score: number;
  back: number;
}

/**
 * Sorts beam states by descending score, ties in their order (what a stable `sort` does, without
 * its working copy: a layer holds a few dozen states).
 */
function sortBeam(states: BeamState[]): void {
  for (let i = 1; i < states.length; i++) {
    const x = states[i]!;
    let j = i;
    while (j > 0 && x.score - states[j - 1]!.score > 0) {
      states[j] = states[j - 1]!;
      j--;
    }
    states[j] = x;
  }
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
  const candidates: TurnCandidates[] = [];
  for (let i = 0; i < conv.turns.length; i++)
    candidates.push(
      // (The features themselves are for training: decoding needs the scores only.)
      turnCandidates(conv, speakers, i, narrator, mentionedInConversation, spokeIn, weights, false),
    );
  const sets = decodeAddresseeSets(candidates, speakers, weights);
  const out: number[][] = [];
  for (let i = 0; i < sets.length; i++) {
    const cands = candidates[i]!;
    // By descending key, ties in set order (an insertion sort of the members and their keys in
    // step: a set has a few members, and a stable sort of objects made per member did the same).
    const set: number[] = [];
    const keys = KEYS;
    keys.length = 0;
    for (const c of sets[i]!) {
      const key =
        (cands.forced.includes(c) || cands.optional?.includes(c) ? 1e9 : 0) +
        cands.scores[cands.characters.indexOf(c)]!;
      let j = set.length;
      set.push(c);
      keys.push(key);
      while (j > 0 && key - keys[j - 1]! > 0) {
        set[j] = set[j - 1]!;
        keys[j] = keys[j - 1]!;
        j--;
      }
      set[j] = c;
      keys[j] = key;
    }
    out.push(set);
  }
  return out;
}
