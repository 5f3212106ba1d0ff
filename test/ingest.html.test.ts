import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestBytes } from '../src/ingest/index.js';

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="author" content="Noor Vance">
  <title>The Orchard &amp; the Well</title>
  <style>p { margin: 0 }</style>
  <script>var chapter = "not story text";</script>
</head>
<body>
  <nav><a href="#c1">Contents</a> <a href="#c2">Two</a></nav>
  <h1>The Orchard &amp; the Well</h1>
  <h2 id="c1">Chapter I. The Orchard</h2>
  <p>The apples   were
     small that year, and <em>sour</em>.</p>
  <p>&ldquo;Leave them,&rdquo; said Aunt&nbsp;Rue.</p>
  <hr>
  <div>Later, a letter came:<br>Dear R.,<br/>Come home.</div>
  <blockquote><p>Quoted words.</p></blockquote>
  <ul><li>bread</li><li>salt</li></ul>
  <h2 id="c2">Chapter II. The Well</h2>
  <p>It was deep&hellip; and cold.</p>
  <h3>Contents</h3>
  <pre>  kept   as
  typed</pre>
  <p><span class="pagenum">[Pg 12]</span>After the page number.</p>
</body>
</html>`;

describe('ingest: HTML', () => {
  it('ingest: HTML blocks are separated by one blank line, <br> by a newline, whitespace collapsed', async () => {
    const src = await ingestBytes(Buffer.from(PAGE), 'orchard.html');
    assert.equal(src.format, 'html');
    assert.equal(
      src.text,
      [
        'The Orchard & the Well',
        'Chapter I. The Orchard',
        'The apples were small that year, and sour.',
        '\u201cLeave them,\u201d said Aunt\u00a0Rue.',
        'Later, a letter came:\nDear R.,\nCome home.',
        'Quoted words.',
        'bread',
        'salt',
        'Chapter II. The Well',
        'It was deep\u2026 and cold.',
        'Contents',
        '  kept   as\n  typed',
        'After the page number.',
      ].join('\n\n'),
    );
  });

  it('ingest: script, style and nav content is skipped and entities are decoded', async () => {
    const src = await ingestBytes(Buffer.from(PAGE), 'orchard.html');
    assert.ok(!src.text.includes('not story text'));
    assert.ok(!src.text.includes('margin'));
    assert.ok(!src.text.includes('Two\n'));
    assert.ok(!src.text.includes('&amp;'));
  });

  it('ingest: <title>, author meta and lang fill the metadata', async () => {
    const src = await ingestBytes(Buffer.from(PAGE), 'orchard.html');
    assert.deepEqual(src.meta, { title: 'The Orchard & the Well', author: 'Noor Vance', language: 'en-GB' });
  });

  it('ingest: h1–h3 chapter-like headings become chapters; the title heading and "Contents" do not', async () => {
    const src = await ingestBytes(Buffer.from(PAGE), 'orchard.html');
    assert.deepEqual(src.structure.chapters, [
      { start: src.text.indexOf('Chapter I.'), title: 'Chapter I. The Orchard' },
      { start: src.text.indexOf('Chapter II.'), title: 'Chapter II. The Well' },
    ]);
  });

  it('ingest: <hr> is recorded as a break at the text that follows it', async () => {
    const src = await ingestBytes(Buffer.from(PAGE), 'orchard.html');
    assert.deepEqual(src.structure.breaks, [src.text.indexOf('Later, a letter')]);
  });

  it('ingest: .htm and .xhtml are HTML too, and self-closing XHTML tags work', async () => {
    const xhtml =
      '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>One<br/>two</p><p/><p>Three</p></body></html>';
    const a = await ingestBytes(Buffer.from(xhtml), 'page.xhtml');
    assert.equal(a.text, 'One\ntwo\n\nThree');
    const b = await ingestBytes(Buffer.from('<p>Hi.</p><p>Bye.</p>'), 'page.htm');
    assert.equal(b.text, 'Hi.\n\nBye.');
  });

  it('ingest: an HTML page with no text warns ingest/empty', async () => {
    const src = await ingestBytes(
      Buffer.from('<html><body><script>x()</script></body></html>'),
      'empty.html',
    );
    assert.equal(src.text, '');
    assert.ok(src.messages.some((m) => m.code === 'ingest/empty'));
  });
});
