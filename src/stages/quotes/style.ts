import type { Paragraph } from '../../engine/types.js';
import {
  APOSTROPHE,
  EM_DASH,
  EN_DASH,
  HORIZONTAL_BAR,
  HYPHEN,
  isSpace,
  isWordChar,
  LEFT_DOUBLE,
  LEFT_GUILLEMET,
  LEFT_SINGLE,
  LOW_DOUBLE,
  QUOTE,
  quoteMarkPositions,
  RIGHT_DOUBLE,
  RIGHT_GUILLEMET,
} from './marks.js';

/** The convention a story uses for its dialogue, decided once per document. */
export type DialogueStyle = 'double' | 'single' | 'guillemet' | 'german' | 'dash';

export interface QuoteStyle {
  /** The marks of the outermost quotations. */
  primary: DialogueStyle;
  /** Guillemets point inwards (»…«, German and Danish usage) rather than outwards («…»). */
  reversedGuillemets: boolean;
  /**
   * The text lost its single curly marks in some conversion, each replaced by a space (`don t`,
   * `I m`, `"  said I,  "`). Quotations nested in double ones then show only as doubled spaces.
   */
  lostSingleMarks: boolean;
}

/** Counts of how paragraphs open and which marks the text holds. */
export interface StyleEvidence {
  proseParagraphs: number;
  /** Prose paragraphs opening with each kind of mark. */
  doubleStarts: number;
  singleStarts: number;
  guillemetStarts: number;
  reversedGuillemetStarts: number;
  germanStarts: number;
  dashStarts: number;
  lowDoubles: number;
  leftDoubles: number;
  /** Apostrophes inside words (`don't`, `Emma’s`), in the sample of the text (see countApostrophes). */
  apostrophes: number;
  /** Contractions and possessives with a space where the apostrophe was (`don t`, `Allen s`). */
  spacedContractions: number;
  /** Sentence ends followed by one space, and by two (typewriter spacing), in the sample. */
  singleSpacedSentences: number;
  doubleSpacedSentences: number;
  /** Double quotation marks anywhere in the text (straight or curly). */
  doubleMarks: number;
  /** Curly opening single marks after a space or line break, inside paragraphs (`to itself, ‘Oh dear!`). */
  leftSingles: number;
}

/**
 * Looks at how prose paragraphs open. Dialogue paragraphs start with their quotation mark far
 * more often than narration starts with anything quote-like, so the opening characters of
 * paragraphs tell the convention even in a text that also uses the other marks inside.
 */
export function gatherStyleEvidence(
  text: string,
  paragraphs: readonly Paragraph[],
  positions: Int32Array = quoteMarkPositions(text),
): StyleEvidence {
  const e: StyleEvidence = {
    proseParagraphs: 0,
    doubleStarts: 0,
    singleStarts: 0,
    guillemetStarts: 0,
    reversedGuillemetStarts: 0,
    germanStarts: 0,
    dashStarts: 0,
    lowDoubles: 0,
    leftDoubles: 0,
    apostrophes: 0,
    spacedContractions: 0,
    singleSpacedSentences: 0,
    doubleSpacedSentences: 0,
    doubleMarks: 0,
    leftSingles: 0,
  };
  for (const p of paragraphs) {
    if (p.kind !== 'prose') continue;
    e.proseParagraphs++;
    const c = text.charCodeAt(p.start);
    const next = p.start + 1 < p.end ? text.charCodeAt(p.start + 1) : 32;
    if (c === QUOTE || c === LEFT_DOUBLE || c === RIGHT_DOUBLE) e.doubleStarts++;
    else if ((c === APOSTROPHE || c === LEFT_SINGLE) && isWordChar(next)) e.singleStarts++;
    else if (c === LEFT_GUILLEMET) e.guillemetStarts++;
    else if (c === RIGHT_GUILLEMET) e.reversedGuillemetStarts++;
    else if (c === LOW_DOUBLE) e.germanStarts++;
    else if (c === EM_DASH || c === HORIZONTAL_BAR || (c === EN_DASH && isSpace(next))) e.dashStarts++;
    else if (c === HYPHEN && next === HYPHEN) e.dashStarts++;
  }
  // „ is the German opening mark; English texts hardly ever hold one.
  for (let i = text.indexOf('\u201e'); i >= 0; i = text.indexOf('\u201e', i + 1)) e.lowDoubles++;
  for (let i = text.indexOf('\u201c'); i >= 0; i = text.indexOf('\u201c', i + 1)) e.leftDoubles++;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === LEFT_DOUBLE || c === RIGHT_DOUBLE) e.doubleMarks++;
    else if (c === LEFT_SINGLE && i > 0 && isSpace(text.charCodeAt(i - 1))) e.leftSingles++;
  }
  countApostrophes(text, positions, e);
  return e;
}

/** Characters of the text sampled for spaced contractions: enough for a few dozen in any novel. */
const CONTRACTION_SAMPLE = 200_000;
/** `it s`, `don t`, `I m`, `you ll`, `I ve`, `we re`, `I d`, `Allen s`: a clitic left alone by a lost apostrophe. */
const SPACED_CONTRACTION = /[A-Za-z] (?:[stmd]|ll|ve|re)(?![A-Za-z])/g;
/** A sentence end and the next capital, with one or two spaces between. */
const SENTENCE_SPACE = /[.!?] {1,2}[A-Z]/g;

/**
 * Counts apostrophes inside words (all of them) and the tell-tale remains of lost ones (in a
 * sample from the middle of the text, past any front matter): a word, a space, then one of the
 * clitics `s t m d ll ve re` standing alone, which English prose otherwise almost never has.
 */
function countApostrophes(text: string, positions: Int32Array, e: StyleEvidence): void {
  const from = Math.max(0, Math.floor(text.length / 2 - CONTRACTION_SAMPLE / 2));
  const to = Math.min(text.length, from + CONTRACTION_SAMPLE);
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    if (i < from || i >= to - 1 || i === 0) continue;
    const c = text.charCodeAt(i);
    if ((c === APOSTROPHE || c === 0x2019) && isWordChar(text.charCodeAt(i - 1))) {
      if (isWordChar(text.charCodeAt(i + 1))) e.apostrophes++;
    }
  }
  const sample = text.slice(from, to);
  SPACED_CONTRACTION.lastIndex = 0;
  while (SPACED_CONTRACTION.exec(sample) !== null) e.spacedContractions++;
  SENTENCE_SPACE.lastIndex = 0;
  for (let m = SENTENCE_SPACE.exec(sample); m !== null; m = SENTENCE_SPACE.exec(sample)) {
    if (m[0].length === 3) e.singleSpacedSentences++;
    else e.doubleSpacedSentences++;
  }
}

export function decideStyle(e: StyleEvidence): QuoteStyle {
  const guillemets = e.guillemetStarts + e.reversedGuillemetStarts;
  const reversedGuillemets = e.reversedGuillemetStarts > e.guillemetStarts;
  // Lost marks show as doubled spaces, which a text set with two spaces after every sentence
  // has everywhere: there they cannot be told apart.
  const lostSingleMarks =
    e.spacedContractions >= 20 &&
    e.spacedContractions > 4 * e.apostrophes &&
    e.doubleSpacedSentences < 0.5 * e.singleSpacedSentences;
  const style = (primary: DialogueStyle): QuoteStyle => ({ primary, reversedGuillemets, lostSingleMarks });
  const quoteStarts = e.doubleStarts + e.singleStarts + guillemets + e.germanStarts;
  // Dash dialogue (French, Spanish, Russian, Joyce): many paragraphs open with a dash, few with a mark.
  if (e.dashStarts >= 3 && e.dashStarts >= 0.03 * e.proseParagraphs && e.dashStarts > 2 * quoteStarts) {
    return style('dash');
  }
  if (e.germanStarts >= 3 && e.germanStarts > e.doubleStarts && e.germanStarts >= guillemets) {
    return style('german');
  }
  // A German text can still open paragraphs with “ (badly converted „): many „ tell it apart.
  if (e.lowDoubles >= 5 && e.lowDoubles >= 0.4 * e.leftDoubles && e.germanStarts >= guillemets) {
    return style('german');
  }
  if (guillemets >= 3 && guillemets > e.doubleStarts && guillemets > e.singleStarts)
    return style('guillemet');
  // British single-quote dialogue: single marks open paragraphs far more often than doubles.
  if (e.singleStarts >= 3 && e.singleStarts > 2 * e.doubleStarts) return style('single');
  // A short story may open few paragraphs with its marks: then single opening marks inside
  // paragraphs (`…to hear the Rabbit say to itself, ‘Oh dear!’`) decide it, when they far outnumber
  // the double quotations (a "poison" bottle label does not make the text double-quoted).
  const singles = e.singleStarts + e.leftSingles;
  if (singles >= 3 && singles > 1.5 * e.doubleMarks) return style('single');
  // A drabble with two single-quoted lines and no double mark anywhere: nothing else could quote.
  if (singles >= 1 && e.doubleMarks === 0) return style('single');
  return style('double');
}

export function detectStyle(
  text: string,
  paragraphs: readonly Paragraph[],
  positions: Int32Array = quoteMarkPositions(text),
): QuoteStyle {
  return decideStyle(gatherStyleEvidence(text, paragraphs, positions));
}
