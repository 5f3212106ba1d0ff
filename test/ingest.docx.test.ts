import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../src/engine/errors.js';
import { ingestBytes, ingestFile, normalise } from '../src/ingest/index.js';
import { makeZip, put, withTempDir, type ZipEntrySpec } from './fixtures/ingest/helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const para = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A minimal but complete .docx: content types, relationships, styles, document, core properties. */
function docx(body: string, extra: ZipEntrySpec[] = []): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
  <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
    },
    {
      name: 'word/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="${W}">
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    },
    {
      name: 'docProps/core.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>Ferry Weather</dc:title><dc:creator>Hal Osei</dc:creator>
</cp:coreProperties>`,
    },
    ...extra,
  ]);
}

const BODY = [
  para('Chapter One', 'Heading1'),
  para('The ferry was cancelled again.'),
  para('\u201cThird time this week,\u201d said the man with the parrot.'),
  para('Chapter Two', 'Heading1'),
  para('The crossing', 'Heading2'),
  para('In the end they rowed.'),
].join('');

describe('ingest: DOCX', () => {
  it('ingest: a .docx yields its paragraphs separated by blank lines', async () => {
    await withTempDir(async (dir) => {
      const src = await ingestFile(await put(dir, 'ferry.docx', docx(BODY)));
      assert.equal(src.format, 'docx');
      assert.equal(
        src.text,
        [
          'Chapter One',
          'The ferry was cancelled again.',
          '\u201cThird time this week,\u201d said the man with the parrot.',
          'Chapter Two',
          'The crossing',
          'In the end they rowed.',
        ].join('\n\n'),
      );
      assert.equal(normalise(src).text, src.text);
    });
  });

  it('ingest: DOCX Heading 1/2 paragraphs become chapters; title and author come from core.xml', async () => {
    const src = await ingestBytes(docx(BODY), 'ferry.docx');
    assert.deepEqual(src.structure.chapters, [
      { start: 0, title: 'Chapter One' },
      { start: src.text.indexOf('Chapter Two'), title: 'Chapter Two' },
      { start: src.text.indexOf('The crossing'), title: 'The crossing' },
    ]);
    assert.deepEqual(src.meta, { title: 'Ferry Weather', author: 'Hal Osei' });
  });

  it('ingest: a DOCX is recognised by content from stdin or under a wrong name', async () => {
    assert.equal((await ingestBytes(docx(BODY), '-')).format, 'docx');
    assert.equal((await ingestBytes(docx(BODY), 'renamed.epub')).format, 'docx');
  });

  it('ingest: a DOCX over maxExpandedBytes is refused before mammoth unpacks it', async () => {
    const big = docx(BODY, [
      { name: 'word/media/huge.bin', data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 10 },
    ]);
    await assert.rejects(ingestBytes(big, 'big.docx', { maxExpandedBytes: 1024 * 1024 }), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /cannot read DOCX "big\.docx": its contents expand to more than 1 MiB/);
      return true;
    });
  });

  it('ingest: a truncated DOCX is an InputError saying the archive is damaged', async () => {
    const file = docx(BODY);
    await assert.rejects(ingestBytes(file.subarray(0, file.length - 30), 'cut.docx'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /^cannot read DOCX "cut\.docx": the archive is damaged \(.+\)$/);
      return true;
    });
  });
});
