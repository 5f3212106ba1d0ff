import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Stage } from '../../engine/stage.js';
import type { Character, GenderLabel, Mention, Quotation } from '../../engine/types.js';
import { PRONOUNS } from '../lexicon/pronouns.js';

/**
 * Resolves third-person singular pronouns in narration (he, she, him, her, his, herself …) and the
 * narrator's "I" to characters, by salience: every mention adds weight to its character, more in
 * subject position, and weight halves with every sentence (a light Lappin–Leass). The antecedent is
 * the most salient character whose gender agrees.
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
const WEIGHT = { subject: 100, other: 50, inQuote: 15, pronoun: 80 };
/** Salience kept from one sentence to the next. */
const DECAY = 0.5;

/** Sentences after which a character's salience (halved each sentence) no longer matters. */
const HORIZON = 16;

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
  const characters = doc.layer('characters');
  const mentions = doc.layer('mentions');
  const narrator = characters.findIndex((c) => c.narrator);
  const spans = doc.layer('quotes').flatMap(spansOf).sort(byFirst);
  const salience = new Salience(characters.length);
  const out: Mention[] = [];
  let mi = 0;
  let qi = 0;
  let lastSentence = -1;
  let subjectTaken = false;

  for (let t = 0; t < tokens.count; t++) {
    const at = tokens.start[t]!;
    const sentence = tokens.sentence[t]!;
    if (sentence !== lastSentence) {
      lastSentence = sentence;
      subjectTaken = false;
    }
    while (qi < spans.length && spans[qi]![1] <= at) qi++;
    const inQuote = qi < spans.length && spans[qi]![0] <= at;

    // Name mentions starting here feed salience.
    while (mi < mentions.length && mentions[mi]!.start < tokens.end[t]!) {
      const m = mentions[mi++]!;
      if (m.character < 0) continue;
      const w = m.inQuote ? WEIGHT.inQuote : subjectTaken ? WEIGHT.other : WEIGHT.subject;
      if (!m.inQuote) subjectTaken = true;
      salience.add(m.character, sentence, w);
    }
    if (inQuote) continue;
    const pos = tokens.pos[t]!;
    if (pos === POS.NOUN || pos === POS.PROPN) subjectTaken = true;
    const info = PRONOUNS.get(tokens.lower[t]!);
    if (!info || info.plural) continue;
    if (info.person === 1) {
      if (
        narrator >= 0 &&
        (info.case === 'subject' || info.case === 'object' || info.case === 'possessive')
      ) {
        out.push({ start: at, end: tokens.end[t]!, character: narrator, kind: 'pronoun', inQuote: false });
        salience.add(narrator, sentence, WEIGHT.pronoun);
      }
      continue;
    }
    if (info.person !== 3) continue;
    let best = -1;
    let bestScore = 0;
    for (const c of salience.candidates(sentence)) {
      if (!genderAgrees(characters[c]!, info.gender)) continue;
      let score = salience.value(c, sentence);
      if (characters[c]!.gender.label === 'unknown') score *= 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    out.push({ start: at, end: tokens.end[t]!, character: best, kind: 'pronoun', inQuote: false });
    if (best >= 0) salience.add(best, sentence, info.case === 'subject' ? WEIGHT.pronoun : WEIGHT.other / 2);
    if (info.case === 'subject') subjectTaken = true;
  }
  return out;
}

const spansOf = (q: Quotation): [number, number][] => q.spans;
const byFirst = (a: readonly [number, number], b: readonly [number, number]): number => a[0] - b[0];
