/**
 * The quotation scorer against PDNC-format gold: a small corpus of the project's own in
 * test/fixtures/quotes/pdnc, and the real PDNC beside the repository when it is there.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listPdncNovels, loadPdncNovel } from '../src/eval/pdnc.js';
import { evalQuotes, formatQuotesReport } from '../src/eval/quotes.js';

// Tests run from dist/test, the fixtures stay in test/fixtures.
const FIXTURE = fileURLToPath(new URL('../../test/fixtures/quotes/pdnc/', import.meta.url));
const PDNC = fileURLToPath(new URL('../../../shared/data/pdnc/', import.meta.url));

describe('quotes eval', () => {
  it('quotes eval: the loader lists novel folders and reads text, characters and quotations', async () => {
    assert.deepEqual(await listPdncNovels(FIXTURE), ['TheMillRace']);
    const novel = await loadPdncNovel(FIXTURE, 'TheMillRace');
    assert.equal(novel.quotations.length, 3);
    assert.equal(novel.characters[0]!.name, 'Hannah');
    assert.ok(novel.text.startsWith('THE MILL RACE'));
  });

  it('quotes eval: speech spans are scored; the letter and the scare quote are not speech', async () => {
    const report = await evalQuotes(FIXTURE);
    assert.equal(report.skipped, undefined);
    const [novel] = report.novels;
    assert.ok(novel);
    assert.deepEqual([novel.spans.gold, novel.spans.predicted, novel.spans.found], [6, 6, 6]);
    assert.equal(report.overall.spans.f1, 1);
    assert.equal(report.overall.quotations.f1, 1);
    // The letter is one quotation over three paragraphs.
    assert.equal(novel.kinds.written, 1);
    assert.equal(novel.kinds.mention, 1);
  });

  it('quotes eval: a missing corpus folder gives a one-line notice, not an error', async () => {
    const report = await evalQuotes('/nonexistent/pdnc');
    assert.match(report.skipped ?? '', /skipped/);
    const printed = formatQuotesReport(report);
    assert.equal(printed.trim().split('\n').length, 1);
  });

  it('quotes eval: the report prints a row per novel and an overall row', async () => {
    const printed = formatQuotesReport(await evalQuotes(FIXTURE));
    assert.match(printed, /^TheMillRace .* 100\.0 .*$/m);
    assert.match(printed, /^overall /m);
  });

  it('quotes eval: PDNC (when present) scores every novel', {
    skip: !existsSync(PDNC) && `no PDNC at ${PDNC}`,
  }, async () => {
    const names = await listPdncNovels(PDNC);
    const report = await evalQuotes(PDNC, { novels: names.slice(0, 1) });
    assert.equal(report.novels.length, 1);
    assert.ok(report.overall.spans.f1 > 0.9);
  });
});
