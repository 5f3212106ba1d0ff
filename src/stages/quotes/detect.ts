import type { StoryDocument } from '../../engine/document.js';
import type { Message, Paragraph, Quotation, QuoteMark } from '../../engine/types.js';
import { CORE_SPEECH_VERBS } from '../lexicon/speech-verbs.js';
import { words } from '../lexicon/words.js';
import {
  CLOSES,
  collectMarks,
  GLYPH_WEIGHT,
  type MarkSet,
  markName,
  NEVER,
  NONE,
  OPENS,
  primaryRole,
  REOPEN_COST,
  secondaryMarkName,
  secondaryRole,
  UNCLOSED_COST,
} from './candidates.js';
import { isImaginedCue } from './imagined.js';
import { findItalicThoughts } from './italics.js';
import { classifyKinds } from './kinds.js';
import { addLostOpenings, collectGaps } from './lost-marks.js';
import {
  EM_DASH,
  EN_DASH,
  firstAtOrAfter,
  flankOrientation,
  HORIZONTAL_BAR,
  HYPHEN,
  isClausePunct,
  isSpace,
  isUpper,
  isWordChar,
  quoteMarkPositions,
} from './marks.js';
import { CLOSE, MarkPairing, OPEN, REOPEN, SKIP } from './pairing.js';
import { findScriptLines } from './script.js';
import { detectStyle, type QuoteStyle } from './style.js';
import {
  heldInNarration,
  isInlineTag,
  isSpeechTag,
  isStageDirection,
  MAX_STAGE_DIRECTION,
  objectOfNarration,
  tagVerb,
} from './tags.js';

export interface DetectOptions {
  /** The dialogue convention; default: decided from the text (see style.ts). */
  readonly style?: QuoteStyle;
  /**
   * Whether the working text's character at an offset stands for a line break of the source (the
   * working text joins a paragraph's lines with spaces); default: only `\n` is one. Script lines
   * (script.ts) are told apart by it.
   */
  readonly lineBreakAt?: (offset: number) => boolean;
}

/** The document's line breaks inside paragraphs: spaces of the working text that were newlines. */
export function lineBreaksOf(doc: StoryDocument): (offset: number) => boolean {
  const source = doc.source.text;
  return (offset) => {
    const c = doc.text.charCodeAt(offset);
    if (c === 10) return true;
    if (c !== 32) return false;
    const at = doc.map.toSource(offset);
    const d = source.charCodeAt(at);
    return d === 10 || d === 13;
  };
}

export interface Detection {
  quotes: Quotation[];
  messages: Message[];
  style: QuoteStyle;
  /**
   * For every quotation, the id of the quotation it is nested in (`"He said 'go'."`), or undefined
   * for a top-level one. Parallel to `quotes`.
   */
  parents: (string | undefined)[];
}

/**
 * A quotation while it is being built. `open`/`close` are the offsets of its first opening and
 * last closing mark (close is -1 when it runs to the end of its paragraph).
 */
export interface DraftQuotation {
  spans: [number, number][];
  mark: QuoteMark;
  paragraph: number;
  paragraphEnd: number;
  open: number;
  close: number;
  /** Narration between the pieces of an interrupted quotation (`"Look," she said, "I'm here."`). */
  tags: [number, number][];
  parent: DraftQuotation | undefined;
  kind: Quotation['kind'];
  /**
   * A quotation set out over several short verse lines: a poem or song recited (see `stanzaEnd`).
   * (Always present, false by default: a field added later gives drafts two shapes.)
   */
  verse: boolean;
}

/** Stage entry point: quotations of the document, diagnostics reported on it. */
export function detectQuotations(doc: StoryDocument): Quotation[] {
  const { quotes, messages, parents } = findQuotations(doc.text, doc.layer('paragraphs'), {
    lineBreakAt: lineBreaksOf(doc),
  });
  for (const m of messages) doc.message(m);
  quotes.forEach((q, i) => {
    const parent = parents[i];
    if (parent !== undefined) q.parent = parent;
  });
  return quotes;
}

/** Longest line (in characters) of verse set out line by line. */
const VERSE_LINE = 72;
/** Fewest lines of a stanza kept in one paragraph, unless one of them is indented. */
const MIN_STANZA_LINES = 4;
/** Lines enough that all opening with a capital is verse, however full they run. */
const LONG_STANZA_LINES = 6;
/** A line shorter than this share of a paragraph's longest ends ragged, as verse lines do. */
const RAGGED = 0.8;
/** Most lines of a stanza after the one that opens the quotation. */
const MAX_STANZA_LINES = 16;

/** Whether text[start, end) holds a letter or digit. */
function hasWords(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isWordChar(text.charCodeAt(i))) return true;
  return false;
}

/** Whether the first letter of the paragraph, after any marks, brackets or underscores, is a capital. */
function opensWithCapital(text: string, p: Paragraph): boolean {
  for (let i = p.start; i < p.end; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) return isUpper(c);
  }
  return false;
}

/** A nested quotation of at most two words, or four without clause punctuation of its own. */
function isEmbeddedFragment(text: string, start: number, end: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const w = isWordChar(text.charCodeAt(i));
    if (w && !inWord && ++words > 4) return false;
    inWord = w;
  }
  let last = end - 1;
  while (last > start && isSpace(text.charCodeAt(last))) last--;
  return words <= 2 || !isClausePunct(text.charCodeAt(last));
}

/**
 * A verb of saying after a modal or `to` (not `used to`), right before a nested quotation: `I can
 * only say, '…'`, `you might as well say that '…'`, `were to say, '…'`, `I should have said, '…'`.
 * PDNC keeps such imagined words inside the speech that imagines them (13 of 17 times), where it
 * cuts out words someone did say.
 */
const HYPOTHETICAL_SAY =
  /\b(?:would|might|could|should|shall|will|may|must|can|(?<!used )to|'ll|'d)\s+(?:(?:only|just|not|never|as well|have|ever|all)\s+)*(?:say|said|ask|answer|reply)\W*(?:that\W*)?$/i;

/** Words a title leaves in lower case: `Ode to Winter`, `The Dog at His Master's Grave`. */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(
  'a an the of and or in on at to for with from by as but nor after'.split(' '),
);

/** Most words of a title quoted inside speech. */
const TITLE_WORDS = 8;

/**
 * `I recited 'The Dog at His Master's Grave'`, `the manuscript of the 'Ode to Winter.'`: a nested
 * quotation in title case (every word capitalised but the small ones, two capitals at least, one
 * clause at most) names a poem, a book or a song, and stays part of the speech that names it.
 */
function isTitlePhrase(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && (isClausePunct(text.charCodeAt(e - 1)) || isSpace(text.charCodeAt(e - 1)))) e--;
  const body = text.slice(start, e);
  if (/[!?;:]|--|\u2014|[.,]\s/.test(body)) return false;
  const words = body.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu) ?? [];
  if (words.length < 2 || words.length > TITLE_WORDS) return false;
  let capitals = 0;
  for (const w of words) {
    if (isUpper(w.charCodeAt(0))) capitals++;
    else if (!TITLE_SMALL_WORDS.has(w)) return false;
  }
  return capitals >= 2 && isUpper(words[0]!.charCodeAt(0));
}

/** Words after a nested quotation that a speech tag can open with: `said he`, `I said`, `cried Tom`. */
const NESTED_TAG_WORDS = 2;

/** Whether text[start, end) right after a nested quotation opens with a speech tag: `' said he, '`. */
function taggedAfter(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (start >= end || isWordChar(c)) return false;
  const verb = tagVerb(text, start, Math.min(end, start + 40), NESTED_TAG_WORDS);
  return verb !== undefined && verb !== 'read' && verb !== 'write';
}

/** Whether paragraph `p` opens with an opening mark of the outer family (a continued quotation). */
function opensWithMark(text: string, p: Paragraph, set: MarkSet): boolean {
  if (p.kind !== 'prose') return false;
  const r = primaryRole(text.charCodeAt(p.start), set);
  if (r === NONE || r === CLOSES) return false;
  // A mark that starts a paragraph opens unless its right side says it closes (`",` or `".`);
  // `" There` is an opening double mark whose nested single mark was lost.
  return flankOrientation(text, p.start, p.start, p.end) + (r === OPENS ? GLYPH_WEIGHT : 0) >= 0;
}

function trimmedSpan(text: string, start: number, end: number): [number, number] | undefined {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? [start, end] : undefined;
}

function isDashStart(text: string, p: Paragraph): boolean {
  const c = text.charCodeAt(p.start);
  const next = p.start + 1 < p.end ? text.charCodeAt(p.start + 1) : 32;
  if (c === EM_DASH || c === HORIZONTAL_BAR) return true;
  if (c === EN_DASH) return isSpace(next);
  return c === HYPHEN && next === HYPHEN;
}

/**
 * One pass over the paragraphs in order: pairs the outer marks of each paragraph, cuts nested
 * quotations out of them, continues quotations across paragraphs, joins pieces interrupted by a
 * speech tag, and reports what did not pair.
 */
class Scanner {
  readonly drafts: DraftQuotation[] = [];
  readonly messages: Message[] = [];
  private readonly outer = new MarkPairing();
  private readonly inner = new MarkPairing();
  private readonly set: MarkSet;
  private runs: Int32Array | undefined;
  /** The quotation left open at the end of the previous paragraph, continued by this one. */
  private continued: DraftQuotation | undefined;
  /** Last paragraph of a stanza already read as part of a quotation. */
  private verseUntil = -1;

  constructor(
    private readonly text: string,
    private readonly paragraphs: readonly Paragraph[],
    private readonly style: QuoteStyle,
    private readonly positions: Int32Array,
    private readonly lineBreakAt: ((offset: number) => boolean) | undefined = undefined,
  ) {
    this.set = this.markSet();
  }

  /** Starts of the runs of two or more spaces in the text, found once (only texts with lost marks need them). */
  private spaceRuns(): Int32Array {
    if (this.runs) return this.runs;
    const starts: number[] = [];
    const { text } = this;
    for (let i = text.indexOf('  '); i >= 0; i = text.indexOf('  ', i + 1)) {
      starts.push(i);
      while (text.charCodeAt(i + 2) === 32) i++;
      i++;
    }
    this.runs = Int32Array.from(starts);
    return this.runs;
  }

  private markSet(): MarkSet {
    switch (this.style.primary) {
      case 'single':
        return 'single';
      case 'german':
        return 'german';
      case 'guillemet':
        return this.style.reversedGuillemets ? 'reversed-guillemet' : 'guillemet';
      case 'dash':
        // Dash dialogue still quotes with marks inside narration; guillemets when the text has them.
        return this.text.includes('\u00ab') ? 'guillemet' : 'double';
      default:
        return 'double';
    }
  }

  run(): void {
    const { paragraphs, text } = this;
    // Chat logs and script lines (`Mara: are you coming?`): one quotation a line, no marks to scan.
    const scriptParagraphs = new Set<number>();
    for (const line of findScriptLines(text, paragraphs, this.lineBreakAt)) {
      scriptParagraphs.add(line.paragraph);
      // A line that is only a stage direction (`CISSY: (Her voice soaring.)`) says nothing.
      if (line.span[1] <= line.span[0]) continue;
      this.drafts.push({
        spans: [line.span],
        mark: 'script',
        paragraph: line.paragraph,
        paragraphEnd: line.paragraph,
        open: line.span[0],
        close: line.span[1],
        tags: [],
        parent: undefined,
        kind: 'speech',
        verse: false,
      });
    }
    for (let pi = 0; pi < paragraphs.length; pi++) {
      // The lines of a stanza taken into the quotation that opened it.
      if (pi <= this.verseUntil) continue;
      const p = paragraphs[pi]!;
      if (scriptParagraphs.has(pi)) {
        this.continued = undefined;
        continue;
      }
      if (p.kind === 'break') {
        this.continued = undefined;
        continue;
      }
      if (this.style.primary === 'dash' && p.kind === 'prose' && isDashStart(text, p)) {
        this.continued = undefined;
        this.scanDashParagraph(p, pi);
        continue;
      }
      this.scanParagraph(p, pi);
    }
  }

  private scanParagraph(p: Paragraph, pi: number): void {
    const { text, outer } = this;
    collectMarks(text, this.positions, p.start, p.end, p.start, p.end, primaryRole, this.set, true, outer);
    const continued = this.continued;
    this.continued = undefined;
    if (outer.count === 0) return;
    const next = this.paragraphs[pi + 1];
    const continues = p.kind === 'prose' && next !== undefined && opensWithMark(text, next, this.set);
    const endsOpen = outer.solve(continues ? 0 : UNCLOSED_COST, REOPEN_COST);

    const found: DraftQuotation[] = [];
    const nested: DraftQuotation[] = [];
    let open = -1;
    for (let k = 0; k < outer.count; k++) {
      const at = outer.pos[k]!;
      switch (outer.action[k]) {
        case OPEN:
          open = at;
          break;
        case CLOSE:
          this.region(found, nested, p, pi, open, at);
          open = -1;
          break;
        case REOPEN:
          this.unclosed(open, at);
          this.region(found, nested, p, pi, open, at);
          open = at;
          break;
        case SKIP:
          // A mark that costs nothing to skip was only ever a possible apostrophe (`the Joneses'`,
          // `goin'`): reading it as one is no stray mark to warn about.
          if (outer.skipCost[k] === 0) break;
          this.messages.push({
            code: 'quotes/stray',
            severity: 'warning',
            reason: 'A quotation mark pairs with no other mark in its paragraph and was ignored.',
            span: [at, at + 1],
            stage: 'quotes',
          });
          break;
      }
    }
    if (endsOpen && open >= 0) {
      const verseEnd = continues ? -1 : this.stanzaEnd(pi, open);
      if (verseEnd >= 0) this.verse(found, nested, p, pi, open, verseEnd);
      else {
        if (!continues) this.unclosed(open, p.end);
        this.region(found, nested, p, pi, open, -1);
      }
    }

    // A paragraph opening with a mark continues the quotation the previous paragraph left open.
    const first = found[0];
    let merged: DraftQuotation | undefined;
    if (continued && first && first.open === p.start) {
      continued.spans.push(...first.spans);
      continued.paragraphEnd = pi;
      continued.close = first.close;
      for (const d of nested) if (d.parent === first) d.parent = continued;
      found[0] = continued;
      merged = continued;
    }
    this.joinInterrupted(found, nested, p.start);
    if (found.length > 0 && this.isStanza(p)) for (const d of found) d.verse = true;
    for (const d of found) if (d !== merged) this.drafts.push(d);
    for (const d of nested) this.drafts.push(d);
    const last = found[found.length - 1];
    if (continues && endsOpen && last && last.close < 0) this.continued = last;
  }

  /**
   * A quotation left open at the end of a short line, followed by short lines with no quotation
   * mark and then one that ends with a closing mark, is a stanza of verse set out line by line
   * (`"How doth the little bee` / `Improve each shining hour,` / `…flower!"`): returns the index of
   * its last line, or -1.
   */
  private stanzaEnd(pi: number, open: number): number {
    const { paragraphs, text, positions } = this;
    const first = paragraphs[pi]!;
    if (first.kind !== 'prose' || first.end - open > VERSE_LINE) return -1;
    for (let j = pi + 1; j < paragraphs.length && j <= pi + MAX_STANZA_LINES; j++) {
      const line = paragraphs[j]!;
      // Each line of verse opens with a capital (`_Twinkle_` and `'Tis` too); a prose line broken
      // short does not, as a rule.
      if (line.kind !== 'prose' || line.end - line.start > VERSE_LINE || !opensWithCapital(text, line))
        return -1;
      let marks = 0;
      let last = -1;
      for (
        let k = firstAtOrAfter(positions, line.start);
        k < positions.length && positions[k]! < line.end;
        k++
      ) {
        const at = positions[k]!;
        if (primaryRole(text.charCodeAt(at), this.set) === NONE) continue;
        // An apostrophe inside a word (`can't`) is no mark.
        if (at > line.start && isWordChar(text.charCodeAt(at - 1)) && isWordChar(text.charCodeAt(at + 1)))
          continue;
        marks++;
        last = at;
      }
      if (marks === 0) continue;
      if (marks !== 1 || last !== line.end - 1 || primaryRole(text.charCodeAt(last), this.set) === OPENS)
        return -1;
      return j;
    }
    return -1;
  }

  /** The quotation opened at `open` runs over the lines of a stanza to its closing mark at the end of `lastLine`. */
  private verse(
    found: DraftQuotation[],
    nested: DraftQuotation[],
    p: Paragraph,
    pi: number,
    open: number,
    lastLine: number,
  ): void {
    const before = found.length;
    this.region(found, nested, p, pi, open, -1);
    const draft = found[found.length - 1];
    if (found.length === before || !draft) return;
    for (let j = pi + 1; j <= lastLine; j++) {
      const line = this.paragraphs[j]!;
      const span = trimmedSpan(this.text, line.start, j === lastLine ? line.end - 1 : line.end);
      if (span) draft.spans.push(span);
    }
    draft.paragraphEnd = lastLine;
    draft.close = this.paragraphs[lastLine]!.end - 1;
    draft.verse = true;
    this.verseUntil = lastLine;
  }

  /**
   * A paragraph set out as a stanza: several lines of verse kept in one paragraph, each opening with
   * a capital (after any indent or mark) and none longer than a verse line; with an indented line
   * (`"You are old," the young man said,` / `    "And your hair…`), six lines or more, or four
   * with ragged ends. Prose wrapped into lines opens most of them in lower case, never indents them
   * and fills all but the last.
   */
  private isStanza(p: Paragraph): boolean {
    if (p.kind !== 'prose') return false;
    const { text } = this;
    const at = this.lineBreakAt ?? ((o: number): boolean => text.charCodeAt(o) === 10);
    const lengths: number[] = [];
    let indented = false;
    let lineStart = p.start;
    const line = (end: number): boolean => {
      let i = lineStart;
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (lengths.length > 0 && i - lineStart >= 2) indented = true;
      while (i < end && !isWordChar(text.charCodeAt(i))) i++;
      lengths.push(end - lineStart);
      return end - lineStart <= VERSE_LINE && i < end && isUpper(text.charCodeAt(i));
    };
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if ((c !== 32 && c !== 10) || !at(i)) continue;
      if (!line(i)) return false;
      lineStart = i + 1;
    }
    if (!line(p.end) || lengths.length < 3) return false;
    if (indented || lengths.length >= LONG_STANZA_LINES) return true;
    // Unindented: the lines end ragged, as verse does, where wrapped prose fills all but its last.
    const longest = Math.max(...lengths);
    let short = 0;
    for (let k = 0; k + 1 < lengths.length; k++) if (lengths[k]! < RAGGED * longest) short++;
    return lengths.length >= MIN_STANZA_LINES && 2 * short >= lengths.length - 1;
  }

  /** `"Look," she said, "I'm here."`: pieces separated only by a speech tag are one quotation. */
  private joinInterrupted(found: DraftQuotation[], nested: DraftQuotation[], from: number): void {
    let k = 0;
    while (k + 1 < found.length) {
      const a = found[k]!;
      const b = found[k + 1]!;
      if (
        a.close >= 0 &&
        isSpeechTag(this.text, a.close + 1, b.open) &&
        !heldInNarration(this.text, a.open, from) &&
        !heldInNarration(this.text, b.open) &&
        !objectOfNarration(this.text, b.open) &&
        !opensClause(this.text, a.close + 1, b.open) &&
        !isImaginedCue(this.text, a.close + 1, b.open, true) &&
        // `It was on his lips to exclaim: "…" Instead, he answered: "…"`: words never said and the
        // words said after them are two quotations.
        !(a.spans.length === 1 && isImaginedCue(this.text, k > 0 ? found[k - 1]!.close + 1 : from, a.open))
      ) {
        a.tags.push([a.close + 1, b.open]);
        a.spans.push(...b.spans);
        a.close = b.close;
        a.paragraphEnd = b.paragraphEnd;
        if (b.verse) a.verse = true;
        for (const d of nested) if (d.parent === b) d.parent = a;
        found.splice(k + 1, 1);
      } else k++;
    }
  }

  private unclosed(open: number, end: number): void {
    this.messages.push({
      code: 'quotes/unclosed',
      severity: 'warning',
      reason: 'A quotation is not closed before the end of its paragraph; it is taken to end there.',
      span: [open, end],
      stage: 'quotes',
    });
  }

  /**
   * Adds text[start, end) to the spans of `draft`, trimmed, leaving out stage directions in
   * brackets: `"Well, (smiling,) I hope so."` is two spans, as PDNC annotates it.
   */
  private addPiece(draft: DraftQuotation, start: number, end: number): void {
    const { text } = this;
    let from = start;
    for (let i = text.indexOf('(', start); i >= 0 && i < end; i = text.indexOf('(', i + 1)) {
      const close = text.indexOf(')', i + 1);
      if (close < 0 || close >= end || close - i > MAX_STAGE_DIRECTION) continue;
      if (!isStageDirection(text, i + 1, close)) continue;
      const span = trimmedSpan(text, from, i);
      if (span) draft.spans.push(span);
      draft.tags.push([i, close + 1]);
      from = close + 1;
      i = close;
    }
    const span = trimmedSpan(text, from, end);
    // Punctuation left over between cut-out parts (`'…see her.'--'I can't,'`, `(cheers).`) is no
    // piece of its own once the quotation has words.
    if (span && (draft.spans.length === 0 || hasWords(text, span[0], span[1]))) draft.spans.push(span);
  }

  /**
   * One outer quotation from the mark at `open` to the mark at `close` (-1: the paragraph end).
   * Quotations nested inside it become their own drafts and are cut out of its spans, as PDNC
   * and LitBank annotate them.
   */
  private region(
    found: DraftQuotation[],
    nestedOut: DraftQuotation[],
    p: Paragraph,
    pi: number,
    open: number,
    close: number,
  ): void {
    const { text, inner } = this;
    const end = close < 0 ? p.end : close;
    const draft: DraftQuotation = {
      spans: [],
      mark: markName(this.set),
      paragraph: pi,
      paragraphEnd: pi,
      open,
      close,
      tags: [],
      parent: undefined,
      kind: 'speech',
      verse: false,
    };
    const lost = this.style.lostSingleMarks && this.set === 'double';
    if (lost) collectGaps(text, this.spaceRuns(), open + 1, end, close >= 0, inner);
    else {
      collectMarks(
        text,
        this.positions,
        open + 1,
        end,
        p.start,
        p.end,
        secondaryRole,
        this.set,
        false,
        inner,
      );
      if (this.set === 'double') addLostOpenings(text, this.spaceRuns(), open + 1, end, inner);
    }
    let pieceStart = open + 1;
    const nested: DraftQuotation[] = [];
    const nest = (start: number, stop: number, innerOpen: number, innerClose: number): void => {
      const span = trimmedSpan(text, start, stop);
      if (!span) return;
      nested.push({
        spans: [span],
        mark: secondaryMarkName(this.set),
        paragraph: pi,
        paragraphEnd: pi,
        open: innerOpen,
        close: innerClose,
        tags: [],
        parent: draft,
        kind: 'speech',
        verse: false,
      });
    };
    if (inner.count > 0) {
      // A lost closing mark at the end of a paragraph that the next one continues leaves the nested
      // quotation open; otherwise nested quotations close inside their enclosing one.
      const innerEndsOpen = inner.solve(lost && close < 0 ? 0.5 : NEVER, NEVER);
      let innerOpen = -1;
      for (let k = 0; k < inner.count; k++) {
        const act = inner.action[k];
        const at = inner.pos[k]!;
        if (act === OPEN) innerOpen = at;
        else if (act === CLOSE && innerOpen >= 0) {
          // A word or two quoted inside speech (`You remember 'rent'?`) stays part of it; longer
          // nested quotations are cut out (PDNC does so about three times in four), except one that
          // ends the speech after words of its own (`and then I said, 'Never again.'"`), which PDNC
          // keeps inside twice in three.
          // A fragment with a speech tag of its own (`'Oh!' said he, 'I can mend it.'`) is a turn of
          // the dialogue the speaker retells, cut out like any other.
          // Words only imagined (`I can only say, 'No,'`, `a friend were to say, 'Stay,'`) are the
          // speaker's own turn going on, and stay inside it too.
          if (
            !(isEmbeddedFragment(text, innerOpen + 1, at) && !taggedAfter(text, at + 1, end)) &&
            !(hasWords(text, pieceStart, innerOpen) && !hasWords(text, at + 1, end)) &&
            !HYPOTHETICAL_SAY.test(text.slice(Math.max(open + 1, innerOpen - 80), innerOpen)) &&
            !isTitlePhrase(text, innerOpen + 1, at)
          ) {
            this.addPiece(draft, pieceStart, innerOpen);
            pieceStart = at + 1;
          }
          nest(innerOpen + 1, at, innerOpen, at);
          innerOpen = -1;
        }
      }
      if (innerEndsOpen && innerOpen >= 0) {
        this.addPiece(draft, pieceStart, innerOpen);
        nest(innerOpen + 1, end, innerOpen, -1);
        pieceStart = end;
      }
    }
    this.addPiece(draft, pieceStart, end);
    if (draft.spans.length === 0 && nested.length === 0) return;
    if (draft.spans.length === 0) {
      // `"'Tis here,' she wrote."`-like shells: the outer marks only wrap the nested quotation.
      for (const n of nested) n.parent = undefined;
      found.push(...nested);
      return;
    }
    found.push(draft);
    nestedOut.push(...nested);
  }

  /**
   * Dash dialogue: `—Hola —dijo ella—. ¿Qué tal?`, `— Привет, — сказала она. — Как дела?`. The
   * paragraph's opening dash starts speech; each later dash that is not inside a word switches
   * between speech and narration (the tag). The speech pieces form one quotation.
   */
  private scanDashParagraph(p: Paragraph, pi: number): void {
    const { text } = this;
    let i = p.start;
    if (text.charCodeAt(i) === HYPHEN) i += 2;
    else i += 1;
    const draft: DraftQuotation = {
      spans: [],
      mark: 'dash',
      paragraph: pi,
      paragraphEnd: pi,
      open: p.start,
      close: -1,
      tags: [],
      parent: undefined,
      kind: 'speech',
      verse: false,
    };
    let speech = true;
    let pieceStart = i;
    for (; i < p.end; i++) {
      const c = text.charCodeAt(i);
      // `—Back to barracks! he said sternly.`, `—Thanks, old chap, he cried briskly. That will do.`:
      // a tag with no dashes round it, after the speech's own punctuation. It runs to its sentence's
      // end; the speech goes on after it.
      if (
        speech &&
        (c === 44 || c === 33 || c === 63 || c === 46) &&
        i + 1 < p.end &&
        isSpace(text.charCodeAt(i + 1))
      ) {
        let w = i + 1;
        while (w < p.end && isSpace(text.charCodeAt(w))) w++;
        if (isInlineTag(text, w, p.end, CORE_SPEECH_VERBS, c)) {
          const span = trimmedSpan(text, pieceStart, i + 1);
          if (span) draft.spans.push(span);
          const tagEnd = sentenceEnd(text, w, p.end);
          draft.tags.push([i + 1, tagEnd]);
          pieceStart = tagEnd;
          while (pieceStart < p.end && isSpace(text.charCodeAt(pieceStart))) pieceStart++;
          i = pieceStart - 1;
          continue;
        }
      }
      const double = c === HYPHEN && i + 1 < p.end && text.charCodeAt(i + 1) === HYPHEN;
      if (c !== EM_DASH && c !== HORIZONTAL_BAR && c !== EN_DASH && !double) continue;
      const width = double ? 2 : 1;
      const before = i > p.start ? text.charCodeAt(i - 1) : 32;
      const after = i + width < p.end ? text.charCodeAt(i + width) : 32;
      if (isWordChar(before) && isWordChar(after)) {
        i += width - 1;
        continue;
      }
      if (speech) {
        const span = trimmedSpan(text, pieceStart, i);
        if (span) draft.spans.push(span);
        if (draft.spans.length > 0) draft.tags.push([i, i]);
      } else {
        const tag = draft.tags[draft.tags.length - 1];
        if (tag) tag[1] = i + width;
      }
      speech = !speech;
      i += width - 1;
      pieceStart = i + 1;
      // Speech resumes after the tag's closing dash and its punctuation: `—dijo ella—. ¿Qué tal?`
      if (speech) {
        while (pieceStart < p.end) {
          const d = text.charCodeAt(pieceStart);
          if (isSpace(d) || isClausePunct(d)) pieceStart++;
          else break;
        }
      }
    }
    if (speech) {
      const span = trimmedSpan(text, pieceStart, p.end);
      if (span) draft.spans.push(span);
    } else {
      const tag = draft.tags[draft.tags.length - 1];
      if (tag) tag[1] = p.end;
    }
    if (draft.spans.length > 0) this.drafts.push(draft);
  }
}

/**
 * Conjunctions that open a clause of the narrator's own: `"…wanted;" for Elizabeth was replying,
 * "…"` joins two speakers' words, not one speaker's words round a tag (`"…," said Tom, "…"`).
 */
const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set(
  words('for because while whereas though although till until unless since'),
);

/** Whether the narration text[start, end) opens with a conjunction of `CLAUSE_CONJUNCTIONS`. */
function opensClause(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && !isWordChar(text.charCodeAt(i))) i++;
  let k = i;
  while (k < end && isWordChar(text.charCodeAt(k))) k++;
  return k > i && CLAUSE_CONJUNCTIONS.has(text.slice(i, k).toLowerCase());
}

/** End of the sentence from `from`: after its full stop, question or exclamation mark, or `end`. */
function sentenceEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && (i + 1 >= end || isSpace(text.charCodeAt(i + 1)))) return i + 1;
  }
  return end;
}

/**
 * Finds the quotations of a working text divided into paragraphs: a pure function of its input,
 * used by the stage and by the evaluation.
 */
export function findQuotations(
  text: string,
  paragraphs: readonly Paragraph[],
  options: Readonly<DetectOptions> = {},
): Detection {
  const positions = quoteMarkPositions(text);
  const style = options.style ?? detectStyle(text, paragraphs, positions);
  const scanner = new Scanner(text, paragraphs, style, positions, options.lineBreakAt);
  scanner.run();
  const drafts = scanner.drafts;
  // Thoughts in italics (`*I should go*, she thought`), outside every marked quotation.
  const italicTexts = new Set<DraftQuotation>();
  for (const { span, paragraph, kind } of findItalicThoughts(text, paragraphs)) {
    if (drafts.some((d) => d.open < span[1] && span[0] < d.close)) continue;
    const draft: DraftQuotation = {
      spans: [span],
      mark: 'italic',
      paragraph,
      paragraphEnd: paragraph,
      open: span[0] - 1,
      close: span[1] + 1,
      tags: [],
      parent: undefined,
      kind,
      verse: false,
    };
    drafts.push(draft);
    if (kind === 'written') italicTexts.add(draft);
  }
  classifyKinds(text, paragraphs, drafts);
  // A script line is its speaker's words, an italic one their thought: no tag or context decides that.
  for (const d of drafts) {
    if (d.mark === 'script') d.kind = 'speech';
    else if (d.mark === 'italic') d.kind = italicTexts.has(d) ? 'written' : 'thought';
  }
  drafts.sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
  const ids = new Map<DraftQuotation, string>();
  const quotes: Quotation[] = drafts.map((d, k) => {
    const id = `Q${k}`;
    ids.set(d, id);
    return {
      id,
      spans: d.spans,
      kind: d.kind,
      mark: d.mark,
      paragraph: d.paragraph,
      paragraphEnd: d.paragraphEnd,
    };
  });
  const parents = drafts.map((d) => (d.parent ? ids.get(d.parent) : undefined));
  return { quotes, messages: scanner.messages, style, parents };
}
