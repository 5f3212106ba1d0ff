/**
 * Markdown: the text stays exactly as written (offsets index the user's file). `#` and `##` ATX
 * headings and `===`-underlined (setext) headings become chapters (a single top-level heading first,
 * over second-level ones, is the title instead); thematic-break lines (`---`,
 * `***`, `* * *`, `___`) become scene breaks (at the offset where the line starts). Fenced code
 * blocks (```) are ignored. A YAML front-matter block at the very top gives title, author, language
 * and summary; `normalise` leaves it out of the working text.
 *
 * A `---` line directly under a text line would be a setext level-2 heading in CommonMark; here it
 * is always a scene break, which is what fiction writers mean by it.
 */
import type { SourceStructure, StoryMeta } from '../engine/types.js';
import { isChapterStyleHeading } from './normalise.js';

/**
 * End offset (after the closing line's terminator) of a YAML front-matter block that opens on the
 * first line with `---` and closes with `---` or `...` within the first 64 KiB; 0 when there is none.
 */
export function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*(?:\r\n|\n|\r)/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/m;
  const limit = Math.min(text.length, 65536);
  const head = text.slice(open[0].length, limit);
  const m = close.exec(head);
  if (!m) return 0;
  // Front matter is key: value lines; a first block of prose is not front matter.
  const body = head.slice(0, m.index);
  if (body.trim() !== '' && !/^[ \t]*[\w-]+[ \t]*:/m.test(body)) return 0;
  return open[0].length + m.index + m[0].length;
}

/** Reads `key: value` lines (and `- item` lists under a key) of a front-matter block. */
export function parseFrontMatter(block: string): StoryMeta {
  const meta: StoryMeta = {};
  const raw = new Map<string, string[]>();
  let listKey: string | null = null;
  for (const line of block.split(/\r\n|\n|\r/)) {
    const item = /^[ \t]+-[ \t]+(.*)$|^-[ \t]+(.*)$/.exec(line);
    if (item && listKey) {
      raw.get(listKey)!.push(unquote(item[1] ?? item[2] ?? ''));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!.trim();
    if (value === '' || value === '|' || value === '>') {
      listKey = key;
      raw.set(key, []);
    } else if (value.startsWith('[') && value.endsWith(']')) {
      listKey = null;
      raw.set(key, value.slice(1, -1).split(',').map(unquote).filter(Boolean));
    } else {
      listKey = null;
      raw.set(key, [unquote(value)]);
    }
  }
  const first = (...keys: string[]): string[] | undefined => {
    for (const k of keys) {
      const v = raw.get(k);
      if (v && v.length > 0) return v;
    }
    return undefined;
  };
  const title = first('title');
  if (title) meta.title = title.join(' ');
  const author = first('author', 'authors', 'creator');
  if (author) meta.author = author.join(', ');
  const lang = first('language', 'lang');
  if (lang) meta.language = lang.join(', ');
  const summary = first('summary', 'description', 'abstract');
  if (summary) meta.summary = summary.join(' ');
  return meta;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))) {
    return t.slice(1, -1);
  }
  return t;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}```/;

/** Chapters, breaks and front-matter metadata of a Markdown text. Linear in the text length. */
export function markdownStructure(text: string): { structure: SourceStructure; meta: StoryMeta } {
  const structure: SourceStructure = { chapters: [], breaks: [] };
  const fm = frontMatterEnd(text);
  const meta = fm > 0 ? parseFrontMatter(text.slice(0, fm)) : {};
  let inFence = false;
  let prevStart = -1;
  let prevText = '';
  /** The level (1 or 2) of each heading in `structure.chapters`. */
  const levels: number[] = [];
  let pos = fm;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    // Lines longer than a heading could be are prose; skip the regexes.
    const line = lineEnd - pos <= 300 ? text.slice(pos, lineEnd) : '';
    if (FENCE.test(line)) {
      inFence = !inFence;
    } else if (!inFence && line !== '') {
      const atx = ATX.exec(line);
      if (atx) {
        const title = (atx[2] ?? '').trim();
        if (atx[1]!.length <= 2 && title) {
          structure.chapters.push({ start: pos, title });
          levels.push(atx[1]!.length);
        }
      } else if (THEMATIC.test(line)) {
        structure.breaks.push(pos);
      } else if (SETEXT_H1.test(line) && prevStart >= 0 && prevText.trim() !== '') {
        structure.chapters.push({ start: prevStart, title: prevText.trim() });
        levels.push(1);
      }
    }
    prevStart = line.trim() === '' || inFence ? -1 : pos;
    prevText = line;
    pos = end + 1;
  }
  // `# The Long Walk` over `## Chapter 1`, `## Chapter 2`: one top-level heading, first, above
  // second-level ones, is the story's title, not a chapter of its own — unless it reads as a chapter
  // (`# Chapter 1` over `## Morning`, `## Night`: one chapter in sections).
  if (
    levels[0] === 1 &&
    levels.length > 1 &&
    levels.indexOf(1, 1) < 0 &&
    !isChapterStyleHeading(structure.chapters[0]!.title)
  ) {
    const [top] = structure.chapters.splice(0, 1);
    if (!meta.title && top) meta.title = top.title;
  }
  return { structure, meta };
}
