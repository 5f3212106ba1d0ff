import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import { CLOSE_WORDS } from '../lexicon/letters.js';
import { speechVerbBase, THOUGHT_VERBS, WRITING_VERBS } from '../lexicon/speech-verbs.js';
import type { CharacterCluster } from './cluster.js';
import type { NarratorFinding } from './detect.js';
import type { NameSpan, TokenFacts } from './names.js';

/**
 * A first-person narrator: "I", "me", "my" in narration (outside quotations). In the 21 PDNC novels
 * third-person narration has at most 1.6 first-person pronouns per 1,000 narration tokens (an
 * authorial "I" now and then); first-person novels have 25 to 46.
 */
const FIRST_PERSON_PER_MILLE = 8;

const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine']);

/**
 * …and "I", "me" or "my" in at least this share of the narration's sentences, and in this many at
 * least: a narrator tells more than a line or two. (Letters and other documents set out as blocks
 * of narration do not count: see `letterParagraphs`.) PDNC's four first-person novels have 16 to
 * 38% of their narration sentences in the first person, its third-person ones at most 1%; LitBank's
 * first-person excerpts have 3.4% (Heart of Darkness' frame narrator) and more.
 */
const FIRST_PERSON_SENTENCE_SHARE = 0.03;
const MIN_FIRST_PERSON_SENTENCES = 3;

/** How much of the narration speaks in the first person (outside quotations, headings and letters). */
export interface FirstPersonNarration {
  /** Narration tokens. */
  narration: number;
  /** First-person pronouns among them. */
  first: number;
  /** Sentences with narration tokens. */
  sentences: number;
  /** Of those, the sentences with a first-person pronoun in their narration. */
  firstSentences: number;
}

/** Letters set out in the narration from which the story is one told in letters. */
const EPISTOLARY_LETTERS = 3;

export function firstPersonNarration(doc: StoryDocument, facts: TokenFacts): FirstPersonNarration {
  const tokens = doc.layer('tokens');
  const found = letterParagraphs(doc);
  // A story told in letters (three letters or more, or letters nearly all its prose): the letter
  // writer is the narrator, so the letters are its narration.
  let prose = 0;
  for (const p of doc.layer('paragraphs')) if (p.kind === 'prose') prose++;
  let blocks = 0;
  for (const p of found) if (!found.has(p - 1)) blocks++;
  const letters = blocks >= EPISTOLARY_LETTERS || found.size * 10 >= prose * 9 ? new Set<number>() : found;
  const sentences = doc.layer('sentences');
  const out: FirstPersonNarration = { narration: 0, first: 0, sentences: 0, firstSentences: 0 };
  let lastSentence = -1;
  let lastFirst = -1;
  for (let t = 0; t < tokens.count; t++) {
    if (facts.inQuote[t] === 1 || facts.heading[t] === 1) continue;
    const s = tokens.sentence[t]!;
    if (letters.size > 0 && letters.has(sentences[s]!.paragraph)) continue;
    out.narration++;
    if (s !== lastSentence) {
      out.sentences++;
      lastSentence = s;
    }
    // "i", "me", "my", "mine", "myself": 1, 2, 4 or 6 letters, read from the offsets before the
    // token's string is touched.
    const length = tokens.end[t]! - tokens.start[t]!;
    if (length !== 1 && length !== 2 && length !== 4 && length !== 6) continue;
    const w = tokens.lower[t]!;
    const c = w.charCodeAt(0);
    if ((c === 105 || c === 109) && FIRST_PERSON.has(w)) {
      out.first++;
      if (s !== lastFirst) {
        out.firstSentences++;
        lastFirst = s;
      }
    }
  }
  return out;
}

/** A letter's salutation opening its paragraph: "Dear Iris,", "My dearest Tom —", "Dear Sir". */
const SALUTATION =
  /^\s*(?:[Mm]y\s+)?(?:[Dd]ear|[Dd]earest|[Dd]arling)\s+(?:\p{Lu}[\p{L}.'\u2019-]*\s*){1,3}[,:!\u2014-]/u;
/** A signature: one to three capitalised words ("Bartholomew", "A. Hale", "Aunt Mags"). */
const SIGNATURE = String.raw`(?:\p{Lu}[\p{L}.'\u2019-]*\s*){1,3}[.!]?\s*$`;
/** A close and its signature ending a paragraph: "…I will be home by spring. Your loving uncle, Bartholomew." */
const VALEDICTION = new RegExp(
  String.raw`(?:^|[.!?,;\u2014]\s*|\n\s*)${CLOSE_WORDS}\s*[,\u2014-]\s*${SIGNATURE}`,
  'u',
);
/** A close alone on its line ("Yours ever,"), the signature on the next. */
const CLOSE_LINE = new RegExp(String.raw`^\s*${CLOSE_WORDS}\s*[,\u2014-]?\s*$`, 'u');
const SIGNATURE_LINE = new RegExp(String.raw`^\s*${SIGNATURE}`, 'u');
/** A letter runs from its salutation to its close over at most this many paragraphs. */
const LETTER_PARAGRAPHS = 12;

/**
 * Paragraphs of narration that are a letter, a note or a diary entry set out as a block: from a
 * paragraph that opens with a salutation ("Dear Iris, I am writing…") to the one that ends with a
 * close ("…Your loving uncle, Bartholomew."), or the single paragraph holding either. Their "I" is
 * the letter writer's, not a narrator's.
 */
export function letterParagraphs(doc: StoryDocument): Set<number> {
  const paragraphs = doc.layer('paragraphs');
  const out = new Set<number>();
  const textOf = (i: number): string => doc.text.slice(paragraphs[i]!.start, paragraphs[i]!.end);
  const prose = (i: number): boolean => i < paragraphs.length && paragraphs[i]!.kind === 'prose';
  // The last paragraph of a close that ends at paragraph `i` (its signature may be the next line), or -1.
  const closeEnd = (i: number): number => {
    const text = textOf(i);
    if (VALEDICTION.test(text)) return i;
    if (!CLOSE_LINE.test(text)) return -1;
    return prose(i + 1) && SIGNATURE_LINE.test(textOf(i + 1)) ? i + 1 : i;
  };
  for (let i = 0; i < paragraphs.length; i++) {
    if (!prose(i)) continue;
    const opens = SALUTATION.test(textOf(i));
    let end = closeEnd(i);
    if (!opens && end < 0) continue;
    if (opens && end < 0)
      for (let j = i + 1; j < paragraphs.length && j <= i + LETTER_PARAGRAPHS && prose(j); j++) {
        end = closeEnd(j);
        if (end >= 0) break;
      }
    if (end < 0) end = i;
    for (let k = i; k <= end; k++) out.add(k);
    i = end;
  }
  return out;
}

/**
 * The narrator's name is the one others use for them: a name scores 1 for each time another
 * speaker calls it ("Get me some water, Jake," he said), half for a call whose speaker is unknown,
 * half for another speaker's mention of it ("Is this really Nora?" she said), and loses 1 for each
 * time the narrator calls it ("Thanks, Tom," I said): a name the narrator says is someone else's.
 * It must reach this score, with at least one call not made by the narrator.
 */
const NAME_SCORE = 2;
/** …and be named in narration at most this share of the time. */
const NAME_NARRATION_SHARE = 0.1;

/** Who speaks a quotation, from its tag or from the turns around it. */
const VOICE_UNKNOWN = 0;
const VOICE_NARRATOR = 1;
const VOICE_OTHER = 2;

/** Words after a speech verb that make its subject someone else: "said he", "said the colonel". */
const OTHER_AFTER = new Set(['he', 'she', 'the', 'my', 'his', 'her', 'our', 'their']);
const OTHER_BEFORE = new Set(['he', 'she']);

/**
 * Whether the text has a first-person narrator, and which name cluster (if any) is the narrator's
 * name: the narrator is named only by others, so it is the name other speakers call out inside
 * quotations and that almost never appears in narration ("Hastings", "Watson").
 */
export function detectNarrator(
  doc: StoryDocument,
  facts: TokenFacts,
  clusters: readonly CharacterCluster[],
  spans: readonly NameSpan[],
): NarratorFinding | undefined {
  const tokens = doc.layer('tokens');
  const voice = firstPersonNarration(doc, facts);
  if (
    voice.narration === 0 ||
    (voice.first * 1000) / voice.narration < FIRST_PERSON_PER_MILLE ||
    voice.firstSentences < MIN_FIRST_PERSON_SENTENCES ||
    voice.firstSentences < FIRST_PERSON_SENTENCE_SHARE * voice.sentences
  )
    return undefined;
  const voices = quotationVoices(doc, facts);
  const quotationAt = (offset: number): number => {
    // The quotation holding `offset` (binary search over the sorted starts), or -1.
    let lo = 0;
    let hi = voices.starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (voices.starts[mid]! <= offset) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && offset < voices.ends[at]! ? at : -1;
  };
  let best = -1;
  let bestScore = NAME_SCORE - 1e-9;
  clusters.forEach((c, i) => {
    if (c.the) return;
    let count = 0;
    let inQuote = 0;
    for (const f of c.forms) {
      count += f.count;
      inQuote += f.inQuote;
    }
    if (count - inQuote > NAME_NARRATION_SHARE * count) return;
    let score = 0;
    let called = 0;
    let mentioned = 0;
    for (const f of c.forms) {
      for (const s of f.spans) {
        const span = spans[s];
        if (!span || facts.inQuote[span.first] !== 1) continue;
        const at = quotationAt(tokens.start[span.first]!);
        const voice = at >= 0 ? voices.voice[at]! : VOICE_UNKNOWN;
        if (span.vocative) {
          if (voice === VOICE_NARRATOR) score -= 1;
          else {
            called++;
            score += voice === VOICE_OTHER ? 1 : 0.5;
            // The narrator answers the call in the next turn: they were the one called.
            if (voices.answered[at] === 1) score += 0.5;
          }
        } else if (voice === VOICE_OTHER) mentioned++;
      }
    }
    score += 0.5 * Math.min(mentioned, called);
    if (called > 0 && score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return { cluster: best };
}

/**
 * The voice of every top-level quotation: the narrator's when its paragraph tags it "I said" or
 * "said I", another speaker's when it is tagged "he said", "said the colonel", "Piers said"; an
 * untagged quotation next to a tagged one in the paragraph before or after takes the other turn
 * (the narrator answers "he said", and is answered after "I said").
 */
function quotationVoices(
  doc: StoryDocument,
  facts: TokenFacts,
): { starts: number[]; ends: number[]; voice: number[]; answered: Uint8Array } {
  const tokens = doc.layer('tokens');
  const paragraphs = doc.layer('paragraphs');
  const quotes = doc.layer('quotes').filter((q) => q.parent === undefined && q.spans.length > 0);
  const tagged: number[] = [];
  let t = 0;
  for (const q of quotes) {
    // Only words within TAG_REACH of the quotation's ends can be its tag (nextTo): a paragraph of
    // many quotations (a hard-wrapped file read as one paragraph) is not scanned once per quotation.
    const from = Math.max(paragraphs[q.paragraph]!.start, q.spans[0]![0] - TAG_REACH - MAX_TAG_WORD);
    const to = Math.min(paragraphs[q.paragraphEnd]!.end, q.spans.at(-1)![1] + TAG_REACH + 1);
    while (t > 0 && tokens.start[t - 1]! >= from) t--;
    while (t < tokens.count && tokens.start[t]! < from) t++;
    let narrator = false;
    let other = false;
    for (let k = t; k < tokens.count && tokens.start[k]! < to; k++) {
      if (facts.inQuote[k] === 1 || !nextTo(doc.text, q.spans, tokens.start[k]!, tokens.end[k]!)) continue;
      const base = speechVerbBase(tokens.lower[k]!);
      if (base === undefined || THOUGHT_VERBS.has(base) || WRITING_VERBS.has(base)) continue;
      const before = k > 0 && facts.inQuote[k - 1] === 0 ? tokens.lower[k - 1]! : '';
      const after = k + 1 < tokens.count && facts.inQuote[k + 1] === 0 ? tokens.lower[k + 1]! : '';
      if (before === 'i' || after === 'i') narrator = true;
      else if (
        OTHER_BEFORE.has(before) ||
        OTHER_AFTER.has(after) ||
        (k > 0 && facts.inQuote[k - 1] === 0 && tokens.pos[k - 1] === POS.PROPN) ||
        (k + 1 < tokens.count && facts.inQuote[k + 1] === 0 && tokens.pos[k + 1] === POS.PROPN)
      )
        other = true;
    }
    tagged.push(narrator === other ? VOICE_UNKNOWN : narrator ? VOICE_NARRATOR : VOICE_OTHER);
  }
  const voice = tagged.slice();
  for (let i = 0; i < quotes.length; i++) {
    if (tagged[i] !== VOICE_UNKNOWN) continue;
    const q = quotes[i]!;
    let narrator = false;
    let other = false;
    const prev = i > 0 ? quotes[i - 1]! : undefined;
    if (prev && prev.paragraphEnd === q.paragraph - 1) {
      if (tagged[i - 1] === VOICE_NARRATOR) other = true;
      else if (tagged[i - 1] === VOICE_OTHER) narrator = true;
    }
    const next = i + 1 < quotes.length ? quotes[i + 1]! : undefined;
    if (next && next.paragraph === q.paragraphEnd + 1) {
      if (tagged[i + 1] === VOICE_NARRATOR) other = true;
      else if (tagged[i + 1] === VOICE_OTHER) narrator = true;
    }
    if (narrator !== other) voice[i] = narrator ? VOICE_NARRATOR : VOICE_OTHER;
  }
  // A quotation not the narrator's, followed in the next paragraph by one that is.
  const answered = new Uint8Array(quotes.length);
  for (let i = 0; i + 1 < quotes.length; i++)
    if (
      voice[i] !== VOICE_NARRATOR &&
      voice[i + 1] === VOICE_NARRATOR &&
      quotes[i + 1]!.paragraph === quotes[i]!.paragraphEnd + 1
    )
      answered[i] = 1;
  return {
    answered,
    starts: quotes.map((q) => q.spans[0]![0]),
    ends: quotes.map((q) => q.spans.at(-1)![1]),
    voice,
  };
}

/**
 * A tag stands next to a piece of its quotation, in the same sentence: `"…," I said` or
 * `said Piers, "…"`, not the next sentence's "I said that I always did."
 */
const TAG_REACH = 24;
/** Characters a tag's word may run to before TAG_REACH is measured from its end ("interrupted"). */
const MAX_TAG_WORD = 32;

function nextTo(
  text: string,
  pieces: readonly (readonly [number, number])[],
  start: number,
  end: number,
): boolean {
  for (const [a, b] of pieces) {
    // After a piece that does not end its sentence (not `tired." I told him`), with no sentence
    // end between the closing quotation mark and the verb.
    if (
      start >= b &&
      start - b <= TAG_REACH &&
      text[b - 1] !== '.' &&
      !/[.!?]/.test(text.slice(b + 1, start))
    )
      return true;
    if (end <= a && a - end <= TAG_REACH && !/[.!?]/.test(text.slice(end, a - 1))) return true;
  }
  return false;
}
