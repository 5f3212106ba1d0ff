/**
 * Archive of Our Own HTML downloads: a `#preface` with the work's tags (`dl.tags`), title (`h1`),
 * byline (`a[rel=author]`) and summary; the story in `#chapters`, one `h2.heading` per chapter inside
 * a `div.meta` that also holds chapter summaries and notes; end notes in `#afterword`.
 */
import type { StoryMeta } from '../engine/types.js';
import { type AnyNode, type Element, findAll, findFirst, hasClass, textOf } from './dom.js';
import { type ElementAction, type Extracted, extractNodes } from './html.js';

const byId = (id: string) => (el: Element) => el.attribs.id === id;

/** Whether a parsed HTML document is an AO3 download. */
export function isAo3(nodes: readonly AnyNode[]): boolean {
  const preface = findFirst(nodes, byId('preface'));
  if (!preface) return false;
  if (!findFirst(nodes, byId('chapters'))) return false;
  const tags = findFirst([preface], (el) => el.name === 'dl' && hasClass(el, 'tags'));
  return tags !== undefined || /archive of our own/i.test(textOf(preface));
}

/** Keys of `StoryMeta` for the list-valued AO3 tag groups, by their `dt` label. */
const LIST_TAGS: Record<
  string,
  'warnings' | 'category' | 'fandoms' | 'relationships' | 'characters' | 'additionalTags'
> = {
  'archive warning': 'warnings',
  'archive warnings': 'warnings',
  category: 'category',
  categories: 'category',
  fandom: 'fandoms',
  fandoms: 'fandoms',
  relationship: 'relationships',
  relationships: 'relationships',
  character: 'characters',
  characters: 'characters',
  'additional tags': 'additionalTags',
  'additional tag': 'additionalTags',
  freeform: 'additionalTags',
};

/** The work's metadata from the preface. */
export function ao3Meta(nodes: readonly AnyNode[]): StoryMeta {
  const meta: StoryMeta = {};
  const preface = findFirst(nodes, byId('preface'));
  if (!preface) return meta;
  const tags = findFirst([preface], (el) => el.name === 'dl' && hasClass(el, 'tags'));
  if (tags) {
    let label = '';
    for (const child of tags.children) {
      if (child.type !== 'tag') continue;
      const el = child as Element;
      if (el.name === 'dt') label = textOf(el).replace(/:\s*$/, '').trim().toLowerCase();
      else if (el.name === 'dd' && label) readTag(meta, label, el);
    }
  }
  const h1 = findFirst([preface], (el) => el.name === 'h1');
  if (h1) meta.title = textOf(h1);
  const authors = findAll(
    [preface],
    (el) => el.name === 'a' && (el.attribs.rel ?? '').split(/\s+/).includes('author'),
  )
    .map((a) => textOf(a))
    .filter(Boolean);
  if (authors.length > 0) meta.author = authors.join(', ');
  else {
    const byline = findFirst([preface], (el) => hasClass(el, 'byline'));
    const by = byline ? textOf(byline).replace(/^by\s+/i, '') : '';
    if (by) meta.author = by;
  }
  const summary = labelledBlock(preface, 'summary');
  if (summary) meta.summary = summary;
  return meta;
}

function readTag(meta: StoryMeta, label: string, dd: Element): void {
  const links = findAll([dd], (el) => el.name === 'a')
    .map((a) => textOf(a))
    .filter(Boolean);
  const values =
    links.length > 0
      ? links
      : textOf(dd)
          .split(/\s*,\s*/)
          .filter(Boolean);
  const list = LIST_TAGS[label];
  if (list) {
    meta[list] = values;
    return;
  }
  switch (label) {
    case 'rating':
    case 'ratings':
      if (values.length > 0) meta.rating = values.join(', ');
      break;
    case 'language':
      if (textOf(dd)) meta.language = textOf(dd);
      break;
    case 'series':
      if (textOf(dd)) meta.series = textOf(dd);
      break;
    case 'collections':
      meta.collections = values;
      break;
    case 'stats':
      readStats(meta, textOf(dd));
      break;
  }
}

/** `Published: 2021-03-04 Completed: 2021-05-01 Words: 12,345 Chapters: 3/3` */
function readStats(meta: StoryMeta, stats: string): void {
  const words = /\bWords:\s*([\d][\d,.\s\u00a0\u202f']*\d|\d)/i.exec(stats);
  if (words?.[1]) {
    const n = Number(words[1].replace(/\D/g, ''));
    if (Number.isFinite(n)) meta.words = n;
  }
  const chapters = /\bChapters:\s*(\d+\s*\/\s*(?:\d+|\?))/i.exec(stats);
  if (chapters?.[1]) meta.chapters = chapters[1].replace(/\s+/g, '');
  for (const [key, re] of [
    ['published', /\bPublished:\s*(\d{4}-\d{2}-\d{2})/i],
    ['updated', /\bUpdated:\s*(\d{4}-\d{2}-\d{2})/i],
    ['completed', /\bCompleted:\s*(\d{4}-\d{2}-\d{2})/i],
  ] as const) {
    const m = re.exec(stats);
    if (m?.[1]) meta[key] = m[1];
  }
}

/** Text of the `blockquote` that follows a `<p>Summary</p>` label in the preface. */
function labelledBlock(scope: Element, label: string): string | undefined {
  const meta = findFirst([scope], (el) => el.name === 'div' && hasClass(el, 'meta')) ?? scope;
  const kids = meta.children.filter((n): n is Element => n.type === 'tag');
  for (let i = 0; i < kids.length - 1; i++) {
    const el = kids[i]!;
    if (el.name === 'p' && textOf(el).replace(/:$/, '').toLowerCase() === label) {
      const next = kids[i + 1]!;
      if (next.name === 'blockquote') {
        const text = extractNodes([next]).text.trim();
        return text || undefined;
      }
    }
  }
  return undefined;
}

/**
 * The story text: chapter headings and chapter bodies from `#chapters`; chapter summaries, notes,
 * end notes and hidden toc headings are left out. Chapters are the `h2.heading` headings.
 */
export function extractAo3(
  nodes: readonly AnyNode[],
): Extracted & { chapters: { start: number; title: string }[] } {
  const chaptersDiv = findFirst(nodes, byId('chapters'));
  if (!chaptersDiv) return { ...extractNodes(nodes), chapters: [] };
  const filter = (el: Element): ElementAction | undefined => {
    if (hasClass(el, 'toc-heading')) return 'skip';
    if (hasClass(el, 'endnote-link')) return 'skip';
    if (el.name === 'div' && hasClass(el, 'meta')) return 'headings-only';
    return undefined;
  };
  const extracted = extractNodes([chaptersDiv], { filter });
  const chapters = extracted.headings
    .filter((h) => hasClass(h.element, 'heading'))
    .map((h) => ({ start: h.start, title: h.title }));
  return { ...extracted, chapters };
}
