/**
 * DOCX via mammoth: `convertToHtml` → the HTML extractor, so Word's Heading 1–3 paragraphs become
 * chapters. Title and author come from docProps/core.xml. Before mammoth (which unzips with its own
 * library) sees the file, every entry is streamed through the zip-bomb guard.
 */
import mammoth from 'mammoth';
import type { Message, SourceText, StoryMeta } from '../engine/types.js';
import { findFirst, localName, parseHtml, parseXml, textOf } from './dom.js';
import { chapterHeadings, extractNodes } from './html.js';
import { damaged, type ZipContext, type ZipReader } from './zip.js';

export async function ingestDocx(bytes: Uint8Array, zip: ZipReader, ctx: ZipContext): Promise<SourceText> {
  await zip.verifyAll();
  const meta: StoryMeta = {};
  if (zip.has('docProps/core.xml')) {
    const core = parseXml((await zip.read('docProps/core.xml')).toString('utf8'));
    const title = findFirst(core, (e) => localName(e) === 'title');
    if (title && textOf(title)) meta.title = textOf(title);
    const creator = findFirst(core, (e) => localName(e) === 'creator');
    if (creator && textOf(creator)) meta.author = textOf(creator);
    const lang = findFirst(core, (e) => localName(e) === 'language');
    if (lang && textOf(lang)) meta.language = textOf(lang);
  }

  let html: string;
  const messages: Message[] = [];
  try {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const result = await mammoth.convertToHtml({ buffer });
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      messages.push({
        code: 'ingest/docx',
        severity: 'warning',
        reason: `Part of the document could not be converted: ${errors[0]!.message}`,
        stage: 'ingest',
      });
    }
  } catch (err) {
    throw damaged(ctx, err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }

  const ex = extractNodes(parseHtml(html));
  return {
    name: ctx.name,
    format: 'docx',
    encoding: 'utf-8',
    text: ex.text,
    meta,
    structure: { chapters: chapterHeadings(ex.headings, meta.title), breaks: ex.breaks },
    messages,
  };
}
