import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type Paragraph } from '../src/index.js';
import { sourceOf } from './layers.helper.js';

const engine = createEngine({ until: 'segment' });

function kinds(lines: string[]): [string, Paragraph['kind']][] {
  const doc = engine.process(sourceOf(lines.join('\n\n')));
  return doc.layer('paragraphs').map((p) => [doc.text.slice(p.start, p.end), p.kind]);
}

/** [line, kind]: each line is a paragraph of its own. */
const CASES: [string, Paragraph['kind']][] = [
  ['Chapter 3', 'heading'],
  ['CHAPTER IV.', 'heading'],
  ['Chapter 12: The Long Way Round', 'heading'],
  ['Part Two', 'heading'],
  ['BOOK THE FIRST', 'heading'],
  ['Letter 4', 'heading'],
  ['Prologue', 'heading'],
  ['Epilogue: Ten Years Later', 'heading'],
  ['IV.', 'heading'],
  ['12', 'heading'],
  ['THE STORM', 'heading'],
  ['* * *', 'break'],
  ['* * * * *', 'break'],
  ['***', 'break'],
  ['#', 'break'],
  ['~~~', 'break'],
  ['-----', 'break'],
  ['o0o', 'break'],
  ['❧', 'break'],
  ['— and then nothing at all.', 'prose'],
  ['“HELP!”', 'prose'],
  ['The end of it all was near.', 'prose'],
  ['Introduction to the family took an hour.', 'prose'],
  ['Chapter and verse, she said, and laughed.', 'prose'],
];

describe('segment: paragraph kinds', () => {
  const got = kinds(CASES.map(([line]) => line));

  it('segment: every line separated by blank lines is one paragraph', () => {
    assert.deepEqual(
      got.map(([line]) => line),
      CASES.map(([line]) => line),
    );
  });

  for (const [i, [line, kind]] of CASES.entries()) {
    it(`segment: "${line}" is a ${kind} paragraph`, () => {
      assert.deepEqual(got[i], [line, kind]);
    });
  }

  it('segment: the first line of a plain-text story is its title when it reads like one', () => {
    assert.deepEqual(kinds(['The Keeper of the Light', 'It rained all week.'])[0], [
      'The Keeper of the Light',
      'heading',
    ]);
    assert.deepEqual(kinds(['A Tale of Two Harbours', 'It rained.'])[0], [
      'A Tale of Two Harbours',
      'heading',
    ]);
    // A sentence, a quotation or a lone line of text is not a title.
    assert.deepEqual(kinds(['The rain came at last.', 'It rained.'])[0]![1], 'prose');
    assert.deepEqual(kinds(['“Come In,” She Said', 'It rained.'])[0]![1], 'prose');
    assert.deepEqual(kinds(['It rained on the roof of the shed', 'Then it stopped.'])[0]![1], 'prose');
    assert.deepEqual(kinds(['Only One Line'])[0]![1], 'prose');
    // Only the first line: the same words later are prose.
    assert.deepEqual(kinds(['Chapter 1', 'Under The Bridge'])[1]![1], 'prose');
  });

  it('segment: a heading, a break line and prose keep their sentences apart', () => {
    const doc = engine.process(sourceOf('Chapter 1\n\nIt rained.\n\n* * *\n\nIt stopped.'));
    const paragraphs = doc.layer('paragraphs');
    const sentences = doc.layer('sentences');
    assert.deepEqual(
      paragraphs.map((p) => [p.kind, p.sentenceEnd - p.sentenceStart]),
      [
        ['heading', 1],
        ['prose', 1],
        ['break', 1],
        ['prose', 1],
      ],
    );
    assert.equal(sentences.length, 4);
  });
});
