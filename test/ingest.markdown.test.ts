import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
