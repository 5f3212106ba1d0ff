import type { Paragraph } from '../../engine/types.js';

/**
 * Scene-break lines: `***`, `* * *`, `#`, `~~~`, `-----`, `o0o`, ornaments (❧ ⁂ ◆ …). Only symbols
 * and spaces, at most 40 characters.
 */
const BREAK_LINE =
  /^(?:[*#~=_+•·∙◇◆○●◦§¤†‡⁂❧☙❦✢✣✤✥✦✧✩✪✫✬✭✮✯✰❀❁❂❃❖\-–—\s]{1,40}|(?:o0o|oOo|0o0|xXx|XxX)(?:\s*(?:o0o|oOo))*)$/u;

/**
 * "Chapter 7", "CHAPTER VII.", "Part Two", "Book the First", "VOLUME I", "Prologue", "Epilogue", and
 * those words with a short title after a colon ("Epilogue: Ten Years Later"; not after a full stop
 * or a dash, which in older novels starts prose: "Postscript--I did not…").
 */
const HEADING_LINE =
  /^(?:(?:chapter|chap\.|part|book|volume|vol\.|act|section|canto|letter|stave)\s+(?:[0-9]+|[ivxlcdm]+\b|the\s+\w+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b.*|(?:prologue|epilogue|preface|introduction|afterword|interlude|postscript)(?:\s*:\s*\S.{0,60})?|the end|fin)\W*$/i;

/** A line of only a (Roman or Arabic) numeral: `IV.`, `12`, `XII` */
const NUMERAL_LINE = /^(?:[ivxlcdm]{1,7}|[0-9]{1,3})[.:]?$/i;

export function paragraphKind(text: string, start: number, end: number): Paragraph['kind'] {
  const length = end - start;
  if (length > 120) return 'prose';
  const line = text.slice(start, end);
  if (BREAK_LINE.test(line) && !/^[-–—]\s*\p{L}/u.test(line)) return 'break';
  if (HEADING_LINE.test(line) || NUMERAL_LINE.test(line)) return 'heading';
  // Short ALL-CAPS lines without sentence punctuation at the end: "THE STORM", "PART TWO".
  if (
    length <= 60 &&
    /\p{Lu}/u.test(line) &&
    !/\p{Ll}/u.test(line) &&
    !/["“”'’]/.test(line) &&
    !/[,;]$/.test(line)
  ) {
    return 'heading';
  }
  return 'prose';
}

/**
 * Whether a heading line names its chapter by number or keyword ("Chapter 7", "CHAPTER VII.",
 * "Part Two", "XII", "Epilogue") rather than by a title alone ("THE STORM").
 */
export function isNumberedHeading(line: string): boolean {
  const trimmed = line.trim();
  return HEADING_LINE.test(trimmed) || NUMERAL_LINE.test(trimmed);
}

/** Words a title leaves in lower case: "The Lighthouse Keeper's Daughter", "A Tale of Two Cities". */
const TITLE_SMALL_WORDS = new Set(
  'a an the and but or nor for so yet of in on at to by from with into onto upon as per via vs de la le von van'.split(
    ' ',
  ),
);

/**
 * The first line of a story is its title when it reads like one: short, no sentence punctuation
 * or quotation marks at its end, and every word capitalised except small words ("of", "the").
 * Mixed-case titles are not caught by the ALL-CAPS rule, and the title of a plain-text story is
 * almost always its first line followed by a blank line.
 */
export function isTitleLine(line: string): boolean {
  if (line.length > 80 || !/^\p{Lu}/u.test(line)) return false;
  if (/[.,;:!?"“”'‘…-]$/.test(line) || /["“”]/.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 12) return false;
  return words.every((w, i) => {
    const first = w.charAt(0);
    if (!/\p{L}/u.test(first)) return /^[\d\p{P}]+$/u.test(w);
    return /\p{Lu}/u.test(first) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase()));
  });
}
