/**
 * The coreference evaluation (src/eval/coref.ts): its scoring on invented cases, and the whole
 * evaluation on a tiny corpus written here in LitBank's layout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalCoref, scorePronouns } from '../src/eval/coref.js';
import { litbankCorpus, row } from './litbank.helper.js';

const ORIGINAL = [
  'Chapter One',
  '',
  'Martha Quill walked to the mill. She carried a lamp.',
  '',
  '\u201cIs he there?\u201d said Martha.',
].join('\n');

const TOKENS = [
  'Chapter One Martha Quill walked to the mill .',
  'She carried a lamp .',
  '\u201c Is he there ? \u201d said Martha .',
];

function corpus(): string {
  return litbankCorpus({
    name: '1_the_mill',
    original: ORIGINAL,
    tokens: TOKENS,
    quotations: [
      row('QUOTE', 'Q1', 2, 0, 2, 5, '\u201c Is he there ? \u201d'),
      row('ATTRIB', 'Q1', 'Martha-0'),
    ],
    coref: [
      row('MENTION', 'T1', 0, 2, 0, 3, 'Martha Quill', 'PER', 'PROP'),
      row('MENTION', 'T2', 1, 0, 1, 0, 'She', 'PER', 'PRON'),
      row('MENTION', 'T3', 2, 2, 2, 2, 'he', 'PER', 'PRON'),
      row('MENTION', 'T4', 2, 7, 2, 7, 'Martha', 'PER', 'PROP'),
      row('COREF', 'T1', 'Martha-0'),
      row('COREF', 'T2', 'Martha-0'),
      row('COREF', 'T3', 'Miller-1'),
      row('COREF', 'T4', 'Martha-0'),
    ],
  });
}

describe('coreference evaluation', () => {
  it('scores each gold pronoun by the entity its predicted antecedent stands for', () => {
    const s = scorePronouns([
      { gold: 'Ann-0', predicted: 'Ann-0', inCast: true },
      { gold: 'Ann-0', predicted: 'Bob-1', inCast: true },
      { gold: 'Bob-1', predicted: null, inCast: true },
      { gold: 'Cal-2', predicted: '', inCast: false },
      { gold: 'Cal-2', predicted: null, inCast: false },
      { gold: 'Cal-2', predicted: null, inCast: false, missed: true },
    ]);
    assert.deepEqual(s.all, [1, 6]);
    assert.deepEqual(s.inCast, [1, 3]);
    assert.deepEqual(s.notInCast, [0, 3]);
    assert.equal(s.missed, 1);
    assert.equal(s.unresolved, 2);
    assert.equal(s.wrong, 2);
  });

  it('adds to running scores', () => {
    const s = scorePronouns([{ gold: 'Ann-0', predicted: 'Ann-0', inCast: true }]);
    scorePronouns([{ gold: 'Ann-0', predicted: 'Ann-0', inCast: true }], s);
    assert.deepEqual(s.all, [2, 2]);
  });

  it('scores narration pronouns only, against the engine on a tiny corpus', () => {
    const report = evalCoref(corpus(), { details: true });
    // "he" lies inside the quotation and is not scored; "She" is Martha.
    assert.deepEqual(report.all, [1, 1]);
    assert.deepEqual(report.inCast, [1, 1]);
    assert.deepEqual(report.details, []);
  });
});
