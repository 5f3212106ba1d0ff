/**
 * Bad input at the command line: each case has one clear outcome — a result with messages (exit
 * 0), or exit 3 with one line on stderr — and none hangs, crashes or runs out of memory.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisResult, validateAnalysis } from '../src/index.js';
import { assertUserError, epubOf, STORY, storylens, tempDir } from './cli.helper.js';

const dir = tempDir();
const file = (name: string, data: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);
const PDF =
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

const goodEpub = epubOf('<h1>One</h1><p>“Wait for me,” said Nell.</p><p>Owen did not wait.</p>');
// Corrupt: the chapter's compressed bytes overwritten, so the archive lists it but cannot inflate it.
const corruptEpub = Buffer.from(goodEpub);
const chapterAt = corruptEpub.indexOf('OEBPS/c1.xhtml') + 'OEBPS/c1.xhtml'.length;
corruptEpub.fill(0xff, chapterAt, chapterAt + 40);

// Zip bombs. One archive declares an entry of 201 MiB (caught before inflating anything); the
// other's chapter is 201 MiB of text that deflates to about 200 KiB but claims to be 1 KiB, and is
// caught while inflating.
const bomb = epubOf('<p>Small.</p>', [
  { name: 'OEBPS/padding.bin', data: 'x', declaredSize: 201 * 1024 * 1024 },
]);
const liar = epubOf('', [], { data: Buffer.alloc(201 * 1024 * 1024, 0x61), declaredSize: 1024 });

/** 100 MiB of plain prose, written in 1 MiB blocks. */
function hundredMegabytes(path: string): string {
  const line = 'The rain kept on over the harbour, and the lamps along the wall came on one by one.\n\n';
  const block = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024));
  const fd = openSync(path, 'w');
  for (let i = 0; i < 100; i++) writeSync(fd, block);
  closeSync(fd);
  return path;
}

const UNBALANCED =
  'Title\n\n“Come here,” said Ann Lee. “Now, before the tide turns.\n\nShe waited by the door.\n';

const paths = {
  png: file('cover.txt', PNG),
  pdf: file('manuscript.txt', PDF),
  corrupt: file('corrupt.epub', corruptEpub),
  truncated: file('truncated.epub', goodEpub.subarray(0, Math.floor(goodEpub.length / 2))),
  notZip: file('plain.epub', 'This is a text file with an .epub name.'),
  bomb: file('bomb.epub', bomb),
  liar: file('liar.epub', liar),
  huge: hundredMegabytes(join(dir, 'huge.txt')),
  small: file('small.txt', STORY),
  empty: file('empty.txt', ''),
  blank: file('blank.txt', '\n\n   \n'),
  noQuotes: file(
    'quiet.txt',
    'The Quiet House\n\nNobody spoke in the house that winter. The clocks ran down.\n',
  ),
  unbalanced: file('unbalanced.txt', UNBALANCED),
};

const runs = {
  missing: storylens(['analyze', join(dir, 'no-such-story.txt')]),
  directory: storylens(['analyze', dir]),
  png: storylens(['analyze', paths.png]),
  pdf: storylens(['analyze', paths.pdf]),
  corrupt: storylens(['analyze', paths.corrupt]),
  truncated: storylens(['analyze', paths.truncated]),
  notZip: storylens(['analyze', paths.notZip]),
  bomb: storylens(['analyze', paths.bomb]),
  liar: storylens(['analyze', paths.liar]),
  huge: storylens(['analyze', paths.huge]),
  overLimit: storylens(['analyze', paths.small, '--max-size', '100']),
  withinLimit: storylens(['analyze', paths.small, '--max-size', '1K', '--until', 'segment']),
  stdinOverLimit: storylens(['analyze', '-', '--max-size', '1K'], { stdin: STORY.repeat(20) }),
  pngOnStdin: storylens(['analyze', '-'], { stdin: PNG }),
  empty: storylens(['analyze', paths.empty]),
  blank: storylens(['analyze', paths.blank]),
  emptyStdin: storylens(['analyze', '-']),
  noQuotes: storylens(['analyze', paths.noQuotes]),
  unbalanced: storylens(['analyze', paths.unbalanced]),
};

/** A successful run: exit 0, nothing on stderr, a schema-valid result on stdout. */
async function resultOf(run: Promise<{ code: number | null; stdout: string; stderr: string }>) {
  const r = await run;
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const result = JSON.parse(r.stdout) as AnalysisResult;
  assert.deepEqual(validateAnalysis(result), []);
  return result;
}

describe('cli: unreadable or unsupported input exits 3 with one line', () => {
  it('cli: a missing file', async () => {
    assertUserError(await runs.missing, 3, /cannot read ".*no-such-story\.txt": no such file/);
  });

  it('cli: a directory', async () => {
    assertUserError(await runs.directory, 3, /it is a directory/);
  });

  it('cli: a PNG renamed .txt', async () => {
    assertUserError(await runs.png, 3, /"?.*cover\.txt"? looks like a PNG image, not a story text/);
  });

  it('cli: a PDF renamed .txt', async () => {
    assertUserError(await runs.pdf, 3, /manuscript\.txt" looks like a PDF document/);
  });

  it('cli: a PNG on standard input', async () => {
    assertUserError(await runs.pngOnStdin, 3, /looks like a PNG image/);
  });

  it('cli: an EPUB whose chapter data is corrupt', async () => {
    assertUserError(await runs.corrupt, 3, /corrupt\.epub/);
  });

  it('cli: an EPUB cut off halfway', async () => {
    assertUserError(await runs.truncated, 3, /truncated\.epub/);
  });

  it('cli: a text file named .epub', async () => {
    assertUserError(await runs.notZip, 3, /plain\.epub": it is not a ZIP archive/);
  });

  it('cli: an EPUB whose contents declare more than 200 MiB (a zip bomb)', async () => {
    assertUserError(
      await runs.bomb,
      3,
      /bomb\.epub": its contents declare 201(?:\.0)? MiB, which is more than 200 MiB/,
    );
  });

  it('cli: an EPUB that lies about its sizes and expands past 200 MiB while inflating', async () => {
    assertUserError(await runs.liar, 3, /liar\.epub": its contents expand to more than 200 MiB/);
  });
});

describe('cli: --max-size bounds what is analysed', () => {
  it('cli: a 100 MiB text file is refused at once with the limit and how to raise it', async () => {
    assertUserError(
      await runs.huge,
      3,
      /"[^"]*huge\.txt" is 100 MiB, over the 16 MiB limit \(raise it with --max-size\)/,
    );
  });

  it('cli: a file over a lowered --max-size is refused, one within it is analysed', async () => {
    assertUserError(await runs.overLimit, 3, /small\.txt" is \d+ bytes, over the 100 bytes limit/);
    const result = await resultOf(runs.withinLimit);
    assert.ok(result.paragraphs.length > 0);
  });

  it('cli: standard input past --max-size is refused without reading it all', async () => {
    assertUserError(
      await runs.stdinOverLimit,
      3,
      /standard input is more than 1 KiB, over the --max-size limit/,
    );
  });
});

describe('cli: odd but readable input gives a result with messages', () => {
  it('cli: an empty file gives an empty result with an ingest/empty warning', async () => {
    const result = await resultOf(runs.empty);
    assert.deepEqual(
      result.messages.map((m) => m.code),
      ['ingest/empty'],
    );
    assert.deepEqual([result.quotes, result.characters, result.paragraphs], [[], [], []]);
  });

  it('cli: a file of blank lines, and empty standard input, are empty too', async () => {
    for (const run of [runs.blank, runs.emptyStdin]) {
      const result = await resultOf(run);
      assert.ok(result.messages.some((m) => m.code === 'ingest/empty'));
      assert.equal(result.quotes.length, 0);
    }
  });

  it('cli: a story without quotations gives a result with no quotations and no warnings', async () => {
    const result = await resultOf(runs.noQuotes);
    assert.equal(result.quotes.length, 0);
    assert.ok(result.paragraphs.length >= 2);
    assert.deepEqual(
      result.messages.filter((m) => m.severity !== 'info'),
      [],
    );
  });

  it('cli: an unclosed quotation is closed at its paragraph end, with a quotes/unclosed warning', async () => {
    const result = await resultOf(runs.unbalanced);
    const warning = result.messages.find((m) => m.code === 'quotes/unclosed');
    assert.ok(warning, JSON.stringify(result.messages));
    assert.equal(warning.severity, 'warning');
    const source = UNBALANCED;
    assert.deepEqual(
      result.quotes.map((q) => q.text),
      ['Come here, Now, before the tide turns.'],
    );
    assert.ok(warning.span && source.slice(warning.span[0], warning.span[1]).startsWith('“Now'));
  });
});
