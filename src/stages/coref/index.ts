import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Stage } from '../../engine/stage.js';
import type { Character, GenderLabel, Mention, Quotation, TokenLayer } from '../../engine/types.js';
import { PRONOUNS } from '../lexicon/pronouns.js';
import { words } from '../lexicon/words.js';

/**
 * Resolves third-person singular pronouns in narration (he, she, him, her, his, herself …) and the
 * narrator's "I" to characters, by salience: every mention adds weight to its character, more in
 * subject position, and weight halves with every sentence of narration and again at every new
 * paragraph with narration in it (a light Lappin–Leass); a sentence or paragraph all of speech ages no
 * one, since a speech moves no one off the stage. The antecedent is the most salient character whose
 * gender agrees, with these rules:
 *
 * - a character whose gender is unknown (never called "he" or "she", no title or given name) is
 *   rarely the one a gendered pronoun means, and counts a tenth;
 * - a third-person pronoun never means the first-person narrator;
 * - a reflexive ("herself") is the subject of its own clause;
 * - a clause opened by a subordinating conjunction, ", and"/", but" or ";" has a subject of its own;
 *   a name after a preposition ("With Mary, Anne …") is not the subject;
 * - the agent of a passive ("she was overtaken by Tom") counts as a subject;
 * - a name inside a quotation is mostly a person talked about, often absent: it counts very little;
 *   but a person called by name ("'Yes, Tom,' …", "…, Tom?") is present and listening, and counts
 *   as a subject; for the subject pronoun of the tag right after that quotation ("'Yes, Tom,' she
 *   said") the people named in it count a tenth, and the one called by name a hundredth.
 */
export const corefStage: Stage<'pronouns'> = {
  name: 'coref',
  requires: ['tokens', 'sentences', 'quotes', 'characters', 'mentions'],
  provides: ['pronouns'],
  run(doc) {
    return { pronouns: resolvePronouns(doc) };
  },
};

/** Weight of a mention by where it stands. */
const WEIGHT = {
  subject: 100,
  other: 50,
  inQuote: 1,
  vocative: 100,
  pronoun: 80,
  // The subject of a clause a subordinating conjunction opens ("since Jane was sixteen") is in the
  // background: half a main clause's subject.
  subordinateSubject: 50,
  subordinatePronoun: 40,
};
/** Salience kept from one sentence to the next. */
const DECAY = 0.5;
/** Salience kept, on top of DECAY, across a paragraph break. */
const PARAGRAPH_DECAY = 0.5;
/** Factor for a candidate of unknown gender. */
const UNKNOWN_GENDER = 0.1;
/** Factor for a person named in the quotation a tag pronoun follows. */
const NAMED_IN_QUOTE = 0.1;
/** Factor for a person called by name in that quotation ("'Yes, Tom,' he said"): the listener. */
const CALLED_IN_QUOTE = 0.01;

/**
 * Words that close a preposition into a set adverbial ("at last", "at once", "of course", "in
 * fact"): no noun phrase follows, so a name right after is the clause's subject again.
 */
const ADVERBIAL_ENDS: ReadonlySet<string> = new Set(
  words('last length once first least course fact short times present all general particular vain'),
);

/** Sentences after which a character's salience (halved each sentence) no longer matters. */
const HORIZON = 32;

export class Salience {
  private readonly score: Float64Array;
  private readonly at: Int32Array;
  /** Characters touched within the horizon: the only ones worth scoring (casts run to hundreds). */
  private active: number[] = [];
  private readonly listed: Uint8Array;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.at = new Int32Array(size).fill(-1);
    this.listed = new Uint8Array(size);
  }
  add(character: number, sentence: number, weight: number): void {
    if (this.listed[character] === 0) {
      this.listed[character] = 1;
      this.active.push(character);
    }
    this.score[character] = this.value(character, sentence) + weight;
    this.at[character] = sentence;
  }
  /** The characters still salient at `sentence` (prunes the rest). */
  candidates(sentence: number): readonly number[] {
    const at = this.at;
    if (this.active.some((c) => at[c]! < sentence - HORIZON)) {
      for (const c of this.active) if (at[c]! < sentence - HORIZON) this.listed[c] = 0;
      this.active = this.active.filter((c) => at[c]! >= sentence - HORIZON);
    }
    return this.active;
  }
  /** Multiplies every active character's salience by `factor`. */
  scale(factor: number): void {
    for (const c of this.active) this.score[c]! *= factor;
  }
  value(character: number, sentence: number): number {
    const at = this.at[character]!;
    if (at < 0) return 0;
    return this.score[character]! * DECAY ** (sentence - at);
  }
}

export function genderAgrees(character: Character, gender: GenderLabel): boolean {
  const g = character.gender.label;
  return g === gender || g === 'unknown' || gender === 'unknown';
}

function resolvePronouns(doc: StoryDocument): Mention[] {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const characters = doc.layer('characters');
  const mentions = doc.layer('mentions');
  const narrator = characters.findIndex((c) => c.narrator);
  const spans = doc.layer('quotes').flatMap(spansOf).sort(byFirst);
  const salience = new Salience(characters.length);
  const clock = narrationClock(doc, spans);
  const out: Mention[] = [];
  let mi = 0;
  let qi = 0;
  let lastSentence = -1;
  let lastParagraph = -1;
  let subjectTaken = false;
  /** The current clause was opened by a subordinating conjunction ("since Jane was sixteen"). */
  let subordinate = false;
  /** Character of the current clause's subject (name or pronoun), -1 when none yet. */
  let clauseSubject = -1;
  /** A preposition opened a phrase whose noun has not come yet ("with [the old] man"). */
  let ppOpen = false;
  /** End of the last name mention in narration: its own words are not counted again. */
  let mentionEnd = 0;
  /** Characters named inside quotation span `namedSpan`. */
  const namedInQuote: number[] = [];
  /** Of those, the ones called by name ("Yes, Tom"): the listener. */
  const calledInQuote: number[] = [];
  let namedSpan = -1;
  /** The quotation span whose words came last, when no narration word has come since; else -1. */
  let quotedLast = -1;

  for (let t = 0; t < tokens.count; t++) {
    const at = tokens.start[t]!;
    const sentenceIndex = tokens.sentence[t]!;
    const sentence = clock.time[sentenceIndex]!;
    if (sentenceIndex !== lastSentence) {
      lastSentence = sentenceIndex;
      subjectTaken = false;
      subordinate = false;
      clauseSubject = -1;
      ppOpen = false;
      const paragraph = sentences[sentenceIndex]!.paragraph;
      if (paragraph !== lastParagraph && clock.narrated.has(paragraph)) salience.scale(PARAGRAPH_DECAY);
      lastParagraph = paragraph;
    }
    while (qi < spans.length && spans[qi]![1] <= at) qi++;
    const inQuote = qi < spans.length && spans[qi]![0] <= at;

    // Name mentions starting here feed salience.
    while (mi < mentions.length && mentions[mi]!.start < tokens.end[t]!) {
      const m = mentions[mi++]!;
      if (m.character < 0) continue;
      if (m.inQuote) {
        if (namedSpan !== qi) {
          namedSpan = qi;
          namedInQuote.length = 0;
          calledInQuote.length = 0;
        }
        namedInQuote.push(m.character);
        if (m.kind === 'vocative') calledInQuote.push(m.character);
        salience.add(m.character, sentence, m.kind === 'vocative' ? WEIGHT.vocative : WEIGHT.inQuote);
        continue;
      }
      const subject = !subjectTaken && !ppOpen;
      if (subject) clauseSubject = m.character;
      if (!ppOpen) subjectTaken = true;
      const agent = ppOpen && passiveAgent(tokens, t);
      ppOpen = false;
      mentionEnd = m.end;
      salience.add(
        m.character,
        sentence,
        subject && subordinate ? WEIGHT.subordinateSubject : subject || agent ? WEIGHT.subject : WEIGHT.other,
      );
    }
    const pos = tokens.pos[t]!;
    if (inQuote) {
      if (pos !== POS.PUNCT) quotedLast = qi;
      continue;
    }
    // Right after a quotation's words: its tag ("…," she said), where its names are not the speaker.
    const inTag = quotedLast >= 0 && quotedLast === namedSpan;
    if (pos !== POS.PUNCT) quotedLast = -1;
    if (
      pos === POS.SCONJ ||
      (pos === POS.CCONJ && t > 0 && tokens.lower[t - 1] === ',') ||
      tokens.lower[t] === ';'
    ) {
      subjectTaken = false;
      subordinate = pos === POS.SCONJ;
      clauseSubject = -1;
    }
    if (ppOpen && t > 0 && tokens.pos[t - 1] === POS.ADP && ADVERBIAL_ENDS.has(tokens.lower[t]!))
      ppOpen = false;
    else if (pos === POS.NOUN || pos === POS.PROPN) {
      if (at >= mentionEnd) {
        if (!ppOpen) subjectTaken = true;
        else if (t + 1 >= tokens.count || (tokens.pos[t + 1] !== POS.NOUN && tokens.pos[t + 1] !== POS.PROPN))
          ppOpen = false;
      }
    } else if (pos === POS.ADP) ppOpen = true;
    else if (pos === POS.VERB || pos === POS.AUX || pos === POS.PUNCT || pos === POS.PRON) ppOpen = false;
    const info = PRONOUNS.get(tokens.lower[t]!);
    if (!info || info.plural) continue;
    if (info.person === 1) {
      if (
        narrator >= 0 &&
        (info.case === 'subject' || info.case === 'object' || info.case === 'possessive')
      ) {
        out.push(pronoun(at, tokens.end[t]!, narrator, -1, Number.POSITIVE_INFINITY));
        salience.add(narrator, sentence, WEIGHT.pronoun);
      }
      continue;
    }
    if (info.person !== 3) continue;
    if (
      info.case === 'reflexive' &&
      clauseSubject >= 0 &&
      genderAgrees(characters[clauseSubject]!, info.gender)
    ) {
      out.push(pronoun(at, tokens.end[t]!, clauseSubject, -1, Number.POSITIVE_INFINITY));
      continue;
    }
    const tagSubject = inTag && info.case === 'subject';
    let best = -1;
    let bestScore = 0;
    let second = -1;
    let secondScore = 0;
    for (const c of salience.candidates(sentence)) {
      if (c === narrator || !genderAgrees(characters[c]!, info.gender)) continue;
      let score = salience.value(c, sentence);
      if (characters[c]!.gender.label === 'unknown') score *= UNKNOWN_GENDER;
      if (tagSubject && namedInQuote.includes(c))
        score *= calledInQuote.includes(c) ? CALLED_IN_QUOTE : NAMED_IN_QUOTE;
      if (score > bestScore) {
        second = best;
        secondScore = bestScore;
        bestScore = score;
        best = c;
      } else if (score > secondScore) {
        second = c;
        secondScore = score;
      }
    }
    out.push(
      pronoun(
        at,
        tokens.end[t]!,
        best,
        second,
        secondScore > 0 ? bestScore / secondScore : Number.POSITIVE_INFINITY,
      ),
    );
    if (best >= 0)
      salience.add(
        best,
        sentence,
        info.case === 'subject'
          ? subordinate
            ? WEIGHT.subordinatePronoun
            : WEIGHT.pronoun
          : WEIGHT.other / 2,
      );
    if (info.case === 'subject') {
      if (!subjectTaken) clauseSubject = best;
      subjectTaken = true;
    }
  }
  return out;
}

/** A resolved pronoun (every one built here, so all have the same fields). */
function pronoun(start: number, end: number, character: number, runnerUp: number, margin: number): Mention {
  return { start, end, character, kind: 'pronoun', inQuote: false, runnerUp, margin };
}

/** Forms of "be" that make a participle passive ("was overtaken by"). */
const BE: ReadonlySet<string> = new Set(words('be is are was were been being'));

/**
 * Whether the name at token `t` is the agent of a passive ("she was overtaken by Tom", "was
 * suddenly seen by Tom"): "by" right before it, a verb before that, a form of "be" a few words back.
 */
function passiveAgent(tokens: TokenLayer, t: number): boolean {
  if (t < 3 || tokens.lower[t - 1] !== 'by' || tokens.pos[t - 2] !== POS.VERB) return false;
  // "was standing by Tom" is a place, not a passive: only a past participle takes an agent.
  if (tokens.lower[t - 2]!.endsWith('ing')) return false;
  for (let k = t - 3; k >= Math.max(0, t - 5); k--) {
    if (BE.has(tokens.lower[k]!)) return true;
    if (tokens.pos[k] !== POS.ADV) return false;
  }
  return false;
}

/**
 * The salience clock: each sentence's time, counted in sentences with words of narration (a
 * sentence all inside quotation marks moves no one off the stage, so it ages no one); and the
 * paragraphs with words of narration (a paragraph all of speech is no new paragraph for salience).
 */
function narrationClock(
  doc: StoryDocument,
  spans: readonly (readonly [number, number])[],
): { time: Int32Array; narrated: Set<number> } {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const narratedSentence = new Uint8Array(sentences.length);
  let qi = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.pos[t] === POS.PUNCT) continue;
    const at = tokens.start[t]!;
    while (qi < spans.length && spans[qi]![1] <= at) qi++;
    if (!(qi < spans.length && spans[qi]![0] <= at)) narratedSentence[tokens.sentence[t]!] = 1;
  }
  const time = new Int32Array(sentences.length);
  const narrated = new Set<number>();
  let now = 0;
  for (let s = 0; s < sentences.length; s++) {
    if (narratedSentence[s]) {
      now++;
      narrated.add(sentences[s]!.paragraph);
    }
    time[s] = now;
  }
  return { time, narrated };
}

const spansOf = (q: Quotation): [number, number][] => q.spans;
const byFirst = (a: readonly [number, number], b: readonly [number, number]): number => a[0] - b[0];
