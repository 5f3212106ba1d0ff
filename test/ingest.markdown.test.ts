import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { ingestBytes, normalise } from '../src/ingest/index.js';

const MD = `---
title: "The Salt Road"
author: Kit Arden
language: en
summary: Two cousins walk to the coast.
---

# Chapter One: Inland

The road ran white between the hedges.

* * *

Morning came slowly.

## Chapter Two

They reached the sea.

\`\`\`
# not a heading inside a code fence
\`\`\`

---

### A minor heading

Interlude
=========

The end.
`;

describe('ingest: Markdown', () => {
  it('ingest: a .md file keeps its text exactly', async () => {
    const src = await ingestBytes(Buffer.from(MD), 'salt.md');
    assert.equal(src.format, 'md');
    assert.equal(src.text, MD);
  });

  it('ingest: # and ## headings (and === underlined ones) become chapters at their line', async () => {
    const src = await ingestBytes(Buffer.from(MD), 'salt.md');
    assert.deepEqual(src.structure.chapters, [
      { start: MD.indexOf('# Chapter One'), title: 'Chapter One: Inland' },
      { start: MD.indexOf('## Chapter Two'), title: 'Chapter Two' },
      { start: MD.indexOf('Interlude'), title: 'Interlude' },
    ]);
  });

  it('ingest: ---, *** and * * * lines are scene breaks (front matter and code fences excluded)', async () => {
    const src = await ingestBytes(Buffer.from(MD), 'salt.md');
    assert.deepEqual(src.structure.breaks, [MD.indexOf('* * *'), MD.indexOf('---\n\n### A minor')]);
  });

  it('ingest: YAML front matter gives title, author, language and summary', async () => {
    const src = await ingestBytes(Buffer.from(MD), 'salt.md');
    assert.deepEqual(src.meta, {
      title: 'The Salt Road',
      author: 'Kit Arden',
      language: 'en',
      summary: 'Two cousins walk to the coast.',
    });
  });

  it('ingest: a list of authors in front matter is joined', async () => {
    const md = '---\ntitle: Two Hands\nauthors:\n  - Ama Ruiz\n  - Bo Lind\n---\nText.\n';
    const src = await ingestBytes(Buffer.from(md), 'x.markdown');
    assert.equal(src.format, 'md');
    assert.equal(src.meta.author, 'Ama Ruiz, Bo Lind');
  });

  it('ingest: a Markdown file without front matter whose first line is --- is a break, not front matter', async () => {
    const md = '---\n\nThe story starts after a rule.\n';
    const src = await ingestBytes(Buffer.from(md), 'x.md');
    assert.deepEqual(src.meta, {});
    assert.deepEqual(src.structure.breaks, [0]);
  });

  it('ingest: the normalised Markdown working text starts after the front matter', async () => {
    const src = await ingestBytes(Buffer.from(MD), 'salt.md');
    const n = normalise(src);
    assert.ok(n.text.startsWith('# Chapter One: Inland\n\nThe road ran white'));
    assert.equal(n.map.toSource(0), MD.indexOf('# Chapter One'));
  });
});

describe('ingest: a Markdown story titled by its one top-level heading', () => {
  const TITLED = [
    '# The Salt Road',
    '',
    '*For Kit, who walked it with me.*',
    '',
    '## Chapter 1',
    '',
    'The harbour was grey at dawn, and the boats lay on their sides in the mud. Gulls walked between them, picking at the weed, and the smell of salt and diesel hung over everything like a wet sheet somebody had forgotten to take in.',
    '',
    'Ada counted them twice. "Seven," she said.',
    '',
    '## Chapter 2',
    '',
    'By noon the tide had turned.',
    '',
  ].join('\n');

  it('ingest: a lone # heading first, over ## chapters, is the title, not a chapter', async () => {
    const src = await ingestBytes(Buffer.from(TITLED), 'road.md');
    assert.equal(src.meta.title, 'The Salt Road');
    assert.deepEqual(
      src.structure.chapters.map((c) => c.title),
      ['Chapter 1', 'Chapter 2'],
    );
  });

  it('ingest: a lone # heading that reads as a chapter ("# Chapter 1" over "## Morning") stays a chapter', async () => {
    const md = [
      '# Chapter 1',
      '',
      '## Morning',
      '',
      'Ada woke before the gulls.',
      '',
      '## Night',
      '',
      'The lamps were lit along the quay.',
      '',
    ].join('\n');
    const src = await ingestBytes(Buffer.from(md), 'one.md');
    assert.equal(src.meta.title, undefined);
    assert.deepEqual(
      src.structure.chapters.map((c) => c.title),
      ['Chapter 1', 'Morning', 'Night'],
    );
  });

  it('ingest: the first prose under a chapter heading opens no scene of its own after the title page', async () => {
    const r = createEngine().analyze(await ingestBytes(Buffer.from(TITLED), 'road.md'));
    assert.deepEqual(
      r.scenes.map((s) => s.boundary.kind),
      ['start', 'chapter'],
    );
    assert.deepEqual(
      r.chapters.map((c) => c.title),
      ['Chapter 1', 'Chapter 2'],
    );
  });
});
