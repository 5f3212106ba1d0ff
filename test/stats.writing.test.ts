/** Writing statistics: length terms, reading time, dialogue, speech tags, sentence lengths, pacing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LengthTerm } from '../src/engine/types.js';
import { writingStats } from '../src/stages/stats/index.js';
import { lengthTerm, readingMinutes } from '../src/stages/stats/length.js';
import { storyDoc } from './layers.helper.js';

describe('stats: length', () => {
  const cases: [number, number, LengthTerm][] = [
    [100, 1, 'drabble'],
    [104, 1, 'drabble'],
    [200, 1, 'double drabble'],
    [640, 1, 'ficlet'],
    [5000, 1, 'one-shot'],
    [16_000, 1, 'one-shot'],
    [5000, 3, 'short story'],
    [10_000, 4, 'novelette'],
    [30_000, 1, 'novella'],
    [90_000, 20, 'novel'],
    [250_000, 50, 'epic'],
  ];
  for (const [words, chapters, term] of cases) {
    it(`stats: ${words} words in ${chapters} chapter(s) is a ${term}`, () => {
      assert.equal(lengthTerm(words, chapters), term);
    });
  }

  it('stats: reading time is words over 260 a minute, to a tenth', () => {
    assert.equal(readingMinutes(2600), 10);
    assert.equal(readingMinutes(1000), 3.8);
  });
});

const DIALOGUE = [
  '“Is the boat in?” asked Wren.', // 0
  '“Not yet,” Hal said softly.', // 1
  '“Then we wait,” whispered Wren, “until the tide turns.”', // 2
  'Hal quietly said, “We could walk along the cliff instead of waiting here.”', // 3
  '“It is late.” Wren sighed and looked out at the dark water for a long time.', // 4
  '“Fine,” he snapped.', // 5
].join('\n\n');

describe('stats: dialogue and tags', () => {
  const doc = storyDoc(DIALOGUE, {
    cast: [['Wren'], ['Hal']],
    said: [
      [0, [1]],
      [1, [0]],
      [0, [1]],
      [1, [0]],
      [0, [1]],
      [1, [0]],
    ],
  });
  const stats = writingStats(doc);

  it('stats: dialogue words are the words inside speech quotations', () => {
    // 4 + 2 + (3 + 4) + 10 + 3 + 1 quoted words.
    assert.equal(stats.dialogueWords, 27);
    assert.equal(stats.dialogueShare, Math.round((27 / stats.words) * 1000) / 1000);
  });

  it("stats: each character's share of the attributed words", () => {
    const wren = stats.speech.find((s) => s.character === 0)!;
    const hal = stats.speech.find((s) => s.character === 1)!;
    assert.deepEqual([wren.words, wren.quotes, hal.words, hal.quotes], [14, 3, 13, 3]);
    assert.equal(wren.share + hal.share, 1);
    assert.equal(stats.speech[0]!.character, 0, 'most words first');
  });

  it('stats: tag verbs are counted as written, "said" and "asked" as plain', () => {
    const count = (verb: string) => stats.tags.find((t) => t.verb === verb)?.count ?? 0;
    assert.equal(count('asked'), 1);
    assert.equal(count('said'), 2);
    assert.equal(count('whispered'), 1);
    assert.equal(count('snapped'), 1);
    assert.equal(count('sighed'), 0, 'an action after a closed sentence is not a tag');
    assert.deepEqual(stats.tagSummary, { tagged: 5, plain: 3, other: 2, withAdverb: 2 });
    assert.equal(stats.tags.find((t) => t.verb === 'whispered')!.plain, false);
  });

  it('stats: -ly adverbs on tags, before or after the verb', () => {
    assert.deepEqual(
      stats.tagAdverbs.map((a) => a.adverb),
      ['quietly', 'softly'],
    );
  });
});

describe('stats: sentences and pacing', () => {
  const text = [
    'The rain fell.',
    'It fell on the roofs and on the roads and on the sleeping fields beyond the town.',
    '“Come in,” said Mae.',
    'Nobody came.',
  ].join('\n\n');

  it('stats: sentence lengths give a histogram, median and maximum in words', () => {
    const { sentenceLengths } = writingStats(storyDoc(text));
    const total = sentenceLengths.histogram.reduce((n, b) => n + b.count, 0);
    assert.equal(total, 4);
    assert.equal(sentenceLengths.max, 17);
    assert.equal(sentenceLengths.histogram[0]!.count, 3);
    assert.equal(sentenceLengths.histogram.find((b) => b.from === 16)!.count, 1);
    // Lengths 2, 3, 4, 17: the upper median.
    assert.equal(sentenceLengths.median, 4);
    assert.equal(sentenceLengths.mean, 6.5);
  });

  it('stats: without scenes or chapters, pacing has one unit for the whole text', () => {
    const { pacing, words } = writingStats(storyDoc(text));
    assert.equal(pacing.length, 1);
    assert.equal(pacing[0]!.unit, 'text');
    assert.equal(pacing[0]!.words, words);
    assert.equal(pacing[0]!.quotes, 1);
  });

  it('stats: with scenes, pacing gives words and dialogue per scene', () => {
    const doc = storyDoc(text, {
      cast: [['Mae']],
      scenes: [
        [0, 2],
        [2, 4],
      ],
    });
    const { pacing } = writingStats(doc);
    assert.deepEqual(
      pacing.map((p) => [p.unit, p.index, p.words, p.dialogueWords, p.quotes]),
      [
        ['scene', 0, 20, 0, 0],
        ['scene', 1, 6, 2, 1],
      ],
    );
    assert.equal(pacing[1]!.dialogueShare, 0.333);
  });

  it('stats: an empty text has zero counts and is a drabble', () => {
    const stats = writingStats(storyDoc(''));
    assert.equal(stats.words, 0);
    assert.equal(stats.dialogueShare, 0);
    assert.equal(stats.lengthTerm, 'drabble');
    assert.equal(stats.sentenceLengths.mean, 0);
  });
});
