/**
 * Character tags of the source (an AO3 download's "Characters:" list) give the full names of the
 * characters the story calls by one name. Every story and tag here is the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { buildResult } from '../src/engine/result.js';
import type { Character, SourceText } from '../src/engine/types.js';
import { ingestBytes } from '../src/ingest/index.js';
import { renderHtml } from '../src/render/html.js';
import { applyCharacterTags, cleanCharacterTag } from '../src/stages/characters/tags.js';

const engine = createEngine({ until: 'characters' });

function castOf(text: string, characters: string[]): Character[] {
  const source: SourceText = {
    name: 'story.html',
    format: 'ao3',
    encoding: 'utf-8',
    text,
    meta: { characters },
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
  return engine.process(source).layer('characters');
}

const STORY = [
  'Declan said nothing for a long while. The rain kept on against the shutters.',
  '\u201cYou came back,\u201d Priya said.',
  '\u201cI said I would,\u201d Declan said. He shook the water from his coat.',
  'Priya laughed. \u201cYou always say that.\u201d',
  'Declan sat by the fire while Priya poured the tea.',
].join('\n\n');

function character(name: string, aliases: string[] = [], mentionCount = 3): Character {
  return {
    id: 'C0',
    name,
    aliases,
    epithets: [],
    gender: { label: 'unknown', confidence: 0 },
    mentionCount,
    narrator: false,
  };
}

describe('characters: source character tags', () => {
  it('characters: a tag loses its parenthesised fandom disambiguator', () => {
    assert.equal(cleanCharacterTag('Declan Frost (Original Character)'), 'Declan Frost');
    assert.equal(cleanCharacterTag('Priya (Lantern Room)'), 'Priya');
    assert.equal(cleanCharacterTag('Wren  Talbot'), 'Wren Talbot');
  });

  it('characters: a first name the text uses gets its tagged full name, the short name kept as an alias', () => {
    const cast = castOf(STORY, ['Declan Frost (Original Character)', 'Priya Okafor', 'Hollis Grey']);
    const declan = cast.find((c) => c.aliases.includes('Declan'));
    const priya = cast.find((c) => c.aliases.includes('Priya'));
    assert.equal(declan?.name, 'Declan Frost');
    assert.equal(priya?.name, 'Priya Okafor');
    // A tagged character the story never names is not made up.
    assert.ok(!cast.some((c) => /Hollis/.test([c.name, ...c.aliases].join(' '))));
  });

  it('characters: a surname with a title matches its tag too', () => {
    const cast = [character('Mr. Frost'), character('Okafor')];
    applyCharacterTags(cast, ['Declan Frost', 'Priya Okafor (Lantern Room)']);
    assert.deepEqual(
      cast.map((c) => [c.name, c.aliases]),
      [
        ['Declan Frost', ['Mr. Frost']],
        ['Priya Okafor', ['Okafor']],
      ],
    );
  });

  it('characters: a name shared by two tags, or a tag two characters would claim, is left alone', () => {
    const shared = [character('Declan')];
    applyCharacterTags(shared, ['Declan Frost', 'Declan Moore']);
    assert.equal(shared[0]!.name, 'Declan');
    const twice = [character('Declan'), character('Frost')];
    applyCharacterTags(twice, ['Declan Frost']);
    assert.deepEqual(
      twice.map((c) => c.name),
      ['Declan', 'Frost'],
    );
    // A middle word is no first name or surname; a one-word tag has no parts.
    const middle = [character('James'), character('Wren')];
    applyCharacterTags(middle, ['Anna James Holt', 'Wren']);
    assert.deepEqual(
      middle.map((c) => c.name),
      ['James', 'Wren'],
    );
  });

  it('characters: an AO3 download shows the tagged full names in the JSON result and the HTML report', async () => {
    const paragraphs = STORY.split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('\n');
    const html = `<!DOCTYPE html><html><head><title>Rain - Archive of Our Own</title></head><body>
<div id="preface"><div class="meta"><dl class="tags">
<dt>Characters:</dt><dd><a href="#a">Declan Frost (Original Character)</a>, <a href="#b">Priya Okafor</a></dd>
</dl><h1>Rain</h1></div></div>
<div id="chapters"><div class="userstuff">${paragraphs}</div></div></body></html>`;
    const source = await ingestBytes(new TextEncoder().encode(html), 'rain.html');
    assert.equal(source.format, 'ao3');
    const full = createEngine({ until: 'attribution' });
    const doc = full.process(source);
    const result = buildResult(doc, ['segment', 'quotes', 'characters', 'coref', 'attribution']);
    const names = result.characters.map((c) => c.name);
    assert.ok(names.includes('Declan Frost'), names.join(', '));
    assert.ok(names.includes('Priya Okafor'), names.join(', '));
    const report = renderHtml(result, { sourceText: source.text });
    assert.match(report, />Declan Frost</);
    assert.match(report, />Priya Okafor</);
  });
});
