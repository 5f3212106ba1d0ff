import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AnalysisResult, createEngine, validateAnalysis } from '../src/index.js';
import { sourceOf } from './layers.helper.js';

/**
 * A Project Gutenberg-style file written for this test: header, hard-wrapped paragraphs with CRLF
 * line ends, a quotation broken across a line wrap, and a licence after the END line.
 */
const GUTENBERG = [
  'The Project Gutenberg eBook of The Tin Bell, by A. Nobody',
  '',
  'This eBook is for the use of anyone anywhere.',
  '',
  'Title: The Tin Bell',
  '',
  'Author: A. Nobody',
  '',
  '*** START OF THE PROJECT GUTENBERG EBOOK THE TIN BELL ***',
  '',
  '',
  'CHAPTER I.',
  '',
  '',
  'Hester Vane came down the hill with the bell under her arm and the rain',
  'running off the brim of her hat. Her cousin was waiting at the gate.',
  '',
  '“You are late,” said Tobias Quill, holding the gate open for her. “The',
  'others gave up an hour ago and went in to supper.”',
  '',
  '“Then they may have my share,” said Hester. “I am not hungry.”',
  '',
  'Tobias frowned at the bell. “Where did you find it?”',
  '',
  '“In the ditch by the mill, where it had no business to be.”',
  '',
  '*** END OF THE PROJECT GUTENBERG EBOOK THE TIN BELL ***',
  '',
  'Section 1. “Said Hester” is not part of the story, and neither is Tobias.',
  '',
].join('\r\n');

function analyse(text: string, options: Parameters<typeof createEngine>[0] = {}): AnalysisResult {
  const result = createEngine(options).analyze(sourceOf(text, 'bell.txt'));
  assert.deepEqual(validateAnalysis(result), []);
  return result;
}

describe('engine: output offsets point into the source', () => {
  const result = analyse(GUTENBERG);
  const licence = GUTENBERG.indexOf('*** END OF');

  it('contract: every quotation’s text is its spans’ source slices joined by a space', () => {
    assert.equal(result.quotes.length, 4);
    for (const q of result.quotes) {
      assert.equal(q.text, q.spans.map(([s, e]) => GUTENBERG.slice(s, e)).join(' '), q.id);
      assert.equal(q.start, q.spans[0]![0]);
      assert.equal(q.end, q.spans.at(-1)![1]);
    }
  });

  it('contract: each quotation span sits between its quotation marks in the CRLF source', () => {
    for (const q of result.quotes) {
      for (const [s, e] of q.spans) {
        assert.equal(GUTENBERG[s - 1], '“', `${q.id} opens at ${s}`);
        assert.equal(GUTENBERG[e], '”', `${q.id} closes at ${e}`);
      }
    }
    // The span broken across a wrapped line keeps the source's own CRLF.
    assert.ok(result.quotes[0]!.text.includes('The\r\nothers'));
  });

  it('contract: paragraphs are source ranges, heading first, none in the Gutenberg header or licence', () => {
    const first = result.paragraphs[0]!;
    assert.equal(first.kind, 'heading');
    assert.equal(GUTENBERG.slice(first.start, first.end), 'CHAPTER I.');
    for (const p of result.paragraphs) {
      assert.ok(p.start > GUTENBERG.indexOf('*** START OF'), 'after the header');
      assert.ok(p.end < licence, 'before the licence');
      assert.equal(GUTENBERG.slice(p.start, p.end).trim(), GUTENBERG.slice(p.start, p.end));
    }
    const last = result.paragraphs.at(-1)!;
    assert.equal(
      GUTENBERG.slice(last.start, last.end),
      '“In the ditch by the mill, where it had no business to be.”',
    );
  });

  it('contract: name mentions slice to the names as written, and none comes from the licence', () => {
    const names = result.mentions
      .filter((m) => m.kind === 'proper')
      .map((m) => GUTENBERG.slice(m.start, m.end));
    assert.ok(names.includes('Hester Vane'));
    assert.ok(names.includes('Tobias Quill'));
    for (const m of result.mentions) assert.ok(m.end <= licence);
  });

  it('contract: the source is described by name, format, encoding and length, and the header gives meta', () => {
    assert.deepEqual(result.source, {
      name: 'bell.txt',
      format: 'txt',
      encoding: 'utf-8',
      length: GUTENBERG.length,
    });
    assert.equal(result.meta.title, 'The Tin Bell');
    assert.equal(result.meta.author, 'A. Nobody');
  });
});

describe('engine: --quotes keeps the given ids and spans', () => {
  // Offsets into the CRLF source, as an annotation tool would give them.
  const at = (needle: string): [number, number] => {
    const s = GUTENBERG.indexOf(needle);
    assert.ok(s >= 0, needle);
    return [s, s + needle.length];
  };
  const given = [
    {
      id: 'late',
      spans: [at('You are late,'), at('The\r\nothers gave up an hour ago and went in to supper.')],
    },
    { id: '17', spans: [at('Where did you find it?')] },
    { id: 'share', spans: [at('Then they may have my share,'), at('I am not hungry.')] },
  ];

  it('contract: given quotations come out with their own ids and exactly their spans', () => {
    const result = analyse(GUTENBERG, { quotes: given });
    const byId = new Map(result.quotes.map((q) => [q.id, q]));
    assert.deepEqual([...byId.keys()].sort(), ['17', 'late', 'share']);
    for (const g of given) {
      const q = byId.get(g.id)!;
      assert.deepEqual(q.spans, g.spans, g.id);
      assert.equal(q.text, g.spans.map(([s, e]) => GUTENBERG.slice(s, e)).join(' '));
      assert.equal(q.mark, 'given');
    }
    // Only the given ones: the unlisted fourth quotation is not detected on top of them.
    assert.equal(result.quotes.length, 3);
  });

  it('contract: given quotations are attributed, in text order whatever order they were given in', () => {
    const result = analyse(GUTENBERG, { quotes: given });
    assert.deepEqual(
      result.quotes.map((q) => q.id),
      ['late', 'share', '17'],
    );
    const speaker = Object.fromEntries(result.quotes.map((q) => [q.id, q.speaker]));
    const cast = Object.fromEntries(result.characters.map((c) => [c.name, c.id]));
    assert.equal(speaker.late, cast['Tobias Quill']);
    assert.equal(speaker.share, cast['Hester Vane']);
  });
});

describe('engine: --quotes spans are reported verbatim', () => {
  it('contract: a given span ending between CR and LF, or on trailing line ends, comes out unchanged', () => {
    const text = 'Title\r\n\r\n“Hello there,” said Ann Lee.\r\n\r\n“Bye now.”\r\n';
    const cr = text.indexOf('Lee.') + 4;
    const spans: [number, number][][] = [
      [[text.indexOf('Hello'), cr + 1]],
      [[text.length - 2, text.length]],
      [[cr + 1, cr + 2]],
    ];
    const quotes = spans.map((s, i) => ({ id: `g${i}`, spans: s }));
    const result = analyse(text, { quotes });
    for (const q of quotes) {
      const out = result.quotes.find((x) => x.id === q.id)!;
      assert.deepEqual(out.spans, q.spans, q.id);
      assert.equal(out.text, text.slice(q.spans[0]![0], q.spans[0]![1]));
    }
  });
});

describe('engine: --characters ids are the ids of the output', () => {
  it('contract: numeric cast ids are used for speakers, addressees, mentions and scenes', () => {
    const result = analyse(GUTENBERG, {
      characters: [
        { id: 7, name: 'Hester Vane', aliases: ['Hester'] },
        { id: 12, name: 'Tobias Quill', aliases: ['Tobias'] },
      ],
    });
    assert.deepEqual(
      result.characters.map((c) => c.id),
      [7, 12],
    );
    const q = result.quotes.find((x) => x.text.startsWith('You are late'))!;
    assert.equal(q.speaker, 12);
    assert.deepEqual(q.addressees, [7]);
    const ids = new Set<unknown>([7, 12, null]);
    for (const x of result.quotes) {
      assert.ok(ids.has(x.speaker), `${x.id} speaker ${x.speaker}`);
      for (const a of x.addressees) assert.ok(ids.has(a));
    }
    for (const m of result.mentions) assert.ok(ids.has(m.character));
    for (const s of result.scenes) for (const c of s.characters) assert.ok(ids.has(c));
  });

  it('contract: string cast ids are kept as strings, not renumbered', () => {
    const result = analyse(GUTENBERG, {
      characters: [
        { id: 'tobias', name: 'Tobias Quill', aliases: ['Tobias'] },
        { id: 'hester', name: 'Hester Vane', aliases: ['Hester'] },
      ],
    });
    assert.deepEqual(
      result.characters.map((c) => c.id),
      ['tobias', 'hester'],
    );
    const share = result.quotes.find((x) => x.text.startsWith('Then they may'))!;
    assert.equal(share.speaker, 'hester');
    assert.deepEqual(share.addressees, ['tobias']);
  });

  it('contract: a given cast and given quotations together keep both sets of ids', () => {
    const s = GUTENBERG.indexOf('You are late,');
    const result = analyse(GUTENBERG, {
      characters: [
        { id: 1, name: 'Hester Vane', aliases: ['Hester'] },
        { id: 2, name: 'Tobias Quill', aliases: ['Tobias'] },
      ],
      quotes: [{ id: 'q-late', spans: [[s, s + 13]] }],
    });
    assert.equal(result.quotes.length, 1);
    assert.equal(result.quotes[0]!.id, 'q-late');
    assert.equal(result.quotes[0]!.speaker, 2);
  });
});
