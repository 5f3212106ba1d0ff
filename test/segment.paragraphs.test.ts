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
