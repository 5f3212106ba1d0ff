import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalise } from '../src/ingest/index.js';
import { assertOffsetsRoundTrip, paragraphs, textSource } from './fixtures/ingest/helpers.js';

/** Hard-wraps `text` at `width` columns (greedy), like a Gutenberg file. */
function wrap(text: string, width = 66): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const P1 =
  'The tide had gone out farther than anyone in the village could remember, and the old jetty stood on its stilts above a field of shining mud.';
const P2 =
  '\u201cIt will come back,\u201d said Oona, who was nine and certain of most things. \u201cIt always comes back. That is what tides are for.\u201d';
const P3 =
  'Her grandfather did not answer. He was watching a line of gulls walk along the mud, solemn as clerks, towards something only they could see.';
const P4 =
  'By noon the whole village had come down to the sea wall, and nobody spoke above a murmur, as if the water might be listening and take offence.';

const gutenberg = (body: string, eol = '\n'): string =>
  [
    'The Project Gutenberg eBook of The Low Tide, by Ferelith Mawe',
    '',
    'Header boilerplate that belongs to the distributor, not to the story.',
    '',
    'Title: The Low Tide',
    '',
    'Author: Ferelith Mawe',
    '',
    'Release Date: June 1, 2030 [eBook #98765]',
    '',
    'Language: English',
    '',
    '*** START OF THE PROJECT GUTENBERG EBOOK THE LOW TIDE ***',
    '',
    '',
    '',
    'Produced by Wilhelmina Carr and a circle of volunteer',
    'proofreaders.',
    '',
    '',
    body,
    '',
    '',
    '*** END OF THE PROJECT GUTENBERG EBOOK THE LOW TIDE ***',
    '',
    'Licence boilerplate, several paragraphs of it, which is not part of',
    'the story either.',
    '',
    'More licence text.',
    '',
  ]
    .join('\n')
    .replace(/\n/g, eol);

describe('ingest: normalise', () => {
  it("ingest: normalise drops a fan fiction author's note at the top and the bottom, not one mid-story or 'An—'", () => {
    const text = [
      'A/N: my first story here, be kind!!',
      'Mira opened the door.',
      'An\u2014an owl sat on the step.',
      'AN - this one stays, it is in the middle of the story.',
      'She closed it again.',
      'Tobias laughed at her.',
      "Author's note: thanks for reading, comments welcome.",
    ].join('\n\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.deepEqual(
      paragraphs(n).map((p) => p.text),
      [
        'Mira opened the door.',
        'An\u2014an owl sat on the step.',
        'AN - this one stays, it is in the middle of the story.',
        'She closed it again.',
        'Tobias laughed at her.',
      ],
    );
    assertOffsetsRoundTrip(src, n);
  });

  it("ingest: normalise drops an author's note's own lines, not the story paragraph glued under it", () => {
    const text = [
      'A/N: This one is for my friend. Enjoy!',
      'Harry walked into the Great Hall and sat down',
      'next to Ron, who was eating toast.',
      '',
      '"Morning," said Ron.',
      '',
      'A/N: thanks to my beta for fixing',
      'all my commas.',
      '',
      'They ate in silence.',
    ].join('\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.deepEqual(
      paragraphs(n).map((p) => p.text),
      [
        'Harry walked into the Great Hall and sat down next to Ron, who was eating toast.',
        '"Morning," said Ron.',
        'They ate in silence.',
      ],
    );
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: normalise turns CRLF and lone CR into LF and maps offsets back', () => {
    const text = 'First line.\r\n\r\nSecond paragraph\rstill the second? no: lone CR.\r\n\r\n\r\nThird.';
    const src = textSource(text);
    const n = normalise(src);
    assert.ok(!n.text.includes('\r'));
    assert.equal(n.text, 'First line.\n\nSecond paragraph\nstill the second? no: lone CR.\n\n\nThird.');
    assertOffsetsRoundTrip(src, n);
    const third = n.text.indexOf('Third.');
    assert.equal(n.map.toSource(third), text.indexOf('Third.'));
    assert.equal(n.map.toSource(n.text.length), text.length);
  });

  it('ingest: normalise unwraps a hard-wrapped CRLF text and keeps the map exact', () => {
    const body = [P1, P2, P3, P4].map((p) => wrap(p)).join('\n\n');
    const text = body.replace(/\n/g, '\r\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.paragraphMode, 'wrapped');
    assert.deepEqual(
      paragraphs(n).map((p) => p.text),
      [P1, P2, P3, P4],
    );
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: a text without markers is the identity except for unwrapped newlines', () => {
    const text = [P1, P2, P3, P4].map((p) => wrap(p)).join('\n\n');
    const n = normalise(textSource(text));
    assert.equal(n.text.length, text.length);
    assert.equal(n.text, text.replace(/([^\n])\n(?=[^\n])/g, '$1 '));
    assert.equal(n.map.pieces, 1);
    assert.deepEqual(n.body, { start: 0, end: text.length });
    assert.deepEqual(n.meta, {});
  });

  it('ingest: Gutenberg header, producer line and licence are dropped and the ebook number kept', () => {
    const body = [P1, P2, P3, P4].map((p) => wrap(p)).join('\n\n');
    for (const eol of ['\n', '\r\n']) {
      const src = textSource(gutenberg(body, eol));
      const n = normalise(src);
      assert.deepEqual(
        paragraphs(n).map((p) => p.text),
        [P1, P2, P3, P4],
      );
      assert.equal(n.meta.gutenbergId, '98765');
      assert.equal(n.meta.title, 'The Low Tide');
      assert.equal(n.meta.author, 'Ferelith Mawe');
      assert.equal(n.meta.language, 'English');
      assert.ok(!n.text.includes('Produced by'));
      assert.ok(!n.text.includes('Licence'));
      assert.deepEqual(n.body, { start: 0, end: n.text.length });
      assert.equal(n.map.toSource(0), src.text.indexOf('The tide had gone out'));
      assert.equal(n.dropped.length, 3, 'header, producer credit, licence');
      assertOffsetsRoundTrip(src, n);
    }
  });

  it('ingest: the older "*END*THE SMALL PRINT!" header and "End of Project Gutenberg" footer are recognised', () => {
    const text = [
      'The Project Gutenberg Etext of Harbour Lights [Etext #4321]',
      '',
      'Small print boilerplate here.',
      '',
      '*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*',
      '',
      wrap(P1),
      '',
      wrap(P2),
      '',
      "End of Project Gutenberg's Harbour Lights",
      '',
    ].join('\n');
    const n = normalise(textSource(text));
    assert.deepEqual(
      paragraphs(n).map((p) => p.text),
      [P1, P2],
    );
    assert.equal(n.meta.gutenbergId, '4321');
  });

  it('ingest: "Produced by" beyond the first few paragraphs is story text and stays', () => {
    const late = 'Produced by the mill, the flour went out in carts every morning.';
    const body = [P1, P2, P3, P4, P1, late].join('\n\n');
    const n = normalise(textSource(gutenberg(body)));
    assert.ok(n.text.includes(late));
  });

  it('ingest: one-paragraph-per-line text keeps every line a paragraph', () => {
    const text = [P1, P2, '\u201cNo.\u201d', P3, P4, 'She left.', P1 + ' ' + P2].join('\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.paragraphMode, 'lines');
    assert.equal(n.text, text);
    assert.equal(paragraphs(n).length, 7);
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: indentation-marked paragraphs start at each indented line', () => {
    const paras = [P1, P2, P3, P4, P2, P3];
    const text = paras.map((p) => wrap(p).replace(/^/, '    ')).join('\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.paragraphMode, 'indented');
    assert.deepEqual(
      paragraphs(n).map((p) => p.text.trim()),
      paras,
    );
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: indentation marks paragraphs even when every line has a left margin', () => {
    const paras = [P1, P2, P3, P4, P2, P3];
    const text = paras.map((p) => wrap(p).replace(/^/gm, '  ').replace(/^ {2}/, '      ')).join('\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.paragraphMode, 'indented');
    assert.deepEqual(
      paragraphs(n).map((p) => p.text.trim().replace(/ {2,}/g, ' ')),
      paras,
    );
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: hard-wrapped text with neither blank lines nor indentation splits after short sentence-final lines', () => {
    const text = [
      'The tide had gone out farther than anyone in the',
      'village could remember, and the old jetty stood on',
      'its stilts above the shining mud.',
      '\u201cIt will come back,\u201d said Oona, who was nine and',
      'certain of most things.',
      'Her grandfather did not answer. He was watching a',
      'line of gulls walk along the mud, solemn as clerks,',
      'towards something only they could see. The gulls',
      'did not look back.',
      'By noon the whole village had come down to the sea',
      'wall, and nobody spoke above a murmur, as if the',
      'water might be listening and take offence.',
    ].join('\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.paragraphMode, 'unmarked');
    assert.deepEqual(
      paragraphs(n).map((p) => p.text.slice(0, 20)),
      [
        'The tide had gone ou',
        '\u201cIt will come back,\u201d',
        'Her grandfather did ',
        'By noon the whole vi',
      ],
    );
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: scene breaks and heading lines stay their own paragraphs inside a wrapped block', () => {
    const markers = [
      '* * *',
      '***',
      '#',
      '~~~',
      '-----',
      '\u2767',
      'CHAPTER IV',
      'Chapter 12: The Weir',
      'PART TWO',
    ];
    for (const marker of markers) {
      const text = [wrap(P1), `${wrap(P2)}\n${marker}\n${wrap(P3)}`, wrap(P4)].join('\n\n');
      const src = textSource(text);
      const n = normalise(src);
      assert.deepEqual(
        paragraphs(n).map((p) => p.text),
        [P1, P2, marker, P3, P4],
        `marker ${marker}`,
      );
      assertOffsetsRoundTrip(src, n);
    }
  });

  it('ingest: words in capitals wrapped onto a line of their own go on the sentence before them', () => {
    // The wrap leaves the shouted end of the sentence alone on its last line.
    const shouted =
      '\u201cI told you twice and I will tell you once more: you are NOT TO GO NEAR\nTHE OLD MILL.\u201d';
    const text = [wrap(P1), shouted, wrap(P3)].join('\n\n');
    const src = textSource(text);
    const n = normalise(src);
    assert.deepEqual(
      paragraphs(n).map((p) => p.text),
      [P1, shouted.replace('\n', ' '), P3],
    );
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: a verse-like block keeps its lines', () => {
    const verse =
      'The gulls go out at morning,\nThe gulls come home at night,\nAnd nobody has asked them\nWhere they go in flight.';
    const text = [wrap(P1), verse, wrap(P2), wrap(P3)].join('\n\n');
    const n = normalise(textSource(text));
    assert.equal(n.paragraphMode, 'wrapped');
    assert.deepEqual(
      paragraphs(n).map((p) => p.text),
      [P1, ...verse.split('\n'), P2, P3],
    );
  });

  it('ingest: tabs and no-break spaces become spaces, quotes and dashes do not change', () => {
    const text = `\t\u201cWell\u00a0then,\u201d she said \u2014 'fine'.\n\n"Straight" quotes\ttoo\u202f!`;
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.text, ` \u201cWell then,\u201d she said \u2014 'fine'.\n\n"Straight" quotes too !`);
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: whitespace on blank lines and leading/trailing blank lines are dropped', () => {
    const text = '\n\n   \nFirst.\n  \t \nSecond.\n\n \n';
    const src = textSource(text);
    const n = normalise(src);
    assert.equal(n.text, 'First.\n\nSecond.');
    assertOffsetsRoundTrip(src, n);
    assert.equal(n.map.toSource(0), text.indexOf('First.'));
  });

  it('ingest: markup formats keep every newline (each <br> line is a paragraph)', () => {
    const text = 'Roses, she wrote,\nare a bother.\n\nThe end.';
    const n = normalise(textSource(text, 'html'));
    assert.equal(n.paragraphMode, 'lines');
    assert.equal(n.text, text);
  });

  it('ingest: Markdown front matter is left out of the working text', () => {
    const text = '---\ntitle: Salt\nauthor: "Kit Arden"\n---\n\n# One\n\nThe boat was late.\n';
    const src = textSource(text, 'md');
    const n = normalise(src);
    assert.equal(n.text, '# One\n\nThe boat was late.');
    assert.equal(n.map.toSource(0), text.indexOf('# One'));
    assertOffsetsRoundTrip(src, n);
  });

  it('ingest: normalise keeps its invariants on random mixed input (fuzz)', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [
      'word',
      'the',
      'Tide',
      '\u201cquote\u201d',
      'caf\u00e9',
      '\t',
      '\u00a0',
      ' ',
      '  ',
      '\n',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '\n   \n',
      '* * *',
      'CHAPTER V',
      '#',
      '\u2767',
      'x'.repeat(120),
    ];
    for (let round = 0; round < 300; round++) {
      const parts: string[] = [];
      const len = rand(200);
      for (let i = 0; i < len; i++) parts.push(pieces[rand(pieces.length)]!);
      if (rand(4) === 0)
        parts.unshift(
          'Title: Fuzz\n\n*** START OF THE PROJECT GUTENBERG EBOOK FUZZ ***\n\nProduced by Nobody\n\n',
        );
      if (rand(4) === 0) parts.push('\n\n*** END OF THE PROJECT GUTENBERG EBOOK FUZZ ***\nlicence');
      const text = parts.join('');
      const src = textSource(text, rand(5) === 0 ? 'html' : 'txt');
      const n = normalise(src);
      assert.ok(!/[\r\t\u00a0]/.test(n.text), 'no CR, tab or NBSP');
      assert.ok(n.text.length <= text.length);
      assert.ok(!n.text.startsWith('\n') && !n.text.endsWith('\n'), 'no leading or trailing blank lines');
      assert.equal(n.text.slice(n.body.start, n.body.end), n.text.trim());
      let prev = 0;
      for (let w = 0; w <= n.text.length; w += 7) {
        const at = n.map.toSource(w);
        assert.ok(at >= prev && at <= text.length, 'map is monotonic and in range');
        prev = at;
      }
      assertOffsetsRoundTrip(src, n);
    }
  });

  it('ingest: normalise is linear: ~1M words well under a second', () => {
    const block = [P1, P2, P3, P4].map((p) => wrap(p)).join('\n\n');
    const blockWords = block.split(/\s+/).length;
    const text = Array.from({ length: 10_000 }, () => block).join('\n\nCHAPTER X\n\n');
    const src = textSource(text);
    normalise(textSource(block));
    const t0 = performance.now();
    const n = normalise(src);
    const ms = performance.now() - t0;
    assert.ok(blockWords * 10_000 > 1_000_000);
    assert.equal(paragraphs(n).length, 10_000 * 4 + 9999);
    assert.ok(ms < 1000, `normalise took ${Math.round(ms)} ms`);
  });
});
