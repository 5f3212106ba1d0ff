import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import { NOMINAL_GENDER } from '../lexicon/nominals.js';
import { PRONOUNS } from '../lexicon/pronouns.js';
import { isSpeechTag } from './forms.js';

/**
 * Pronoun evidence for the gender of named people, read from narration.
 *
 * Only a name that is the subject of its sentence votes ("Emma sat down", "…, and Dallas laughed",
 * "said Summerhaye"):
 * then the first gendered third-person singular subject or reflexive pronoun after it in the same
 * sentence, the subject of the next sentence when that one names nobody ("He", "She" first or after
 * "and", "but", "then"), and a possessive "his" or "her" before a noun within the next few words
 * ("Woolsey shook his head"), which stays its own even when the sentence names others; and a
 * gendered word for a person right before any name ("her brother Tom": 23 of 25 right). A name in
 * any other place is too often beside someone else's pronoun ("Gilbert looked at her"; "He thought
 * of Emma. She was …" is his thought). Measured over the names of the gold M/F characters of the
 * 21 PDNC novels: subject votes are right 83% of the time (87% after an inverted speech tag), the
 * close possessives 91% (90% among several names), the votes of non-subject names only 72%.
 *
 * The same votes serve two masters: name forms before clustering (so that "Miss Honeychurch" does
 * not join "Freddy Honeychurch", whom the text calls "he") and characters afterwards (gender.ts).
 */

/** One name in narration: its first and last token and whose name it is (a form, a character). */
export interface NameOccurrence {
  first: number;
  last: number;
  id: number;
}

/** Votes of each occurrence: how many "she" and how many "he" it earned (0 to 3 each). */
export interface OccurrenceVotes {
  female: Uint8Array;
  male: Uint8Array;
}

/** Words after which a word still begins its clause: a name or pronoun there is its subject. */
const LEADS = new Set(['and', 'but', 'then', 'so', 'yet', 'now', 'still', ',', '"', '\u201c', '\u2014', ';']);

/** Words before "brother", "wife", "old man" that make them a description of the next name. */
const DETERMINERS = new Set(['his', 'her', 'my', 'your', 'their', 'our', 'the', 'a', 'an']);

/** How far after a subject name a possessive still belongs to it ("Woolsey slowly shook his head"). */
const POSSESSIVE_REACH = 4;

/** How far after the last subject name of a sentence naming several people its own "he"/"she" may stand. */
const OWN_REACH = 6;

const FEMALE = 1;
const MALE = 2;

/** 1 for a gendered third-person singular subject or reflexive pronoun of a woman, 2 of a man, else 0. */
function subjectGender(lower: string): number {
  // Every such pronoun starts with "h" or "s" and is at most 7 letters ("herself", "himself").
  const c = lower.charCodeAt(0);
  if ((c !== 104 && c !== 115) || lower.length > 7) return 0;
  const p = PRONOUNS.get(lower);
  if (p?.person !== 3 || p.plural) return 0;
  if (p.case !== 'subject' && p.case !== 'reflexive') return 0;
  return p.gender === 'female' ? FEMALE : p.gender === 'male' ? MALE : 0;
}

/**
 * Votes for each occurrence (`occurrences` in text order, narration only; `inQuote` marks tokens
 * inside quotations, which never vote).
 */
export function pronounVotes(
  doc: StoryDocument,
  inQuote: Uint8Array,
  occurrences: readonly NameOccurrence[],
): OccurrenceVotes {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const female = new Uint8Array(occurrences.length);
  const male = new Uint8Array(occurrences.length);
  const lower = tokens.lower;
  const pos = tokens.pos;
  const count = (o: number, g: number): void => {
    if (g === FEMALE) female[o]!++;
    else male[o]!++;
  };
  const isSubject = (o: NameOccurrence, sentenceStart: number): boolean => {
    if (o.first === sentenceStart) return true;
    const before = lower[o.first - 1]!;
    if (LEADS.has(before) || isSpeechTag(before)) return true;
    const next = pos[o.last + 1];
    return next === POS.VERB || next === POS.AUX;
  };
  const voteOwn = (o: number, from: number, to: number): void => {
    for (let t = from; t < to; t++) {
      if (inQuote[t] === 1) continue;
      const g = subjectGender(lower[t]!);
      if (g !== 0) {
        count(o, g);
        return;
      }
    }
  };
  const votePossessive = (o: number, from: number, to: number): void => {
    const end = Math.min(to, from + POSSESSIVE_REACH);
    for (let t = from; t < end; t++) {
      const w = lower[t]!;
      if (w === 'his') {
        count(o, MALE);
        return;
      }
      if (w === 'her') {
        const next = pos[t + 1];
        if (next === POS.NOUN || next === POS.ADJ) count(o, FEMALE);
        return;
      }
      if (w === 'him' || subjectGender(w) !== 0) return;
    }
  };
  const voteNext = (o: number, from: number, to: number): void => {
    for (let t = from; t < to; t++) {
      if (t > from && !LEADS.has(lower[t - 1]!)) return;
      if (inQuote[t] === 1) continue;
      const w = lower[t]!;
      if (w === 'she' || w === 'he') {
        count(o, w === 'she' ? FEMALE : MALE);
        return;
      }
      if (PRONOUNS.has(w)) return;
    }
  };
  // "her brother Tom", "the old woman Hannah": a gendered word for a person right before the name.
  occurrences.forEach((o, i) => {
    if (o.first < 2 || inQuote[o.first] === 1) return;
    const g = NOMINAL_GENDER.get(lower[o.first - 1]!);
    if ((g === 'male' || g === 'female') && DETERMINERS.has(lower[o.first - 2]!))
      count(i, g === 'male' ? MALE : FEMALE);
  });
  let oi = 0;
  let previous = -1;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    // The occurrences in this sentence: [from, oi).
    const from = oi;
    let several = false;
    while (oi < occurrences.length && occurrences[oi]!.first < sentence.tokenEnd) {
      if (occurrences[oi]!.id !== occurrences[from]!.id) several = true;
      oi++;
    }
    if (several) {
      // Several people: only a possessive right after a subject name is still its own, and
      // only before the next name ("Woolsey shook his head at Krum").
      for (let i = from; i < oi; i++) {
        const o = occurrences[i]!;
        const next = i + 1 < oi ? occurrences[i + 1]!.first : sentence.tokenEnd;
        if (!isSubject(o, sentence.tokenStart)) continue;
        votePossessive(i, o.last + 1, next);
        // "…, and Tom let out a breath he had been holding": the last name's own subject pronoun,
        // close after it, with no other name after.
        if (i + 1 === oi) voteOwn(i, o.last + 1, Math.min(sentence.tokenEnd, o.last + 1 + OWN_REACH));
      }
      previous = -1;
      continue;
    }
    if (oi > from) {
      const o = occurrences[from]!;
      previous = -1;
      if (!isSubject(o, sentence.tokenStart)) continue;
      voteOwn(from, o.last + 1, sentence.tokenEnd);
      votePossessive(from, o.last + 1, sentence.tokenEnd);
      previous = from;
      continue;
    }
    if (previous >= 0) voteNext(previous, sentence.tokenStart, sentence.tokenEnd);
    previous = -1;
  }
  return { female, male };
}
