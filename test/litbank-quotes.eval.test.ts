/**
 * The LitBank quotation evaluation (src/eval/litbank-quotes.ts) on a tiny corpus written here in
 * LitBank's layout: the untokenised novel, its tokenised excerpt, the quotation layer and the
 * coreference layer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  alignTokens,
  evalLitbankQuotes,
  isSeenNovel,
  loadLitbankExcerpt,
} from '../src/eval/litbank-quotes.js';
import { litbankCorpus, row } from './litbank.helper.js';

const ORIGINAL = [
  'Chapter One',
  '',
  'Nell Marsh came down the hill with a basket of pears. Her cousin was\nwaiting at the gate.',
  '',
  '\u201cYou\u2019re late,\u201d said Tobias Reed.',
  '',
  '\u201cThe cart lost a wheel,\u201d said Nell. \u201cDon\u2019t scold.\u201d',
  '',
  'He took the basket from her.',
  '',
  'A second paragraph the excerpt never reaches.',
].join('\n');

// One sentence a line, tokens between spaces: as LitBank's tsv files are.
const TOKENS = [
  'Chapter One Nell Marsh came down the hill with a basket of pears .',
  'Her cousin was waiting at the gate .',
  '\u201c You \u2019re late , \u201d said Tobias Reed .',
  '\u201c The cart lost a wheel , \u201d said Nell .',
  '\u201c Do n\u2019t scold . \u201d',
  'He took the basket from her .',
];

function corpus(): string {
  return litbankCorpus({
    name: '1_the_pear_cart',
    original: ORIGINAL,
    tokens: TOKENS,
    quotations: [
      row('QUOTE', 'Q1', 2, 0, 2, 5, '\u201c You \u2019re late , \u201d'),
      row('QUOTE', 'Q2', 3, 0, 3, 7, '\u201c The cart lost a wheel , \u201d'),
      row('QUOTE', 'Q3', 4, 0, 4, 5, '\u201c Do n\u2019t scold . \u201d'),
      row('ATTRIB', 'Q1', 'Tobias_Reed-1'),
      row('ATTRIB', 'Q2', 'Nell_Marsh-0'),
      row('ATTRIB', 'Q3', 'Nell_Marsh-0'),
    ],
    coref: [
      row('MENTION', 'T1', 0, 2, 0, 3, 'Nell Marsh', 'PER', 'PROP'),
      row('MENTION', 'T2', 1, 0, 1, 1, 'Her cousin', 'PER', 'NOM'),
      row('MENTION', 'T3', 2, 7, 2, 8, 'Tobias Reed', 'PER', 'PROP'),
      row('MENTION', 'T4', 3, 9, 3, 9, 'Nell', 'PER', 'PROP'),
      row('MENTION', 'T5', 0, 12, 0, 12, 'pears', 'FAC', 'NOM'),
      row('COREF', 'T1', 'Nell_Marsh-0'),
      row('COREF', 'T2', 'Tobias_Reed-1'),
      row('COREF', 'T3', 'Tobias_Reed-1'),
      row('COREF', 'T4', 'Nell_Marsh-0'),
      row('COREF', 'T5', 'pears-2'),
    ],
  });
}

describe('LitBank quotation evaluation', () => {
  it('places tokenised words back in the untokenised text, split contractions included', () => {
    const text = 'He said, \u201cDon\u2019t.\u201d';
    const { at, lost } = alignTokens([['He', 'said', ',', '\u201c', 'Do', 'n\u2019t', '.', '\u201d']], text);
    assert.equal(lost, 0);
    assert.deepEqual(at[0], [0, 3, 7, 9, 10, 12, 15, 16]);
  });

  it('counts a token it cannot place instead of guessing', () => {
    const { at, lost } = alignTokens([['Once', 'upon', 'unicorn', 'a', 'time']], 'Once upon a time');
    assert.equal(lost, 1);
    assert.deepEqual(at[0], [0, 5, -1, 10, 12]);
  });

  it('reads quotations, speakers and person mentions at their offsets in the original', () => {
    const excerpt = loadLitbankExcerpt(corpus(), '1_the_pear_cart');
    assert.equal(excerpt.unaligned, 0);
    // Up to the end of the paragraph holding the last token, no further.
    assert.ok(excerpt.text.endsWith('He took the basket from her.'));
    const quoted = excerpt.quotes.map((q) => [excerpt.text.slice(q.start, q.end), q.speaker]);
    assert.deepEqual(quoted, [
      ['\u201cYou\u2019re late,\u201d', 'Tobias_Reed-1'],
      ['\u201cThe cart lost a wheel,\u201d', 'Nell_Marsh-0'],
      ['\u201cDon\u2019t scold.\u201d', 'Nell_Marsh-0'],
    ]);
    const people = excerpt.mentions.map((m) => `${excerpt.text.slice(m.start, m.end)}=${m.entity}`);
    assert.deepEqual(people, [
      'Nell Marsh=Nell_Marsh-0',
      'Her cousin=Tobias_Reed-1',
      'Tobias Reed=Tobias_Reed-1',
      'Nell=Nell_Marsh-0',
    ]);
  });

  it('scores spans and speakers against the gold entities', () => {
    const report = evalLitbankQuotes(corpus(), { details: true });
    assert.equal(report.spans.gold, 3);
    assert.equal(report.spans.found, 3);
    // Every quotation here has a named tag (the second paragraph's two spans share one).
    assert.deepEqual(report.endToEnd.all, [3, 3]);
    assert.deepEqual(report.goldQuotes.all, [3, 3]);
    assert.deepEqual(
      report.details?.map((d) => d.endToEnd),
      ['Tobias_Reed-1', 'Nell_Marsh-0', 'Nell_Marsh-0'],
    );
  });

  it('tells the novels the model was trained on from the others', () => {
    assert.equal(isSeenNovel('1342_pride_and_prejudice', ['PrideAndPrejudice', 'Emma']), true);
    assert.equal(isSeenNovel('160_the_awakening_and_selected_short_stories', ['TheAwakening']), true);
    assert.equal(isSeenNovel('12677_personality_plus_some_experiences_of_emma', ['Emma']), false);
  });
});
