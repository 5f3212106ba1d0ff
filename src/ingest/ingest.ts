/**
 * Reading a story file or stdin into a `SourceText`: format from the extension, else from the
 * content; decoding; per-format extraction.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../engine/errors.js';
import type { InputFormat, Message, SourceText, StoryMeta } from '../engine/types.js';
import { ao3Meta, extractAo3, isAo3 } from './ao3.js';
import { ingestDocx } from './docx.js';
import { attr, findFirst, parseHtml } from './dom.js';
import { decodeBytes } from './encoding.js';
import { ingestEpub } from './epub.js';
import { formatFromName } from './extensions.js';
import { chapterHeadings, documentTitle, extractNodes } from './html.js';
import { markdownStructure } from './markdown.js';
import { formatBytes, type IngestOptions, type Limits, resolveLimits } from './options.js';
import { binaryKind, declaredCharset, isZip, looksLikeHtml } from './sniff.js';
import { type ZipContext, zipKind } from './zip.js';

export { formatFromName } from './extensions.js';

function describeFsError(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `cannot read "${path}": no such file`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read "${path}": permission denied`;
    case 'EISDIR':
      return `cannot read "${path}": it is a directory, not a story file`;
    case 'ENOTDIR':
      return `cannot read "${path}": a part of the path is not a directory`;
    case 'ELOOP':
      return `cannot read "${path}": too many symbolic links`;
    default:
      return `cannot read "${path}": ${err instanceof Error ? err.message : String(err)}`;
  }
}

function tooLarge(name: string, size: number | string, limits: Limits): InputError {
  const what = typeof size === 'number' ? formatBytes(size) : size;
  return new InputError(
    `cannot read "${name}": it is ${what}, over the ${formatBytes(limits.maxBytes)} limit (maxBytes)`,
  );
}

/**
 * Reads and ingests a story file. The format comes from the extension (.txt .text .md .markdown
 * .html .htm .xhtml .epub .docx); binary content (a PNG renamed .txt …) is refused, ZIP content is
 * opened as EPUB or DOCX whatever the extension, and unknown extensions are sniffed.
 * Throws `InputError` for a missing file, a directory, a too-large or unsupported file.
 */
export async function ingestFile(path: string, options?: IngestOptions): Promise<SourceText> {
  const limits = resolveLimits(options);
  let handle: Awaited<ReturnType<typeof open>>;
  let regular: boolean;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    regular = st.isFile();
    if (regular && st.size > limits.maxBytes) throw tooLarge(path, st.size, limits);
    handle = await open(path, 'r');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(path, err));
  }
  let bytes: Buffer;
  try {
    // A regular file is read in one allocation of its size; pipes and devices in bounded chunks.
    bytes = regular
      ? await readWhole(handle, path)
      : await readLimited(handle, limits.maxBytes, path, limits);
  } finally {
    await handle.close();
  }
  return ingestBytes(bytes, path, options);
}

async function readWhole(handle: Awaited<ReturnType<typeof open>>, path: string): Promise<Buffer> {
  try {
    return await handle.readFile();
  } catch (err) {
    throw new InputError(describeFsError(path, err));
  }
}

/** Reads a whole file (or FIFO/device) but never more than `max` bytes. */
async function readLimited(
  handle: Awaited<ReturnType<typeof open>>,
  max: number,
  path: string,
  limits: Limits,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(16 * 1024 * 1024, Math.max(65536, max - total + 1)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw tooLarge(path, `more than ${formatBytes(max)}`, limits);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(path, err));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Ingests bytes already read (stdin is `name` `-`). A known extension in `name` picks the format as
 * in `ingestFile`; otherwise the content decides: ZIP → EPUB or DOCX (by looking inside), an HTML
 * document (`<!DOCTYPE html`, `<html`) → HTML (or AO3), anything else → plain text.
 */
export async function ingestBytes(
  bytes: Uint8Array,
  name: string,
  options?: IngestOptions,
): Promise<SourceText> {
  const limits = resolveLimits(options);
  if (bytes.length > limits.maxBytes) throw tooLarge(name, bytes.length, limits);
  const byName = name === '-' ? undefined : formatFromName(name);

  if (bytes.length === 0)
    return emptySource(name, byName ?? 'txt', 'utf-8', [], `"${displayName(name)}" is empty.`);

  if (isZip(bytes)) {
    const ctx: ZipContext = {
      kind: byName === 'docx' ? 'DOCX' : byName === 'epub' ? 'EPUB' : 'ZIP archive',
      name,
      maxExpandedBytes: limits.maxExpandedBytes,
    };
    const { kind, zip } = await zipKind(bytes, ctx);
    let source: SourceText;
    if (kind === 'epub') {
      ctx.kind = 'EPUB';
      source = await ingestEpub(zip, ctx);
    } else if (kind === 'docx') {
      ctx.kind = 'DOCX';
      source = await ingestDocx(bytes, zip, ctx);
    } else {
      throw new InputError(
        `"${name}" looks like a ZIP archive that is neither an EPUB nor a DOCX, not a story text`,
      );
    }
    return checkEmpty(source);
  }

  const binary = binaryKind(bytes);
  if (binary) throw new InputError(`"${name}" looks like ${binary}, not a story text`);
  if (byName === 'epub' || byName === 'docx') {
    const kind = byName.toUpperCase();
    throw new InputError(
      `cannot read ${kind} "${name}": it is not a ZIP archive, so not a valid ${kind} file`,
    );
  }

  const markup = byName === undefined || byName === 'html';
  const decoded = decodeBytes(bytes, markup ? { declared: declaredCharset(bytes) } : {});
  const format: InputFormat = byName ?? (looksLikeHtml(decoded.text) ? 'html' : 'txt');

  let source: SourceText;
  if (format === 'html') {
    source = { ...htmlSource(decoded.text, name), encoding: decoded.encoding };
  } else if (format === 'md') {
    const { structure, meta } = markdownStructure(decoded.text);
    source = { name, format, encoding: decoded.encoding, text: decoded.text, meta, structure, messages: [] };
  } else {
    source = {
      name,
      format: 'txt',
      encoding: decoded.encoding,
      text: decoded.text,
      meta: {},
      structure: { chapters: [], breaks: [] },
      messages: [],
    };
  }
  source.messages.unshift(...decoded.messages);
  return checkEmpty(source);
}

/** HTML text → SourceText (format `ao3` for Archive of Our Own downloads). */
export function htmlSource(html: string, name: string): SourceText {
  const nodes = parseHtml(html);
  if (isAo3(nodes)) {
    const ex = extractAo3(nodes);
    return {
      name,
      format: 'ao3',
      encoding: 'utf-8',
      text: ex.text,
      meta: ao3Meta(nodes),
      structure: { chapters: ex.chapters, breaks: ex.breaks },
      messages: [],
    };
  }
  const ex = extractNodes(nodes);
  const meta: StoryMeta = {};
  const title = documentTitle(nodes);
  if (title) meta.title = title;
  const author = findFirst(
    nodes,
    (el) => el.name === 'meta' && /^(?:author|dc\.creator)$/i.test(attr(el, 'name') ?? ''),
  );
  const authorName = author ? attr(author, 'content')?.trim() : undefined;
  if (authorName) meta.author = authorName;
  const htmlEl = findFirst(nodes, (el) => el.name === 'html');
  const lang = htmlEl ? (attr(htmlEl, 'lang') ?? attr(htmlEl, 'xml:lang')) : undefined;
  if (lang) meta.language = lang;
  return {
    name,
    format: 'html',
    encoding: 'utf-8',
    text: ex.text,
    meta,
    structure: { chapters: chapterHeadings(ex.headings, title), breaks: ex.breaks },
    messages: [],
  };
}

function displayName(name: string): string {
  return name === '-' ? 'standard input' : basename(name);
}

function emptySource(
  name: string,
  format: InputFormat,
  encoding: string,
  messages: Message[],
  reason: string,
): SourceText {
  return {
    name,
    format,
    encoding,
    text: '',
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [...messages, { code: 'ingest/empty', severity: 'warning', reason, stage: 'ingest' }],
  };
}

function checkEmpty(source: SourceText): SourceText {
  if (source.text.trim() === '') {
    source.messages.push({
      code: 'ingest/empty',
      severity: 'warning',
      reason: `"${displayName(source.name)}" contains no text.`,
      stage: 'ingest',
    });
  }
  return source;
}
