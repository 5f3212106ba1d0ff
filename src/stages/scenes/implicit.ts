import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Paragraph, SceneBoundaryKind, TokenLayer } from '../../engine/types.js';
import { words } from '../lexicon/words.js';
import {
  ARRIVAL_VERBS,
  DESTINATION_WORDS,
  LOCATIVE_PREPOSITIONS,
  PLACE_NOUNS,
  STRONG_LOCATIVE_OPENERS,
  TRAVEL_VERBS,
} from './places.js';
import { accumulate, type Presence } from './presence.js';
import {
  DAY_PARTS,
  MEALS,
  MONTHS,
  SEASONS,
  TIME_PATTERNS,
  TIME_STRONG_AT_START,
  UNITS,
  WEEKDAYS,
} from './time-skips.js';

/**
 * Implicit scene shifts: a paragraph that opens a new scene without a heading or a break line.
 *
 * Every narration paragraph is scored from three kinds of evidence, each read only at the opening
 * of the paragraph, where novels put them:
 * - time: a time-skip phrase at the start ("The next morning", "Three weeks later": strong; "That
 *   night", "On Sunday", "At eight": medium), or inside the first sentence at half weight;
 * - place: a locative opener ("At the station, …", "Back in the town …"), a journey or arrival in
 *   the first sentence ("we walked down to the village"), a place noun as the first subject, each
 *   worth less when the place was just mentioned;
 * - cast: the characters referred to in the next few paragraphs against those in the previous few —
 *   some leave, others arrive, nobody stays.
 * Dialogue paragraphs never open a scene here, and a narration beat between two lines of dialogue
 * is penalised. A paragraph is a boundary when its score reaches THRESHOLD and no stronger
 * boundary lies within MIN_GAP paragraphs: precision matters more than recall, since a novel has
 * many mid-scene "that evening"s.
 */
export interface Shift {
  paragraph: number;
  kind: SceneBoundaryKind;
  cue: string;
  confidence: number;
}

/** Score a paragraph needs to open a scene. */
export const THRESHOLD = 2;
/**
 * Fewer paragraphs than this between two boundaries: only the stronger one stays. Two shifts that
 * both announce themselves in their first words ("That evening …" after "I found them at four …")
 * may stand closer, at OPENING_GAP; so may a shift after an explicit boundary.
 */
const MIN_GAP = 3;
const OPENING_GAP = 2;
const OPENING_PRIORITY = 1;
/** Paragraphs before and after a candidate whose characters are compared. */
const CAST_BEFORE = 5;
const CAST_AFTER = 4;
/** How much of a paragraph's opening is read, in characters. */
const OPENING = 240;
/**
 * Paragraphs looked back for a journey's destination: a conversation can run a dozen paragraphs
 * since its room was named, and walking across it is not a change of place.
 */
const JOURNEY_WINDOW = 10;
/** A time phrase starting within this many characters of the paragraph counts as opening it. */
const EARLY = 40;

const WEIGHT = {
  timeStrong: 3,
  timeMedium: 2,
  timeWeak: 1,
  /** "That night", "That evening" at the very start: a fresh evening more often than not. */
  timeThat: 2.5,
  /** Multiplier for a time phrase inside the first sentence rather than at its start. */
  inSentence: 0.5,
  locativeStrong: 2.5,
  locativeComma: 2,
  locativePlain: 1,
  /** A journey to a place just mentioned, to a place not mentioned lately, to nowhere named. */
  travel: 1,
  travelNew: 2,
  travelBare: 0.5,
  placeSubject: 1,
  placeSeen: -1,
  castSwap: 1.75,
  castPartial: 0.75,
  castArrival: 1.25,
  placeNamed: 0.5,
  castAfterNobody: 1,
  dialogueBeat: -1,
  quoteInOpening: -0.5,
  short: -0.5,
};

const LEAD = '^(?:(?:and|but|so|then|now|yet|thus|well|still)\\b[,]?\\s+)?';
const sources = (strength: string, early?: boolean): string =>
  TIME_PATTERNS.filter(
    (p) => p.strength === strength && (early === undefined || (p.early ?? false) === early),
  )
    .map((p) => p.source)
    .join('|');
const TIME_MEDIUM_AT_START = new RegExp(`${LEAD}(?:${sources('medium')})\\b`, 'i');
const TIME_WEAK_AT_START = new RegExp(`${LEAD}(?:${sources('weak')})\\b`, 'i');
const TIME_STRONG_INSIDE = new RegExp(`\\b(?:${sources('strong')})\\b`, 'i');
const TIME_MEDIUM_INSIDE = new RegExp(`\\b(?:${sources('medium')})\\b`, 'i');
const TIME_MEDIUM_EARLY = new RegExp(`^(?:${sources('medium', true)})`, 'i');

/** Words without which no time pattern can match: a cheap test before the regular expressions. */
const TIME_TRIGGERS: ReadonlySet<string> = new Set([
  ...DAY_PARTS,
  ...WEEKDAYS,
  ...MONTHS,
  ...SEASONS,
  ...UNITS,
  ...MEALS,
  ...'later afterwards afterward meanwhile meantime next following time noon midnight'.split(' '),
]);

const STRONG_LOCATIVE = new RegExp(`${LEAD}(?:${STRONG_LOCATIVE_OPENERS.join('|')})\\b`, 'i');
/** "At the harbour office," / "In London," — a locative phrase of up to seven words, then a comma. */
const LOCATIVE_COMMA = new RegExp(
  `${LEAD}(?:${LOCATIVE_PREPOSITIONS.join('|')})\\s+((?:[\\p{L}'\u2019.-]+\\s+){0,6}?[\\p{L}'\u2019.-]+),`,
  'iu',
);
const LOCATIVE_PLAIN = new RegExp(
  `${LEAD}(?:${LOCATIVE_PREPOSITIONS.join('|')})\\s+(?:the|a|an)?\\s*([\\p{L}'\u2019-]+(?:\\s+[\\p{L}'\u2019-]+)?)`,
  'iu',
);
/** "He was sitting in the narrow breakfast room" — a character placed somewhere at the start. */
const PLACED =
  /^(?:he|she|they|i|we|[A-Z][\p{L}.]+(?:\s[A-Z][\p{L}.]+)?)\s+(?:was|were)\s+(?:(?:sitting|standing|lying|waiting|seated|alone|already)\s+)?(?:in|on|at|by|beside)\s/iu;
/** "The staff room on the fourth floor …", "The hall smells …" */
const PLACE_SUBJECT = new RegExp(`^the\\s+(?:[\\p{L}-]+\\s+){0,2}?(${PLACE_NOUNS.join('|')})\\b`, 'iu');
const TIME_THAT = /^(?:\W*\w+\W+)?(?:that|this)\s/i;
const PLACE_NOUN_SET: ReadonlySet<string> = new Set(PLACE_NOUNS);
/** Capitalised words in a locative phrase that are not places. */
const NOT_PLACE_NAMES: ReadonlySet<string> = new Set(
  'i the a an this that his her their my our its mr mrs miss dr sir lady lord god heaven'.split(' '),
);
const TRAVEL: ReadonlySet<string> = new Set(TRAVEL_VERBS);
const ARRIVAL: ReadonlySet<string> = new Set(ARRIVAL_VERBS);
const DESTINATION: ReadonlySet<string> = new Set(DESTINATION_WORDS);

const DIALOGUE_OPENERS = new Set(['"', '\u201c', '\u2018', "'", '\u00ab', '\u00bb', '\u2014', '\u2013', '-']);

/** Every scored paragraph's evidence, for error analysis. */
export interface ShiftTrace {
  paragraph: number;
  time: number;
  place: number;
  cast: number;
  context: number;
  cue: string;
}

/**
 * One kind of evidence for a paragraph. Every piece has the same fields in the same order (the
 * character is -1 except for the cast): the three pieces are compared in one place, and objects of
 * several hidden classes there make V8 deoptimise and recompile the scoring functions.
 */
interface Evidence {
  score: number;
  kind: SceneBoundaryKind;
  cue: string;
  character: number;
}

function evidence(score: number, kind: SceneBoundaryKind, cue: string, character: number): Evidence {
  return { score, kind, cue, character };
}

export function findImplicitShifts(
  doc: StoryDocument,
  paragraphs: readonly Paragraph[],
  presence: Presence,
  explicit: readonly number[],
  trace?: ShiftTrace[],
): Shift[] {
  const n = paragraphs.length;
  const text = doc.text;
  const isExplicit = new Uint8Array(n + 1);
  for (const p of explicit) isExplicit[p] = 1;
  const characters = doc.layer('characters');
  const narrator = characters.findIndex((c) => c.narrator);
  const before = new Float64Array(presence.size);
  const after = new Float64Array(presence.size);

  const people = personWords(characters);
  const candidates: Candidate[] = [];
  let lastExplicit = 0;
  for (let p = 1; p < n; p++) {
    if (isExplicit[p]) {
      lastExplicit = p;
      continue;
    }
    const para = paragraphs[p]!;
    if (para.kind !== 'prose' || p - lastExplicit < OPENING_GAP) continue;
    if (isDialogue(text, para)) continue;
    if (paragraphs[p - 1]!.kind !== 'prose') continue;
    const evidence = scoreParagraph(doc, paragraphs, p, people);
    let nextExplicit = p + 1;
    while (nextExplicit < n && !isExplicit[nextExplicit]) nextExplicit++;
    const cast = castChange(
      presence,
      before,
      after,
      Math.max(lastExplicit, p - CAST_BEFORE),
      p,
      Math.min(nextExplicit, p + CAST_AFTER),
      narrator,
    );
    const total = evidence.time.score + evidence.place.score + cast.score + evidence.context;
    trace?.push({
      paragraph: p,
      time: evidence.time.score,
      place: evidence.place.score,
      cast: cast.score,
      context: evidence.context,
      cue: `${evidence.time.cue}|${evidence.place.cue}|${characters[cast.character]?.name ?? ''}`,
    });
    if (total < THRESHOLD) continue;
    let best = evidence.time;
    if (evidence.place.score > best.score) best = evidence.place;
    if (cast.score > best.score) best = cast;
    const cue = best === cast ? `enter ${characters[cast.character]?.name ?? ''}` : best.cue;
    candidates.push({ paragraph: p, score: total, kind: best.kind, cue, opening: evidence.opening });
  }

  // Strongest first; a candidate too close to an explicit or a stronger boundary is dropped. A
  // shift announced in the paragraph's first words ranks ahead of one of similar score carried by
  // the cast alone, whose evidence is spread over a window and so is vague about the exact paragraph.
  candidates.sort(byRank);
  const taken = explicit.map((paragraph) => ({ paragraph, opening: true }));
  const shifts: Shift[] = [];
  for (const c of candidates) {
    if (tooClose(taken, c)) continue;
    taken.push({ paragraph: c.paragraph, opening: c.opening });
    shifts.push({ paragraph: c.paragraph, kind: c.kind, cue: c.cue, confidence: confidenceOf(c.score) });
  }
  return shifts.sort((a, b) => a.paragraph - b.paragraph);
}

interface Candidate {
  paragraph: number;
  score: number;
  kind: SceneBoundaryKind;
  cue: string;
  opening: boolean;
}

function rank(c: Candidate): number {
  return c.score + (c.opening ? OPENING_PRIORITY : 0);
}

function byRank(a: Candidate, b: Candidate): number {
  return rank(b) - rank(a) || a.paragraph - b.paragraph;
}

/** Whether a boundary already taken is too close to the candidate. */
function tooClose(taken: readonly { paragraph: number; opening: boolean }[], c: Candidate): boolean {
  for (const t of taken) {
    const gap = Math.abs(t.paragraph - c.paragraph);
    if (gap < (c.opening && t.opening ? OPENING_GAP : MIN_GAP)) return true;
  }
  return false;
}

function confidenceOf(score: number): number {
  return Math.round(1000 / (1 + Math.exp(-(score - THRESHOLD + 0.5)))) / 1000;
}

function isDialogue(text: string, para: Paragraph): boolean {
  return DIALOGUE_OPENERS.has(text[para.start]!);
}

interface ParagraphEvidence {
  time: Evidence;
  place: Evidence;
  /** Whether a time or place cue opens the paragraph (rather than sitting later in its sentence). */
  opening: boolean;
  /** Penalties and bonuses from the surroundings. */
  context: number;
}

/** The words of the characters' names: "returned to Mercedes" goes to a person, not a place. */
function personWords(characters: readonly { name: string; aliases: readonly string[] }[]): Set<string> {
  const out = new Set<string>();
  for (const c of characters) {
    for (const n of [c.name, ...c.aliases])
      for (const w of n.toLowerCase().split(/[\s.]+/)) if (w) out.add(w);
  }
  return out;
}

function scoreParagraph(
  doc: StoryDocument,
  paragraphs: readonly Paragraph[],
  p: number,
  people: ReadonlySet<string>,
): ParagraphEvidence {
  const text = doc.text;
  const para = paragraphs[p]!;
  const sentences = doc.layer('sentences');
  const tokens = doc.layer('tokens');
  const opening = text.slice(para.start, Math.min(para.end, para.start + OPENING));
  const first = sentences[para.sentenceStart];
  const firstEnd = first ? Math.min(first.end, para.start + OPENING) : para.start + opening.length;
  const sentence = opening.slice(0, firstEnd - para.start);

  const time = evidence(0, 'time', '', -1);
  let timeStrongAtStart = false;
  let m = TIME_STRONG_AT_START.exec(opening);
  if (m) {
    time.score = WEIGHT.timeStrong;
    time.cue = m[0];
    timeStrongAtStart = true;
  } else if ((m = TIME_MEDIUM_AT_START.exec(opening))) {
    time.score = TIME_THAT.test(m[0]) ? WEIGHT.timeThat : WEIGHT.timeMedium;
    time.cue = m[0];
  } else if ((m = TIME_WEAK_AT_START.exec(opening))) {
    time.score = WEIGHT.timeWeak;
    time.cue = m[0];
  } else if (first && hasTimeTrigger(tokens.lower, first.tokenStart, first.tokenEnd)) {
    // Inside the first sentence: at full weight within its first few words ("Thus it came about
    // that, three days later, …", "The notary came on the Friday"), else at half weight.
    if ((m = TIME_STRONG_INSIDE.exec(sentence))) {
      time.score = WEIGHT.timeStrong * (m.index <= EARLY ? 1 : WEIGHT.inSentence);
      time.cue = m[0];
      timeStrongAtStart = m.index <= EARLY;
    } else if ((m = TIME_MEDIUM_INSIDE.exec(sentence))) {
      // "that morning" inside a sentence points back to a time already on stage, "tennis before
      // supper" is a plan: half weight. A fresh date or hour early in the sentence counts in full.
      const early = m.index <= EARLY && TIME_MEDIUM_EARLY.test(m[0]);
      time.score = WEIGHT.timeMedium * (early ? 1 : WEIGHT.inSentence);
      time.cue = m[0];
    }
  }
  const timeAtStart = time.score >= WEIGHT.timeMedium;

  const place = evidence(0, 'place', '', -1);
  let where: PlaceWord | undefined;
  let placeAtStart = false;
  let strongOpener = false;
  if ((m = STRONG_LOCATIVE.exec(opening))) {
    strongOpener = true;
    place.score = WEIGHT.locativeStrong;
    place.cue = m[0];
    where = placeWordIn(sentence.slice(m[0].length));
    placeAtStart = true;
  } else if (!timeAtStart && (m = LOCATIVE_COMMA.exec(opening)) && (where = placeWordIn(m[1]!))) {
    place.score = WEIGHT.locativeComma;
    place.cue = m[0];
    placeAtStart = true;
  } else if ((m = PLACED.exec(opening)) && (where = placeWordIn(sentence.slice(m[0].length - 1)))) {
    place.score = WEIGHT.placeSubject;
    place.cue = m[0];
  } else if ((m = PLACE_SUBJECT.exec(opening))) {
    place.score = WEIGHT.placeSubject;
    place.cue = m[0];
    where = { word: m[1]!.toLowerCase(), named: false };
  } else if (!timeAtStart && (m = LOCATIVE_PLAIN.exec(opening)) && (where = placeWordIn(m[1]!))) {
    place.score = WEIGHT.locativePlain;
    place.cue = m[0];
  }
  if (first) {
    const journey = journeyIn(
      tokens,
      first.tokenStart,
      Math.min(first.tokenEnd, first.tokenStart + 30),
      people,
    );
    if (journey) {
      // Going somewhere new ("we walked down to the village", "She went home on the bus") moves the
      // story; crossing the lawn where everybody already is does not.
      const to = journey.destination;
      place.score += !to
        ? WEIGHT.travelBare
        : !journey.named && seenBefore(text, paragraphs, p, to, JOURNEY_WINDOW)
          ? WEIGHT.travel
          : WEIGHT.travelNew;
      if (!place.cue) place.cue = journey.cue;
    }
  }
  // A named place is news even when it was named before ("a nephew in Lyon" … "In Lyon, …"); a
  // common noun just mentioned is where the scene already is ("In the hall the children …"), unless
  // the opener says the story comes back to it ("Back in the town").
  if (where && where.word.length > 2) {
    if (where.named) place.score += WEIGHT.placeNamed;
    else if (!strongOpener && seenBefore(text, paragraphs, p, where.word)) place.score += WEIGHT.placeSeen;
  }

  let context = 0;
  const prev = paragraphs[p - 1]!;
  const next = paragraphs[p + 1];
  const beat = isDialogue(text, prev) && next !== undefined && isDialogue(text, next);
  const openingCue = timeAtStart || placeAtStart;
  // A skip or a place named in the first words ("The very next day …", "At the harbour office, …")
  // opens a scene even between two lines of dialogue; a bare narration beat there does not.
  if (beat && !openingCue && !timeStrongAtStart) context += WEIGHT.dialogueBeat;
  if (/["\u201c]/.test(sentence)) context += WEIGHT.quoteInOpening;
  if (para.end - para.start < 40) context += WEIGHT.short;
  return { time, place, context, opening: openingCue };
}

interface PlaceWord {
  word: string;
  /** A proper name ("London", "the Café Suizo") rather than a common noun. */
  named: boolean;
}

/** The place a phrase names: a place noun, else a capitalised word; undefined when neither. */
function placeWordIn(phrase: string): PlaceWord | undefined {
  const parts = phrase.split(/[\s,;:]+/);
  let name: string | undefined;
  for (const raw of parts) {
    const word = raw.replace(/[^\p{L}-]/gu, '');
    if (word.length === 0) continue;
    const lower = word.toLowerCase();
    if (PLACE_NOUN_SET.has(lower)) return { word: lower, named: false };
    if (name === undefined && /^\p{Lu}/u.test(word) && !NOT_PLACE_NAMES.has(lower)) name = lower;
  }
  return name === undefined ? undefined : { word: name, named: true };
}

function hasTimeTrigger(lower: readonly string[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const w = lower[t]!;
    if (TIME_TRIGGERS.has(w) || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57)) return true;
  }
  return false;
}

interface Journey {
  cue: string;
  /** The place noun gone to ("village", "house", "home"), or '' when the sentence names none. */
  destination: string;
  /** A proper name ("Bright River"): news even when named before, like a named locative. */
  named: boolean;
}

/**
 * A journey in the first sentence: a travel or arrival verb with a destination word after it
 * ("walked the long way round to …", "arrived back"), and the object of that destination — the
 * first noun after it, before any punctuation or verb. A place noun or a name there is where the
 * journey goes ("gone to Italy", "reached Bright River"); any other noun means it goes nowhere new
 * ("reached over for a fan that lay on the porch", "went down the stairs across the hall"). Leaving
 * ("went out of the house") and journeys only wished or planned ("would go on to the park", "meant
 * to walk to the village") are no arrival.
 */
function journeyIn(
  tokens: TokenLayer,
  from: number,
  to: number,
  people: ReadonlySet<string>,
): Journey | undefined {
  const lower = tokens.lower;
  for (let t = from; t < to; t++) {
    const w = lower[t]!;
    const arrival = ARRIVAL.has(w);
    // Only a person is seated at the start of the sentence ("He was sitting", "Ivo Brandt sat"),
    // not a thing lying about ("The ledger lay on the kitchen table").
    const settled =
      !arrival &&
      POSTURE.has(w) &&
      t - from <= 3 &&
      (PERSONAL.has(lower[from]!) || tokens.pos[from] === POS.PROPN);
    if (!arrival && !settled && !TRAVEL.has(w)) continue;
    if (t > from && UNREAL.has(lower[t - 1]!)) continue;
    const towards = settled ? WHERE : DESTINATION;
    const onward = settled ? WHERE : GOAL;
    let after = -1;
    if (arrival) after = t + 1;
    else {
      for (let k = t + 1; k < Math.min(to, t + (settled ? 3 : 5)); k++) {
        if (towards.has(lower[k]!)) {
          after = k;
          break;
        }
      }
    }
    if (after < 0) continue;
    // Leaving ("went out of the house") arrives nowhere, unless a goal follows ("out of the house
    // to the station").
    if (lower[after] === 'out' && lower[after + 1] === 'of') {
      after = goalAfter(tokens, after + 2, to);
      if (after < 0) continue;
    }
    let blocked = false;
    // `phrase` is where the current prepositional phrase starts; its object lies within reach of it.
    let phrase = after;
    // Inside a path phrase ("back along the quay", "past the station"), a place is the way, not the goal.
    let onPath = false;
    for (let k = after; k < Math.min(to, phrase + DESTINATION_REACH); k++) {
      const word = lower[k]!;
      const pos = tokens.pos[k]!;
      // "round" and "past" are path prepositions only as such ("the round tower", "into the past").
      if (PATH.has(word) && pos === POS.ADP) onPath = true;
      else if (GOAL.has(word)) onPath = false;
      if (
        word === 'home' ||
        (!onPath && PLACE_NOUN_SET.has(word) && (pos === POS.NOUN || pos === POS.PROPN))
      ) {
        return { cue: `${w} … ${word}`, destination: word, named: false };
      }
      // "to Mr. Dunmore's house": a possessor on the way to the place.
      const possessor = lower[k + 1] === "'s" || lower[k + 1] === '\u2019s';
      // "reached Bright River", "went to London": a name right after the verb or its preposition.
      if (
        pos === POS.PROPN &&
        !possessor &&
        k <= phrase + 1 &&
        !NOT_PLACE_NAMES.has(word.replace('.', '')) &&
        !people.has(word)
      ) {
        return { cue: `${w} … ${word}`, destination: word, named: true };
      }
      if (pos === POS.PROPN || possessor || TIME_NOUNS.has(word)) continue;
      if (pos === POS.PUNCT || pos === POS.VERB) break;
      if (pos !== POS.NOUN) continue;
      // A path that is no place ("down the steps", "through the woods"): the journey goes on only
      // to a goal named next ("down the steps to the lodge"), not along another path.
      blocked = true;
      if (!onward.has(lower[k + 1] ?? '')) break;
      blocked = false;
      phrase = k + 1;
    }
    if (blocked || settled) continue;
    if (arrival && lower[t + 1] !== 'back') continue;
    return { cue: w, destination: '', named: false };
  }
  return undefined;
}

/** Tokens after a destination word searched for its object ("to the old stone village"). */
const DESTINATION_REACH = 6;

/**
 * Verbs of being somewhere: a first sentence that seats someone in a place ("Ivo sat in the back
 * office of the bank", "He was sitting on the backless chair in his aunt's kitchen") sets a scene
 * like an arrival — at the weight of a journey to that place.
 */
const POSTURE: ReadonlySet<string> = new Set(
  words('sat sitting stood standing lay lying waited waiting knelt kneeling leaned leaning'),
);
/** Prepositions that place the one sitting or standing. */
const WHERE: ReadonlySet<string> = new Set(words('in at inside by beside on'));

/** Pronouns that can be someone seated somewhere ("He was sitting"); "It lay" is a thing. */
const PERSONAL: ReadonlySet<string> = new Set(words('he she they i we you'));

/** The first goal preposition in tokens [from, to) before punctuation or a verb, or -1. */
function goalAfter(tokens: TokenLayer, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (GOAL.has(tokens.lower[k]!)) return k;
    const pos = tokens.pos[k]!;
    if (pos === POS.PUNCT || pos === POS.VERB) return -1;
  }
  return -1;
}

/** Prepositions of the way a journey goes, whose object is no destination ("along the quay"). */
const PATH: ReadonlySet<string> = new Set(words('along past around round via alongside'));

/** Prepositions that name where a journey ends, not the way it goes. */
const GOAL: ReadonlySet<string> = new Set(words('to into onto towards toward'));

/** Nouns of time inside a journey ("went away one morning to the beach"). */
const TIME_NOUNS: ReadonlySet<string> = new Set(
  words('morning afternoon evening night day days week weeks hour hours minute minutes time'),
);

/** Words before a travel verb that make the journey unreal: wished, planned, habitual. */
const UNREAL: ReadonlySet<string> = new Set(words('would could should might must will shall to'));

/** Whether a place word occurs in the few paragraphs before `p` (the scene is still there). */
function seenBefore(
  text: string,
  paragraphs: readonly Paragraph[],
  p: number,
  word: string,
  window = 6,
): boolean {
  // Narration only: a place named in dialogue ("Let's go over to the Suizo") is where the scene is
  // going, not where it is.
  const pattern = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu');
  for (let q = Math.max(0, p - window); q < p; q++) {
    const para = paragraphs[q]!;
    if (!isDialogue(text, para) && pattern.test(text.slice(para.start, para.end))) return true;
  }
  return false;
}

/**
 * Compares who is referred to in paragraphs [from, p) and [p, to): characters referred to at least
 * twice on one side and never on the other have left or arrived. Everyone leaving and others
 * arriving is a change of scene; an arrival with nobody staying nearly so; an arrival among those
 * present is just an entrance.
 */
function castChange(
  presence: Presence,
  before: Float64Array,
  after: Float64Array,
  from: number,
  p: number,
  to: number,
  narrator: number,
): Evidence {
  const none = evidence(0, 'cast', '', -1);
  if (presence.size === 0 || p - from < 2 || to - p < 2) return none;
  before.fill(0);
  after.fill(0);
  accumulate(presence, from, p, before);
  accumulate(presence, p, to, after);
  let left = 0;
  let arrived = 0;
  let stayed = 0;
  let anyBefore = false;
  let arrivedName = -1;
  for (let c = 0; c < presence.size; c++) {
    if (c === narrator) continue;
    const b = before[c]!;
    const a = after[c]!;
    if (b > 0) anyBefore = true;
    if (b >= 2 && a === 0) left++;
    else if (a >= 2 && b === 0) {
      arrived++;
      if (arrivedName < 0 || a > after[arrivedName]!) arrivedName = c;
    } else if (a > 0 && b > 0) stayed++;
  }
  if (arrived === 0) return none;
  if (!anyBefore) return evidence(WEIGHT.castAfterNobody, 'cast', '', arrivedName);
  if (left > 0 && stayed === 0) return evidence(WEIGHT.castSwap, 'cast', '', arrivedName);
  if (stayed === 0) return evidence(WEIGHT.castArrival, 'cast', '', arrivedName);
  if (left > 0) return evidence(WEIGHT.castPartial, 'cast', '', arrivedName);
  return none;
}
