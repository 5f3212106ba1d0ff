import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Stage } from '../../engine/stage.js';
import type { PointOfView, Quotation } from '../../engine/types.js';
import {
  EXPERIENCER_VERBS,
  PERCEPTION_VERBS,
  STATE_ADJECTIVES,
  SUBJECT_GAP_WORDS,
} from './perception-verbs.js';

/**
 * Point of view: the person of the narration (from the pronouns of the narration, quotations left
 * out) and, per scene, the focal character — the one whose perceptions and thoughts the narration
 * reports. In first-person narration that is the narrator; in third person it is scored from
 * perception and cognition verbs with a character as subject ("she felt", "Edwin realised", "it
 * seemed to her"), then from being the subject of the narration's verbs at all, then from presence.
 */
export const povStage: Stage<'pov'> = {
  name: 'pov',
  requires: ['tokens', 'quotes', 'characters', 'mentions', 'pronouns', 'scenes'],
  provides: ['pov'],
  run(doc) {
    return { pov: pointOfView(doc) };
  },
};

type Person = PointOfView['person'];

/** Weights of the evidence for a focal character. */
const WEIGHT = {
  /** Subject of a perception or cognition verb, or experiencer of "it seemed to …". */
  perception: 3,
  /** Subject of any other verb in narration, by name. */
  subject: 1,
  /**
   * Same by pronoun: less, since a "he" that belongs to an unnamed stranger (the clerk, the young
   * man with the apples) is resolved to the nearest named man.
   */
  pronounSubject: 0.5,
  /** Any narration mention. */
  mention: 0.2,
  /**
   * Weight of the text-wide prior: a character's share of all focal evidence in the text, times the
   * scene's own evidence. Most novels keep to one or two focal characters, so a scene whose local
   * evidence is close (a long dialogue where the friend acts more than the heroine) goes to the
   * text's main focal character; a scene with clear evidence for someone else keeps it.
   */
  prior: 0.5,
};

/**
 * Share of narration tokens that are first-person singular pronouns above which the narration is in
 * the first person. First-person novels run at 3–6% (I, me, my, myself); third-person narration
 * reaches 0.2–0.4% only through unmarked thought and letters.
 */
const FIRST_PERSON_RATE = 0.015;
/** Same for "you, your" in narration with hardly any "I": second-person narration. */
const SECOND_PERSON_RATE = 0.02;
/**
 * A scene is told in another person than the whole text only with this many narration tokens and a
 * clear rate: a first-person novel's descriptive passages ("The town was getting ready for the
 * fiesta …") go several paragraphs without an "I".
 */
const MIN_NARRATION = 150;
/** In a first-person text, a scene is third-person only below this rate of "I, me, my". */
const THIRD_IN_FIRST_RATE = 0.003;

const PRONOUN_FORMS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', 'i']);
const FIRST_PERSON = 1;
const SECOND_PERSON = 2;
const EXPERIENCER = 3;
const WORD_CLASS: ReadonlyMap<string, number> = new Map([
  ...['i', 'me', 'my', 'mine', 'myself'].map((w) => [w, FIRST_PERSON] as const),
  ...['you', 'your', 'yours', 'yourself', 'yourselves'].map((w) => [w, SECOND_PERSON] as const),
  ...[...EXPERIENCER_VERBS].map((w) => [w, EXPERIENCER] as const),
]);

function pointOfView(doc: StoryDocument): PointOfView {
  const tokens = doc.layer('tokens');
  const scenes = doc.layer('scenes');
  const characters = doc.layer('characters');
  const size = characters.length;
  const narrator = characters.findIndex((c) => c.narrator);
  const spans = doc.layer('quotes').flatMap(spansOf).sort(byFirst);
  const subjectAt = characterAtTokens(doc);

  const out: PointOfView = { person: 'third', scenes: [] };
  const scores = new Float64Array(size);
  const counts = { narration: 0, first: 0, second: 0 };
  const total = { narration: 0, first: 0, second: 0 };
  const scenePersons: { person: Person; narration: number; first: number }[] = [];
  const sceneScores: Float64Array[] = [];

  let s = 0;
  let qi = 0;
  for (let t = 0; t < tokens.count; t++) {
    const at = tokens.start[t]!;
    while (s + 1 < scenes.length && scenes[s + 1]!.start <= at) {
      closeScene(scenePersons, sceneScores, scores, counts);
      s++;
    }
    while (qi < spans.length && spans[qi]![1] <= at) qi++;
    if (qi < spans.length && spans[qi]![0] <= at) continue;
    const pos = tokens.pos[t]!;
    if (pos === POS.PUNCT || pos === POS.SYM) continue;
    const lower = tokens.lower[t]!;
    counts.narration++;
    total.narration++;
    // One map lookup per token: this loop runs over the whole text.
    const cls = WORD_CLASS.get(lower);
    if (cls !== undefined) {
      if (cls === FIRST_PERSON) {
        counts.first++;
        total.first++;
      } else if (cls === SECOND_PERSON) {
        counts.second++;
        total.second++;
      } else if (cls === EXPERIENCER && tokens.lower[t + 1] === 'to') {
        const c = subjectAt[t + 2] ?? -1;
        if (c >= 0) scores[c]! += WEIGHT.perception;
      }
    }
    const c = subjectAt[t]!;
    if (c < 0) continue;
    scores[c]! += WEIGHT.mention;
    const evidence = verbEvidence(tokens.lower, tokens.pos, t + 1);
    scores[c]! += evidence === WEIGHT.subject && PRONOUN_FORMS.has(lower) ? WEIGHT.pronounSubject : evidence;
  }
  if (scenes.length > 0) {
    closeScene(scenePersons, sceneScores, scores, counts);
    while (scenePersons.length < scenes.length) {
      scenePersons.push({ person: 'third', narration: 0, first: 0 });
      sceneScores.push(new Float64Array(size));
    }
  }

  const textPerson = personOf(total.narration, total.first, total.second);
  const persons = scenePersons.map((sp) => scenePerson(sp, textPerson));
  out.person = mixedOr(textPerson, persons, scenePersons);
  const prior = new Float64Array(size);
  for (const scores of sceneScores) for (let c = 0; c < size; c++) prior[c]! += scores[c]!;
  const priorTotal = prior.reduce((a, b) => a + b, 0);
  if (priorTotal > 0) for (let c = 0; c < size; c++) prior[c]! /= priorTotal;
  for (let i = 0; i < scenes.length; i++) {
    const person = persons[i]!;
    if (person === 'first' && narrator >= 0) {
      out.scenes.push({ person, focal: narrator, confidence: 0.9 });
      continue;
    }
    const { focal, confidence } = focalOf(withPrior(sceneScores[i]!, prior), narrator);
    out.scenes.push({ person, focal, confidence });
  }
  return out;
}

/** Ends a scene: records its person and scores, and resets the counters for the next one. */
function closeScene(
  scenePersons: { person: Person; narration: number; first: number }[],
  sceneScores: Float64Array[],
  scores: Float64Array,
  counts: { narration: number; first: number; second: number },
): void {
  scenePersons.push({
    person: personOf(counts.narration, counts.first, counts.second),
    narration: counts.narration,
    first: counts.first,
  });
  sceneScores.push(scores.slice());
  scores.fill(0);
  counts.narration = 0;
  counts.first = 0;
  counts.second = 0;
}

/** A scene keeps the text's person unless its own narration clearly says otherwise. */
function scenePerson(sp: { person: Person; narration: number; first: number }, text: Person): Person {
  if (sp.narration < MIN_NARRATION || sp.person === text) return text;
  if (text === 'first' && sp.first / sp.narration >= THIRD_IN_FIRST_RATE) return text;
  return sp.person;
}

/** Local scores plus the text-wide prior, scaled by how much evidence the scene has. */
function withPrior(scores: Float64Array, prior: Float64Array): Float64Array {
  let evidence = 0;
  for (let c = 0; c < scores.length; c++) evidence += scores[c]!;
  const out = scores.slice();
  for (let c = 0; c < scores.length; c++) out[c]! += WEIGHT.prior * prior[c]! * evidence;
  return out;
}

function personOf(narration: number, first: number, second: number): Person {
  if (narration === 0) return 'third';
  if (first / narration >= FIRST_PERSON_RATE) return 'first';
  if (second / narration >= SECOND_PERSON_RATE && first / narration < FIRST_PERSON_RATE / 3) return 'second';
  return 'third';
}

/** A text is mixed when a fifth of its narration lies in scenes told in another person. */
function mixedOr(
  person: Person,
  persons: readonly Person[],
  scenes: readonly { narration: number }[],
): Person {
  let other = 0;
  let total = 0;
  persons.forEach((p, i) => {
    const n = scenes[i]!.narration;
    total += n;
    if (p !== person) other += n;
  });
  return total > 0 && other / total >= 0.2 ? 'mixed' : person;
}

/**
 * What follows a character mention: a perception verb (after auxiliaries and adverbs: "she had
 * suddenly realised", "he was aware") is strong evidence, any other verb plain subjecthood.
 */
function verbEvidence(lower: readonly string[], pos: Uint8Array, from: number): number {
  for (let k = from; k < from + 4 && k < lower.length; k++) {
    const word = lower[k]!;
    if (PERCEPTION_VERBS.has(word) || STATE_ADJECTIVES.has(word)) return WEIGHT.perception;
    if (SUBJECT_GAP_WORDS.has(word)) continue;
    const p = pos[k]!;
    if (p === POS.VERB) return WEIGHT.subject;
    return 0;
  }
  return 0;
}

/** Focal character from the scene's scores, with a confidence from the margin and the evidence. */
function focalOf(scores: Float64Array, narrator: number): { focal: number; confidence: number } {
  let best = -1;
  let second = 0;
  let top = 0;
  for (let c = 0; c < scores.length; c++) {
    if (c === narrator) continue;
    const v = scores[c]!;
    if (v > top) {
      second = top;
      top = v;
      best = c;
    } else if (v > second) second = v;
  }
  if (best < 0) return { focal: -1, confidence: 0 };
  const margin = top / (top + second);
  const evidence = 1 - Math.exp(-top / 6);
  return { focal: best, confidence: round3(margin * evidence) };
}

/**
 * For every token that ends a narration mention of a character (a name or a resolved pronoun), that
 * character's index; -1 elsewhere.
 */
function characterAtTokens(doc: StoryDocument): Int32Array {
  const tokens = doc.layer('tokens');
  const out = new Int32Array(tokens.count).fill(-1);
  for (const layer of [doc.layer('mentions'), doc.layer('pronouns')]) {
    let t = 0;
    for (const m of layer) {
      if (m.inQuote || m.character < 0) continue;
      while (t < tokens.count && tokens.end[t]! < m.end) t++;
      if (t < tokens.count && tokens.start[t]! < m.end) out[t] = m.character;
    }
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const spansOf = (q: Quotation): [number, number][] => q.spans;
const byFirst = (a: readonly [number, number], b: readonly [number, number]): number => a[0] - b[0];
