import type { StoryDocument } from '../../engine/document.js';
import { paragraphAtOrAfter } from '../../engine/tokens.js';
import type { Chapter, Paragraph } from '../../engine/types.js';
import { isNumberedHeading } from '../segment/paragraph-kind.js';

/**
 * Where the text's explicit structure puts chapter starts and scene breaks, in paragraph indices.
 *
 * - A run of consecutive heading lines is one heading ("PART TWO" + "CHAPTER III.", "CHAPTER" +
 *   "14", "XVII" + "A YELLOW JOURNAL"); a run of break lines is one break; a break right before a
 *   heading belongs to the chapter.
 * - Headings known from markup (`<h2>`, EPUB chapters, Markdown `#`) count whatever their wording.
 * - An unnumbered heading line (a short ALL-CAPS line) counts only in a text whose chapters are all
 *   unnumbered (two or more such lines, no numbered heading anywhere): elsewhere it is a letter's
 *   title or a sign ("CHARADE." in the middle of Emma's chapter IX).
 * - Headings before the first prose and front matter of a few short lines (title, byline) open the
 *   first chapter rather than a chapter of their own; a heading with no prose after it ("THE END")
 *   opens nothing.
 */
export interface Structure {
  chapters: Chapter[];
  /** Paragraph index of each chapter's first paragraph (its heading, or its first prose). */
  chapterStarts: number[];
  /** Paragraph indices of the first paragraph after each scene break (inside a chapter). */
  breaks: number[];
  /** Paragraph index of the last line of each chapter heading (the chapter's prose follows it). */
  headingEnds: number[];
}

interface HeadingRun {
  first: number;
  last: number;
  numbered: boolean;
  markup: boolean;
  title: string;
}

export function findStructure(doc: StoryDocument, paragraphs: readonly Paragraph[]): Structure {
  const n = paragraphs.length;
  const text = doc.text;
  const markupHeading = new Map<number, string>();
  const markupBreak = new Set<number>();
  for (const c of doc.source.structure.chapters) {
    const p = paragraphAt(paragraphs, doc.map.toWorking(c.start));
    if (p < n) markupHeading.set(p, c.title);
  }
  for (const b of doc.source.structure.breaks) {
    const p = paragraphAt(paragraphs, doc.map.toWorking(b));
    if (p < n) markupBreak.add(p);
  }

  // Heading runs and break positions, in text order.
  const runs: HeadingRun[] = [];
  let breakPending = false;
  const breakBefore = new Uint8Array(n);
  let p = 0;
  while (p < n) {
    const para = paragraphs[p]!;
    if (markupBreak.has(p)) breakPending = true;
    if (para.kind === 'break') {
      breakPending = true;
      p++;
      continue;
    }
    if (para.kind === 'heading' || markupHeading.has(p)) {
      const first = p;
      let numbered = false;
      let markup = false;
      const titles: string[] = [];
      while (p < n) {
        const q = paragraphs[p]!;
        const fromMarkup = markupHeading.get(p);
        if (q.kind !== 'heading' && fromMarkup === undefined) break;
        if (p > first && markupBreak.has(p)) break;
        const line = text.slice(q.start, q.end);
        numbered ||= isNumberedHeading(line);
        markup ||= fromMarkup !== undefined;
        titles.push(fromMarkup ?? line.replace(/\s+/g, ' ').trim());
        p++;
      }
      runs.push({ first, last: p - 1, numbered, markup, title: titles.reduce(joinTitle, '') });
      breakPending = false;
      continue;
    }
    if (breakPending) breakBefore[p] = 1;
    breakPending = false;
    p++;
  }

  const anyNumbered = runs.some((r) => r.numbered);
  const opening = runs[0]?.first === firstProseIndex(paragraphs, 0) ? 1 : 0;
  // Unnumbered runs after the text's opening count only in a text of unnumbered chapters.
  const titledChapters = !anyNumbered && runs.filter((r, i) => i >= opening && !r.markup).length >= 2;

  const { chapters, chapterStarts, headingEnds } = chaptersFromRuns(paragraphs, runs, titledChapters);
  const breaks: number[] = [];
  let c = 0;
  for (let i = 1; i < n; i++) {
    while (c + 1 < chapterStarts.length && chapterStarts[c + 1]! <= i) c++;
    if (breakBefore[i] && i > chapterStarts[c]! && paragraphs[i]!.kind === 'prose') {
      if (hasProseBetween(paragraphs, chapterStarts[c]!, i)) breaks.push(i);
    }
  }
  // Chapter ends: up to the paragraph before the next chapter's first.
  for (let k = 0; k < chapters.length; k++) {
    const endPara = (k + 1 < chapters.length ? chapterStarts[k + 1]! : n) - 1;
    chapters[k]!.end = paragraphs[Math.max(endPara, chapterStarts[k]!)]!.end;
  }
  return { chapters, chapterStarts, breaks, headingEnds };
}

/**
 * The chapters the heading runs start (the first one from the text's start). Kept out of
 * findStructure: its front-matter tests run rarely, and a deoptimisation there then recompiles only
 * this small function.
 */
function chaptersFromRuns(
  paragraphs: readonly Paragraph[],
  runs: readonly HeadingRun[],
  titledChapters: boolean,
): { chapters: Chapter[]; chapterStarts: number[]; headingEnds: number[] } {
  const n = paragraphs.length;
  const chapters: Chapter[] = [];
  const chapterStarts: number[] = [];
  const headingEnds: number[] = [];
  if (n > 0) {
    chapters.push({ start: paragraphs[0]!.start, end: paragraphs[0]!.end, title: '', heading: -1 });
    chapterStarts.push(0);
  }
  let lastRun: HeadingRun | undefined;
  for (const run of runs) {
    if (!(run.numbered || run.markup || titledChapters)) continue;
    if (run.last + 1 >= n) continue;
    const current = chapters[chapters.length - 1]!;
    if (chapters.length === 1 && current.heading === -1 && isFrontMatter(paragraphs, 0, run.first)) {
      // Title-page lines and the first heading name the first chapter.
      current.title = run.title;
      current.heading = run.first;
    } else if (lastRun && isFrontMatter(paragraphs, lastRun.last + 1, run.first, 6, 80, 200)) {
      // "VOL. II." + an imprint line + "CHAPTER I.": one chapter start, not a chapter of one line.
      current.title = joinTitle(current.title, run.title);
    } else {
      chapters.push({ start: paragraphs[run.first]!.start, end: 0, title: run.title, heading: run.first });
      chapterStarts.push(run.first);
    }
    headingEnds.push(run.last);
    lastRun = run;
  }
  return { chapters, chapterStarts, headingEnds };
}

/** "CHAPTER" + "14" → "CHAPTER 14"; "XVII" + "A YELLOW JOURNAL" → "XVII — A YELLOW JOURNAL". */
function joinTitle(a: string, b: string): string {
  if (a === '') return b;
  return BARE_KEYWORD.test(a) ? `${a} ${b}` : `${a} — ${b}`;
}

const BARE_KEYWORD = /^(?:chapter|chap\.|part|book|volume|vol\.|act|section|canto|letter|stave)$/i;

function firstProseIndex(paragraphs: readonly Paragraph[], from: number): number {
  for (let i = from; i < paragraphs.length; i++) if (paragraphs[i]!.kind !== 'break') return i;
  return paragraphs.length;
}

function hasProseBetween(paragraphs: readonly Paragraph[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (paragraphs[i]!.kind === 'prose') return true;
  return false;
}

/**
 * A title page: a few short lines (title, byline, an imprint), none of them a real paragraph. Before
 * the first heading up to six lines of 120 characters; between two headings ("VOL. II.", four
 * imprint lines, "CHAPTER I.") up to six lines of 80, 200 characters in all.
 */
function isFrontMatter(
  paragraphs: readonly Paragraph[],
  from: number,
  to: number,
  lines = 6,
  chars = 120,
  total = Number.POSITIVE_INFINITY,
): boolean {
  if (to - from > lines) return false;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const q = paragraphs[i]!;
    if (q.kind !== 'prose') continue;
    sum += q.end - q.start;
    if (q.end - q.start > chars || sum > total) return false;
  }
  return true;
}

/** Index of the paragraph holding `offset`, or the first one after it (n when past the end). */
export const paragraphAt = paragraphAtOrAfter;
