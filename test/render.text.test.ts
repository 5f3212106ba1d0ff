/** The plain-text summary (`--format text`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { renderText } from '../src/render/text.js';

const STORY = [
  'Wendell sat alone on the pier.',
  '\u201cNot a single fish,\u201d Wendell said.',
  'Wendell went home.',
].join('\n\n');

describe('render: text summary', () => {
  const source = {
    name: 'pier.txt',
    format: 'txt' as const,
    encoding: 'utf-8',
    text: STORY,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
  const result = createEngine().analyze(source);
  const text = renderText(result, { sourceText: STORY });

  it('render: the title is an opening title line, not a first chapter heading or the file name', () => {
    const titled = 'The Long Pier\n\n' + STORY;
    const withTitle = createEngine().analyze({ ...source, text: titled });
    assert.match(renderText(withTitle, { sourceText: titled }), /^The Long Pier\n/);
    const chaptered = 'Chapter One\n\n' + STORY;
    const withChapter = createEngine().analyze({ ...source, text: chaptered });
    assert.match(renderText(withChapter, { sourceText: chaptered }), /^pier\.txt\n/);
  });

  it('render: an AO3 work shows its author, fandom and relationship tags, and a character the names others call them', () => {
    const tagged = {
      ...result,
      meta: { author: 'quillwren', fandoms: ['Harbour Lights (Podcast)'], relationships: ['Wendell/Mara'] },
      characters: result.characters.map((c) => ({ ...c, epithets: ['sweetheart'] })),
    };
    const out = renderText(tagged, { sourceText: STORY });
    assert.match(
      out,
      /\n {2}by quillwren\n {2}fandom: Harbour Lights \(Podcast\)\n {2}relationships: Wendell\/Mara\n/,
    );
    assert.match(out, /Wendell — male, 3 mentions, 1 quotation; called sweetheart\n/);
  });

  it('render: counts of one take the singular ("1 quotation", "1 scene")', () => {
    assert.equal(result.quotes.length, 1);
    assert.match(text, /· 1 character · 1 quotation · 1 scene\n/);
    assert.match(text, /Wendell — male, 3 mentions, 1 quotation\n/);
    assert.doesNotMatch(text, /\b1 (quotations|scenes|characters|mentions)\b/);
  });
});
