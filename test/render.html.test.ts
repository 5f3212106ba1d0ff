/** The HTML report: self-contained, with the arc, scenes, cast, network and coloured quotations. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../src/engine/result.js';
import { renderHtml, wholePercents } from '../src/render/html.js';
import { analysedStory, STORY } from './render.fixture.js';

describe('render: HTML report', () => {
  const result = analysedStory();
  const html = renderHtml(result, { sourceText: STORY });

  it('render: the report loads nothing from outside (no scripts, links, remote URLs)', () => {
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /<script|<link|<iframe|<img|@import|\ssrc=/i);
    for (const m of html.matchAll(/url\(([^)]*)\)/g))
      assert.match(m[1]!, /^#/, `url(${m[1]}) is not a fragment`);
    for (const m of html.matchAll(/href="([^"]*)"/g))
      assert.match(m[1]!, /^#/, `href ${m[1]} is not a fragment`);
  });

  it('render: the emotional arc is an inline SVG path with its shape named', () => {
    assert.match(html, /<svg[^>]*aria-label="Emotional arc: [a-z-]+"/);
    const path = html.match(/<path class="arc" d="M([^"]+)"/);
    assert.ok(path, 'no arc path');
    assert.equal(path[1]!.split('L').length, 101);
    assert.ok(html.includes(`<b>${result.emotion!.shape}</b>`));
  });

  it('render: every quotation is marked in its speaker colour with speaker, addressees, confidence and cue on hover', () => {
    const marks = [...html.matchAll(/<mark class="q (s\d+|su)" title="([^"]*)">([^<]*)<\/mark>/g)];
    // Tom's line in two pieces, Ada's line, Ada's thought, the sign.
    assert.equal(marks.length, 5);
    const first = marks[0]!;
    assert.equal(first[1], 's0');
    assert.equal(first[3], 'Good morning, Ada,');
    assert.match(first[2]!, /^Tom → Ada · speech · confidence 0\.9 · cue: explicit-tag$/);
    assert.equal(marks[4]![1], 'su', 'an unattributed quotation is grey');
    assert.ok(html.includes('.s0{background:hsl('));
  });

  it('render: text from the story is escaped, never markup', () => {
    assert.ok(html.includes('&lt;She&gt; had no patience left.'));
    assert.ok(html.includes('dreadful &amp; cold'));
    assert.ok(!html.includes('<She>'));
  });

  it('render: an AO3 work shows its fandom, relationship and rating tags, and the cast the names others call them', () => {
    const tagged: AnalysisResult = {
      ...result,
      meta: {
        ...result.meta,
        fandoms: ['Harbour Lights (Podcast)'],
        relationships: ['Tess/Kit'],
        rating: 'General Audiences',
      },
      characters: result.characters.map((c, i) => (i === 0 ? { ...c, epithets: ['sweetheart'] } : c)),
    };
    const out = renderHtml(tagged, { sourceText: STORY });
    assert.match(
      out,
      /<p class="note">fandom: Harbour Lights \(Podcast\) · relationships: Tess\/Kit · rating: General Audiences<\/p>/,
    );
    assert.match(out, /<i>sweetheart<\/i><\/td>/);
    assert.doesNotMatch(html, /fandom:/);
  });

  it('render: the cast table, the network and the scene strip are present', () => {
    assert.match(html, /<h2>Cast<\/h2>[\s\S]*<td><span class="sw d0"><\/span>Tom<\/td>[\s\S]*Ada<\/td>/);
    assert.match(html, /<svg[^>]*aria-label="Character network"[\s\S]*Tom → Ada: 1 quotation,/);
    assert.match(html, /<svg[^>]*aria-label="Scenes along the story"/);
    assert.equal((html.match(/<a href="#scene-\d">/g) ?? []).length, 2);
    assert.ok(html.includes('id="scene-2"'));
  });

  it('render: the title is the metadata title, else an opening heading, else the bare file name', () => {
    const heading = (r: AnalysisResult) => /<h1>([^<]*)<\/h1>/.exec(renderHtml(r, { sourceText: STORY }))![1];
    assert.equal(heading({ ...result, meta: { title: 'Ada &amp; Tom' } }), 'Ada &amp;amp; Tom');
    const first = result.paragraphs[0]!;
    // An opening heading that is not a chapter's (a plain-text story's title line) is the title…
    const untitledChapters = result.chapters.map((c) => ({ ...c, heading: null }));
    assert.equal(
      heading({
        ...result,
        meta: {},
        chapters: untitledChapters,
        paragraphs: [{ ...first, kind: 'heading' }],
      }),
      'Chapter One',
    );
    // …but the first chapter's own heading ("Chapter One") names the chapter, not the story.
    assert.equal(
      heading({
        ...result,
        meta: {},
        source: { ...result.source, name: 'ada.txt' },
        paragraphs: [{ ...first, kind: 'heading' }],
      }),
      'ada.txt',
    );
    const noHeading = { ...result, meta: {}, paragraphs: [{ ...first, kind: 'prose' as const }] };
    assert.equal(
      heading({ ...noHeading, source: { ...result.source, name: '/home/me/stories/ada.txt' } }),
      'ada.txt',
    );
  });

  it('render: tooltips and notes say "1 scene", "1 sentence", "1 quotation", never "1 scenes"', () => {
    const one = { ...result, scenes: result.scenes.slice(0, 1) };
    const report = renderHtml(one, { sourceText: STORY });
    assert.match(report, /\b1 scene along the story/);
    assert.doesNotMatch(report, /\b1 (scenes|sentences|quotations|mentions|paragraphs|words|parts)\b/);
  });

  it('render: counts are singular for one ("1 chapter") and plural otherwise', () => {
    assert.match(html, /<b>1<\/b> chapter\b(?!s)|<b>[02-9]\d*<\/b> chapters/);
    assert.doesNotMatch(html, /<b>1<\/b> (characters|quotations|chapters|scenes)/);
  });

  it('render: a result from a pipeline cut short (no emotion, network or stats) still renders', () => {
    const { emotion: _e, network: _n, stats: _s, ...bare } = result;
    const short = renderHtml(bare as AnalysisResult, { sourceText: STORY });
    assert.ok(short.includes('<h2>Text</h2>'));
    assert.ok(!short.includes('Emotional arc'));
  });

  it('render: markup grows with the quotations, not with the text (about 100 bytes a quotation)', () => {
    const paragraph = '“Good morning, Ada,” said Tom to Ada. The day wore on and on, slowly and quietly.';
    const text = new Array(2000).fill(paragraph).join('\n\n');
    const said: [number, number[]][] = new Array(2000).fill([0, [1]]);
    const big = analysedStory(text, { cast: [['Tom'], ['Ada']], said });
    const size = renderHtml(big, { sourceText: text }).length;
    const perQuote = (size - text.length) / big.quotes.length;
    assert.ok(perQuote < 250, `${perQuote.toFixed(0)} bytes of markup per quotation`);
  });

  it('render: shares of speech shown add up to 100% (largest remainder), not 101%', () => {
    assert.deepEqual(wholePercents([0.655, 0.345]), [66, 34]);
    assert.deepEqual(wholePercents([1 / 3, 1 / 3, 1 / 3]), [34, 33, 33]);
    assert.deepEqual(wholePercents([0.125, 0.125, 0.75]), [13, 12, 75]);
    assert.deepEqual(wholePercents([]), []);
    const [a, b] = result.characters;
    const stats = {
      ...result.stats!,
      speech: [
        { character: a!.id, words: 131, quotes: 3, share: 0.655 },
        { character: b!.id, words: 69, quotes: 2, share: 0.345 },
      ],
    };
    const report = renderHtml({ ...result, stats }, { sourceText: STORY });
    const note = report.match(/Share of speech: ([^<]*)\./)![1]!;
    const shown = [...note.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
    assert.deepEqual(shown, [66, 34]);
    const cells = [...report.matchAll(/<td class="n">(\d+)%<\/td>/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      cells.sort((x, y) => y - x),
      [66, 34],
    );
  });
});
