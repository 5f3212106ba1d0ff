import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes, ingestBytes } from '../src/ingest/index.js';

const STORY =
  '\u201cI never said so,\u201d Ad\u00e8le told the caf\u00e9 owner. \u201cYou\u2019re thinking of my sister.\u201d';

describe('ingest: encodings', () => {
  it('ingest: a UTF-8 file without BOM decodes as is', async () => {
    const src = await ingestBytes(Buffer.from(STORY, 'utf8'), 'story.txt');
    assert.equal(src.text, STORY);
    assert.equal(src.encoding, 'utf-8');
    assert.deepEqual(src.messages, []);
  });

  it('ingest: a UTF-8 BOM is not part of the text', async () => {
    const src = await ingestBytes(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY)]),
      'story.txt',
    );
    assert.equal(src.text, STORY);
    assert.equal(src.encoding, 'utf-8');
  });

  it('ingest: a UTF-16 LE file with BOM decodes', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY, 'utf16le')]);
    const src = await ingestBytes(bytes, 'story.txt');
    assert.equal(src.text, STORY);
    assert.equal(src.encoding, 'utf-16le');
  });

  it('ingest: a UTF-16 BE file with BOM decodes', async () => {
    const le = Buffer.from(STORY, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const src = await ingestBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'story.txt');
    assert.equal(src.text, STORY);
    assert.equal(src.encoding, 'utf-16be');
  });

  it('ingest: UTF-16 LE without a BOM is recognised by its NUL bytes', () => {
    const text = 'The kettle sang while the rain kept on at the window.';
    const d = decodeBytes(Buffer.from(text, 'utf16le'));
    assert.equal(d.text, text);
    assert.equal(d.encoding, 'utf-16le');
  });

  it('ingest: a Windows-1252 file with curly quotes (0x93/0x94) and é decodes', async () => {
    const bytes = iconv.encode(STORY, 'windows-1252');
    assert.equal(bytes[0], 0x93, 'the fixture really is windows-1252');
    const src = await ingestBytes(bytes, 'story.txt');
    assert.equal(src.text, STORY);
    assert.equal(src.encoding, 'windows-1252');
  });

  it('ingest: a short Windows-1252 text with only é is not taken for UTF-8', () => {
    const d = decodeBytes(iconv.encode('Caf\u00e9', 'windows-1252'));
    assert.equal(d.text, 'Caf\u00e9');
    assert.equal(d.encoding, 'windows-1252');
  });

  it('ingest: invalid bytes in UTF-8 become U+FFFD with an ingest/invalid-bytes warning that counts them', async () => {
    const good = Buffer.from('Ren\u00e9e and Zo\u00eb walked to the fa\u00e7ade; ', 'utf8');
    const bytes = Buffer.concat([
      good,
      Buffer.from([0xff]),
      Buffer.from(' then '),
      Buffer.from([0xc3]),
      good,
    ]);
    const src = await ingestBytes(bytes, 'story.txt');
    assert.equal(src.encoding, 'utf-8');
    assert.equal([...src.text].filter((c) => c === '\uFFFD').length, 2);
    assert.ok(src.text.startsWith('Ren\u00e9e and Zo\u00eb'));
    const warning = src.messages.find((m) => m.code === 'ingest/invalid-bytes');
    assert.ok(warning, 'a warning is reported');
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.stage, 'ingest');
    assert.match(warning.reason, /\b2 invalid UTF-8 byte sequences\b/);
  });

  it('ingest: a genuine U+FFFD in valid UTF-8 is not reported as invalid', () => {
    const d = decodeBytes(Buffer.from('broken \uFFFD glyph', 'utf8'));
    assert.equal(d.text, 'broken \uFFFD glyph');
    assert.deepEqual(d.messages, []);
  });

  it('ingest: an HTML file that declares windows-1252 is decoded with it', async () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="windows-1252"><title>T</title></head><body><p>\u201cHush,\u201d said Ma\u00eft\u00e9.</p></body></html>';
    const src = await ingestBytes(iconv.encode(html, 'windows-1252'), 'page.html');
    assert.equal(src.encoding, 'windows-1252');
    assert.equal(src.text, '\u201cHush,\u201d said Ma\u00eft\u00e9.');
  });
});
