/**
 * EPUB (2 and 3): META-INF/container.xml → the OPF package → spine order. Each spine item (XHTML) is
 * extracted with the HTML extractor and the items are joined with one blank line. Every non-empty
 * spine item starts a chapter; table-of-contents entries (EPUB 3 nav or EPUB 2 NCX) give the titles,
 * and toc entries that point into an item (`chapter.xhtml#ch2`) add chapters at that anchor. An item
 * without a toc entry is titled by its first heading (or ''). Non-linear spine items and the nav
 * document itself are skipped.
 */
import { posix } from 'node:path';
import { InputError } from '../engine/errors.js';
import type { Message, SourceText, StoryMeta } from '../engine/types.js';
import {
  type AnyNode,
  attr,
  type Element,
  findAll,
  findFirst,
  localName,
  parseHtml,
  parseXml,
  textOf,
} from './dom.js';
import { decodeBytes } from './encoding.js';
import { extractNodes } from './html.js';
import { declaredCharset } from './sniff.js';
import type { ZipContext, ZipReader } from './zip.js';

interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties: string;
}

interface TocEntry {
  file: string;
  fragment: string;
  title: string;
}

/** Resolves an href relative to the file that contains it; strips and returns the fragment. */
function resolveHref(base: string, href: string): { file: string; fragment: string } {
  const hash = href.indexOf('#');
  const path = hash === -1 ? href : href.slice(0, hash);
  const fragment = hash === -1 ? '' : safeDecode(href.slice(hash + 1));
  const file = path === '' ? base : posix.normalize(posix.join(posix.dirname(base), safeDecode(path)));
  return { file: file.replace(/^\.\//, ''), fragment };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

async function readText(zip: ZipReader, name: string): Promise<string> {
  const bytes = await zip.read(name);
  return decodeBytes(bytes, { declared: declaredCharset(bytes) }).text;
}

export async function ingestEpub(zip: ZipReader, ctx: ZipContext): Promise<SourceText> {
  const messages: Message[] = [];
  await refuseDrm(zip, ctx);
  const opfPath = await findPackage(zip, ctx);
  const opf = parseXml(await readText(zip, opfPath));

  const meta = opfMeta(opf);
  const manifest = new Map<string, ManifestItem>();
  for (const el of findAll(opf, (e) => localName(e) === 'item')) {
    const id = attr(el, 'id');
    const href = attr(el, 'href');
    if (id === undefined || href === undefined) continue;
    manifest.set(id, {
      id,
      href: resolveHref(opfPath, href).file,
      mediaType: (attr(el, 'media-type') ?? '').toLowerCase(),
      properties: attr(el, 'properties') ?? '',
    });
  }
  const spineEl = findFirst(opf, (e) => localName(e) === 'spine');
  if (!spineEl) throw new InputError(`cannot read EPUB "${ctx.name}": its package document has no spine`);
  const navItem = [...manifest.values()].find((m) => m.properties.split(/\s+/).includes('nav'));

  const toc = await readToc(zip, manifest, navItem, attr(spineEl, 'toc'), messages);
  const tocByFile = new Map<string, TocEntry[]>();
  for (const entry of toc) {
    const list = tocByFile.get(entry.file);
    if (list) list.push(entry);
    else tocByFile.set(entry.file, [entry]);
  }

  const parts: string[] = [];
  let length = 0;
  const chapters: { start: number; title: string }[] = [];
  const breaks: number[] = [];
  let encoding = 'utf-8';
  let firstItem = true;
  for (const ref of findAll([spineEl], (e) => localName(e) === 'itemref')) {
    if ((attr(ref, 'linear') ?? 'yes').toLowerCase() === 'no') continue;
    const item = manifest.get(attr(ref, 'idref') ?? '');
    if (!item || item === navItem) continue;
    if (!/x?html|xml/.test(item.mediaType)) continue;
    if (!zip.has(item.href)) {
      messages.push({
        code: 'ingest/epub-missing-item',
        severity: 'warning',
        reason: `The EPUB spine lists "${item.href}", which is not in the archive; it was skipped.`,
        stage: 'ingest',
      });
      continue;
    }
    const bytes = await zip.read(item.href);
    const decoded = decodeBytes(bytes, { declared: declaredCharset(bytes) });
    if (firstItem) encoding = decoded.encoding;
    for (const m of decoded.messages) messages.push(m);
    const ex = extractNodes(parseHtml(decoded.text), { anchors: true });
    if (ex.text.trim() === '') continue;
    if (!firstItem) {
      parts.push('\n\n');
      length += 2;
    }
    firstItem = false;
    const base = length;
    parts.push(ex.text);
    length += ex.text.length;
    for (const b of ex.breaks) breaks.push(base + b);

    const here: { start: number; title: string }[] = [];
    for (const entry of tocByFile.get(item.href) ?? []) {
      const at = entry.fragment === '' ? 0 : ex.anchors.get(entry.fragment);
      if (at === undefined) continue;
      here.push({ start: base + Math.min(at, ex.text.length), title: entry.title });
    }
    here.sort((a, b) => a.start - b.start);
    if (here.length === 0 || here[0]!.start > base) {
      here.unshift({ start: base, title: ex.headings[0]?.start === 0 ? ex.headings[0].title : '' });
    }
    for (const c of here) {
      const last = chapters[chapters.length - 1];
      if (last && last.start === c.start) continue;
      chapters.push(c);
    }
  }

  return {
    name: ctx.name,
    format: 'epub',
    encoding,
    text: parts.join(''),
    meta,
    structure: { chapters, breaks },
    messages,
  };
}

/**
 * DRM (Adobe ADEPT, Readium LCP …) encrypts the content documents and lists them in
 * META-INF/encryption.xml; font obfuscation lists only fonts there and is harmless.
 */
async function refuseDrm(zip: ZipReader, ctx: ZipContext): Promise<void> {
  if (zip.has('META-INF/encryption.xml')) {
    const enc = parseXml(await readText(zip, 'META-INF/encryption.xml'));
    const refs = findAll(enc, (e) => localName(e) === 'cipherreference').map((e) => attr(e, 'URI') ?? '');
    if (refs.some((uri) => /\.(?:x?html?|xml|opf|ncx)$/i.test(uri))) {
      throw new InputError(`cannot read EPUB "${ctx.name}": it is DRM-protected (its text is encrypted)`);
    }
  }
  if (zip.has('META-INF/license.lcpl')) {
    throw new InputError(`cannot read EPUB "${ctx.name}": it is DRM-protected (its text is encrypted)`);
  }
}

async function findPackage(zip: ZipReader, ctx: ZipContext): Promise<string> {
  if (zip.has('META-INF/container.xml')) {
    const container = parseXml(await readText(zip, 'META-INF/container.xml'));
    const roots = findAll(container, (e) => localName(e) === 'rootfile');
    const root = roots.find((r) => (attr(r, 'media-type') ?? '').includes('oebps-package')) ?? roots[0];
    const path = root ? attr(root, 'full-path') : undefined;
    if (path && zip.has(path)) return path;
  }
  const opf = zip.names.find((n) => n.toLowerCase().endsWith('.opf'));
  if (opf) return opf;
  throw new InputError(`cannot read EPUB "${ctx.name}": it has no package document (content.opf)`);
}

function opfMeta(opf: AnyNode[]): StoryMeta {
  const meta: StoryMeta = {};
  const metadata = findFirst(opf, (e) => localName(e) === 'metadata');
  if (!metadata) return meta;
  const dc = (name: string): Element[] =>
    findAll(
      [metadata],
      (e) => e.name.toLowerCase() === `dc:${name}` || (localName(e) === name && e.name.includes(':')),
    );
  const title = dc('title')[0];
  if (title && textOf(title)) meta.title = textOf(title);
  const creators = dc('creator');
  const authors = creators.filter((c) => (attr(c, 'opf:role') ?? 'aut') === 'aut');
  const names = (authors.length > 0 ? authors : creators).map((c) => textOf(c)).filter(Boolean);
  if (names.length > 0) meta.author = names.join(', ');
  const lang = dc('language')[0];
  if (lang && textOf(lang)) meta.language = textOf(lang);
  const desc = dc('description')[0];
  if (desc) {
    // Descriptions are often escaped HTML.
    const text = textOf(parseHtml(textOf(desc)));
    if (text) meta.summary = text;
  }
  return meta;
}

async function readToc(
  zip: ZipReader,
  manifest: Map<string, ManifestItem>,
  navItem: ManifestItem | undefined,
  ncxId: string | undefined,
  messages: Message[],
): Promise<TocEntry[]> {
  try {
    if (navItem && zip.has(navItem.href)) {
      const nav = parseHtml(await readText(zip, navItem.href));
      const navs = findAll(nav, (e) => e.name === 'nav');
      const tocNav =
        navs.find((n) => /\btoc\b/.test(attr(n, 'epub:type') ?? '') || attr(n, 'role') === 'doc-toc') ??
        navs[0];
      if (tocNav) {
        const entries = findAll([tocNav], (e) => e.name === 'a' && attr(e, 'href') !== undefined).map(
          (a) => ({
            ...resolveHref(navItem.href, attr(a, 'href')!),
            title: textOf(a),
          }),
        );
        if (entries.length > 0) return entries;
      }
    }
    const ncx =
      (ncxId !== undefined ? manifest.get(ncxId) : undefined) ??
      [...manifest.values()].find((m) => m.mediaType === 'application/x-dtbncx+xml');
    if (ncx && zip.has(ncx.href)) {
      const doc = parseXml(await readText(zip, ncx.href));
      const out: TocEntry[] = [];
      for (const point of findAll(doc, (e) => localName(e) === 'navpoint')) {
        const label = findFirst([point], (e) => localName(e) === 'text');
        const content = point.children.find(
          (c): c is Element => c.type === 'tag' && localName(c as Element) === 'content',
        );
        const src = content ? attr(content, 'src') : undefined;
        if (src === undefined) continue;
        out.push({ ...resolveHref(ncx.href, src), title: label ? textOf(label) : '' });
      }
      return out;
    }
  } catch (err) {
    if (err instanceof InputError && /zip bomb|damaged/.test(err.message)) throw err;
    messages.push({
      code: 'ingest/epub-toc',
      severity: 'warning',
      reason: 'The EPUB table of contents could not be read; chapter titles come from headings.',
      stage: 'ingest',
    });
  }
  return [];
}
