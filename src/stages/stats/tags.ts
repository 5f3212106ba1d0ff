import { POS } from '../../engine/pos.js';
import type { Quotation, TokenLayer } from '../../engine/types.js';
import { speechVerbBase } from '../lexicon/speech-verbs.js';
import { firstTokenFrom } from './words.js';

/** A speech tag found for a quotation: the verb as written and an adverb on it, if any. */
export interface SpeechTag {
  /** Token index of the verb. */
  verb: number;
  /** Token index of an -ly adverb modifying the tag ("said softly", "quietly asked"), or -1. */
  adverb: number;
}

const QUOTE_MARKS = new Set(['"', '\u201c', '\u201d', "'", '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e']);
const CLAUSE_END = new Set(['.', '!', '?', ';', ':', '…']);
/** Tokens a tag may span after the quotation ("then said the old man quietly"). */
const AFTER_REACH = 6;
/** Tokens a tag may span before the quotation ("Then Emma turned to him and said:"). */
const BEFORE_REACH = 8;
/** -ly words that are not manner adverbs on a verb. */
const NOT_MANNER = new Set(['only', 'early', 'likely', 'nearly', 'finally', 'really', 'simply', 'merely']);

/**
 * The speech tag of a quotation, looked for in the narration between its parts, then after it
 * (`"…," she whispered`), then before it (`He said, "…"`), within the paragraph and one clause.
 * A quotation closed by a full stop takes a following tag only when the next word is lower-case
 * (`"Fine." he said`), since `"Fine." She sighed.` is an action, not a tag.
 */
export function findSpeechTag(
  text: string,
  tokens: TokenLayer,
  quote: Quotation,
  paragraph: { start: number; end: number },
  nextQuoteStart: number,
  previousQuoteEnd: number,
): SpeechTag | undefined {
  const spans = quote.spans;
  for (let i = 0; i < spans.length; i++) {
    const end = spans[i]![1];
    const limit = Math.min(paragraph.end, i + 1 < spans.length ? spans[i + 1]![0] : nextQuoteStart);
    const last = lastVisibleChar(text, spans[i]![0], end);
    const tag = tagAfter(text, tokens, end, limit, last === '.');
    if (tag) return tag;
  }
  return tagBefore(tokens, spans[0]![0], Math.max(paragraph.start, previousQuoteEnd));
}

function lastVisibleChar(text: string, start: number, end: number): string {
  let k = end - 1;
  while (k >= start && /\s/.test(text[k]!)) k--;
  return k >= start ? text[k]! : '';
}

function tagAfter(
  text: string,
  tokens: TokenLayer,
  from: number,
  limit: number,
  closedBySentenceEnd: boolean,
): SpeechTag | undefined {
  let t = firstTokenFrom(tokens, from);
  while (t < tokens.count && tokens.start[t]! < limit && isPunctuation(tokens, t)) {
    if (CLAUSE_END.has(tokens.lower[t]!)) return undefined;
    t++;
  }
  if (t >= tokens.count || tokens.start[t]! >= limit) return undefined;
  if (closedBySentenceEnd) {
    const c = text.charCodeAt(tokens.start[t]!);
    if (!(c >= 97 && c <= 122)) return undefined;
  }
  for (let v = t; v < tokens.count && v < t + AFTER_REACH && tokens.start[v]! < limit; v++) {
    const lower = tokens.lower[v]!;
    if (CLAUSE_END.has(lower) || QUOTE_MARKS.has(lower)) return undefined;
    if (isSpeechVerb(tokens, v)) return { verb: v, adverb: adverbOn(tokens, v, limit) };
  }
  return undefined;
}

function tagBefore(tokens: TokenLayer, quoteStart: number, limitStart: number): SpeechTag | undefined {
  let t = firstTokenFrom(tokens, quoteStart) - 1;
  // The opening mark, then an introducing comma or colon (or nothing: `He said "go"`).
  while (t >= 0 && tokens.start[t]! >= limitStart && QUOTE_MARKS.has(tokens.lower[t]!)) t--;
  if (t >= 0 && (tokens.lower[t] === ',' || tokens.lower[t] === ':')) t--;
  for (let v = t; v >= 0 && v > t - BEFORE_REACH && tokens.start[v]! >= limitStart; v--) {
    const lower = tokens.lower[v]!;
    if (CLAUSE_END.has(lower) || QUOTE_MARKS.has(lower)) return undefined;
    if (isSpeechVerb(tokens, v)) return { verb: v, adverb: adverbOn(tokens, v, tokens.start[t]! + 1) };
  }
  return undefined;
}

function isSpeechVerb(tokens: TokenLayer, t: number): boolean {
  if (speechVerbBase(tokens.lower[t]!) === undefined) return false;
  const pos = tokens.pos[t]!;
  // "the answer", "a cry", "a whispered word": nouns and adjectives are not tags.
  return pos !== POS.NOUN && pos !== POS.ADJ && pos !== POS.DET && pos !== POS.PROPN;
}

/**
 * An -ly adverb on the tag verb at v: right before it ("softly said") or after it past the
 * subject of an inverted tag and a comma ("said Emma, softly", "she said quietly").
 */
function adverbOn(tokens: TokenLayer, v: number, limit: number): number {
  if (v > 0 && isMannerAdverb(tokens, v - 1)) return v - 1;
  for (let k = v + 1; k < tokens.count && k <= v + 4 && tokens.start[k]! < limit; k++) {
    if (isMannerAdverb(tokens, k)) return k;
    const pos = tokens.pos[k]!;
    const lower = tokens.lower[k]!;
    const passable =
      lower === ',' ||
      pos === POS.PROPN ||
      pos === POS.PRON ||
      pos === POS.DET ||
      pos === POS.NOUN ||
      pos === POS.ADV;
    if (!passable) break;
  }
  return -1;
}

function isMannerAdverb(tokens: TokenLayer, t: number): boolean {
  const lower = tokens.lower[t]!;
  return tokens.pos[t] === POS.ADV && lower.length > 4 && lower.endsWith('ly') && !NOT_MANNER.has(lower);
}

function isPunctuation(tokens: TokenLayer, t: number): boolean {
  return tokens.pos[t] === POS.PUNCT || QUOTE_MARKS.has(tokens.lower[t]!);
}

/** Tag verbs that readers skim over: forms of "say" and "ask". */
export function isPlainTag(lowerVerb: string): boolean {
  const base = speechVerbBase(lowerVerb);
  return base === 'say' || base === 'ask';
}
