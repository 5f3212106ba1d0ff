import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Character, GenderLabel, Mention, TokenLayer } from '../../engine/types.js';
import { CONTINUING_VERBS } from '../lexicon/speech-verbs.js';
import { ACTING_VERBS, WATCHING_VERBS } from '../lexicon/turn-verbs.js';
import { PERSONAL_POSSESSIVES } from '../lexicon/words.js';
import { type Cue, namedNear, tokenAtOrAfter } from './cues.js';
import {
  type AppositionsByHead,
  appositionFor,
  appositionsByHead,
  appositionsIn,
  descriptionAt,
  isPersonNoun,
} from './descriptions.js';
import { childrenOfTitled, KIN, relativeOf, titledAs } from './kin.js';
import { echoesPrevious, openerKind, reportedSpeechAt, silentReplyAt } from './reactions.js';
import { lastMentionBefore, type NarrationMentions } from './salience.js';
import type { SceneMentions } from './scene.js';
import { lengthScore, type StyleIndex, styleScore } from './style.js';
import { namedTagSpeaker, type Turn } from './units.js';

/**
 * Features of the attribution model. Emission features describe one candidate speaker for one turn
 * (the evidence of tags, beats, vocatives, who is present); transition features describe the
 * candidate given the two previous speakers (alternation, a repeated or a new voice). The weights
 * are learned (scripts/train-attribution.ts) and stored by name, so adding a feature only needs a
 * retrain. model.ts computes the transition features (chainOf) and their expectations.
 */
export const EMISSION_FEATURES = [
  'tag-name-mid',
  'tag-name-post',
  'tag-name-pre',
  'tag-name-pre-close',
  'tag-names-other',
  'tag-descriptor-name',
  'tag-descriptor-other-same-gender',
  'tag-kin-name',
  'tag-kin-other',
  'tag-pronoun-agree',
  'tag-pronoun-clash',
  'tag-pronoun-unknown-gender',
  'tag-pronoun-coref',
  'tag-pronoun-coref-unsure',
  'tag-pronoun-coref-alone',
  'tag-pronoun-coref-runner-up',
  'tag-nominal-agree',
  'tag-nominal-clash',
  'tag-nominal-in-name',
  'tag-kin-titled',
  'tag-possessor',
  'tag-nominal-apposed',
  'tag-nominal-remembered',
  'tag-voice-named-after',
  'tag-kin-of-candidate',
  'tag-narrator',
  'tag-narrator-other',
  'beat-name-pre',
  'beat-name-post',
  'beat-name-mid',
  'beat-names-other',
  'beat-pronoun-agree',
  'beat-pronoun-clash',
  'beat-pronoun-coref',
  'beat-narrator',
  'vocative',
  'named-in-quote',
  'tag-object',
  'addressed-by-next-turn',
  'addressed-by-next-turn-after-question',
  'addressed-by-previous-turn',
  'addressed-by-previous-question',
  'next-turn-address-gender-agree',
  'next-turn-address-gender-clash',
  'previous-turn-address-gender-agree',
  'previous-turn-address-gender-clash',
  'previous-turn-calls-parent',
  'next-turn-calls-parent',
  'calls-parent-titled',
  'calls-parent-child',
  'mention-this-paragraph',
  'mention-1-2-back',
  'mention-3-8-back',
  'mention-9-30-back',
  'pronoun-1-2-back',
  'in-run-mention-1-2-back',
  'in-run-mention-3-8-back',
  'in-run-mention-9-30-back',
  'in-run-pronoun-1-2-back',
  'tagged-within-5-turns',
  'tagged-in-conversation',
  'spoke-tagged-1-back',
  'tagged-again-after-1',
  'spoke-tagged-2-back',
  'spoke-tagged-3-6-back',
  'mention-since-previous-turn',
  'subject-of-silent-reply',
  'narration-subject',
  'narration-subject-acting-uncued',
  'narration-subject-watching-uncued',
  'pronoun-cue-last-tagged-of-gender',
  'pronoun-cue-last-mentioned-of-gender',
  'pronoun-cue-subject-last-sentence',
  'pronoun-cue-subject-last-sentence-prev-para',
  'in-run-pronoun-cue-subject-last-sentence-prev-para',
  'pronoun-cue-subject-paragraph-first',
  'pronoun-cue-last-named-subject-of-gender',
  'pronoun-cue-salient-named-of-gender',
  'style-similarity',
  'style-unknown',
  'length-like-speaker',
  'first-pass-participant',
  'first-pass-returns',
  'first-pass-returns-ahead',
  'tagged-even-turns-before',
  'tagged-odd-turns-before',
  'tagged-even-turns-after',
  'tagged-odd-turns-after',
  'addressed-odd-turns-away',
  'addressed-even-turns-away',
  'narrator',
  'narrator-uncued-after-other-tag',
  'speaker-frequency',
  'unknown-gender',
  'candidate-rank',
] as const;

export const TRANSITION_FEATURES = [
  'same',
  'alternate',
  'new-voice',
  'same-after-narration',
  'alternate-after-narration',
  'replies-to-addressed',
  'answers-question',
  'same-after-question',
  'same-when-cued',
  'new-voice-when-cued',
  'same-when-continuing',
  'same-when-responding',
  'same-when-pronoun-cued',
  'new-voice-when-pronoun-cued',
  'new-voice-when-pronoun-unintroduced',
  'same-after-open-quote',
  'same-after-silent-reply',
  'same-after-reported-speech',
  'same-when-reply-opener',
  'same-when-going-on-opener',
  'same-when-echo',
  'alternate-after-address',
  'new-voice-after-address',
  'same-when-subject-other',
  'same-when-subject-previous',
  'same-when-subject-other-uncued',
  'same-when-subject-previous-uncued',
  'same-when-subject-other-acting-uncued',
  'same-when-subject-other-watching-uncued',
  'same-when-subject-previous-pre-beat',
  'new-voice-when-mentioned',
  'new-voice-when-subject',
] as const;

/** Tag verbs that answer someone else ("she replied", "he retorted", "she broke in"). */
const RESPONDING_VERBS: ReadonlySet<string> = new Set([
  'reply',
  'answer',
  'retort',
  'rejoin',
  'return',
  'respond',
  'interrupt',
  'interpose',
  'echo',
  'protest',
  'object',
]);

/** Nouns naming words as an answer: `was the reply`, `came her answer`. */
const REPLY_NOUNS: ReadonlySet<string> = new Set(['reply', 'answer', 'response', 'rejoinder', 'retort']);

/**
 * Whether narration right after one of the turn's quotations calls it an answer: `"…," was the
 * answer.`, `"…" came the laconic reply`, `"…," was her answer` ("was" or "came", up to three
 * words, then a noun of replying), in the same paragraph.
 */
export function isAnswered(doc: StoryDocument, turn: Turn): boolean {
  const tokens = doc.layer('tokens');
  const quotes = doc.layer('quotes');
  const paraEnd = doc.layer('paragraphs')[turn.paragraph]?.end ?? doc.text.length;
  for (const qi of turn.quotes) {
    const spans = quotes[qi]!.spans;
    for (const span of spans) {
      let t = tokenAtOrAfter(tokens, span[1]);
      while (t < tokens.count && tokens.pos[t] === POS.PUNCT && tokens.start[t]! < paraEnd) t++;
      if (t >= tokens.count || tokens.start[t]! >= paraEnd) continue;
      if (tokens.pos[t] === POS.ADV) t++;
      const verb = tokens.lower[t];
      if (verb !== 'was' && verb !== 'came') continue;
      for (let k = t + 1; k <= t + 4 && k < tokens.count && tokens.start[k]! < paraEnd; k++) {
        if (REPLY_NOUNS.has(tokens.lower[k]!)) return true;
        if (tokens.pos[k] === POS.PUNCT || tokens.pos[k] === POS.VERB) break;
      }
    }
  }
  return false;
}

export type EmissionFeature = (typeof EMISSION_FEATURES)[number];
export type TransitionFeature = (typeof TRANSITION_FEATURES)[number];

const E = Object.fromEntries(EMISSION_FEATURES.map((f, i) => [f, i])) as Record<EmissionFeature, number>;
export const NE = EMISSION_FEATURES.length;
export const NT = TRANSITION_FEATURES.length;

/** A conversation ready for the model: candidates and dense features. */
export interface ConversationFeatures {
  turns: Turn[];
  /** Character indices of the candidates. */
  candidates: number[];
  /** Per candidate: the gender, or "narrator" for a first-person narrator (never "he" or "she"). */
  genders: (GenderLabel | 'narrator')[];
  /** Emission features: turn i, candidate c, feature f at [(i * C + c) * NE + f]. */
  emission: Float32Array;
  /** Per turn: narration paragraphs between it and the previous turn. */
  separated: Uint8Array;
  /** Per turn: the quotation ends with a question mark. */
  question: Uint8Array;
  /** Per turn: a tag or beat names or points at its speaker (writers cue the turns that break alternation). */
  cued: Uint8Array;
  /**
   * Per turn: the previous turn's speech runs to the end of its paragraph with no closing quotation
   * mark, the convention for a speech that goes on in the next paragraph.
   */
  continued: Uint8Array;
  /**
   * Per turn: the last narration paragraph between it and the previous turn answers without words
   * ("Ann was silent.", "He bowed."; reactions.ts): the listener's turn taken, the speaker goes on.
   */
  silentReply: Uint8Array;
  /**
   * Per untagged turn: the last narration paragraph between it and the previous turn is short and
   * reports speech in indirect form ("Ann replied that she was.", reactions.ts): the listener's turn
   * taken in the narration's words, so the speaker goes on.
   */
  reportedReply: Uint8Array;
  /** Per turn: its speech opens as a reply ("Yes, …", "Why, …") 1, or going on ("And …", "Now …") 2 (reactions.ts). */
  opener: Uint8Array;
  /**
   * Per turn: a short speech taking up a content word from the end of the previous turn's ("Oh, my
   * photographs!" / "What photographs?"), with no narration between: the listener picking up the
   * words (reactions.ts).
   */
  echo: Uint8Array;
  /** Per turn: its first cue is a gendered pronoun tag ("she said"). */
  pronounCued: Uint8Array;
  /**
   * Per pronoun-cued turn: no narration word names or describes anyone between the previous turn's
   * paragraph and the tag (no noun at all): the pronoun can only mean someone already speaking.
   */
  pronounUnintroduced: Uint8Array;
  /**
   * Per turn: the character (document index) the last narration sentence between the previous turn
   * and this one makes its subject — by name, by a pronoun as coref resolved it, or as the owner of
   * a subject ("Lucy's lips parted.") — or -1 (no such sentence, or no character subject).
   */
  narrationSubject: Int32Array;
  /** Per turn: the text offset of that subject's mention, or -1. */
  narrationSubjectAt: Int32Array;
  /**
   * Per turn with a narration subject: the kind of that subject's verb (subjectVerbKind): 1 acting
   * (`Ann turned to him.`), 2 watching (`Ann looked at him.`), 0 any other.
   */
  subjectVerb: Uint8Array;
  /**
   * Per turn: its first cue is a beat before its quotation in its own paragraph (`Ann got up.
   * "Come on."`): when that subject spoke the turn before, the beat says she goes on.
   */
  preBeat: Uint8Array;
  /** Per turn: 1 when its tag's verb carries on the previous speech ("went on"), 2 when it answers ("replied"). */
  verbTurn: Uint8Array;
  /** Per turn: candidates addressed in it (vocative or tag object), as a bit set by candidate. */
  addressed: Uint32Array;
  /**
   * Per turn: candidates the narration names after the previous turn's paragraph, up to and in this
   * turn's own paragraph, as a bit set by candidate: a voice
   * new to the exchange is most often one the narration has just brought in (`Tom came in.`).
   * Never the first-person narrator, whom every "I" of the narration names.
   */
  introduced: Uint32Array;
  /** Characters who come in during the conversation, by paragraph of arrival (arrivals.ts). */
  arrivals?: ReadonlyMap<number, number>;
  /** Who the narration names in and just before the conversation (scene.ts). */
  scene?: SceneMentions;
  /** The document's voice profiles the voice features were scored with (shared by its conversations). */
  style: StyleIndex;
  /** Index of the conversation's first turn among the document's turns. */
  firstTurn: number;
  /** Per turn: the description its tag calls the speaker by ("old man"), or ''. */
  descriptions: string[];
}

/** How present each character is around a turn: narration mentions by paragraph. */
export interface PresenceIndex {
  /** For each character, sorted paragraph indices of its narration name mentions. */
  mentionParagraphs: Int32Array[];
  /** For each character, sorted paragraph indices of narration pronouns resolved to it. */
  pronounParagraphs: Int32Array[];
  /** Explicit named tags per character over the whole text. */
  taggedCount: Float64Array;
  /** Narration mentions with their grammatical role. */
  narration: NarrationMentions;
  /** The characters most often named in tags over the whole text, most first (at most TOP_SPEAKERS). */
  topSpeakers: number[];
  /** Names set beside a description in the narration ("Mr. Wells, the lawyer"), by head noun. */
  appositions: AppositionsByHead;
  /** Resolved pronouns by start offset (their coref runner-up and margin). */
  pronounAt: Map<number, Mention>;
}

function pronounsByStart(pronouns: readonly Mention[]): Map<number, Mention> {
  const out = new Map<number, Mention>();
  for (const m of pronouns) out.set(m.start, m);
  return out;
}

/** How many of the book's most frequent speakers every conversation may fall back on. */
const TOP_SPEAKERS = 5;

export function buildPresence(
  doc: StoryDocument,
  turns: readonly Turn[],
  narration: NarrationMentions,
): PresenceIndex {
  const characters = doc.layer('characters');
  const paragraphs = doc.layer('paragraphs');
  const taggedCount = new Float64Array(characters.length);
  for (const turn of turns) {
    const c = namedTagSpeaker(turn);
    if (c >= 0) taggedCount[c]!++;
  }
  const topSpeakers: number[] = [];
  for (let c = 0; c < characters.length; c++) if (taggedCount[c]! > 0) topSpeakers.push(c);
  topSpeakers.sort((a, b) => taggedCount[b]! - taggedCount[a]! || a - b);
  topSpeakers.length = Math.min(topSpeakers.length, TOP_SPEAKERS);
  const mentionParagraphs = paragraphsByCharacter(doc.layer('mentions'), paragraphs, characters.length);
  const pronounParagraphs = paragraphsByCharacter(doc.layer('pronouns'), paragraphs, characters.length);
  // A first-person narrator is named in the narration by "I" / "me" / "my", as plainly as a name:
  // those paragraphs are theirs as another's name mentions are (else the narrator, seldom named,
  // would look absent from every scene they tell).
  const narrator = characters.findIndex((c) => c.narrator);
  if (narrator >= 0)
    mentionParagraphs[narrator] = mergeSorted(mentionParagraphs[narrator]!, pronounParagraphs[narrator]!);
  return {
    mentionParagraphs,
    pronounParagraphs,
    taggedCount,
    narration,
    topSpeakers,
    appositions: appositionsByHead(appositionsIn(doc)),
    pronounAt: pronounsByStart(doc.layer('pronouns')),
  };
}

/**
 * The first-person narrator the attribution uses: the cast's narrator, when the text mentions them
 * at all (by name, or by an "I" the coreference stage gave them). A narrator with no mention is no
 * one who could speak or be spoken to, so it is neither a speaker nor an addressee candidate. -1
 * when there is none.
 */
export function activeNarrator(doc: StoryDocument): number {
  const narrator = doc.layer('characters').findIndex((c) => c.narrator);
  if (narrator < 0) return -1;
  for (const m of doc.layer('mentions')) if (m.character === narrator) return narrator;
  for (const m of doc.layer('pronouns')) if (m.character === narrator) return narrator;
  return -1;
}

/**
 * For each character, the sorted paragraphs of its narration mentions. (Loops and module-level
 * functions in this file, not `map`/`forEach` with closures made per call: the engine recompiles
 * such closures after each is collected, and hands back `map`'s arrays packed or holey depending
 * on whether the caller was optimised, deoptimising their readers.)
 */
function paragraphsByCharacter(
  mentions: readonly { start: number; character: number; inQuote: boolean }[],
  paragraphs: readonly { end: number }[],
  characters: number,
): Int32Array[] {
  const lists: number[][] = [];
  for (let c = 0; c < characters; c++) lists.push([]);
  let p = 0;
  for (const m of mentions) {
    if (m.inQuote || m.character < 0) continue;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= m.start) p++;
    const list = lists[m.character]!;
    if (list[list.length - 1] !== p) list.push(p);
  }
  const out: Int32Array[] = [];
  for (const l of lists) out.push(Int32Array.from(l));
  return out;
}

/** The union of two sorted lists of distinct numbers, sorted. */
export function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== x) out.push(x);
  }
  return Int32Array.from(out);
}

/** Largest element of a sorted list that is <= p, or -1. */
function lastAtOrBefore(list: Int32Array, p: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1]! : -1;
}

function genderRelation(character: Character, gender: GenderLabel): 'agree' | 'clash' | 'unknown' {
  const g = character.gender.label;
  if (gender === 'unknown' || g === 'unknown') return 'unknown';
  return g === gender ? 'agree' : 'clash';
}

export function conversationFeatures(
  doc: StoryDocument,
  turns: Turn[],
  candidates: number[],
  presence: PresenceIndex,
  style: StyleIndex,
  firstTurn: number,
): ConversationFeatures {
  const characters = doc.layer('characters');
  const paragraphs = doc.layer('paragraphs');
  const quotes = doc.layer('quotes');
  const text = doc.text;
  const C = candidates.length;
  const emission = new Float32Array(turns.length * C * NE);
  const descriptions: string[] = [];
  const separated = new Uint8Array(turns.length);
  const question = new Uint8Array(turns.length);
  const cued = new Uint8Array(turns.length);
  const verbTurn = new Uint8Array(turns.length);
  const pronounCued = new Uint8Array(turns.length);
  const pronounUnintroduced = new Uint8Array(turns.length);
  const continued = new Uint8Array(turns.length);
  const silentReply = new Uint8Array(turns.length);
  const reportedReply = new Uint8Array(turns.length);
  const opener = new Uint8Array(turns.length);
  const echo = new Uint8Array(turns.length);
  const addressed = new Uint32Array(turns.length);
  const introduced = new Uint32Array(turns.length);
  const narrationSubject = new Int32Array(turns.length).fill(-1);
  const narrationSubjectAt = new Int32Array(turns.length).fill(-1);
  const subjectVerb = new Uint8Array(turns.length);
  const preBeat = new Uint8Array(turns.length);
  const local = new Map<number, number>();
  for (let k = 0; k < C; k++) local.set(candidates[k]!, k);
  const tokens = doc.layer('tokens');
  // The words of each candidate's names: "the colonel" in a tag points at Colonel Brandon.
  const nameWords: Set<string>[] = [];
  for (const c of candidates) nameWords.push(nameWordsOf(characters[c]!));
  const lastTagged = new Int32Array(C).fill(-100);
  // Turns whose tag names each candidate: the conversation's confirmed participants.
  const taggedTurns: number[][] = [];
  for (let k = 0; k < C; k++) taggedTurns.push([]);
  // Turns that address each candidate (by name, or as the tag's object).
  const addressedTurns: number[][] = [];
  for (let k = 0; k < C; k++) addressedTurns.push([]);
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    for (const cue of turn.cues) {
      if (cue.kind !== 'tag' || cue.referent.via !== 'name') continue;
      const k = local.get(cue.referent.character);
      if (k !== undefined) taggedTurns[k]!.push(i);
    }
    for (const c of turn.vocatives) {
      const k = local.get(c);
      if (k !== undefined && addressedTurns[k]![addressedTurns[k]!.length - 1] !== i)
        addressedTurns[k]!.push(i);
    }
    for (const c of turn.tagObjects) {
      const k = local.get(c);
      if (k !== undefined && addressedTurns[k]![addressedTurns[k]!.length - 1] !== i)
        addressedTurns[k]!.push(i);
    }
  }

  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    // The one who answers without words in the narration just before ("Ann was silent."): the
    // narration names them, yet they seldom speak next.
    let silentSubject = -1;
    if (i > 0) {
      const prevPara = turns[i - 1]!.paragraph;
      let lastProse = -1;
      for (let p = prevPara + 1; p < turn.paragraph; p++)
        if (paragraphs[p]!.kind === 'prose') {
          separated[i] = 1;
          lastProse = p;
        }
      const prose = lastProse >= 0 ? paragraphs[lastProse]! : undefined;
      const at = prose ? silentReplyAt(tokens, prose.start, prose.end) : -1;
      // A short paragraph reporting a reply before an untagged turn: writers leave the turn
      // untagged when the one who spoke before plainly goes on; a tag, when there is one, decides.
      if (
        prose &&
        turn.cues.length === 0 &&
        wordsIn(text, prose.start, prose.end) <= REPORTED_REPLY_WORDS &&
        reportedSpeechAt(tokens, prose.start, prose.end) >= 0
      )
        reportedReply[i] = 1;
      if (at >= 0) {
        silentReply[i] = 1;
        silentSubject = silentSubjectBefore(
          presence.narration,
          paragraphs[lastProse]!.start,
          tokens.start[at]!,
        );
      }
    }
    if (i > 0) {
      const subject = lastNarrationSubjectAt(doc, turns[i - 1]!, turn, presence.narration);
      narrationSubject[i] = subject.character;
      narrationSubjectAt[i] = subject.at;
      if (subject.at >= 0) subjectVerb[i] = subjectVerbKind(tokens, subject.at);
    }
    if (i > 0 && separated[i] === 0 && leftOpen(doc, turns[i - 1]!)) continued[i] = 1;
    // "No," Ann said. She was at a loss. …: narration going on in the previous turn's paragraph
    // parts the turns like a paragraph of narration between.
    if (i > 0 && separated[i] === 0 && narrationGoesOn(doc, turns[i - 1]!, turn)) separated[i] = 1;
    const firstSpan = quotes[turn.quotes[0]!]!.spans[0]!;
    opener[i] = openerKind(tokens, firstSpan[0], firstSpan[1]);
    // Only with no narration between: after narration, the one who spoke goes on in their own words
    // as often as not.
    if (
      i > 0 &&
      separated[i] === 0 &&
      echoesPrevious(tokens, speechSpans(doc, turns[i - 1]!), speechSpans(doc, turn))
    )
      echo[i] = 1;
    const lastQuote = quotes[turn.quotes[turn.quotes.length - 1]!]!;
    const lastSpan = lastQuote.spans[lastQuote.spans.length - 1]!;
    const tail = text.slice(Math.max(lastSpan[0], lastSpan[1] - 3), lastSpan[1]);
    if (tail.includes('?')) question[i] = 1;
    for (const c of turn.vocatives) {
      const k = local.get(c);
      if (k !== undefined && k < 32) addressed[i]! |= 1 << k;
    }
    for (const c of turn.tagObjects) {
      const k = local.get(c);
      if (k !== undefined && k < 32) addressed[i]! |= 1 << k;
    }
    if (i > 0) introduced[i] = introducedSince(turns[i - 1]!, turn, candidates, characters, presence);
    const cue = turn.cues[0];
    if (cue) cued[i] = 1;
    if (cue?.kind === 'beat' && cue.where === 'pre') preBeat[i] = 1;
    if (cue && cue.kind === 'tag' && cue.referent.via === 'pronoun' && cue.referent.gender !== 'unknown')
      pronounCued[i] = 1;
    if (
      pronounCued[i] === 1 &&
      i > 0 &&
      !nounBefore(
        doc,
        paragraphs[turns[i - 1]!.paragraph]!.end,
        turn,
        cue!.referent.token,
        presence.narration,
      )
    )
      pronounUnintroduced[i] = 1;
    const tag = firstTag(turn.cues);
    if (tag) verbTurn[i] = CONTINUING_VERBS.has(tag.verb) ? 1 : RESPONDING_VERBS.has(tag.verb) ? 2 : 0;
    // `"…," was the answer.` / `"…" came the reply`: an answer, as "she replied" is.
    if ((!tag || tag.verb === '') && isAnswered(doc, turn)) verbTurn[i] = 2;
    const para = turn.paragraph;
    const inRun = i > 0 && separated[i] === 0;
    const prevTag = i > 0 ? firstTag(turns[i - 1]!.cues) : undefined;
    const otherTagBefore = prevTag !== undefined && prevTag.referent.via !== 'narrator';
    // For "he said" / "she sighed": the candidate of that gender named in a tag most recently, and
    // the one named in narration most recently.
    let lastTaggedOfGender = -1;
    let lastMentionedOfGender = -1;
    if (cue && cue.referent.via === 'pronoun' && cue.referent.gender !== 'unknown') {
      let bestTurn = -100;
      let bestPara = -1;
      let tie = false;
      for (let k = 0; k < C; k++) {
        if (characters[candidates[k]!]!.gender.label !== cue.referent.gender) continue;
        // "he said" is never the narrator's "I", however lately "I" was in the narration.
        if (characters[candidates[k]!]!.narrator) continue;
        if (candidates[k] === cue.object?.character) continue;
        if (lastTagged[k]! > bestTurn) {
          bestTurn = lastTagged[k]!;
          lastTaggedOfGender = k;
        }
        const lm = lastAtOrBefore(presence.mentionParagraphs[candidates[k]!]!, para);
        if (lm > bestPara) {
          bestPara = lm;
          lastMentionedOfGender = k;
          tie = false;
        } else if (lm === bestPara && lm >= 0) tie = true;
      }
      if (bestTurn < 0) lastTaggedOfGender = -1;
      if (tie || bestPara < 0) lastMentionedOfGender = -1;
    }
    const subjects =
      cue && cue.referent.via === 'pronoun' && cue.referent.gender !== 'unknown'
        ? subjectFeatures(doc, turn, cue, candidates, presence.narration, inRun)
        : undefined;
    const nominalWord =
      cue && cue.kind === 'tag' && cue.referent.via === 'nominal' ? tokens.lower[cue.referent.token]! : '';
    // "murmured the lawyer" after "Mr. Wells, the lawyer,": the character the description was given to.
    const apposed =
      nominalWord && cue!.referent.owner < 0
        ? appositionFor(
            presence.appositions,
            descriptionAt(tokens, cue!.referent.token),
            tokens.start[cue!.referent.token]!,
          )
        : -1;
    descriptions.push(
      nominalWord && cue!.referent.owner < 0 ? descriptionKey(tokens, cue!.referent.token) : '',
    );
    // "said her mother": a relative through a possessive, whether or not the possessive was resolved.
    const kinPossessed =
      nominalWord !== '' &&
      (cue!.referent.owner >= 0 || PERSONAL_POSSESSIVES.has(tokens.lower[cue!.referent.token - 1] ?? ''));
    const kinOf = kinOfCandidates(characters, candidates, cue, tokens);
    const closePre = cue !== undefined && isClosePreTag(doc, turn, cue);
    const tagPronoun =
      cue && cue.kind === 'tag' && cue.referent.via === 'pronoun'
        ? presence.pronounAt.get(tokens.start[cue.referent.token]!)
        : undefined;
    // "Yes, papa": the one called is not the caller, and the caller is likely a child of the family.
    const children =
      turn.addressedParent === ''
        ? undefined
        : childrenOfTitled(characters, candidates, turn.addressedParent);
    // "said a voice": the one named after it is likely the one who spoke.
    const revealed = nominalWord === 'voice' ? namedNear(doc, cue!.referent.token, 1, 2) : [];
    for (let k = 0; k < C; k++) {
      const c = candidates[k]!;
      const ch = characters[c]!;
      const f = emission.subarray((i * C + k) * NE, (i * C + k + 1) * NE);
      if (cue) cueFeatures(cue, c, ch, f);
      if (revealed.includes(c)) f[E['tag-voice-named-after']] = 1;
      if (tagPronoun) corefMarginFeatures(tagPronoun, c, f);
      if (closePre && cue!.referent.character === c) f[E['tag-name-pre-close']] = 1;
      if (nominalWord && nameWords[k]!.has(nominalWord)) f[E['tag-nominal-in-name']] = 1;
      // "said her mother" of a daughter the cast names without a surname: the titled "Mrs." likely.
      if (kinPossessed && cue!.referent.owner !== c && titledAs(ch, nominalWord)) f[E['tag-kin-titled']] = 1;
      if (kinOf.has(c)) f[E['tag-kin-of-candidate']] = 1;
      // "said her mother", "cried his companion": the one the possessive stands for is the one
      // spoken of, not the speaker.
      if (nominalWord && cue!.referent.owner === c) f[E['tag-possessor']] = 1;
      if (c === apposed) f[E['tag-nominal-apposed']] = 1;
      if (k === lastTaggedOfGender) f[E['pronoun-cue-last-tagged-of-gender']] = 1;
      if (c === silentSubject) f[E['subject-of-silent-reply']] = 1;
      if (c === narrationSubject[i]) {
        f[E['narration-subject']] = 1;
        // Only untagged: a tag decides, whatever the subject did before it.
        if (!cue && subjectVerb[i] === 1) f[E['narration-subject-acting-uncued']] = 1;
        if (!cue && subjectVerb[i] === 2) f[E['narration-subject-watching-uncued']] = 1;
      }
      setVoice(f, 0, style, firstTurn + i, c);
      if (k === lastMentionedOfGender) f[E['pronoun-cue-last-mentioned-of-gender']] = 1;
      if (subjects) for (const name of subjects[k]!) f[E[name]] = 1;
      if (turn.vocatives.includes(c)) f[E.vocative] = 1;
      if (turn.namedInQuote.includes(c)) f[E['named-in-quote']] = 1;
      if (turn.tagObjects.includes(c)) f[E['tag-object']] = 1;
      // Whoever the next turn addresses probably spoke this one, and whoever the previous turn
      // addressed probably answers now — by name, or by a gendered term of address ("sir").
      const next = turns[i + 1];
      const prev = turns[i - 1];
      if (next && (next.vocatives.includes(c) || next.tagObjects.includes(c))) {
        f[E['addressed-by-next-turn']] = 1;
        // "Is it far?" / "Not very, Helen.": a name in the answer to a question, apart — a question
        // draws names from several of those present, so the learned weight trusts it less.
        if (question[i] === 1) f[E['addressed-by-next-turn-after-question']] = 1;
      }
      if (prev && (prev.vocatives.includes(c) || prev.tagObjects.includes(c))) {
        f[E['addressed-by-previous-turn']] = 1;
        // "Do you remember, Helen?": a question put to someone by name wants their answer.
        if (question[i - 1] === 1) f[E['addressed-by-previous-question']] = 1;
      }
      // "Well, mamma, …": the parent called answers (or spoke the turn before), and in the cast the
      // parent is most often the one titled "Mrs." / "Mr." (kin.ts titledAs).
      if (prev && prev.addressedParent !== '' && titledAs(ch, prev.addressedParent))
        f[E['previous-turn-calls-parent']] = 1;
      if (next && next.addressedParent !== '' && titledAs(ch, next.addressedParent))
        f[E['next-turn-calls-parent']] = 1;
      if (children) {
        if (titledAs(ch, turn.addressedParent)) f[E['calls-parent-titled']] = 1;
        else if (children.has(c)) f[E['calls-parent-child']] = 1;
      }
      if (next && next.addresseeGender !== 'unknown' && ch.gender.label !== 'unknown') {
        f[
          next.addresseeGender === ch.gender.label
            ? E['next-turn-address-gender-agree']
            : E['next-turn-address-gender-clash']
        ] = 1;
      }
      if (prev && prev.addresseeGender !== 'unknown' && ch.gender.label !== 'unknown') {
        f[
          prev.addresseeGender === ch.gender.label
            ? E['previous-turn-address-gender-agree']
            : E['previous-turn-address-gender-clash']
        ] = 1;
      }
      // Presence in the narration before the turn. Inside a run of dialogue (the turn follows the
      // previous one with no narration between) the same facts hold for every turn of the run and
      // say little about who speaks now, so they are separate features there.
      const lm = lastAtOrBefore(presence.mentionParagraphs[c]!, para);
      if (lm === para) f[E['mention-this-paragraph']] = 1;
      else if (lm >= 0 && para - lm <= 2) f[inRun ? E['in-run-mention-1-2-back'] : E['mention-1-2-back']] = 1;
      else if (lm >= 0 && para - lm <= 8) f[inRun ? E['in-run-mention-3-8-back'] : E['mention-3-8-back']] = 1;
      else if (lm >= 0 && para - lm <= 30)
        f[inRun ? E['in-run-mention-9-30-back'] : E['mention-9-30-back']] = 1;
      const lp = lastAtOrBefore(presence.pronounParagraphs[c]!, para);
      if (lp >= 0 && para - lp <= 2) f[inRun ? E['in-run-pronoun-1-2-back'] : E['pronoun-1-2-back']] = 1;
      const tagged = taggedTurns[k]!;
      let within5 = false;
      let elsewhere = false;
      for (const j of tagged) {
        if (j === i) continue;
        if (Math.abs(j - i) <= 5) within5 = true;
        else elsewhere = true;
      }
      if (within5) f[E['tagged-within-5-turns']] = 1;
      else if (elsewhere) f[E['tagged-in-conversation']] = 1;
      const since = i - lastTagged[k]!;
      // Named by this turn's tag and by the previous one's: the same speaker again, as the tags say.
      if (since === 1)
        f[
          cue && cue.kind === 'tag' && cue.referent.via === 'name' && cue.referent.character === c
            ? E['tagged-again-after-1']
            : E['spoke-tagged-1-back']
        ] = 1;
      else if (since === 2) f[E['spoke-tagged-2-back']] = 1;
      else if (since >= 3 && since <= 6) f[E['spoke-tagged-3-6-back']] = 1;
      if (i > 0 && lm > turns[i - 1]!.paragraph && lm < para) f[E['mention-since-previous-turn']] = 1;
      // Turn parity to the nearest turns tagged with c, within 8 turns: in an exchange of two,
      // a speaker named two (or four) turns away speaks again now.
      let before = -1;
      let after = -1;
      for (const j of tagged) {
        if (j === i) continue;
        if (j < i && i - j <= 8) before = j;
        if (j > i && j - i <= 8 && after < 0) after = j;
      }
      if (before >= 0)
        f[(i - before) % 2 === 0 ? E['tagged-even-turns-before'] : E['tagged-odd-turns-before']] = 1;
      if (after >= 0)
        f[(after - i) % 2 === 0 ? E['tagged-even-turns-after'] : E['tagged-odd-turns-after']] = 1;
      // Parity to the nearest turn (2 to 8 away) that addresses c: in an exchange of two, whoever is
      // addressed answers in the next turn and speaks every other turn. (One turn away is
      // addressed-by-previous/next-turn.)
      const nearest = nearestAddress(addressedTurns[k]!, i);
      if (nearest >= 2 && nearest <= 8)
        f[nearest % 2 === 1 ? E['addressed-odd-turns-away'] : E['addressed-even-turns-away']] = 1;
      if (ch.narrator) {
        f[E.narrator] = 1;
        // `"Come on," Ann said.` / `"Where?"`: a first-person narrator often leaves their own replies
        // untagged, the others' tagged; an untagged turn after another's tag is theirs far more
        // often than one inside an untagged run (the weight is learned).
        if (!cue && otherTagBefore) f[E['narrator-uncued-after-other-tag']] = 1;
      }
      f[E['speaker-frequency']] = speakerFrequency(presence.taggedCount[c]!);
      if (ch.gender.label === 'unknown') f[E['unknown-gender']] = 1;
      f[E['candidate-rank']] = Math.log1p(k);
    }
    if (cue && cue.kind === 'tag' && cue.referent.via === 'name') {
      const k = local.get(cue.referent.character);
      if (k !== undefined) lastTagged[k] = i;
    }
  }
  const genders: (GenderLabel | 'narrator')[] = [];
  for (const c of candidates)
    genders.push(characters[c]!.narrator ? 'narrator' : characters[c]!.gender.label);
  return {
    turns,
    candidates,
    genders,
    emission,
    separated,
    question,
    cued,
    verbTurn,
    pronounCued,
    pronounUnintroduced,
    continued,
    silentReply,
    reportedReply,
    opener,
    echo,
    addressed,
    introduced,
    narrationSubject,
    narrationSubjectAt,
    subjectVerb,
    preBeat,
    style,
    firstTurn,
    descriptions,
  };
}

/**
 * The candidates (a bit set by candidate index, the first 32) the narration names after the
 * previous turn's paragraph and up to the turn's own (its beats and tags included); never a narrator.
 */
export function introducedSince(
  prev: Turn,
  turn: Turn,
  candidates: readonly number[],
  characters: readonly Character[],
  presence: PresenceIndex,
): number {
  let bits = 0;
  for (let k = 0; k < candidates.length && k < 32; k++) {
    const c = candidates[k]!;
    if (characters[c]!.narrator) continue;
    if (lastAtOrBefore(presence.mentionParagraphs[c]!, turn.paragraph) > prev.paragraph) bits |= 1 << k;
  }
  return bits >>> 0;
}

/** Whether a tag of the turn has its referent in text[start, end). */
function tagInSentence(tokens: TokenLayer, turn: Turn, start: number, end: number): boolean {
  for (const cue of turn.cues) {
    if (cue.kind !== 'tag' || cue.referent.token < 0) continue;
    const at = tokens.start[cue.referent.token]!;
    if (at >= start && at < end) return true;
  }
  return false;
}

/** Heads of tags that describe nobody in particular. */
const UNDESCRIBING: ReadonlySet<string> = new Set(['voice']);

/** "old man" for "said the old man": the words of a tag's description, modifiers and head. */
function descriptionKey(tokens: TokenLayer, head: number): string {
  // "said a voice", "said the other": no description of anyone in particular.
  if (UNDESCRIBING.has(tokens.lower[head]!)) return '';
  const d = descriptionAt(tokens, head);
  // "her mother" and "his mother" are different people: a possessive description is not remembered.
  if (PERSONAL_POSSESSIVES.has(tokens.lower[head - d.mods.length - 1] ?? '')) return '';
  return d.mods.length > 0 ? `${d.mods.join(' ')} ${d.head}` : d.head;
}

/**
 * Whether the narration after offset `from` (the end of the previous turn's paragraph, past its own tag) and
 * before token `tag` (outside the turn's quotations) has a proper noun, a noun subject or a noun for
 * a person: a name or a description ("the keeper came up", "They saw an old man at the gate") that
 * may bring in someone new. Other nouns ("There was a pause.") bring in nobody.
 */
function nounBefore(
  doc: StoryDocument,
  from: number,
  turn: Turn,
  tag: number,
  nm: NarrationMentions,
): boolean {
  const tokens = doc.layer('tokens');
  // A name, whatever its part of speech ("Will smiled."); not the narrator's "I".
  const characters = doc.layer('characters');
  for (let j = lastMentionBefore(nm, tokens.start[tag]!); j >= 0 && nm.start[j]! >= from; j--)
    if (nm.pronoun[j] === 0 && !characters[nm.character[j]!]!.narrator) return true;
  const spans = speechSpans(doc, turn);
  for (let t = tag - 1; t >= 0 && tokens.start[t]! >= from; t--) {
    const pos = tokens.pos[t]!;
    if (
      pos !== POS.PROPN &&
      !(pos === POS.NOUN && (verbFollows(tokens, t) || isPersonNoun(tokens.lower[t]!)))
    )
      continue;
    if (!insideSpans(spans, tokens.start[t]!)) return true;
  }
  return false;
}

/** Whether a verb follows token t in its sentence, past at most two adverbs: t heads a subject. */
function verbFollows(tokens: TokenLayer, t: number): boolean {
  const sentence = tokens.sentence[t]!;
  let a = t + 1;
  while (a < tokens.count && a - t <= 2 && tokens.pos[a] === POS.ADV) a++;
  if (a >= tokens.count || tokens.sentence[a] !== sentence) return false;
  return tokens.pos[a] === POS.VERB || tokens.pos[a] === POS.AUX;
}

/** The speech spans of a turn's quotations, in text order. */
function speechSpans(doc: StoryDocument, turn: Turn): (readonly [number, number])[] {
  const quotes = doc.layer('quotes');
  const out: (readonly [number, number])[] = [];
  for (const q of turn.quotes) for (const span of quotes[q]!.spans) out.push(span);
  return out;
}

/** Whether offset `at` falls inside one of `spans` (a turn's speechSpans). */
function insideSpans(spans: readonly (readonly [number, number])[], at: number): boolean {
  for (const sp of spans) if (sp[0] <= at && at < sp[1]) return true;
  return false;
}

/** Longest narration paragraph (in words) read as a reply reported between two turns. */
const REPORTED_REPLY_WORDS = 40;

/** Whitespace-separated words in text[start, end) (also the conversation splitter's measure of narration). */
export function wordsIn(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Distance in turns from turn i to the nearest other turn in the sorted list, or -1. */
function nearestAddress(list: readonly number[], i: number): number {
  let best = -1;
  for (const j of list) {
    if (j === i) continue;
    const d = Math.abs(j - i);
    if (best < 0 || d < best) best = d;
  }
  return best;
}

/** The lower-case words of a character's names and aliases. */
function nameWordsOf(character: Character): Set<string> {
  const out = new Set<string>();
  addWords(out, character.name);
  for (const a of character.aliases) addWords(out, a);
  return out;
}

function addWords(into: Set<string>, name: string): void {
  for (const w of name.toLowerCase().split(/[^\p{L}]+/u)) into.add(w);
}

function firstTag(cues: readonly Cue[]): Cue | undefined {
  for (const c of cues) if (c.kind === 'tag') return c;
  return undefined;
}

/**
 * The character of the last clause subject the narration names in [start, at): the one who keeps
 * silent in `Tom waited. Anne was silent.` is Anne. -1 when there is none.
 */
function silentSubjectBefore(nm: NarrationMentions, start: number, at: number): number {
  for (let m = lastMentionBefore(nm, at); m >= 0 && nm.start[m]! >= start; m--)
    if (nm.subject[m] === 1) return nm.character[m]!;
  return -1;
}

/**
 * How many narration sentences back from the next turn the subject is looked for (the last one
 * only: two measured gold +8, end-to-end −13, LitBank unseen −4).
 */
const SUBJECT_SENTENCES = 1;

/**
 * The character the narration between two turns last makes a subject: walking back over the
 * sentences wholly between the previous turn's last quotation and the next turn's first (so neither
 * turn's own tag), at most SUBJECT_SENTENCES of them, the first clause subject of the nearest one
 * with a character subject — a name, a pronoun as coref resolved it, or the owner of the subject
 * (`Lucy's lips parted.`, `Her eyes filled.`), with the offset of its mention; -1 and -1 when
 * there is none.
 */
export function lastNarrationSubjectAt(
  doc: StoryDocument,
  prev: Turn,
  next: Turn,
  nm: NarrationMentions,
): { character: number; at: number } {
  const quotes = doc.layer('quotes');
  const sentences = doc.layer('sentences');
  const tokens = doc.layer('tokens');
  const from = quotes[prev.quotes[prev.quotes.length - 1]!]!.spans.at(-1)![1];
  const to = quotes[next.quotes[0]!]!.spans[0]![0];
  const t0 = tokenAtOrAfter(tokens, to);
  let s = t0 < tokens.count ? tokens.sentence[t0]! - 1 : sentences.length - 1;
  // The sentence holding the next quotation's start may end before it (`Ann smiled. "…`).
  if (s + 1 < sentences.length && sentences[s + 1]!.end <= to) s++;
  let seen = 0;
  for (; s >= 0 && seen < SUBJECT_SENTENCES; s--) {
    const sentence = sentences[s]!;
    if (sentence.end > to) continue;
    if (sentence.start < from) break;
    if (!/\p{L}/u.test(doc.text.slice(sentence.start, sentence.end))) continue;
    // `— Is he coming? I ask.`: where the quotation has no closing mark, its tag is a sentence of
    // its own after it — the previous turn's tag, not narration between the turns.
    if (tagInSentence(tokens, prev, sentence.start, sentence.end)) continue;
    seen++;
    let first = -1;
    let at = -1;
    // "When Tom had gone, Ann turned to the window.": the main clause's subject, not the when-clause's.
    const main = mainClauseStart(tokens, sentence);
    for (let j = lastMentionBefore(nm, sentence.end); j >= 0 && nm.start[j]! >= main; j--)
      if (nm.subject[j] === 1 || ownsSubject(tokens, nm.start[j]!)) {
        first = nm.character[j]!;
        at = nm.start[j]!;
      }
    if (first >= 0) return { character: first, at };
  }
  return { character: -1, at: -1 };
}

/**
 * The kind of verb the subject mentioned at `offset` governs (lexicon/turn-verbs.ts): 1 acting
 * (`Ann turned to him`, `Her face flushed`), 2 watching (`Ann looked at him`, `He nodded`), 0 any
 * other or none. The verb is the first after the mention in its
 * sentence; after an auxiliary, the verb it carries (`was looking`, `did not answer` → answer), and
 * none after a copula (`was silent`).
 */
export function subjectVerbKind(tokens: TokenLayer, offset: number): number {
  const t0 = tokenAtOrAfter(tokens, offset);
  if (t0 >= tokens.count) return 0;
  const sentence = tokens.sentence[t0]!;
  for (let t = t0 + 1; t < tokens.count && tokens.sentence[t] === sentence; t++) {
    const pos = tokens.pos[t]!;
    if (pos === POS.AUX) {
      let v = t + 1;
      while (
        v < tokens.count &&
        tokens.sentence[v] === sentence &&
        (tokens.pos[v] === POS.ADV || tokens.pos[v] === POS.PART || tokens.pos[v] === POS.AUX)
      )
        v++;
      if (v >= tokens.count || tokens.sentence[v] !== sentence || tokens.pos[v] !== POS.VERB) return 0;
      t = v;
    } else if (pos !== POS.VERB) continue;
    const w = tokens.lower[t]!;
    return ACTING_VERBS.has(w) ? 1 : WATCHING_VERBS.has(w) ? 2 : 0;
  }
  return 0;
}

/** Possessives that may own a clause's subject ("Her eyes filled", "My hand shook"): wider than PERSONAL_POSSESSIVES. */
const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her', 'their', 'my']);

/** Words that open a subordinate clause before the main one ("When Tom had gone, …"). */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'when',
  'as',
  'after',
  'while',
  'if',
  'though',
  'although',
  'because',
  'before',
  'since',
  'until',
  'once',
  'whilst',
]);

/**
 * Where a sentence's main clause starts: after the comma closing a subordinate clause it opens
 * with ("When Tom had gone to the door, Ann turned"), else at the sentence's start.
 */
function mainClauseStart(tokens: TokenLayer, sentence: { start: number; end: number }): number {
  let t = tokenAtOrAfter(tokens, sentence.start);
  while (t < tokens.count && tokens.start[t]! < sentence.end && !/\p{L}/u.test(tokens.lower[t]!)) t++;
  if (t >= tokens.count || !SUBORDINATORS.has(tokens.lower[t]!)) return sentence.start;
  for (let k = t + 1; k < tokens.count && tokens.start[k]! < sentence.end; k++)
    if (tokens.lower[k] === ',') return tokens.end[k]!;
  return sentence.start;
}

/**
 * Whether the mention at `offset` owns its clause's subject: `Lucy's lips parted`, `Her eyes
 * filled` — a possessive, at most two adjectives, a noun and its verb, with no verb or preposition
 * governing the phrase before it.
 */
function ownsSubject(tokens: TokenLayer, offset: number): boolean {
  let t = tokenAtOrAfter(tokens, offset);
  if (t >= tokens.count) return false;
  const sentence = tokens.sentence[t]!;
  const before = t - 1;
  if (before >= 0 && tokens.sentence[before] === sentence) {
    const pos = tokens.pos[before]!;
    if (pos === POS.VERB || pos === POS.AUX || pos === POS.ADP) return false;
  }
  if (POSSESSIVE_PRONOUNS.has(tokens.lower[t]!)) t++;
  else {
    while (t < tokens.count && tokens.pos[t] === POS.PROPN && tokens.sentence[t] === sentence) t++;
    if (t >= tokens.count || (tokens.lower[t] !== "'s" && tokens.lower[t] !== '\u2019s')) return false;
    t++;
  }
  let adjectives = 0;
  while (t < tokens.count && tokens.pos[t] === POS.ADJ && adjectives < 2) {
    t++;
    adjectives++;
  }
  if (t >= tokens.count || tokens.sentence[t] !== sentence || tokens.pos[t] !== POS.NOUN) return false;
  // "Ann's mother came in", "Her maid rose": the subject is another person, not the owner.
  if (isPersonNoun(tokens.lower[t]!) || KIN.has(tokens.lower[t]!)) return false;
  return verbFollows(tokens, t);
}

/** Whether the turn's last quotation runs to the end of its paragraph without a closing mark. */
function leftOpen(doc: StoryDocument, turn: Turn): boolean {
  const text = doc.text;
  const para = doc.layer('paragraphs')[turn.paragraph]!;
  const quote = doc.layer('quotes')[turn.quotes[turn.quotes.length - 1]!]!;
  // Dialogue set off by dashes has no closing marks at all: every turn ends "open".
  if (quote.mark === 'dash') return false;
  const start = quote.spans[0]![0];
  let o = start - 1;
  while (o >= para.start && /\s/.test(text[o]!)) o--;
  const opened = OPENING_MARKS.has(text[start]!) || (o >= para.start && OPENING_MARKS.has(text[o]!));
  if (quote.mark === 'given' && !opened) return false;
  const end = quote.spans[quote.spans.length - 1]![1];
  let k = para.end - 1;
  while (k > para.start && /\s/.test(text[k]!)) k--;
  if (end < k - 2) return false;
  return !CLOSING_MARKS.has(text[k]!);
}

const CLOSING_MARKS = new Set(['"', '\u201d', '\u2019', "'", '\u00bb']);
/** Marks that open a quotation which a closing mark ends (given quotations do not say which). */
const OPENING_MARKS = new Set(['"', '\u201c', '\u2018', "'", '\u00ab', '\u201e']);

/**
 * A named lead-in tag close before its quotation, in the quotation's paragraph (`Evie said:` /
 * `Emma found an opportunity of saying,`): as sure as a tag after it. Lead-ins further back, or
 * from the paragraph before, more often belong to other speech.
 */
function isClosePreTag(doc: StoryDocument, turn: Turn, cue: Cue): boolean {
  if (cue.kind !== 'tag' || cue.where !== 'pre' || cue.referent.via !== 'name' || cue.referent.descriptive)
    return false;
  const tokens = doc.layer('tokens');
  const quote = doc.layer('quotes')[turn.quotes[0]!]!;
  const para = doc.layer('paragraphs')[turn.paragraph]!;
  const t = cue.referent.token;
  if (tokens.start[t]! < para.start) return false;
  let q = t;
  while (q < tokens.count && tokens.start[q]! < quote.spans[0]![0]) q++;
  const gap = q - t;
  return gap >= 2 && gap <= 12;
}

/**
 * Whether the paragraph of a turn's last quotation goes on after it with a further sentence of
 * narration: a sentence that starts after the quotation with words between (the tag or a first
 * sentence), before the next turn's paragraph.
 */
export function narrationGoesOn(doc: StoryDocument, prev: Turn, next: Turn): boolean {
  const quotes = doc.layer('quotes');
  const paragraphs = doc.layer('paragraphs');
  const sentences = doc.layer('sentences');
  const end = quotes[prev.quotes[prev.quotes.length - 1]!]!.spans.at(-1)![1];
  let p = prev.paragraph;
  while (p < next.paragraph && paragraphs[p]!.end < end) p++;
  if (p >= next.paragraph) return false;
  for (let s = paragraphs[p]!.sentenceStart; s < paragraphs[p]!.sentenceEnd; s++) {
    const start = sentences[s]!.start;
    if (start > end && /\p{L}/u.test(doc.text.slice(end, start))) return true;
  }
  return false;
}

/**
 * For a pronoun cue: which same-gender candidates the narration before it puts in subject position.
 * The subject of the last narration sentence (in the turn's paragraph, or the paragraph before,
 * which inside a run of dialogue is usually the previous speaker's), of the paragraph's first
 * sentence, the most recent named subject of that gender, and the most salient named candidate of
 * that gender (subjects count double, weight halving with each sentence back). Pronoun subjects
 * take part only in the last-sentence features: elsewhere they repeat the coref stage's errors.
 */
function subjectFeatures(
  doc: StoryDocument,
  turn: Turn,
  cue: Cue,
  candidates: number[],
  nm: NarrationMentions,
  inRun: boolean,
): EmissionFeature[][] {
  const characters = doc.layer('characters');
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  const quotes = doc.layer('quotes');
  const out: EmissionFeature[][] = [];
  for (let k = 0; k < candidates.length; k++) out.push([]);
  const gender = cue.referent.gender;
  const sameGender = new Map<number, number>();
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    // "said he to Temple": whoever the tag speaks to is not who its pronoun stands for.
    if (characters[c]!.gender.label === gender && c !== cue.object?.character) sameGender.set(c, k);
  }
  if (sameGender.size === 0) return out;
  const para = turn.paragraph;
  const firstQuote = quotes[turn.quotes[0]!]!.spans[0]![0];
  const limit = Math.min(tokens.start[cue.referent.token]!, firstQuote);
  let lastSentence = -1;
  // The first subject of the last sentence with one (overwritten while walking back).
  let lastSentenceSubject = -1;
  let lastSentencePara = -1;
  let firstSubject = -1;
  let namedSubjectDone = false;
  const score = new Map<number, number>();
  let top = -1;
  for (let j = lastMentionBefore(nm, limit); j >= 0; j--) {
    const p = nm.paragraph[j]!;
    if (para - p > 6) break;
    const s = nm.sentence[j]!;
    const subject = nm.subject[j] === 1;
    const named = nm.pronoun[j] === 0;
    const k = sameGender.get(nm.character[j]!);
    if (top < 0) top = s;
    if (subject && lastSentence < 0 && para - p <= 1) lastSentence = s;
    if (subject && s === lastSentence) {
      lastSentenceSubject = k ?? -1;
      lastSentencePara = p;
    }
    if (k === undefined) continue;
    if (subject && p === para && s === firstSentenceOf(sentences, para, s)) firstSubject = k;
    if (subject && named && !namedSubjectDone) {
      out[k]!.push('pronoun-cue-last-named-subject-of-gender');
      namedSubjectDone = true;
    }
    if (named && para - p <= 3) {
      const w = (subject ? 2 : 1) * 0.5 ** Math.min(12, top - s);
      score.set(k, (score.get(k) ?? 0) + w);
    }
  }
  if (lastSentenceSubject >= 0)
    out[lastSentenceSubject]!.push(
      lastSentencePara === para
        ? 'pronoun-cue-subject-last-sentence'
        : inRun
          ? 'in-run-pronoun-cue-subject-last-sentence-prev-para'
          : 'pronoun-cue-subject-last-sentence-prev-para',
    );
  if (firstSubject >= 0) out[firstSubject]!.push('pronoun-cue-subject-paragraph-first');
  const best = argmaxUnique(score);
  if (best >= 0) out[best]!.push('pronoun-cue-salient-named-of-gender');
  return out;
}

/**
 * "said her mother", "his father cried": the candidates who are that relative (kin.ts relativeOf)
 * of another candidate of the possessive's sex — whoever "her" stands for, the daughter is most
 * likely among those present, and a sister's surname finds the mother of one the cast names by
 * her first name only.
 */
function kinOfCandidates(
  characters: readonly Character[],
  candidates: readonly number[],
  cue: Cue | undefined,
  tokens: TokenLayer,
): Set<number> {
  const out = new Set<number>();
  if (cue?.kind !== 'tag' || (cue.referent.via !== 'nominal' && !cue.referent.descriptive)) return out;
  const word = tokens.lower[cue.referent.token]!;
  const possessive = tokens.lower[cue.referent.token - 1] ?? '';
  const gender = PERSONAL_POSSESSIVES.get(possessive);
  if (!KIN.has(word) || !gender) return out;
  for (const o of candidates) {
    if (characters[o]!.gender.label !== gender) continue;
    const r = relativeOf(characters, o, word);
    if (r >= 0 && r !== cue.referent.owner && candidates.includes(r)) out.add(r);
  }
  return out;
}

function argmaxUnique(score: Map<number, number>): number {
  let best = -1;
  let bestScore = 0;
  let tie = false;
  for (const [k, v] of score) {
    if (v > bestScore) {
      best = k;
      bestScore = v;
      tie = false;
    } else if (v === bestScore) tie = true;
  }
  return tie ? -1 : best;
}

/** Index of the first sentence of paragraph `para`, walking back from sentence s inside it. */
function firstSentenceOf(sentences: readonly { paragraph: number }[], para: number, s: number): number {
  let f = s;
  while (f > 0 && sentences[f - 1]!.paragraph === para) f--;
  return f;
}

function cueFeatures(cue: Cue, c: number, ch: Character, f: Float32Array): void {
  const r = cue.referent;
  if (cue.kind === 'tag') {
    if (r.via === 'name' && r.descriptive && r.owner >= 0) {
      // "said her father" read as the owner's one "Mr." of that surname (kin.ts): surer than a
      // description matched to a cast entry. The daughter herself is the one spoken of.
      f[r.character === c ? E['tag-kin-name'] : E['tag-kin-other']] = 1;
      if (r.owner === c) f[E['tag-possessor']] = 1;
    } else if (r.via === 'name' && r.descriptive) {
      if (r.character === c) f[E['tag-descriptor-name']] = 1;
      else if (genderRelation(ch, r.gender) === 'agree') f[E['tag-descriptor-other-same-gender']] = 1;
      else f[E['tag-names-other']] = 1;
    } else if (r.via === 'name') {
      if (r.character === c)
        f[
          cue.where === 'mid'
            ? E['tag-name-mid']
            : cue.where === 'post'
              ? E['tag-name-post']
              : E['tag-name-pre']
        ] = 1;
      else if (r.character >= 0) f[E['tag-names-other']] = 1;
    } else if (r.via === 'narrator') {
      f[ch.narrator ? E['tag-narrator'] : E['tag-narrator-other']] = 1;
    } else {
      // "he said", "said the man": third person, never the "I" who narrates.
      const rel = ch.narrator ? 'clash' : genderRelation(ch, r.gender);
      if (r.via === 'pronoun') {
        f[
          rel === 'agree'
            ? E['tag-pronoun-agree']
            : rel === 'clash'
              ? E['tag-pronoun-clash']
              : E['tag-pronoun-unknown-gender']
        ] = 1;
        if (r.corefGuess === c) f[E['tag-pronoun-coref']] = 1;
      } else if (rel !== 'unknown') {
        f[rel === 'agree' ? E['tag-nominal-agree'] : E['tag-nominal-clash']] = 1;
      }
    }
    return;
  }
  if (r.via === 'name') {
    if (r.character === c)
      f[
        cue.where === 'pre'
          ? E['beat-name-pre']
          : cue.where === 'mid'
            ? E['beat-name-mid']
            : E['beat-name-post']
      ] = 1;
    else if (r.character >= 0) f[E['beat-names-other']] = 1;
  } else if (r.via === 'narrator') {
    if (ch.narrator) f[E['beat-narrator']] = 1;
  } else if (r.via === 'pronoun') {
    const rel = ch.narrator ? 'clash' : genderRelation(ch, r.gender);
    if (rel !== 'unknown') f[rel === 'agree' ? E['beat-pronoun-agree'] : E['beat-pronoun-clash']] = 1;
    if (r.corefGuess === c) f[E['beat-pronoun-coref']] = 1;
  }
}

/** Salience margin under which the coref stage's pick for a tag pronoun is a near thing. */
const UNSURE_MARGIN = 2;
/** Margin under which its runner-up is still a contender. */
const RUNNER_UP_MARGIN = 4;

/**
 * "'…,' he said" where coref weighed two men of near salience: its pick is less sure
 * (`tag-pronoun-coref-unsure`) and the runner-up a contender (`tag-pronoun-coref-runner-up`);
 * where no other character of that gender was salient at all, the pick is all but certain
 * (`tag-pronoun-coref-alone`).
 */
function corefMarginFeatures(m: Mention, c: number, f: Float32Array): void {
  const margin = m.margin ?? Number.POSITIVE_INFINITY;
  if (m.character === c) {
    if (margin < UNSURE_MARGIN) f[E['tag-pronoun-coref-unsure']] = 1;
    if ((m.runnerUp ?? -1) < 0 && margin === Number.POSITIVE_INFINITY) f[E['tag-pronoun-coref-alone']] = 1;
  } else if (m.runnerUp === c && margin < RUNNER_UP_MARGIN) f[E['tag-pronoun-coref-runner-up']] = 1;
}

/** The voice features of candidate c at turn `turn` (index over the whole document's turns). */
function setVoice(f: Float32Array, at: number, style: StyleIndex, turn: number, c: number): void {
  const voice = styleScore(style, turn, c);
  f[at + E['length-like-speaker']] = lengthScore(style, turn, c);
  f[at + E['style-unknown']] = Number.isNaN(voice) ? 1 : 0;
  f[at + E['style-similarity']] = Number.isNaN(voice) ? 0 : Math.max(-1.5, Math.min(1.5, voice));
}

/**
 * Rewrites a conversation's voice and speaker-frequency features for the second decoding: voices
 * from another style index over the same turns, frequency from `counts` (per character, on the
 * scale of named tags) — both fed by the first decoding's confident attributions (`feed`), as are
 * the participant and return (threeVoices) features.
 */
export function rescoreFromFirstPass(
  conv: ConversationFeatures,
  style: StyleIndex,
  counts: Float64Array,
  feed: Int32Array,
  described: ReadonlyMap<string, readonly number[]>,
): void {
  const firstTurn = conv.firstTurn;
  const C = conv.candidates.length;
  const T = conv.turns.length;
  // Confident first-pass turns of each candidate in this conversation.
  const spoke = new Int32Array(C);
  for (let i = 0; i < conv.turns.length; i++) {
    const k = conv.candidates.indexOf(feed[firstTurn + i]!);
    if (k >= 0) spoke[k]!++;
  }
  for (let i = 0; i < conv.turns.length; i++) {
    for (let k = 0; k < C; k++) {
      const c = conv.candidates[k]!;
      // Offsets into the emission rows, not a subarray view per turn and candidate.
      const f = conv.emission;
      const at = (i * C + k) * NE;
      setVoice(f, at, style, firstTurn + i, c);
      f[at + E['speaker-frequency']] = speakerFrequency(counts[c]!);
      const others = spoke[k]! - (feed[firstTurn + i] === c ? 1 : 0);
      f[at + E['first-pass-participant']] = others > 0 ? 1 : 0;
      f[at + E['first-pass-returns']] = i >= 3 && threeVoices(feed, firstTurn + i - 3) === c ? 1 : 0;
      f[at + E['first-pass-returns-ahead']] =
        i + 3 < T && threeVoices(feed, firstTurn + i + 1) >= 0 && feed[firstTurn + i + 3] === c ? 1 : 0;
    }
    const key = conv.descriptions[i]!;
    const remembered = key ? rememberedSpeaker(described.get(key), feed, firstTurn + i) : -1;
    for (let k = 0; k < C; k++)
      conv.emission[(i * C + k) * NE + E['tag-nominal-remembered']] =
        conv.candidates[k] === remembered ? 1 : 0;
  }
}

/**
 * The speaker of turn j when turns j, j+1 and j+2 have three different speakers in `speakers` (the
 * first decoding's confident attributions, -1 where none), else -1. Talk among three often comes
 * back to the first of them (A, B, C, then A): a return the chain's transitions — the same voice,
 * the one before, or a new one — cannot tell from any other new voice. `first-pass-returns` marks
 * A in the turn after the three; `first-pass-returns-ahead` marks, in the turn before B and C, the
 * A who speaks after them.
 */
export function threeVoices(speakers: Int32Array, j: number): number {
  const a = speakers[j]!;
  const b = speakers[j + 1]!;
  const c = speakers[j + 2]!;
  return a >= 0 && b >= 0 && c >= 0 && a !== b && b !== c && a !== c ? a : -1;
}

/** Turns either side of a descriptive tag whose confident speakers the description recalls. */
const DESCRIPTION_MEMORY_TURNS = 200;

/**
 * "said the old man" many times over a chapter: the speaker the first decoding gave most of the
 * other turns tagged with the same description nearby (`turns`: document turn indices, ascending), or -1
 * when none is confident or two tie.
 */
export function rememberedSpeaker(
  turns: readonly number[] | undefined,
  feed: Int32Array,
  turn: number,
): number {
  if (!turns) return -1;
  const votes = new Map<number, number>();
  // `turns` is in ascending order (describedTurns): start at the window's first turn.
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (turns[mid]! < turn - DESCRIPTION_MEMORY_TURNS) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < turns.length && turns[j]! <= turn + DESCRIPTION_MEMORY_TURNS; j++) {
    const t = turns[j]!;
    if (t === turn) continue;
    const c = feed[t]!;
    if (c >= 0) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  return argmaxUnique(votes);
}

/** For each description tags call a speaker by, the document turns so tagged. */
export function describedTurns(convs: readonly ConversationFeatures[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const conv of convs)
    for (let i = 0; i < conv.descriptions.length; i++) {
      const key = conv.descriptions[i]!;
      if (!key) continue;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push(conv.firstTurn + i);
    }
  // Conversations come in text order, so each list is ascending already; rememberedSpeaker relies on it.
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** The speaker-frequency feature of a character with `count` tagged turns in the book. */
function speakerFrequency(count: number): number {
  return Math.log1p(count) / 3;
}
