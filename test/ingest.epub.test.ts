import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../src/engine/errors.js';
import { ingestBytes, ingestFile } from '../src/ingest/index.js';
import { makeZip, put, withTempDir, type ZipEntrySpec } from './fixtures/ingest/helpers.js';

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

const xhtml = (body: string, title = 'x'): string =>
  `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>${title}</title></head><body>${body}</body></html>`;

/** An EPUB 3 book: cover (image only), nav, two text files; spine order differs from manifest order. */
function epub3(extra: ZipEntrySpec[] = []): Buffer {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:00000000-0000-0000-0000-000000000000</dc:identifier>
    <dc:title>The Cartographer&#8217;s Daughter</dc:title>
    <dc:creator>Imogen Tell</dc:creator>
    <dc:language>en</dc:language>
    <dc:description>&lt;p&gt;A map, a &lt;i&gt;daughter&lt;/i&gt;, a flood.&lt;/p&gt;</dc:description>
  </metadata>
  <manifest>
    <item id="c2" href="text/part%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/part1.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="images/cover.jpg" media-type="image/jpeg"/>
  </manifest>
  <spine>
    <itemref idref="cover"/>
    <itemref idref="nav"/>
    <itemref idref="c1"/>
    <itemref idref="c2"/>
    <itemref idref="notes" linear="no"/>
  </spine>
</package>`;
  const nav = xhtml(`<nav epub:type="toc"><h1>Contents</h1><ol>
    <li><a href="text/part1.xhtml">One: The Survey</a></li>
    <li><a href="text/part%202.xhtml#ch2">Two: High Water</a></li>
    <li><a href="text/part%202.xhtml#ch3">Three: What the Map Kept</a></li>
  </ol></nav>`);
  return makeZip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/nav.xhtml', data: nav },
    { name: 'OEBPS/text/cover.xhtml', data: xhtml('<div><img src="../images/cover.jpg" alt=""/></div>') },
    {
      name: 'OEBPS/text/part1.xhtml',
      data: xhtml(
        '<h1>I</h1><p>Her father measured everything twice.</p><p>She measured it once and wrote it down.</p>',
      ),
    },
    {
      name: 'OEBPS/text/part 2.xhtml',
      data: xhtml(
        '<section id="ch2"><h1>II</h1><p>The river rose in the night.</p><hr/><p>By dawn the lower town was a lake.</p></section>' +
          '<section id="ch3"><h1>III</h1><p>The map had kept the old streets.</p></section>',
      ),
    },
    { name: 'OEBPS/text/notes.xhtml', data: xhtml('<p>Footnotes nobody reads.</p>') },
    { name: 'OEBPS/images/cover.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    ...extra,
  ]);
}

async function rejectsInput(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof InputError, `expected InputError, got ${String(err)}`);
    assert.match(err.message, message);
    assert.ok(!err.message.includes('\n'));
    return true;
  });
}

describe('ingest: EPUB', () => {
  it('ingest: an EPUB is read in spine order, items joined by a blank line', async () => {
    await withTempDir(async (dir) => {
      const src = await ingestFile(await put(dir, 'map.epub', epub3()));
      assert.equal(src.format, 'epub');
      assert.equal(
        src.text,
        [
          'I',
          'Her father measured everything twice.',
          'She measured it once and wrote it down.',
          'II',
          'The river rose in the night.',
          'By dawn the lower town was a lake.',
          'III',
          'The map had kept the old streets.',
        ].join('\n\n'),
      );
      assert.ok(!src.text.includes('Contents'), 'the nav document is not story text');
      assert.ok(!src.text.includes('Footnotes'), 'non-linear items are skipped');
    });
  });

  it('ingest: EPUB chapters start at each spine item and at toc anchors, titled from the toc', async () => {
    const src = await ingestBytes(epub3(), 'map.epub');
    assert.deepEqual(src.structure.chapters, [
      { start: 0, title: 'One: The Survey' },
      { start: src.text.indexOf('II'), title: 'Two: High Water' },
      { start: src.text.indexOf('III'), title: 'Three: What the Map Kept' },
    ]);
    assert.deepEqual(src.structure.breaks, [src.text.indexOf('By dawn')]);
  });

  it('ingest: EPUB metadata comes from the OPF', async () => {
    const src = await ingestBytes(epub3(), 'map.epub');
    assert.deepEqual(src.meta, {
      title: 'The Cartographer\u2019s Daughter',
      author: 'Imogen Tell',
      language: 'en',
      summary: 'A map, a daughter, a flood.',
    });
  });

  it('ingest: an EPUB 2 with an NCX toc and no nav, sniffed from stdin', async () => {
    const opf = `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Small Hours</dc:title><dc:creator opf:role="aut">Jo Bright</dc:creator><dc:creator opf:role="ill">Pen Inkwell</dc:creator>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="a" href="a.html" media-type="application/xhtml+xml"/>
    <item id="b" href="b.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine>
</package>`;
    const ncx = `<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="p1" playOrder="1"><navLabel><text>Midnight</text></navLabel><content src="a.html"/></navPoint>
  <navPoint id="p2" playOrder="2"><navLabel><text>Three O&#8217;Clock</text></navLabel><content src="b.html"/></navPoint>
</navMap></ncx>`;
    const book = makeZip([
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER.replace('OEBPS/content.opf', 'content.opf') },
      { name: 'content.opf', data: opf },
      { name: 'toc.ncx', data: ncx },
      { name: 'a.html', data: '<html><body><p>The clock struck.</p></body></html>' },
      { name: 'b.html', data: '<html><body><h2>Later</h2><p>Nobody slept.</p></body></html>' },
    ]);
    const src = await ingestBytes(book, '-');
    assert.equal(src.format, 'epub');
    assert.equal(src.meta.author, 'Jo Bright');
    assert.equal(src.text, 'The clock struck.\n\nLater\n\nNobody slept.');
    assert.deepEqual(src.structure.chapters, [
      { start: 0, title: 'Midnight' },
      { start: src.text.indexOf('Later'), title: 'Three O\u2019Clock' },
    ]);
  });

  it('ingest: without a toc, an EPUB chapter is titled by its first heading', async () => {
    const book = makeZip([
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER },
      {
        name: 'OEBPS/content.opf',
        data: '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>',
      },
      { name: 'OEBPS/a.xhtml', data: xhtml('<h2>The First Night</h2><p>Rain.</p>') },
      { name: 'OEBPS/b.xhtml', data: xhtml('<p>No heading here.</p>') },
    ]);
    const src = await ingestBytes(book, 'plain.epub');
    assert.deepEqual(src.structure.chapters, [
      { start: 0, title: 'The First Night' },
      { start: src.text.indexOf('No heading'), title: '' },
    ]);
  });

  it('ingest: an EPUB whose declared sizes exceed maxExpandedBytes is refused as a zip bomb', async () => {
    const bomb = epub3([{ name: 'OEBPS/padding.bin', data: Buffer.alloc(3 * 1024 * 1024) }]);
    assert.ok(bomb.length < 64 * 1024, 'compresses small');
    await rejectsInput(
      ingestBytes(bomb, 'bomb.epub', { maxExpandedBytes: 1024 * 1024 }),
      /cannot read EPUB "bomb\.epub": its contents declare 3\.0 MiB, which is more than 1 MiB \(a possible zip bomb/,
    );
  });

  it('ingest: an EPUB entry that inflates to more than it declares is stopped while streaming', async () => {
    const liar = makeZip([
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER },
      {
        name: 'OEBPS/content.opf',
        data: '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>',
      },
      { name: 'OEBPS/a.xhtml', data: xhtml(`<p>${'ha '.repeat(2_000_000)}</p>`), declaredSize: 100 },
    ]);
    await rejectsInput(
      ingestBytes(liar, 'liar.epub', { maxExpandedBytes: 1024 * 1024 }),
      /cannot read EPUB "liar\.epub": its contents expand to more than 1 MiB/,
    );
  });

  it('ingest: a truncated EPUB is an InputError saying the archive is damaged', async () => {
    const book = epub3();
    await rejectsInput(
      ingestBytes(book.subarray(0, Math.floor(book.length * 0.6)), 'cut.epub'),
      /^cannot read EPUB "cut\.epub": the archive is damaged \(.+\)$/,
    );
  });

  it('ingest: an EPUB with corrupt compressed data is an InputError saying the archive is damaged', async () => {
    const book = Buffer.from(epub3());
    // Overwrite the start of part1.xhtml's deflate stream (right after its local header's name):
    // 0xff bytes make an invalid block type.
    const name = Buffer.from('OEBPS/text/part1.xhtml');
    const at = book.indexOf(name) + name.length;
    for (let i = at; i < at + 16; i++) book[i] = 0xff;
    await rejectsInput(
      ingestBytes(book, 'corrupt.epub'),
      /cannot read EPUB "corrupt\.epub": the archive is damaged/,
    );
  });

  it('ingest: a DRM-encrypted EPUB is refused; font obfuscation alone is fine', async () => {
    const encryption = (uri: string): ZipEntrySpec => ({
      name: 'META-INF/encryption.xml',
      data: `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
  <enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`,
    });
    await rejectsInput(
      ingestBytes(epub3([encryption('OEBPS/text/part1.xhtml')]), 'locked.epub'),
      /cannot read EPUB "locked\.epub": it is DRM-protected/,
    );
    const fonts = await ingestBytes(epub3([encryption('OEBPS/fonts/serif.otf')]), 'fonts.epub');
    assert.ok(fonts.text.startsWith('I\n\nHer father'));
  });

  it('ingest: an EPUB without a package document is refused', async () => {
    const book = makeZip([
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER },
    ]);
    await rejectsInput(
      ingestBytes(book, 'hollow.epub'),
      /cannot read EPUB "hollow\.epub": it has no package document/,
    );
  });
});
