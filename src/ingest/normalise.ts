/**
 * The working text: what every analysis stage reads. Built from `source.text` in one linear pass out
 * of slices (never per-character concatenation), with an `OffsetMap` back to the source.
 *
 * What changes between source and working text:
 * - Line ends: CRLF and lone CR become LF (map: `replace`).
 * - Project Gutenberg boilerplate: the header up to and including the `*** START OF …` line (or the
 *   older `*END*THE SMALL PRINT!` line), producer credits ("Produced by …") among the first five
 *   paragraphs after it, and everything from the `*** END OF …` / "End of the Project Gutenberg …"
 *   line on (the licence) are dropped: they have no map piece. The ebook number and the header's
 *   Title/Author/Language lines are returned in `meta`.
 * - Markdown front matter (`format: 'md'`) is dropped likewise.
 * - Fan fiction author's notes: a paragraph that opens with `A/N:`, `AN:` or `Author's note:` among
 *   the first three and the last three paragraphs is dropped likewise (it is not the story).
 * - Leading and trailing blank lines are dropped, and so is the whitespace on blank lines.
 * - Paragraphs: a paragraph never contains "\n"; paragraphs are separated by one or more "\n" (a
 *   blank line in the source stays a blank line). A line break *inside* a paragraph becomes one space
 *   (length-preserving, so the map stays a copy). Which line breaks are inside a paragraph depends on
 *   the document's `ParagraphMode`, decided once per document (see `decideMode`).
 * - Tabs, non-breaking and other fixed-width spaces become plain spaces (length-preserving).
 * Nothing else changes: quotation marks, dashes, Markdown markup and every other character stay.
 */
import { OffsetMap } from '../engine/offsets.js';
import type { SourceText, StoryMeta } from '../engine/types.js';
import { frontMatterEnd } from './markdown.js';

/**
 * How the source marks paragraphs:
 * - `wrapped`: blank-line separated paragraphs of hard-wrapped lines (Gutenberg, most .txt): single
 *   newlines inside a paragraph are unwrapped into spaces;
 * - `lines`: one paragraph per line (copied fan fiction, and always for HTML/EPUB/DOCX/AO3 text,
 *   where every newline comes from markup): every newline ends a paragraph;
 * - `indented`: hard-wrapped lines without blank lines, each paragraph's first line indented: a
 *   paragraph starts at each indented line;
 * - `unmarked`: hard-wrapped lines with neither blank lines nor indentation (some Gutenberg texts):
 *   a paragraph ends after a line that stops short of the wrap width (under 80%) on
 *   sentence-final punctuation. Without this every line would be a paragraph.
 *
 * In `wrapped` and `indented` mode these lines always stay paragraphs of their own: scene-break
 * markers (`***`, `* * *`, `#`, `~~~`, `-----`, `❧` …), short ALL-CAPS lines, "Chapter X"-style
 * heading lines, Markdown `#` headings and bare numbers. In `wrapped` mode, a verse-like block (most
 * of its lines, the last one aside, well short of the wrap width) keeps every line as a paragraph.
 */
export type ParagraphMode = 'wrapped' | 'lines' | 'indented' | 'unmarked';

export interface NormalisedText {
  /** The working text. */
  text: string;
  /** Working-text offsets → `source.text` offsets. */
  map: OffsetMap;
  /**
   * Working-text range of the story body: from the first to one past the last non-whitespace
   * character. Gutenberg header and licence are not in the working text at all, so with the dropping
   * above this is the whole working text unless it is empty.
   */
  body: { start: number; end: number };
  /**
   * Metadata found while normalising: `gutenbergId` and, from the Gutenberg header, `title`,
   * `author`, `language`. The caller merges it into `source.meta` where that has no value.
   */
  meta: StoryMeta;
  paragraphMode: ParagraphMode;
  /** Source ranges left out of the working text (boilerplate, front matter; not blank-line whitespace). */
  dropped: [number, number][];
}

// ---------------------------------------------------------------------------------------------
// Project Gutenberg boilerplate

const START_RE = /^[ \t]*\**[ \t]*START OF (?:THE |THIS )?PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b[^\r\n]*/im;
const SMALL_PRINT_END_RE = /^[ \t]*\*?END\*?[ \t]*THE SMALL PRINT![^\r\n]*/im;
const END_RES = [
  /^[ \t]*\**[ \t]*END OF (?:THE |THIS )?PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b[^\r\n]*/gim,
  /^[ \t]*End of (?:the |this )?Project Gutenberg(?:'s|\u2019s)?\b[^\r\n]*/gim,
];
const PRODUCER_RE =
  /^[ \t]*(?:(?:this )?(?:e-?text|e-?book|html version|etext version|text file)[ \t]+(?:was[ \t]+)?)?(?:produced|prepared|transcribed|scanned|proofread|digiti[sz]ed)[ \t]+(?:by|from|for)\b/i;
/** How far into / back from the end the markers are looked for (headers and licences are ~20k). */
const GUTENBERG_WINDOW = 200_000;

interface GutenbergBounds {
  /** Offset after the START line (and its terminator), or -1. */
  headerEnd: number;
  /** Offset of the END line, or -1. */
  footerStart: number;
  meta: StoryMeta;
}

function lineEndAfter(s: string, i: number): number {
  if (s.charCodeAt(i) === 13) return s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  if (s.charCodeAt(i) === 10) return i + 1;
  return i;
}

export function findGutenberg(s: string, from: number): GutenbergBounds {
  const meta: StoryMeta = {};
  const headWindow = s.slice(from, Math.min(s.length, from + GUTENBERG_WINDOW));
  let headerEnd = -1;
  let headerStart = -1;
  for (const re of [START_RE, SMALL_PRINT_END_RE]) {
    const m = re.exec(headWindow);
    if (m && from + m.index + m[0].length > headerEnd) {
      headerStart = from + m.index;
      headerEnd = lineEndAfter(s, from + m.index + m[0].length);
    }
  }
  const tailFrom = Math.max(headerEnd === -1 ? from : headerEnd, s.length - GUTENBERG_WINDOW);
  let footerStart = -1;
  for (const re of END_RES) {
    re.lastIndex = tailFrom;
    const m = re.exec(s);
    if (m && (footerStart === -1 || m.index < footerStart)) footerStart = m.index;
  }
  if (headerEnd !== -1) {
    const header = s.slice(from, headerStart);
    const id = /\b(?:e-?book|etext|e-text)[ \t]*(?:#|no\.?)[ \t]*(\d+)/i.exec(header);
    if (id?.[1]) meta.gutenbergId = id[1];
    for (const [key, re] of [
      ['title', /^Title:[ \t]*(\S[^\r\n]*)/im],
      ['author', /^Author:[ \t]*(\S[^\r\n]*)/im],
      ['language', /^Language:[ \t]*(\S[^\r\n]*)/im],
    ] as const) {
      const m = re.exec(header);
      if (m?.[1]) meta[key] = m[1].trim();
    }
  }
  if (meta.gutenbergId === undefined && footerStart !== -1) {
    const id = /This file should be named (\d+)/i.exec(s.slice(footerStart, footerStart + GUTENBERG_WINDOW));
    if (id?.[1]) meta.gutenbergId = id[1];
  }
  return { headerEnd, footerStart, meta };
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Whitespace for indentation/blank-line purposes (not "\n"/"\r"). */
function isBlankCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    c === 12 ||
    c === 11 ||
    c === 0x3000 ||
    c === 0x2007 ||
    c === 0x202f ||
    c === 0xfeff
  );
}

interface Lines {
  count: number;
  /** Line start. */
  start: Int32Array;
  /** Line end, before the terminator. */
  end: Int32Array;
  /** Start of the next line (after the terminator). */
  next: Int32Array;
  /** First and one past the last non-whitespace character; cs === ce for a blank line. */
  cs: Int32Array;
  ce: Int32Array;
}

function countChar(s: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf(ch, from); i !== -1 && i < to; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function scanLines(s: string, from: number, to: number): Lines {
  const cap = countChar(s, '\n', from, to) + countChar(s, '\r', from, to) + 1;
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const next = new Int32Array(cap);
  const cs = new Int32Array(cap);
  const ce = new Int32Array(cap);
  let count = 0;
  let pos = from;
  let nextLf = s.indexOf('\n', pos);
  let nextCr = s.indexOf('\r', pos);
  while (pos < to) {
    if (nextLf !== -1 && nextLf < pos) nextLf = s.indexOf('\n', pos);
    if (nextCr !== -1 && nextCr < pos) nextCr = s.indexOf('\r', pos);
    let t = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    if (t === -1 || t >= to) t = to;
    const e = t;
    let nx = t;
    if (t < to) nx = s.charCodeAt(t) === 13 && s.charCodeAt(t + 1) === 10 && t + 1 < to ? t + 2 : t + 1;
    let a = pos;
    while (a < e && isBlankCode(s.charCodeAt(a))) a++;
    let b = e;
    while (b > a && isBlankCode(s.charCodeAt(b - 1))) b--;
    start[count] = pos;
    end[count] = e;
    next[count] = nx;
    cs[count] = a;
    ce[count] = b;
    count++;
    pos = nx;
  }
  return { count, start, end, next, cs, ce };
}

// ---------------------------------------------------------------------------------------------
// Lines that stay paragraphs of their own

const BREAK_RE = /^(?:[*#~=+_•·∙◦❧☙⁂§◊♦❦✦✧★☆※○●◆◇■□▪▫⸻—–-][ \t]*)+$/u;
const WORD_BREAK_RE = /^(?:[oO0]{3,}|[xX]{3,}|o0o|oOo|OoO|xXx|XxX|-[oOxX0]-|~[*oOxX]~)$/;
const MD_HEADING_RE = /^#{1,6}[ \t]+\S/;
const NUMBER_RE = /^\d{1,3}\.?$/;
const NUMBERED_HEADING_RE =
  /^(?:chapter|chap\.|book|part|volume|vol\.|letter|stave|canto|act|scene|section|episode)[ \t]+(?:\d+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|(?:the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final))\b/i;
const WORD_HEADING_RE =
  /^(?:prologue|epilogue|interlude|preface|introduction|afterword|foreword|appendix|postscript|the end|finis)(?:[ \t]*[.:\u2014\u2013-][^\r\n]*|[ \t]*)$/i;

/** Whether a line is a chapter-style heading: "Chapter 1", "Part Two", "Prologue", "Epilogue: After". */
export function isChapterStyleHeading(line: string): boolean {
  const t = line.trim();
  return NUMBERED_HEADING_RE.test(t) || WORD_HEADING_RE.test(t);
}

/** Whether the trimmed line s[a, b) must stay a paragraph of its own. */
export function isStandaloneLine(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n <= 0 || n > 100) return false;
  const c0 = s.charCodeAt(a);
  const isLower = c0 >= 97 && c0 <= 122;
  if (isLower) {
    // Lower-case starts are continuation lines, except the textual break markers.
    return n <= 5 && WORD_BREAK_RE.test(s.slice(a, b));
  }
  const line = s.slice(a, b);
  if (c0 === 35 /* # */ && MD_HEADING_RE.test(line)) return true;
  if (BREAK_RE.test(line)) {
    let dashLike = true;
    let symbols = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === ' ' || ch === '\t') continue;
      symbols++;
      if (ch !== '-' && ch !== '_' && ch !== '=' && ch !== '\u2014' && ch !== '\u2013') dashLike = false;
    }
    return !dashLike || symbols >= 3;
  }
  if (n <= 5 && WORD_BREAK_RE.test(line)) return true;
  if (c0 >= 48 && c0 <= 57) return NUMBER_RE.test(line);
  if (n > 80) return false;
  if (NUMBERED_HEADING_RE.test(line) || WORD_HEADING_RE.test(line)) return true;
  return n <= 60 && isAllCaps(line);
}

const LOWER_RE = /\p{Ll}/u;
const UPPER_RE = /\p{Lu}/u;

function isAllCaps(line: string): boolean {
  let upper = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 128) {
      const ch = line[i]!;
      if (LOWER_RE.test(ch)) return false;
      if (UPPER_RE.test(ch)) upper++;
    }
  }
  return upper >= 2;
}

// ---------------------------------------------------------------------------------------------
// Paragraph mode

interface ModeDecision {
  mode: ParagraphMode;
  /** Typical wrap width (90th percentile of line lengths). */
  width: number;
  /** Most common indentation. */
  baseIndent: number;
}

const LONG_LINE = 100;

/**
 * Per document: lines longer than any hard wrap (10%+ over 100 characters) → `lines`. Otherwise,
 * with 5%+ blank lines: `wrapped` when the text is hard-wrapped (lines followed by another line of
 * their block mostly reach 70% of the wrap width), else `lines`. With almost no blank lines: 3–75%
 * of the lines indented deeper than the most common indentation → `indented`; hard-wrapped → `unmarked`; anything else → `lines` (when nothing
 * marks paragraphs, every line is kept).
 */
function decideMode(lines: Lines, dropped: Uint8Array): ModeDecision {
  const hist = new Int32Array(LONG_LINE + 2);
  const indentHist = new Int32Array(17);
  let content = 0;
  let blank = 0;
  let long = 0;
  for (let i = 0; i < lines.count; i++) {
    if (dropped[i]) continue;
    const cs = lines.cs[i]!;
    const ce = lines.ce[i]!;
    if (ce <= cs) {
      blank++;
      continue;
    }
    content++;
    const vis = ce - lines.start[i]!;
    if (vis > LONG_LINE) long++;
    hist[Math.min(vis, LONG_LINE + 1)]!++;
    indentHist[Math.min(cs - lines.start[i]!, 16)]!++;
  }
  let width = 0;
  if (content > 0) {
    const target = content * 0.9;
    let acc = 0;
    for (let v = 0; v < hist.length; v++) {
      acc += hist[v]!;
      if (acc >= target) {
        width = v;
        break;
      }
    }
  }
  let baseIndent = 0;
  for (let v = 1; v < indentHist.length; v++) if (indentHist[v]! > indentHist[baseIndent]!) baseIndent = v;
  // Lines indented deeper than the usual margin (which is 0 in most texts).
  let indented = 0;
  for (let v = baseIndent + 1; v < indentHist.length; v++) indented += indentHist[v]!;
  const decision = (mode: ParagraphMode): ModeDecision => ({ mode, width, baseIndent });
  if (content === 0 || long >= content * 0.1) return decision('lines');
  // Hard-wrapped? Lines followed by another line of their block should mostly run to the wrap width.
  let inner = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.count; i++) {
    if (dropped[i] || dropped[i + 1]) continue;
    if (lines.ce[i]! <= lines.cs[i]! || lines.ce[i + 1]! <= lines.cs[i + 1]!) continue;
    inner++;
    if (lines.ce[i]! - lines.start[i]! >= width * 0.7) full++;
  }
  const hardWrapped = inner > 0 && full >= inner * 0.5;
  if (blank < content * 0.05) {
    const frac = indented / content;
    if (frac >= 0.03 && frac <= 0.75) return decision('indented');
    return decision(hardWrapped && width >= 30 ? 'unmarked' : 'lines');
  }
  return decision(hardWrapped ? 'wrapped' : 'lines');
}

/**
 * `…I don't see where they come` / `IN."`, `…EACH TIME YOU HAPPEN` / `TO ME ALL OVER AGAIN."`: a
 * line in capitals that goes on a sentence the line before left unfinished (it stopped on a word or
 * a comma, not a sentence end or a closing mark) is shouted or stressed words wrapped onto a line
 * of their own, not a heading. One that opens with a mark or a digit (`"LUCY FERRARS.`, `1.`) is not.
 */
function shoutedOn(s: string, prevEnd: number, a: number, b: number): boolean {
  const last = s.charCodeAt(prevEnd - 1);
  if (endsSentence(last) || last === 59) return false;
  const c0 = s.charCodeAt(a);
  if (!(c0 >= 65 && c0 <= 90) || !isAllCaps(s.slice(a, b))) return false;
  const line = s.slice(a, b);
  return !NUMBERED_HEADING_RE.test(line) && !WORD_HEADING_RE.test(line) && !BREAK_RE.test(line);
}

/** Sentence-final characters that end a paragraph's last line in `unmarked` mode. */
function endsSentence(c: number): boolean {
  // . ! ? " ' ) ] : * _ ” ’ » …
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 34 ||
    c === 39 ||
    c === 41 ||
    c === 93 ||
    c === 58 ||
    c === 42 ||
    c === 95 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb ||
    c === 0x2026
  );
}

function isMarkupFormat(source: SourceText): boolean {
  return (
    source.format === 'html' ||
    source.format === 'ao3' ||
    source.format === 'epub' ||
    source.format === 'docx'
  );
}

// ---------------------------------------------------------------------------------------------

/** Characters that become a plain space in the working text. */
const SPACE_LIKE = ['\t', '\v', '\f', '\u00a0', '\u2007', '\u202f'];

/** Builds the working text and its offset map (see the module comment). Pure; linear time. */
export function normalise(source: SourceText): NormalisedText {
  const s = source.text;
  const droppedRanges: [number, number][] = [];
  let from = 0;
  let to = s.length;
  if (source.format === 'md') {
    const fm = frontMatterEnd(s);
    if (fm > 0) {
      droppedRanges.push([0, fm]);
      from = fm;
    }
  }
  const gutenberg = findGutenberg(s, from);
  if (gutenberg.headerEnd !== -1) {
    droppedRanges.push([from, gutenberg.headerEnd]);
    from = gutenberg.headerEnd;
  }
  if (gutenberg.footerStart !== -1 && gutenberg.footerStart >= from) {
    droppedRanges.push([gutenberg.footerStart, to]);
    to = gutenberg.footerStart;
  }

  const lines = scanLines(s, from, to);
  const n = lines.count;
  const isBlank = (i: number): boolean => lines.ce[i]! <= lines.cs[i]!;
  const dropped = new Uint8Array(n);

  if (gutenberg.headerEnd !== -1) dropProducerCredits(s, lines, dropped, droppedRanges);
  dropAuthorNotes(s, lines, dropped, droppedRanges);

  const decision = isMarkupFormat(source)
    ? { mode: 'lines' as const, width: 0, baseIndent: 0 }
    : decideMode(lines, dropped);
  const { mode, width, baseIndent } = decision;

  // Content range: first and last kept non-blank lines.
  let first = 0;
  while (first < n && (dropped[first] || isBlank(first))) first++;
  let last = n - 1;
  while (last >= first && (dropped[last] || isBlank(last))) last--;

  const text = emit(s, lines, dropped, first, last, mode, width, baseIndent);
  const map = text.map;
  const working = text.text;

  let bodyStart = 0;
  while (bodyStart < working.length && working.charCodeAt(bodyStart) <= 32) bodyStart++;
  let bodyEnd = working.length;
  while (bodyEnd > bodyStart && working.charCodeAt(bodyEnd - 1) <= 32) bodyEnd--;

  return {
    text: working,
    map,
    body: { start: bodyStart, end: bodyEnd },
    meta: gutenberg.meta,
    paragraphMode: mode,
    dropped: droppedRanges.sort((x, y) => x[0] - y[0]),
  };
}

/**
 * Writes the working text from the kept lines, in two phases.
 *
 * 1. Decide: walk the lines once and record *items* (source ranges copied unchanged, or a CR/CRLF
 *    line end replaced by one character) plus the positions of LF line ends that become spaces.
 * 2. Materialise: with no edit at all the working text is a slice of the source (no copy). Otherwise
 *    one buffer holds the kept region's code units (Latin-1 bytes when every character is ≤ U+00FF,
 *    else UTF-16), joins and space-like characters are patched in place, dropped text and CRLF are
 *    squeezed out with `copyWithin`, and one decode makes the string. Building the text from many
 *    small strings costs several times more on large texts (allocation and GC dominate).
 */
function emit(
  s: string,
  lines: Lines,
  dropped: Uint8Array,
  first: number,
  last: number,
  mode: ParagraphMode,
  width: number,
  baseIndent: number,
): { text: string; map: OffsetMap } {
  const { start, end, next, cs, ce } = lines;
  // Items: [itemA[k], itemB[k]) copied (itemCh[k] === -1) or replaced by the char itemCh[k].
  const itemA: number[] = [];
  const itemB: number[] = [];
  const itemCh: number[] = [];
  const joins: number[] = [];
  let runStart = -1;
  let runEnd = -1;
  const closeRun = (): void => {
    if (runStart >= 0 && runEnd > runStart) {
      itemA.push(runStart);
      itemB.push(runEnd);
      itemCh.push(-1);
    }
    runStart = -1;
  };
  const copy = (a: number, b: number): void => {
    if (runStart >= 0 && runEnd === a) runEnd = b;
    else {
      closeRun();
      runStart = a;
      runEnd = b;
    }
  };
  const replace = (a: number, b: number, ch: number): void => {
    closeRun();
    itemA.push(a);
    itemB.push(b);
    itemCh.push(ch);
  };

  let verse = false;
  let prevStandalone = false;
  for (let i = first; i <= last; i++) {
    if (dropped[i]) {
      closeRun();
      continue;
    }
    const e = end[i]!;
    const nx = next[i]!;
    if (ce[i]! <= cs[i]!) {
      // Whitespace on a blank line is dropped; its line break stays.
      if (nx === e) continue;
      if (nx - e === 1 && s.charCodeAt(e) === 10) copy(e, nx);
      else replace(e, nx, 10);
      continue;
    }
    const blockStart = i === first || dropped[i - 1] === 1 || ce[i - 1]! <= cs[i - 1]!;
    if (blockStart && mode === 'wrapped') verse = isVerseBlock(lines, dropped, i, width);
    copy(start[i]!, e);
    if (i === last || nx === e) continue;

    let join = false;
    if (mode !== 'lines' && !dropped[i + 1] && ce[i + 1]! > cs[i + 1]!) {
      const thisStandalone: boolean = blockStart ? isStandaloneLine(s, cs[i]!, ce[i]!) : prevStandalone;
      const nextStandalone: boolean =
        isStandaloneLine(s, cs[i + 1]!, ce[i + 1]!) &&
        !(!thisStandalone && shoutedOn(s, ce[i]!, cs[i + 1]!, ce[i + 1]!));
      prevStandalone = nextStandalone;
      if (thisStandalone || nextStandalone) join = false;
      else if (mode === 'wrapped') join = !verse;
      else if (mode === 'indented') join = cs[i + 1]! - start[i + 1]! <= baseIndent;
      else join = ce[i]! - start[i]! >= width * 0.8 || !endsSentence(s.charCodeAt(ce[i]! - 1));
    }
    if (nx - e === 1 && s.charCodeAt(e) === 10) {
      copy(e, nx);
      if (join) joins.push(e);
    } else {
      replace(e, nx, join ? 32 : 10);
    }
  }
  closeRun();

  const builder = OffsetMap.builder(s.length);
  const count = itemA.length;
  for (let k = 0; k < count; k++) {
    if (itemCh[k]! < 0) builder.copy(itemA[k]!, itemB[k]!);
    else builder.replace(itemA[k]!, itemB[k]!, 1);
  }
  const map = builder.build();
  if (count === 0) return { text: '', map };

  const lo = itemA[0]!;
  const hi = itemB[count - 1]!;
  const spaceLike: number[] = [];
  for (const ch of SPACE_LIKE) {
    for (let at = s.indexOf(ch, lo); at !== -1 && at < hi; at = s.indexOf(ch, at + 1)) spaceLike.push(at);
  }
  if (count === 1 && itemCh[0]! < 0 && joins.length === 0 && spaceLike.length === 0) {
    return { text: s.slice(lo, hi), map };
  }

  const region = s.slice(lo, hi);
  const oneByte = !NOT_LATIN1.test(region);
  const unit = oneByte ? 1 : 2;
  const buf = scratchBuffer(region.length * unit);
  buf.write(region, 0, oneByte ? 'latin1' : 'utf16le');
  const put = (at: number, code: number): void => {
    if (oneByte) buf[at] = code;
    else {
      buf[2 * at] = code & 0xff;
      buf[2 * at + 1] = code >> 8;
    }
  };
  for (const at of joins) put(at - lo, 32);
  for (const at of spaceLike) put(at - lo, 32);
  let w = 0;
  for (let k = 0; k < count; k++) {
    const a = itemA[k]! - lo;
    const ch = itemCh[k]!;
    if (ch < 0) {
      const len = itemB[k]! - itemA[k]!;
      // w <= a always (text is only ever dropped or shortened), so this moves data down or nowhere.
      if (a !== w) buf.copyWithin(w * unit, a * unit, (a + len) * unit);
      w += len;
    } else {
      put(w, ch);
      w++;
    }
  }
  return { text: buf.toString(oneByte ? 'latin1' : 'utf16le', 0, w * unit), map };
}

const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * A reusable buffer for texts up to 32 MiB, so that normalising document after document does not
 * allocate (and page in) a fresh multi-megabyte buffer each time; larger texts get their own.
 */
const SCRATCH_LIMIT = 32 * 1024 * 1024;
let scratch: Buffer | null = null;

function scratchBuffer(bytes: number): Buffer {
  if (bytes > SCRATCH_LIMIT) return Buffer.allocUnsafe(bytes);
  if (scratch === null || scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, 1 << 20));
  return scratch;
}

/**
 * A block (run of non-blank lines from `i`) is verse-like when it has 2+ lines and at least half of
 * its lines other than the last are shorter than 70% of the wrap width: prose wraps close to it.
 */
function isVerseBlock(lines: Lines, dropped: Uint8Array, i: number, width: number): boolean {
  let inner = 0;
  let short = 0;
  let j = i;
  while (j + 1 < lines.count && !dropped[j + 1] && lines.ce[j + 1]! > lines.cs[j + 1]!) {
    inner++;
    if (lines.ce[j]! - lines.start[j]! < width * 0.7) short++;
    j++;
  }
  return inner > 0 && short * 2 >= inner;
}

/** Drops paragraphs starting "Produced by …" (and the like) among the first five after the header. */
function dropProducerCredits(s: string, lines: Lines, dropped: Uint8Array, ranges: [number, number][]): void {
  let i = 0;
  for (let block = 0; block < 5 && i < lines.count; block++) {
    while (i < lines.count && lines.ce[i]! <= lines.cs[i]!) i++;
    if (i >= lines.count) return;
    let j = i;
    while (j < lines.count && lines.ce[j]! > lines.cs[j]!) j++;
    PRODUCER_RE.lastIndex = 0;
    if (j - i <= 12 && PRODUCER_RE.test(s.slice(lines.cs[i]!, Math.min(lines.ce[i]!, lines.cs[i]! + 120)))) {
      for (let k = i; k < j; k++) dropped[k] = 1;
      ranges.push([lines.start[i]!, lines.next[j - 1]!]);
    }
    i = j;
  }
}

/** `A/N:`, `AN -`, `Author's Note:`, `(A/N: …`, `**Author's notes**:` at the start of a line. */
const AUTHOR_NOTE_RE =
  /^[([*_\s]*(?:[Aa]\/[Nn]|AN|[Aa]uthor(?:s|['\u2019]s|s['\u2019])?\s+[Nn]otes?|AUTHOR(?:S|['\u2019]S)?\s+NOTES?)[*_\s]*[:\-\u2013\u2014)]/;

/**
 * Drops fan fiction author's notes: a blank-line separated block of at most twelve lines that opens
 * with `A/N:` (see AUTHOR_NOTE_RE) among the first three and the last three blocks. Where the text
 * has no blank lines (one paragraph a line), only the note's own line is dropped.
 */
function dropAuthorNotes(s: string, lines: Lines, dropped: Uint8Array, ranges: [number, number][]): void {
  const blocks: [number, number][] = [];
  let i = 0;
  while (i < lines.count) {
    while (i < lines.count && (lines.ce[i]! <= lines.cs[i]! || dropped[i])) i++;
    if (i >= lines.count) break;
    let j = i;
    while (j < lines.count && lines.ce[j]! > lines.cs[j]! && !dropped[j]) j++;
    blocks.push([i, j]);
    i = j;
  }
  if (blocks.length < 2) return;
  const picked = new Set<number>();
  for (let b = 0; b < Math.min(3, blocks.length); b++) picked.add(b);
  for (let b = Math.max(0, blocks.length - 3); b < blocks.length; b++) picked.add(b);
  for (const b of picked) {
    const [from, to] = blocks[b]!;
    if (!AUTHOR_NOTE_RE.test(s.slice(lines.cs[from]!, Math.min(lines.ce[from]!, lines.cs[from]! + 40))))
      continue;
    // The note's own lines: the first, and the lines a wrapped note runs on to (the line before
    // ends mid-sentence, or this one opens in lower case). A line after a finished sentence that
    // opens with a capital is the story starting without a blank line ('A/N: enjoy!' / 'Harry
    // walked in…').
    let end = from + 1;
    while (end < to && end - from < 12 && noteGoesOn(s, lines, end - 1, end)) end++;
    for (let k = from; k < end; k++) dropped[k] = 1;
    ranges.push([lines.start[from]!, lines.next[end - 1]!]);
  }
}

/** Whether line `next` carries on the note on line `prev`: `prev` ends mid-sentence or `next` opens in lower case. */
function noteGoesOn(s: string, lines: Lines, prev: number, next: number): boolean {
  const last = s.slice(lines.cs[prev]!, lines.ce[prev]!).trimEnd();
  const first = s.slice(lines.cs[next]!, lines.ce[next]!).trimStart();
  if (/^[\p{Ll}]/u.test(first)) return true;
  return !/[.!?\u2026)\]"'\u201d\u2019*_~:]$/.test(last);
}
