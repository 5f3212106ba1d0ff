import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestBytes, ingestFile, normalise } from '../src/ingest/index.js';
import { FIXTURES } from './fixtures/ingest/helpers.js';

const AO3 = join(FIXTURES, 'ao3-work.html');

describe('ingest: AO3 downloads', () => {
  it('ingest: an AO3 HTML download is recognised as format ao3', async () => {
    const src = await ingestFile(AO3);
    assert.equal(src.format, 'ao3');
    assert.equal(src.encoding, 'utf-8');
  });

  it('ingest: AO3 tags, stats, title, author and summary fill the metadata', async () => {
    const src = await ingestFile(AO3);
    assert.deepEqual(src.meta, {
      rating: 'Teen And Up Audiences',
      warnings: ['No Archive Warnings Apply'],
      category: ['F/F', 'Gen'],
      fandoms: ['The Lantern Keepers (Web Series)', 'Lantern Keepers - All Media Types'],
      relationships: ['Maren Holt/Ilse Varga'],
      characters: ['Maren Holt', 'Ilse Varga', 'Old Tobiah (Lantern Keepers)'],
      additionalTags: ['Lighthouses', 'Slow Burn', 'Fluff and Angst', 'Storms'],
      language: 'English',
      series: 'Part 2 of Keepers of the Reef',
      words: 1234,
      chapters: '3/3',
      published: '2023-02-11',
      completed: '2023-03-04',
      title: 'Salt and Lamplight',
      author: 'fennwick_reed',
      summary:
        'Maren keeps the light on Corran Point. Ilse arrives with the supply boat and does not leave.\n\nA story about oil, weather, and staying.',
    });
  });

  it('ingest: the AO3 text holds only chapter headings and chapter text', async () => {
    const src = await ingestFile(AO3);
    assert.equal(
      src.text,
      [
        'Chapter 1: The Supply Boat',
        'The supply boat was three days late, and Maren had started rationing the lamp oil by the cupful.',
        '\u201cYou\u2019re the keeper?\u201d the stranger called up from the jetty. \u201cThey said you\u2019d be taller.\u201d',
        '\u201cThey say a lot of things,\u201d Maren said. \u201cMind the third step. It bites.\u201d',
        'Chapter 2: Weather',
        'The storm came in sideways.',
        '* * *',
        'By morning the glass in the lantern room had held, which Ilse declared a miracle and Maren declared maintenance.',
        'Chapter 3',
        '\u201cStay,\u201d Maren said, and the word surprised them both.\nIlse stayed.',
      ].join('\n\n'),
    );
    for (const boilerplate of [
      'Summary',
      'Notes',
      'Posted originally',
      'Kudos',
      'drop by the archive',
      'blog',
      'beta',
      'Preface',
    ]) {
      assert.ok(!src.text.includes(boilerplate), `no "${boilerplate}"`);
    }
  });

  it('ingest: each AO3 h2.heading is a chapter at its heading', async () => {
    const src = await ingestFile(AO3);
    assert.deepEqual(src.structure.chapters, [
      { start: 0, title: 'Chapter 1: The Supply Boat' },
      { start: src.text.indexOf('Chapter 2: Weather'), title: 'Chapter 2: Weather' },
      { start: src.text.indexOf('Chapter 3'), title: 'Chapter 3' },
    ]);
    assert.deepEqual(src.structure.breaks, [src.text.indexOf('By morning')]);
  });

  it('ingest: AO3 is recognised from stdin too, and normalises to one paragraph per block', async () => {
    const src = await ingestBytes(await readFile(AO3), '-');
    assert.equal(src.format, 'ao3');
    const n = normalise(src);
    assert.equal(n.paragraphMode, 'lines');
    assert.equal(n.text.split('\n').filter((l) => l.trim()).length, 11);
  });

  it('ingest: a single-chapter AO3 work has no toc heading in its text', async () => {
    const html = (await readFile(AO3, 'utf8')).replace(
      /<div id="chapters" class="userstuff">[\s\S]*?<div id="afterword">/,
      '<div id="chapters" class="userstuff"><h2 class="toc-heading">Salt and Lamplight</h2><div class="userstuff"><p>Only one chapter.</p></div></div><div id="afterword">',
    );
    const src = await ingestBytes(Buffer.from(html), 'one.html');
    assert.equal(src.format, 'ao3');
    assert.equal(src.text, 'Only one chapter.');
    assert.deepEqual(src.structure.chapters, []);
  });
});
