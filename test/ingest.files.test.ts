import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../src/engine/errors.js';
import { ingestBytes, ingestFile, normalise } from '../src/ingest/index.js';
import { makeZip, put, withTempDir } from './fixtures/ingest/helpers.js';

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');

/** Asserts that `promise` rejects with an InputError (exit code 3) whose one-line message matches. */
async function rejectsInput(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof InputError, `expected InputError, got ${String(err)}`);
    assert.equal(err.exitCode, 3);
    assert.match(err.message, message);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
}

describe('ingest: files and bad input', () => {
  it('ingest: a .txt file keeps its decoded text exactly, CRLF and all', async () => {
    await withTempDir(async (dir) => {
      const text = 'Chapter 1\r\n\r\nThe ferry left at dawn.\r\nNobody waved.\r\n';
      const src = await ingestFile(await put(dir, 'ferry.txt', text));
      assert.equal(src.text, text);
      assert.equal(src.format, 'txt');
      assert.equal(src.encoding, 'utf-8');
      assert.equal(src.name, join(dir, 'ferry.txt'));
      assert.deepEqual(src.structure, { chapters: [], breaks: [] });
    });
  });

  it('ingest: .text and upper-case extensions are plain text', async () => {
    await withTempDir(async (dir) => {
      assert.equal((await ingestFile(await put(dir, 'a.text', 'Quiet.'))).format, 'txt');
      assert.equal((await ingestFile(await put(dir, 'B.TXT', 'Quiet.'))).format, 'txt');
    });
  });

  it('ingest: an unknown extension is sniffed: HTML content becomes html, other content txt', async () => {
    await withTempDir(async (dir) => {
      const html = await ingestFile(
        await put(dir, 'saved.page', '<!DOCTYPE html><html><body><p>One.</p><p>Two.</p></body></html>'),
      );
      assert.equal(html.format, 'html');
      assert.equal(html.text, 'One.\n\nTwo.');
      const txt = await ingestFile(await put(dir, 'notes.story', 'Just words, <not> markup.'));
      assert.equal(txt.format, 'txt');
      assert.equal(txt.text, 'Just words, <not> markup.');
    });
  });

  it('ingest: stdin bytes are sniffed by content (text, HTML)', async () => {
    const txt = await ingestBytes(Buffer.from('A plain story.\n'), '-');
    assert.equal(txt.format, 'txt');
    assert.equal(txt.name, '-');
    const html = await ingestBytes(
      Buffer.from('\n  <html><head><title>Dusk</title></head><body><p>Late.</p></body></html>'),
      '-',
    );
    assert.equal(html.format, 'html');
    assert.equal(html.meta.title, 'Dusk');
    assert.equal(html.text, 'Late.');
  });

  it('ingest: an empty file gives empty text and an ingest/empty warning, not an exception', async () => {
    await withTempDir(async (dir) => {
      const src = await ingestFile(await put(dir, 'empty.txt', ''));
      assert.equal(src.text, '');
      assert.equal(src.format, 'txt');
      assert.equal(src.messages.length, 1);
      assert.equal(src.messages[0]!.code, 'ingest/empty');
      assert.equal(src.messages[0]!.severity, 'warning');
      const n = normalise(src);
      assert.equal(n.text, '');
      assert.deepEqual(n.body, { start: 0, end: 0 });
    });
  });

  it('ingest: a whitespace-only file also warns ingest/empty', async () => {
    const src = await ingestBytes(Buffer.from('  \n\n\t\n'), 'blank.txt');
    assert.equal(src.text, '  \n\n\t\n');
    assert.ok(src.messages.some((m) => m.code === 'ingest/empty'));
  });

  it('ingest: a PNG renamed .txt is refused as "looks like a PNG image, not a story text"', async () => {
    await withTempDir(async (dir) => {
      await rejectsInput(
        ingestFile(await put(dir, 'cover.txt', PNG)),
        /looks like a PNG image, not a story text/,
      );
    });
  });

  it('ingest: a PDF renamed .txt is refused', async () => {
    await withTempDir(async (dir) => {
      await rejectsInput(
        ingestFile(await put(dir, 'novel.txt', PDF)),
        /"[^"]*novel\.txt" looks like a PDF document, not a story text/,
      );
    });
  });

  it('ingest: GIF, JPEG, ELF and gzip content is refused whatever the name', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), /a GIF image/],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), /a JPEG image/],
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]), /an ELF executable/],
      [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), /a gzip archive/],
    ];
    for (const [bytes, re] of cases) await rejectsInput(ingestBytes(bytes, '-'), re);
  });

  it('ingest: text that merely starts like a magic number ("PART ONE") is text', async () => {
    const src = await ingestBytes(Buffer.from('PART ONE\n\nChapter I\n'), 'x.txt');
    assert.equal(src.text, 'PART ONE\n\nChapter I\n');
  });

  it('ingest: a ZIP that is neither EPUB nor DOCX is refused', async () => {
    const zip = makeZip([{ name: 'photos/a.jpg', data: 'not really' }]);
    await rejectsInput(
      ingestBytes(zip, 'story.txt'),
      /looks like a ZIP archive that is neither an EPUB nor a DOCX/,
    );
  });

  it('ingest: a file larger than maxBytes is refused before it is read', async () => {
    await withTempDir(async (dir) => {
      const path = await put(dir, 'big.txt', 'x'.repeat(5000));
      await rejectsInput(
        ingestFile(path, { maxBytes: 4096 }),
        /is 4\.9 KiB, over the 4 KiB limit \(maxBytes\)/,
      );
      await rejectsInput(
        ingestBytes(Buffer.alloc(5000, 0x61), '-', { maxBytes: 4096 }),
        /over the 4 KiB limit/,
      );
      assert.equal((await ingestFile(path, { maxBytes: 5000 })).text.length, 5000);
    });
  });

  it('ingest: a nonexistent path is a clear InputError', async () => {
    await withTempDir(async (dir) => {
      await rejectsInput(ingestFile(join(dir, 'missing.txt')), /cannot read ".*missing\.txt": no such file/);
    });
  });

  it('ingest: a directory is a clear InputError', async () => {
    await withTempDir(async (dir) => {
      const sub = join(dir, 'chapters.txt');
      await mkdir(sub);
      await rejectsInput(
        ingestFile(sub),
        /cannot read ".*chapters\.txt": it is a directory, not a story file/,
      );
    });
  });

  it('ingest: a text .epub or .docx is refused as not a ZIP archive', async () => {
    await rejectsInput(
      ingestBytes(Buffer.from('Once upon a time.'), 'book.epub'),
      /cannot read EPUB "book\.epub": it is not a ZIP archive/,
    );
    await rejectsInput(
      ingestBytes(Buffer.from('Once upon a time.'), 'book.docx'),
      /cannot read DOCX "book\.docx": it is not a ZIP archive/,
    );
  });

  it('ingest: a ~20 MB text file ingests and normalises in linear time and memory', async () => {
    const para =
      'The lamplighter came down the lane, and the children followed him\nall the way to the harbour wall, where the boats were knocking.\n\n';
    const text = para.repeat(Math.ceil(20_000_000 / para.length));
    await withTempDir(async (dir) => {
      const path = await put(dir, 'long.txt', text);
      const heapBefore = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const src = await ingestFile(path);
      const t1 = performance.now();
      const n = normalise(src);
      const t2 = performance.now();
      assert.equal(src.text.length, text.length);
      assert.equal(n.paragraphMode, 'wrapped');
      assert.equal(n.text.length, text.length - 2, 'only the final blank line is dropped');
      assert.equal(n.text.indexOf('him all the way'), para.indexOf('him\nall the way'));
      assert.equal(n.map.pieces, 1);
      // Generous bounds (shared CI machines): quadratic behaviour would take minutes.
      assert.ok(t1 - t0 < 5000, `ingest took ${Math.round(t1 - t0)} ms`);
      assert.ok(t2 - t1 < 5000, `normalise took ${Math.round(t2 - t1)} ms`);
      const grown = process.memoryUsage().heapUsed - heapBefore;
      assert.ok(grown < 400 * 1024 * 1024, `heap grew by ${Math.round(grown / 1048576)} MiB`);
    });
  });
});
