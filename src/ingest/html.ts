/**
 * HTML → story text. Block elements are separated by exactly one blank line ("\n\n"), `<br>` gives
 * "\n", whitespace inside blocks collapses to one space (except in `<pre>`), entities are decoded.
 * Scripts, styles, navigation, page-number markers and note references are left out.
 */
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import { attr, collapse, findFirst, hasClass, parseHtml, textOf } from './dom.js';

export interface Heading {
  level: number;
  /** Offset of the heading's first character in the extracted text. */
  start: number;
  title: string;
  /** The heading element. */
  element: Element;
}

export interface Extracted {
  text: string;
  headings: Heading[];
  /** Offsets of the text that follows each `<hr>` (the scene break lies just before it). */
  breaks: number[];
  /** Element ids → offset of the first text at or after the element (for EPUB toc fragments). */
  anchors: Map<string, number>;
}

/**
 * How to treat an element: walk it normally, skip it with its content, or (`headings-only`) keep
 * only the headings inside it (AO3 chapter meta blocks: keep the chapter title, drop the notes).
 */
export type ElementAction = 'walk' | 'skip' | 'headings-only';

export interface ExtractOptions {
  /** Per-element override; return undefined for the default treatment. */
  filter?: (el: Element) => ElementAction | undefined;
  /** Record element ids in `anchors` (EPUB). */
  anchors?: boolean;
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'menu',
  'listing',
  'plaintext',
  'xmp',
]);

const SKIP = new Set([
  'script',
  'style',
  'nav',
  'head',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'select',
  'button',
  'textarea',
  'title',
  'map',
  'datalist',
]);

const NOTE_TYPES = /\b(?:pagebreak|noteref|footnote|endnote|rearnote|footnotes|endnotes|rearnotes)\b/;

function defaultAction(el: Element): ElementAction {
  if (SKIP.has(el.name)) return 'skip';
  if (el.attribs.hidden !== undefined) return 'skip';
  const cls = el.attribs.class;
  if (cls !== undefined && /\bpagenum\b/i.test(cls)) return 'skip';
  const type = el.attribs['epub:type'];
  if (type !== undefined && NOTE_TYPES.test(type)) return 'skip';
  const role = el.attribs.role;
  if (role !== undefined && /\bdoc-(?:pagebreak|noteref|footnote|endnote|endnotes)\b/.test(role))
    return 'skip';
  return 'walk';
}

/** Accumulates the extracted text from slices; knows about pending block separators. */
class TextBuilder {
  readonly parts: string[] = [];
  length = 0;
  private newlines = 0;
  private space = false;
  private atLineStart = true;
  private marks: ((offset: number) => void)[] = [];
  capture: string[] | null = null;

  /** Calls `fn` with the offset where the next text will start (after any pending separator). */
  mark(fn: (offset: number) => void): void {
    this.marks.push(fn);
  }

  block(): void {
    this.newlines = 2;
    this.space = false;
  }

  lineBreak(): void {
    if (this.newlines < 2) this.newlines++;
    this.space = false;
  }

  /** Whitespace-collapsing text. */
  text(raw: string): void {
    const s = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (s.length === 0) return;
    if (/^\s+$/.test(s)) {
      this.space = true;
      return;
    }
    const lead = s.charCodeAt(0) === 32;
    const trail = s.charCodeAt(s.length - 1) === 32;
    if (lead) this.space = true;
    this.write(s.slice(lead ? 1 : 0, trail ? s.length - 1 : s.length));
    if (trail) this.space = true;
  }

  /** Preformatted text: kept as is, CR/CRLF → LF. */
  pre(raw: string): void {
    const s = raw.replace(/\r\n?/g, '\n');
    if (s.length === 0) return;
    this.write(s);
    this.atLineStart = s.endsWith('\n');
  }

  private write(s: string): void {
    let sep = '';
    if (this.length > 0) {
      if (this.newlines > 0) sep = this.newlines === 1 ? '\n' : '\n\n';
      else if (this.space && !this.atLineStart) sep = ' ';
    }
    this.newlines = 0;
    this.space = false;
    if (sep) this.push(sep);
    if (this.marks.length > 0) {
      for (const fn of this.marks) fn(this.length);
      this.marks = [];
    }
    this.push(s);
    this.atLineStart = false;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    if (this.capture) this.capture.push(s);
  }

  finish(): string {
    for (const fn of this.marks) fn(this.length);
    this.marks = [];
    return this.parts.join('');
  }
}

interface Frame {
  nodes: readonly AnyNode[];
  i: number;
  exit: (() => void) | null;
  headingsOnly: boolean;
}

/** Extracts text from parsed nodes (see the module comment for the rules). */
export function extractNodes(nodes: readonly AnyNode[], options: ExtractOptions = {}): Extracted {
  const out = new TextBuilder();
  const headings: Heading[] = [];
  const breaks: number[] = [];
  const anchors = new Map<string, number>();
  let preDepth = 0;
  let inHeading = false;
  const stack: Frame[] = [{ nodes, i: 0, exit: null, headingsOnly: false }];

  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.nodes.length) {
      stack.pop();
      top.exit?.();
      continue;
    }
    const node = top.nodes[top.i++]!;
    if (isText(node)) {
      if (top.headingsOnly && !inHeading) continue;
      if (preDepth > 0) out.pre(node.data);
      else out.text(node.data);
      continue;
    }
    if (!isTag(node)) {
      // Documents, CDATA: walk their children; comments and directives have none worth reading.
      if (node.type === 'cdata' && 'children' in node) {
        stack.push({
          nodes: (node as { children: AnyNode[] }).children,
          i: 0,
          exit: null,
          headingsOnly: top.headingsOnly,
        });
      }
      continue;
    }
    const el = node;
    const action = options.filter?.(el) ?? defaultAction(el);
    if (action === 'skip') continue;
    const headingsOnly = action === 'headings-only' || (top.headingsOnly && !inHeading);
    const name = el.name;

    if (options.anchors) {
      const id = el.attribs.id ?? el.attribs.name;
      if (id !== undefined && !anchors.has(id)) out.mark((offset) => anchors.set(id, offset));
    }

    if (name === 'br') {
      if (!headingsOnly || inHeading) {
        if (preDepth > 0) out.pre('\n');
        else out.lineBreak();
      }
      continue;
    }
    if (name === 'hr') {
      if (headingsOnly) continue;
      out.block();
      out.mark((offset) => breaks.push(offset));
      continue;
    }

    const level = /^h[1-6]$/.test(name) ? Number(name[1]) : 0;
    const isBlock = BLOCK.has(name);
    const exits: (() => void)[] = [];
    if (isBlock && (!headingsOnly || level > 0)) {
      out.block();
      exits.push(() => out.block());
    }
    if (name === 'pre') {
      preDepth++;
      exits.push(() => preDepth--);
    }
    if (level > 0 && !inHeading) {
      inHeading = true;
      const capture: string[] = [];
      out.capture = capture;
      let start = -1;
      out.mark((offset) => {
        start = offset;
      });
      exits.unshift(() => {
        inHeading = false;
        out.capture = null;
        const title = collapse(capture.join(''));
        if (title && start >= 0) headings.push({ level, start, title, element: el });
      });
    }
    stack.push({
      nodes: el.children,
      i: 0,
      exit:
        exits.length === 0
          ? null
          : () => {
              for (const fn of exits) fn();
            },
      headingsOnly,
    });
  }
  const text = out.finish();
  // A trailing <hr> marks the end of the text; breaks at the very end are useless.
  while (breaks.length > 0 && breaks[breaks.length - 1]! >= text.length) breaks.pop();
  return { text, headings, breaks, anchors };
}

/** The document's `<title>`, if any. */
export function documentTitle(nodes: readonly AnyNode[]): string | undefined {
  const t = findFirst(nodes, (el) => el.name === 'title');
  const title = t ? textOf(t) : '';
  return title || undefined;
}

const NOT_CHAPTER =
  /^(?:(?:table of )?contents|copyright(?: page)?|acknowledge?ments?|dedication|about the (?:author|publisher)|also by .*|index|notes?|footnotes|endnotes|bibliography|glossary|colophon|title page|cover|imprint|license|licence)$/i;

/**
 * Headings h1–h3 that look like chapter titles: short, not front/back matter ("Contents",
 * "Copyright" …), and not the document title repeated.
 */
export function chapterHeadings(
  headings: readonly Heading[],
  docTitle?: string,
  maxLevel = 3,
): { start: number; title: string }[] {
  const doc = docTitle?.trim().toLowerCase();
  const out: { start: number; title: string }[] = [];
  for (const h of headings) {
    if (h.level > maxLevel) continue;
    if (h.title.length > 150) continue;
    if (NOT_CHAPTER.test(h.title)) continue;
    if (doc && h.title.toLowerCase() === doc && h.level === 1) continue;
    if (out.length > 0 && out[out.length - 1]!.start === h.start) continue;
    out.push({ start: h.start, title: h.title });
  }
  return out;
}

export { attr, hasClass, parseHtml };
