import { createRequire } from 'node:module';
import type { ChainModel } from './decode.js';
import { type ConversationFeatures, EMISSION_FEATURES, NE, TRANSITION_FEATURES } from './features.js';

/** Weights by feature name; a feature missing from the file weighs 0. */
export interface AttributionWeights {
  emission: Record<string, number>;
  transition: Record<string, number>;
  /** Perceptron weights of the addressee decoder (addressees.ts); absent → the simple rule. */
  addressee?: Record<string, number>;
}

/** The shipped model file (model.json), written by scripts/train-attribution.ts. */
export interface AttributionModelFile {
  version: 1;
  /** Novels the shipped weights were trained on. */
  trainedOn: string[];
  weights: AttributionWeights;
  /**
   * Cross-validation folds: weights trained without `heldOut`, used by the evaluation so that no
   * figure is reported on a novel the model has seen.
   */
  folds: { heldOut: string[]; weights: AttributionWeights }[];
  /** Isotonic calibration: raw posterior thresholds and the accuracy observed above each. */
  calibration: { at: number[]; accuracy: number[] };
}

const require = createRequire(import.meta.url);
let shipped: AttributionModelFile | undefined;

export function shippedModel(): AttributionModelFile {
  shipped ??= require('./model.json') as AttributionModelFile;
  return shipped;
}

/** Dense weight vectors in feature order. */
export interface DenseWeights {
  emission: Float64Array;
  transition: Float64Array;
}

export function densify(w: AttributionWeights): DenseWeights {
  return {
    emission: Float64Array.from(EMISSION_FEATURES, (f) => w.emission[f] ?? 0),
    transition: Float64Array.from(TRANSITION_FEATURES, (f) => w.transition[f] ?? 0),
  };
}

export function sparsify(emission: Float64Array, transition: Float64Array): AttributionWeights {
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    emission: Object.fromEntries(EMISSION_FEATURES.map((f, i) => [f, round(emission[i]!)])),
    transition: Object.fromEntries(TRANSITION_FEATURES.map((f, i) => [f, round(transition[i]!)])),
  };
}

const TI = Object.fromEntries(TRANSITION_FEATURES.map((f, i) => [f, i])) as Record<
  (typeof TRANSITION_FEATURES)[number],
  number
>;

/**
 * Turns whose speaker a tag settles: the candidate index to hold such a turn to, or -1. A tag with
 * a name (`"…," said Emma`) is right far more often than the turn-taking that would overrule it,
 * and so is a pronoun tag (`she said`) when only one candidate is of that sex and none of unknown
 * sex; a description ("the girl") is not, and a turn whose tags name two people (two quotations
 * of a paragraph) is left free.
 */
export function heldTurns(conv: ConversationFeatures): Int32Array {
  const fixed = new Int32Array(conv.turns.length).fill(-1);
  for (let i = 0; i < conv.turns.length; i++) {
    const cues = conv.turns[i]!.cues;
    const c = cues[0];
    // "Hi. I'm Rosalind.": someone introducing themself, unless a tag says otherwise.
    const self = selfIntroduced(conv, i);
    if (self >= 0) {
      fixed[i] = self;
      continue;
    }
    // "she said" where she can only be one of the candidates: no other woman, nobody of unknown sex.
    if (c?.kind === 'tag' && c.referent.via === 'pronoun' && c.referent.gender !== 'unknown') {
      if (cues.some((d) => d !== c && d.kind === 'tag')) continue;
      let only = -1;
      let n = 0;
      for (let k = 0; k < conv.genders.length; k++) {
        const g = conv.genders[k];
        if (g === c.referent.gender || g === 'unknown') {
          n++;
          only = k;
        }
      }
      if (n === 1) fixed[i] = only;
      continue;
    }
    if (c?.kind !== 'tag' || c.referent.via !== 'name' || c.referent.descriptive) continue;
    let agreed = true;
    // A lead-in before the turn does not overrule its tags between and after the quotations.
    for (const d of cues)
      if (
        d.kind === 'tag' &&
        d.referent.via === 'name' &&
        d.referent.character !== c.referent.character &&
        (c.where === 'pre' || d.where !== 'pre')
      )
        agreed = false;
    if (agreed) fixed[i] = conv.candidates.indexOf(c.referent.character);
  }
  return fixed;
}

/**
 * The candidate a turn's quotations name as their own speaker ("I'm Rosalind.", "My name is
 * Charles."), or -1: the first such name, a candidate, and no tag naming someone else or a pronoun of the
 * other sex.
 */
function selfIntroduced(conv: ConversationFeatures, i: number): number {
  const turn = conv.turns[i]!;
  // The first such name: "Everyone calls me Teddy, and he calls me Gran."
  const who = turn.selfNamed[0];
  if (who === undefined) return -1;
  const k = conv.candidates.indexOf(who);
  if (k < 0) return -1;
  for (const d of turn.cues) {
    if (d.kind !== 'tag') continue;
    if (d.referent.via === 'name' && d.referent.character !== who) return -1;
    const g = conv.genders[k];
    if (
      d.referent.via === 'pronoun' &&
      d.referent.gender !== 'unknown' &&
      g !== 'unknown' &&
      g !== d.referent.gender
    )
      return -1;
  }
  return k;
}

/**
 * The chain model of one conversation under the given weights; `held` holds turns to one candidate
 * each (-1 = free): to a named tag when decoding, to the labels when training; `barred` rules
 * candidates out of turns (decoding: the one a tag speaks to). (A class, not an
 * object of closures made per conversation: the engine recompiles such closures after each is
 * collected.)
 */
export function chainOf(
  conv: ConversationFeatures,
  w: DenseWeights,
  held?: Int32Array,
  barred?: Uint8Array,
): ChainModel {
  return new ConversationChain(conv, w, held, barred);
}

/** `"…," said he to Temple`: whom a turn's tag speaks to does not speak it. */
export function barredSpeakers(conv: ConversationFeatures): Uint8Array {
  const C = conv.candidates.length;
  const out = new Uint8Array(conv.turns.length * C);
  for (let i = 0; i < conv.turns.length; i++) {
    const cue = conv.turns[i]!.cues[0];
    if (cue?.kind !== 'tag') continue;
    for (const object of [cue.object?.character ?? -1, cue.actedOn]) {
      if (object < 0 || object === cue.referent.character) continue;
      const k = conv.candidates.indexOf(object);
      if (k >= 0) out[i * C + k] = 1;
    }
  }
  return out;
}

class ConversationChain implements ChainModel {
  readonly candidates: number;
  readonly turns: number;
  readonly held: Int32Array | undefined;
  readonly barred: Uint8Array | undefined;
  private readonly conv: ConversationFeatures;
  private readonly w: DenseWeights;
  /** Per turn: the candidate the narration before it makes its subject (narrationSubject), or -1. */
  private readonly subject: Int32Array;

  constructor(
    conv: ConversationFeatures,
    w: DenseWeights,
    held: Int32Array | undefined,
    barred: Uint8Array | undefined,
  ) {
    this.candidates = conv.candidates.length;
    this.turns = conv.turns.length;
    this.held = held;
    this.barred = barred;
    this.conv = conv;
    this.w = w;
    this.subject = subjectCandidates(conv);
  }

  emit(i: number, c: number): number {
    const emission = this.conv.emission;
    const weights = this.w.emission;
    const base = (i * this.candidates + c) * NE;
    let s = 0;
    for (let f = 0; f < NE; f++) {
      const x = emission[base + f]!;
      if (x !== 0) s += x * weights[f]!;
    }
    return s;
  }

  same(i: number): number {
    const conv = this.conv;
    const t = this.w.transition;
    return (
      t[TI.same]! +
      (conv.separated[i] === 1 ? t[TI['same-after-narration']]! : 0) +
      (conv.question[i - 1] === 1 ? t[TI['same-after-question']]! : 0) +
      (conv.cued[i] === 1 ? t[TI['same-when-cued']]! : 0) +
      (conv.verbTurn[i] === 1 ? t[TI['same-when-continuing']]! : 0) +
      (conv.verbTurn[i] === 2 ? t[TI['same-when-responding']]! : 0) +
      (conv.pronounCued[i] === 1 ? t[TI['same-when-pronoun-cued']]! : 0) +
      (conv.continued[i] === 1 ? t[TI['same-after-open-quote']]! : 0) +
      (conv.silentReply[i] === 1 ? t[TI['same-after-silent-reply']]! : 0) +
      (conv.reportedReply[i] === 1 ? t[TI['same-after-reported-speech']]! : 0) +
      (conv.opener[i] === 1 ? t[TI['same-when-reply-opener']]! : 0) +
      (conv.opener[i] === 2 ? t[TI['same-when-going-on-opener']]! : 0) +
      (conv.echo[i] === 1 ? t[TI['same-when-echo']]! : 0) +
      (conv.narrationSubject[i]! >= 0 ? this.subjectOther(i) : 0)
    );
  }

  /** The weight of another's subject before turn i (an untagged turn has its own part). */
  private subjectOther(i: number): number {
    const t = this.w.transition;
    return (
      t[TI['same-when-subject-other']]! +
      (this.conv.cued[i] === 0 ? t[TI['same-when-subject-other-uncued']]! : 0) +
      (this.conv.cued[i] === 0 && this.conv.subjectVerb[i] === 1
        ? t[TI['same-when-subject-other-acting-uncued']]!
        : 0) +
      (this.conv.cued[i] === 0 && this.conv.subjectVerb[i] === 2
        ? t[TI['same-when-subject-other-watching-uncued']]!
        : 0)
    );
  }

  stay(i: number, a: number): number {
    if (this.subject[i] !== a) return 0;
    const t = this.w.transition;
    const previous =
      t[TI['same-when-subject-previous']]! +
      (this.conv.cued[i] === 0 ? t[TI['same-when-subject-previous-uncued']]! : 0) +
      (this.conv.preBeat[i] === 1 ? t[TI['same-when-subject-previous-pre-beat']]! : 0);
    return previous - this.subjectOther(i);
  }

  stayApplies(i: number, a: number): boolean {
    return this.subject[i] === a;
  }

  alternate(i: number): number {
    const conv = this.conv;
    const t = this.w.transition;
    return (
      t[TI.alternate]! +
      (conv.separated[i] === 1 ? t[TI['alternate-after-narration']]! : 0) +
      (conv.addressed[i - 1] !== 0 ? t[TI['alternate-after-address']]! : 0) +
      (conv.question[i - 1] === 1 ? t[TI['answers-question']]! : 0)
    );
  }

  fresh(i: number): number {
    const conv = this.conv;
    const t = this.w.transition;
    return (
      t[TI['new-voice']]! +
      (conv.question[i - 1] === 1 ? t[TI['answers-question']]! : 0) +
      (conv.addressed[i - 1] !== 0 ? t[TI['new-voice-after-address']]! : 0) +
      (conv.cued[i] === 1 ? t[TI['new-voice-when-cued']]! : 0) +
      (conv.pronounCued[i] === 1 ? t[TI['new-voice-when-pronoun-cued']]! : 0) +
      (conv.pronounUnintroduced[i] === 1 ? t[TI['new-voice-when-pronoun-unintroduced']]! : 0)
    );
  }

  bonus(i: number, c: number): number {
    return this.bonusApplies(i, c) ? this.w.transition[TI['replies-to-addressed']]! : 0;
  }

  bonusApplies(i: number, c: number): boolean {
    return c < 32 && ((this.conv.addressed[i - 1]! >>> c) & 1) === 1;
  }

  freshBonus(i: number, c: number): number {
    if (c >= 32) return 0;
    const t = this.w.transition;
    return (
      (((this.conv.introduced[i]! >>> c) & 1) === 1 ? t[TI['new-voice-when-mentioned']]! : 0) +
      (this.subject[i] === c ? t[TI['new-voice-when-subject']]! : 0)
    );
  }
}

/** Per turn: the candidate index of the narration's subject before it (narrationSubject), or -1. */
function subjectCandidates(conv: ConversationFeatures): Int32Array {
  const out = new Int32Array(conv.turns.length).fill(-1);
  for (let i = 0; i < out.length; i++) {
    const c = conv.narrationSubject[i]!;
    if (c >= 0) out[i] = conv.candidates.indexOf(c);
  }
  return out;
}

/**
 * Expected transition feature counts of turn i from the posterior probabilities of its
 * transition kinds (decode.ts `transitions`, `stays`), added into `into` with the given sign.
 */
export function addTransitionExpectations(
  conv: ConversationFeatures,
  i: number,
  kinds: Float64Array,
  stays: Float64Array,
  sign: number,
  into: Float64Array,
  freshTo?: Float64Array,
): void {
  const same = kinds[i * 4]!;
  const alt = kinds[i * 4 + 1]!;
  const fresh = kinds[i * 4 + 2]!;
  const bonus = kinds[i * 4 + 3]!;
  const sep = conv.separated[i] === 1 ? 1 : 0;
  const q = conv.question[i - 1] === 1 ? 1 : 0;
  into[TI.same]! += sign * same;
  into[TI['same-after-narration']]! += sign * same * sep;
  into[TI['same-after-question']]! += sign * same * q;
  into[TI.alternate]! += sign * alt;
  into[TI['alternate-after-narration']]! += sign * alt * sep;
  into[TI['new-voice']]! += sign * fresh;
  into[TI['answers-question']]! += sign * (alt + fresh) * q;
  into[TI['replies-to-addressed']]! += sign * bonus;
  // After a turn that names whom it speaks to, the generic pull of alternation and of a new voice
  // (the one addressed answers, whoever spoke before).
  const addressing = conv.addressed[i - 1] !== 0 ? 1 : 0;
  into[TI['alternate-after-address']]! += sign * alt * addressing;
  into[TI['new-voice-after-address']]! += sign * fresh * addressing;
  const cued = conv.cued[i] === 1 ? 1 : 0;
  into[TI['same-when-cued']]! += sign * same * cued;
  into[TI['new-voice-when-cued']]! += sign * fresh * cued;
  into[TI['same-when-continuing']]! += sign * same * (conv.verbTurn[i] === 1 ? 1 : 0);
  into[TI['same-when-responding']]! += sign * same * (conv.verbTurn[i] === 2 ? 1 : 0);
  const pronoun = conv.pronounCued[i] === 1 ? 1 : 0;
  into[TI['same-when-pronoun-cued']]! += sign * same * pronoun;
  into[TI['new-voice-when-pronoun-cued']]! += sign * fresh * pronoun;
  into[TI['new-voice-when-pronoun-unintroduced']]! +=
    sign * fresh * (conv.pronounUnintroduced[i] === 1 ? 1 : 0);
  into[TI['same-after-open-quote']]! += sign * same * (conv.continued[i] === 1 ? 1 : 0);
  into[TI['same-after-silent-reply']]! += sign * same * (conv.silentReply[i] === 1 ? 1 : 0);
  into[TI['same-after-reported-speech']]! += sign * same * (conv.reportedReply[i] === 1 ? 1 : 0);
  into[TI['same-when-reply-opener']]! += sign * same * (conv.opener[i] === 1 ? 1 : 0);
  into[TI['same-when-going-on-opener']]! += sign * same * (conv.opener[i] === 2 ? 1 : 0);
  into[TI['same-when-echo']]! += sign * same * (conv.echo[i] === 1 ? 1 : 0);
  // A new voice the narration has just named, or made its subject.
  if (freshTo) {
    const C = conv.candidates.length;
    const subject = conv.narrationSubject[i]! >= 0 ? conv.candidates.indexOf(conv.narrationSubject[i]!) : -1;
    for (let c = 0; c < C && c < 32; c++) {
      const p = freshTo[i * C + c]!;
      if (((conv.introduced[i]! >>> c) & 1) === 1) into[TI['new-voice-when-mentioned']]! += sign * p;
      if (c === subject) into[TI['new-voice-when-subject']]! += sign * p;
    }
  }
  // The narration between made someone its subject: the voice going on is theirs (stays) or not.
  const subject = conv.narrationSubject[i]! >= 0 ? 1 : 0;
  into[TI['same-when-subject-previous']]! += sign * stays[i]!;
  into[TI['same-when-subject-other']]! += sign * (same * subject - stays[i]!);
  const uncued = conv.cued[i] === 0 ? 1 : 0;
  into[TI['same-when-subject-previous-uncued']]! += sign * stays[i]! * uncued;
  into[TI['same-when-subject-other-uncued']]! += sign * (same * subject - stays[i]!) * uncued;
  into[TI['same-when-subject-previous-pre-beat']]! += sign * stays[i]! * (conv.preBeat[i] === 1 ? 1 : 0);
  const verb = uncued === 1 ? conv.subjectVerb[i]! : 0;
  into[TI['same-when-subject-other-acting-uncued']]! +=
    sign * (same * subject - stays[i]!) * (verb === 1 ? 1 : 0);
  into[TI['same-when-subject-other-watching-uncued']]! +=
    sign * (same * subject - stays[i]!) * (verb === 2 ? 1 : 0);
}

/** Maps a raw posterior to the accuracy observed for such posteriors on held-out novels. */
export function calibrate(raw: number, calibration: AttributionModelFile['calibration']): number {
  const { at, accuracy } = calibration;
  if (at.length === 0) return raw;
  let k = 0;
  while (k + 1 < at.length && at[k + 1]! <= raw) k++;
  return accuracy[k]!;
}
