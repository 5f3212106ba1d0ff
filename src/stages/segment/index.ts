import type { StoryDocument } from '../../engine/document.js';
import { POS, POS_TAGS, posId } from '../../engine/pos.js';
import type { Stage } from '../../engine/stage.js';
import { isUpperCode } from '../../engine/tokens.js';
import type { Paragraph, Sentence, TokenLayer } from '../../engine/types.js';
import { speechVerbBase } from '../lexicon/speech-verbs.js';
import { isTitleLine, paragraphKind } from './paragraph-kind.js';
import { wink } from './wink.js';

/**
 * Paragraphs, sentences and tokens with part of speech.
 *
 * The working text has one paragraph per line (ingest/normalise unwrapped hard-wrapped lines), so
 * paragraphs are its non-blank lines. wink-nlp tokenises and tags the whole body in one call
 * (per-paragraph calls cost 3× more); its sentences are then cut at paragraph ends and repaired
 * for dialogue punctuation, which wink's sentence splitter does not know.
 */
export const segmentStage: Stage<'paragraphs' | 'sentences' | 'tokens'> = {
  name: 'segment',
  requires: [],
  provides: ['paragraphs', 'sentences', 'tokens'],
  run(doc) {
    const paragraphs = findParagraphs(doc);
    const { tokens, winkSentenceStarts } = tokenise(doc);
    const sentences = buildSentences(doc.text, tokens, paragraphs, winkSentenceStarts);
    return { paragraphs, sentences, tokens };
  },
};

function findParagraphs(doc: StoryDocument): Paragraph[] {
  const text = doc.text;
  const out: Paragraph[] = [];
  let lineStart = doc.body.start;
  const end = doc.body.end;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s)
      out.push({ start: s, end: e, sentenceStart: 0, sentenceEnd: 0, kind: paragraphKind(text, s, e) });
    lineStart = lineEnd + 1;
  }
  // A plain-text story's first line is usually its title; markup formats mark their headings.
  const first = out[0];
  if (
    doc.source.format === 'txt' &&
    first &&
    out.length > 1 &&
    first.kind === 'prose' &&
    isTitleLine(text.slice(first.start, first.end))
  ) {
    first.kind = 'heading';
  }
  return out;
}

function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b)
  );
}

interface Tokenised {
  tokens: TokenLayer;
  /** For every token, 1 when wink starts a sentence there. */
  winkSentenceStarts: Uint8Array;
}

/**
 * Characters of text handed to wink-nlp at a time, cut at a line break. No sentence crosses a line
 * break of the working text, so nothing is lost at the cuts, and small chunks are much faster:
 * wink's working arrays stay in the young generation and in cache. Measured on one core over
 * Middlemarch (wink with its outputs): 2 KB 554 ms, 4 KB 520, 8 KB 473, 16 KB 532, 64 KB 608,
 * 256 KB 748, the whole book in one call 789.
 */
const CHUNK = 8 * 1024;

/** Token arrays that grow as chunks come in. */
class TokenBuilder {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  pos: Uint8Array;
  sentenceStart: Uint8Array;
  readonly lower: string[] = [];
  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.pos = new Uint8Array(capacity);
    this.sentenceStart = new Uint8Array(capacity);
  }
  reserve(extra: number): void {
    const need = this.count + extra;
    if (need <= this.start.length) return;
    const size = Math.max(need, this.start.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.start = grow(this.start, (n) => new Int32Array(n));
    this.end = grow(this.end, (n) => new Int32Array(n));
    this.pos = grow(this.pos, (n) => new Uint8Array(n));
    this.sentenceStart = grow(this.sentenceStart, (n) => new Uint8Array(n));
  }
}

function tokenise(doc: StoryDocument): Tokenised {
  const text = doc.text;
  const from = doc.body.start;
  const to = doc.body.end;
  // About one token per five characters of prose; the builder grows if a text is denser.
  const built = new TokenBuilder(Math.ceil((to - from) / 4) + 16);
  for (let chunkStart = from; chunkStart < to; ) {
    let chunkEnd = Math.min(to, chunkStart + CHUNK);
    if (chunkEnd < to) {
      const cut = text.lastIndexOf('\n', chunkEnd);
      chunkEnd = cut > chunkStart ? cut + 1 : text.indexOf('\n', chunkEnd) + 1 || to;
    }
    tokeniseChunk(text, chunkStart, chunkEnd, built);
    chunkStart = chunkEnd;
  }
  const count = built.count;
  const winkSentenceStarts = new Uint8Array(count + 1);
  winkSentenceStarts.set(built.sentenceStart.subarray(0, count));
  return {
    tokens: {
      count,
      start: built.start.slice(0, count),
      end: built.end.slice(0, count),
      pos: built.pos.slice(0, count),
      sentence: new Int32Array(count),
      lower: built.lower,
    },
    winkSentenceStarts,
  };
}

/** Tokenises text[from, to) with wink-nlp, appending words and punctuation (not whitespace). */
function tokeniseChunk(text: string, from: number, to: number, out: TokenBuilder): void {
  const nlp = wink();
  const its = nlp.its;
  const wdoc = nlp.readDoc(text.slice(from, to));
  const all = wdoc.tokens();
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  const n = values.length;
  // Room for the tokens, and for a second one wherever a token ending in a full stop ("I.",
  // "in.") may be split below.
  let splits = 0;
  for (let i = 0; i < n; i++) if (values[i]!.charCodeAt(values[i]!.length - 1) === 46) splits++;
  out.reserve(n + splits);
  const keptIndex = new Int32Array(n + 1);
  const first = out.count;
  // Token values are verbatim substrings in order, so offsets come from skipping the whitespace
  // before each one (cheaper than asking wink for every token's preceding spaces).
  let offset = from;
  let count = first;
  // Token index after a split full stop ("I.", "in.": see below), whose capital then opens a sentence.
  let splitAfterStop = -1;
  // Token indices right after a title rejoined to its full stop (see below): no sentence starts there.
  let titleEnds: number[] | undefined;
  const { start, end, pos, lower } = out;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    keptIndex[i] = count;
    const tag = tags[i]!;
    if (tag === 'SPACE' || isSpace(value.charCodeAt(0))) {
      offset = text.indexOf(value, offset) + value.length;
      continue;
    }
    while (isSpace(text.charCodeAt(offset))) offset++;
    // A word wink joined to the full stop that ends its sentence, split in two:
    // - `"There, sir!" said I.`: wink reads "I." as an initial; after a word in lower case or
    //   punctuation it is the pronoun ending a sentence ("Mary I. Jones" keeps its initial);
    // - `Mrs. Braddocks put in.`, `she was ill.`: wink reads the last word and its stop as an
    //   abbreviation ("in." inches, "ill." Illinois) and runs the sentence on.
    const wordPos = splitWordPos(value, tag, text, offset, count > first ? start[count - 1]! : -1);
    if (wordPos >= 0) {
      start[count] = offset;
      end[count] = offset + value.length - 1;
      pos[count] = wordPos;
      lower.push(value.slice(0, -1).toLowerCase());
      count++;
      start[count] = offset + value.length - 1;
      end[count] = offset + value.length;
      pos[count] = POS.PUNCT;
      lower.push('.');
      count++;
      offset += value.length;
      splitAfterStop = count;
      continue;
    }
    // After a split full stop a capital, or an opening quotation mark before one, starts a sentence.
    if (
      count === splitAfterStop &&
      (isUpperCode(text.charCodeAt(offset)) || opensQuotedCapital(value, text, offset))
    )
      out.sentenceStart[count] = 1;
    if (
      values[i + 1] === '.' &&
      text.charCodeAt(offset + value.length) === 46 &&
      isSplitTitle(value, text, offset)
    ) {
      // `Mlle. Blanche`, `Rev. Cuthbert Eager`: a title wink cuts from its full stop (ending the
      // sentence there) is one token, as wink keeps `Mrs.` and `Dr.`, and the name goes on the sentence.
      start[count] = offset;
      end[count] = offset + value.length + 1;
      pos[count] = POS.PROPN;
      lower.push(value.toLowerCase() + '.');
      count++;
      offset += value.length + 1;
      keptIndex[i + 1] = count;
      i++;
      (titleEnds ??= []).push(count);
      continue;
    }
    start[count] = offset;
    end[count] = offset + value.length;
    pos[count] = posId(tag);
    lower.push(value.toLowerCase());
    count++;
    offset += value.length;
  }
  keptIndex[n] = count;
  out.count = count;
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  for (const span of spans) {
    const k = keptIndex[span[0]]!;
    if (k < count) out.sentenceStart[k] = 1;
  }
  if (titleEnds) for (const k of titleEnds) if (k < count) out.sentenceStart[k] = 0;
}

/** Titles wink splits from their full stop (it keeps `Mr.`, `Mrs.`, `Dr.`, `Capt.` whole). */
const SPLIT_TITLES: ReadonlySet<string> = new Set([
  'mlle',
  'mme',
  'mmes',
  'rev',
  'fr',
  'mons',
  'supt',
  'insp',
  'cpl',
  'maj',
  'adm',
  'cmdr',
  'mx',
]);

/** Whether `value` at `offset` is such a title, followed by its full stop and a capitalised name. */
function isSplitTitle(value: string, text: string, offset: number): boolean {
  if (!SPLIT_TITLES.has(value.toLowerCase()) || !isUpperCode(value.charCodeAt(0))) return false;
  let k = offset + value.length + 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  return k > offset + value.length + 1 && isUpperCode(text.charCodeAt(k));
}

/**
 * The part of speech of a token `value` (at `offset`) to split into a word and the full stop that
 * ends its sentence, or -1 to keep it whole. `before` is where the token before it starts (-1: none).
 */
function splitWordPos(value: string, tag: string, text: string, offset: number, before: number): number {
  if (value === 'I.') return before >= 0 && isPronounI(text, before) ? POS.PRON : -1;
  if (value.length < 2 || value.charCodeAt(value.length - 1) !== 46) return -1;
  return isMergedWordStop(value, text, offset) ? mergedWordPos(value, tag) : -1;
}

/**
 * The part of speech of a word split from its full stop: wink tagged the pair as an abbreviation
 * (a noun or a proper noun), so "in" is read as the particle it is at a sentence's end and a lower-case
 * word is never a proper noun.
 */
function mergedWordPos(value: string, tag: string): number {
  if (value === 'in.' || value === 'on.' || value === 'up.') return POS.ADP;
  const id = posId(tag);
  return id === POS.PROPN ? POS.NOUN : id;
}

/** Lower-case abbreviations that keep their full stop: "etc.", "&c.", "viz.". */
const LOWER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'etc.',
  'viz.',
  'cf.',
  'vs.',
  'v.',
  'al.',
  'ca.',
  'c.',
  'p.',
  'pp.',
  'st.',
  'mt.',
  'vol.',
  'sen.',
]);

/**
 * Whether `value` at `offset` is a lower-case word wink joined to the full stop ending its
 * sentence: letters then one full stop, no known abbreviation, and a capital, a quotation mark or
 * the end of the line after it (`No. 4` and `in. of rain` keep theirs).
 */
function isMergedWordStop(value: string, text: string, offset: number): boolean {
  const c0 = value.charCodeAt(0);
  if (c0 < 97 || c0 > 122 || LOWER_ABBREVIATIONS.has(value)) return false;
  for (let i = 1; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  let k = offset + value.length;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  if (k >= text.length) return true;
  const next = text.charCodeAt(k);
  return next === 10 || next === 13 || isUpperCode(next) || CLOSING_QUOTES.has(text[k]!);
}

/** Whether `value` at `offset` is an opening quotation mark with a capital right after it. */
function opensQuotedCapital(value: string, text: string, offset: number): boolean {
  return OPENING_QUOTES.has(value) && isUpperCode(text.charCodeAt(offset + value.length));
}

/** Whether the token starting at `at` before an "I." is a word in lower case or punctuation. */
function isPronounI(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return !isUpperCode(c);
}

const CLOSING_QUOTES = new Set(['"', '\u201d', '\u2019', "'", '\u00bb', '\u201c']);
const OPENING_QUOTES = new Set(['"', '\u201c', "'", '\u2018', '\u00ab']);
const TAG_PUNCT = new Set(['?', '!', ',', '\u2014', '\u2013', '-', '\u2026', '...', '--']);
/** Punctuation that breaks speech off without ending it: dashes and ellipses (`"But—"`, `"Well…"`). */
const BREAK_PUNCT = new Set(['\u2014', '\u2013', '-', '--', '\u2026', '...', '..']);

/**
 * Closed-class parts of speech. A capitalised word of one of these after a quotation or an
 * ellipsis is a sentence start ("The man said nothing", "Then she went on"), never the name that
 * opens a speech tag ("Emma asked").
 */
const CLOSED_CLASS = new Uint8Array(POS_TAGS.length);
for (const tag of ['DET', 'PRON', 'ADV', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'INTJ'] as const) {
  CLOSED_CLASS[POS[tag]] = 1;
}

/**
 * Cuts sentences at wink's boundaries and at paragraph ends, then repairs dialogue:
 * - `"Is that all?" she asked him.` is one sentence: a quotation ending in ? ! , a dash or an
 *   ellipsis, followed by a lower-case word, continues the sentence; so does one followed by a name
 *   and a speech verb (`"Yes?" Emma asked.`);
 * - `"Yes." Mr. Darcy bowed.` is two: a quotation closed after a full stop and followed by a capital
 *   starts a new sentence. After ? ! a dash or an ellipsis it does too, unless the capital opens a
 *   speech tag; a new quotation straight after a broken-off one (`"But—" "Enough!"`) starts one too;
 * - `She paused... Then she went on.` is two: after an ellipsis, a capitalised closed-class word
 *   (other than "I") starts a sentence;
 * - wink cuts `"Wait...”` after its first full stop; a run of full stops is never cut.
 */
function buildSentences(
  text: string,
  tokens: TokenLayer,
  paragraphs: Paragraph[],
  winkStarts: Uint8Array,
): Sentence[] {
  const n = tokens.count;
  const sentences: Sentence[] = [];
  const { start } = tokens;
  let p = 0;
  let sentenceStart = 0;
  let sentenceParagraph = -1;

  // No closure over the cursor: it would keep `sentenceStart` in a heap context in the token loop.
  for (let t = 0; t < n; t++) {
    const s = start[t]!;
    // Advance to the paragraph holding this token.
    let para = p;
    while (para < paragraphs.length && paragraphs[para]!.end <= s) para++;
    const newParagraph = para !== sentenceParagraph;
    if (t > sentenceStart && newParagraph)
      sentenceStart = closeSentence(tokens, sentences, sentenceStart, t, sentenceParagraph);
    else if (t > sentenceStart && winkStarts[t] === 1) {
      if (!continuesDialogue(text, tokens, t) && !insideDots(tokens, t))
        sentenceStart = closeSentence(tokens, sentences, sentenceStart, t, sentenceParagraph);
    } else if (
      t > sentenceStart &&
      (startsAfterClosedQuotation(text, tokens, t) || startsAfterEllipsis(text, tokens, t))
    )
      sentenceStart = closeSentence(tokens, sentences, sentenceStart, t, sentenceParagraph);
    if (t === sentenceStart) sentenceParagraph = para;
    p = para;
  }
  closeSentence(tokens, sentences, sentenceStart, n, sentenceParagraph);

  // Link paragraphs to their sentences.
  let si = 0;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const para = paragraphs[pi]!;
    while (si < sentences.length && sentences[si]!.paragraph < pi) si++;
    para.sentenceStart = si;
    while (si < sentences.length && sentences[si]!.paragraph === pi) si++;
    para.sentenceEnd = si;
  }
  return sentences;
}

/** Adds the sentence of tokens [sentenceStart, tokenEnd) if not empty; returns the next sentence's start. */
function closeSentence(
  tokens: TokenLayer,
  sentences: Sentence[],
  sentenceStart: number,
  tokenEnd: number,
  paragraph: number,
): number {
  if (tokenEnd <= sentenceStart) return sentenceStart;
  const index = sentences.length;
  for (let t = sentenceStart; t < tokenEnd; t++) tokens.sentence[t] = index;
  sentences.push({
    start: tokens.start[sentenceStart]!,
    end: tokens.end[tokenEnd - 1]!,
    tokenStart: sentenceStart,
    tokenEnd,
    paragraph,
  });
  return tokenEnd;
}

function isClosingQuote(text: string, tokens: TokenLayer, t: number): boolean {
  const value = tokens.lower[t]!;
  if (!CLOSING_QUOTES.has(value)) return false;
  if (value === '\u201d' || value === '\u00bb') return true;
  // A straight or ambiguous mark closes when it follows a non-space character and no word follows
  // it at once (`tone--"I wonder` opens a quotation).
  const at = tokens.start[t]!;
  return at > 0 && !isSpace(text.charCodeAt(at - 1)) && !isWordChar(text, tokens.end[t]!);
}

function isWordChar(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(text[at]!);
}

function isOpeningQuote(text: string, tokens: TokenLayer, t: number): boolean {
  const value = tokens.lower[t]!;
  if (!OPENING_QUOTES.has(value)) return false;
  if (value === '\u201c' || value === '\u2018' || value === '\u00ab') return true;
  const at = tokens.start[t]!;
  return at === 0 || isSpace(text.charCodeAt(at - 1));
}

/** `...` `..` `…`: wink splits an ellipsis before a closing quote into `.` and `..`. */
function isDots(value: string): boolean {
  return value === '\u2026' || (value.length >= 2 && value.charCodeAt(0) === 46 && /^\.+$/.test(value));
}

/** wink started a sentence at the second piece of a run of full stops (`Wait.|..`). */
function insideDots(tokens: TokenLayer, t: number): boolean {
  return (
    tokens.start[t] === tokens.end[t - 1] &&
    tokens.lower[t]!.charCodeAt(0) === 46 &&
    tokens.lower[t - 1]!.charCodeAt(tokens.lower[t - 1]!.length - 1) === 46
  );
}

/** The punctuation that ends the quoted words before a closing mark (`.` `?` `—` `...`). */
function punctBeforeClose(tokens: TokenLayer, t: number): string {
  const value = tokens.lower[t]!;
  return isDots(value) ? '...' : value;
}

function isCapital(text: string, tokens: TokenLayer, t: number): boolean {
  const first = text.charCodeAt(tokens.start[t]!);
  return first >= 65 && first <= 90;
}

/** A capitalised word that opens a speech tag: a name (not "The", "He", "Then") with a speech verb soon after. */
function opensSpeechTag(tokens: TokenLayer, t: number): boolean {
  return CLOSED_CLASS[tokens.pos[t]!] === 0 && speechVerbSoon(tokens, t);
}

/** wink split here, but this is the tag after a quotation: `"Is that all?" | she asked him.` */
function continuesDialogue(text: string, tokens: TokenLayer, t: number): boolean {
  if (t < 2) return false;
  if (!isClosingQuote(text, tokens, t - 1)) return false;
  const punct = tokens.lower[t - 2]!;
  if (!TAG_PUNCT.has(punct) && !isDots(punct)) return false;
  const first = text.charCodeAt(tokens.start[t]!);
  if (first >= 97 && first <= 122) return true;
  // `"Hello!" Emma said.`: a capitalised name followed by a speech verb is the tag.
  return first >= 65 && first <= 90 && opensSpeechTag(tokens, t);
}

function speechVerbSoon(tokens: TokenLayer, t: number): boolean {
  for (let k = t; k < t + 4 && k < tokens.count; k++) {
    if (tokens.pos[k] === POS.PUNCT) return false;
    if (speechVerbBase(tokens.lower[k]!) !== undefined) return true;
  }
  return false;
}

/** wink did not split here, but a closed quotation ends a sentence: `"Yes." | Mr. Darcy bowed.` */
function startsAfterClosedQuotation(text: string, tokens: TokenLayer, t: number): boolean {
  if (t < 2) return false;
  if (!isClosingQuote(text, tokens, t - 1)) return false;
  const punct = punctBeforeClose(tokens, t - 2);
  const final = punct === '.' || punct === '?' || punct === '!';
  if (!final && !BREAK_PUNCT.has(punct)) return false;
  // `"But—" "Enough!"`: a new quotation after a finished or broken-off one.
  if (isOpeningQuote(text, tokens, t)) return true;
  if (!isCapital(text, tokens, t)) return false;
  if (punct === '.') return true;
  // After ? ! or a break, "Emma asked" / "asked Emma" keeps the tag in the sentence.
  return !opensSpeechTag(tokens, t);
}

/** `She paused... | Then she went on.`: a capitalised closed-class word after an ellipsis. */
function startsAfterEllipsis(text: string, tokens: TokenLayer, t: number): boolean {
  if (t < 1 || !isDots(tokens.lower[t - 1]!)) return false;
  if (!isCapital(text, tokens, t) || CLOSED_CLASS[tokens.pos[t]!] === 0) return false;
  // "I" is capitalised wherever it stands.
  return tokens.lower[t] !== 'i';
}
