/**
 * Script-style and text-message dialogue (`Mara: are you coming tonight?`): runs of `Name: words`
 * lines are speech by that name; labelled lines (`Note:`, `Chapter 1: The Storm`) and lists are not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { AnalysisResult } from '../src/engine/result.js';
import { validateAnalysis } from '../src/engine/validate.js';
import { sourceOf } from './layers.helper.js';

const engine = createEngine();

function analyse(text: string): AnalysisResult {
  return engine.analyze(sourceOf(text));
}

function lines(result: AnalysisResult): [string, string, string][] {
  const names = new Map(result.characters.map((c) => [c.id, c.name] as const));
  return result.quotes.map((q) => [
    q.text,
    q.mark,
    q.speaker === null ? '-' : (names.get(q.speaker) ?? '?').split(' ')[0]!,
  ]);
}

describe('quotes: script and chat lines', () => {
  it('quotes: a chat log of Name: lines, one a paragraph, is speech by each name', () => {
    const text = [
      'Mara Quill stared at her phone until it buzzed. Jonah Fenwick, of course.',
      'Mara: are you coming tonight?',
      'Jonah: five minutes',
      'Mara: you said that an hour ago',
      'She threw the phone on the bed.',
    ].join('\n\n');
    const result = analyse(text);
    assert.deepEqual(lines(result), [
      ['are you coming tonight?', 'script', 'Mara'],
      ['five minutes', 'script', 'Jonah'],
      ['you said that an hour ago', 'script', 'Mara'],
    ]);
    assert.ok(result.quotes.every((q) => q.kind === 'speech'));
  });

  it('quotes: the lines of one paragraph count one by one (a chat log as a single block)', () => {
    const text = [
      'Mara Quill waited for Jonah Fenwick by the gate.',
      'Mara: where are you\nJonah: bus is late\nMara: typical',
      'The bus came round the corner at last.',
    ].join('\n\n');
    assert.deepEqual(lines(analyse(text)), [
      ['where are you', 'script', 'Mara'],
      ['bus is late', 'script', 'Jonah'],
      ['typical', 'script', 'Mara'],
    ]);
  });

  it('quotes: a stage direction before the words is left out of the quotation', () => {
    const text = [
      'Mara Quill and Jonah Fenwick rehearsed.',
      'MARA: (Laughing.) Not again.',
      'JONAH: Yes, again.',
      'MARA: Fine.',
    ].join('\n\n');
    assert.deepEqual(
      analyse(text).quotes.map((q) => q.text),
      ['Not again.', 'Yes, again.', 'Fine.'],
    );
  });

  it('quotes: labels, chapter headings and lists are not dialogue', () => {
    const labelled = [
      'Note: this story was written for a friend.',
      'Warning: some swearing ahead.',
      'Chapter 1: The Storm',
      'The rain came down on the harbour all night.',
    ].join('\n\n');
    assert.deepEqual(analyse(labelled).quotes, []);
    const list = [
      'The inn served three meals.',
      'Breakfast: eggs and bread',
      'Supper: soup',
      'Wine: extra',
    ].join('\n\n');
    assert.deepEqual(analyse(list).quotes, []);
    // Names nobody else mentions, each once: a list of things, not people talking.
    const things = ['The crate held two kinds of tools.', 'Hammers: four', 'Chisels: nine'].join('\n\n');
    assert.deepEqual(analyse(things).quotes, []);
  });

  it('quotes: a list with one label over and over, and a cast list of full names, are not dialogue', () => {
    const list = analyse(
      [
        'In the box we found:',
        'Item: one rusty key.',
        'Item: a lantern with no glass.',
        'Item: a letter.',
      ].join('\n\n'),
    );
    assert.deepEqual(lines(list), []);
    const castList = analyse(
      [
        'Characters in this story',
        'Harry Potter: the boy who lived, now an Auror.',
        'Draco Malfoy: a potions master.',
        'Harry Potter walked in. Draco Malfoy looked up.',
      ].join('\n\n'),
    );
    assert.deepEqual(lines(castList), []);
  });

  it("quotes: single marks around a chat line's words are left out of the quotation", () => {
    const text = [
      'Mara stared at her phone until it buzzed. Jonah, of course.',
      'Mara: \u2018are you coming tonight?\u2019',
      'Jonah: \u2018five minutes\u2019',
      'Mara: \u2018you said that an hour ago\u2019',
    ].join('\n\n');
    assert.deepEqual(
      lines(analyse(text)).map(([t, m]) => [t, m]),
      [
        ['are you coming tonight?', 'script'],
        ['five minutes', 'script'],
        ['you said that an hour ago', 'script'],
      ],
    );
  });

  it('quotes: one Name: line alone is not a conversation', () => {
    const text = ['Mara Quill read the sign twice.', 'Mara: keep out', 'She went in anyway.'].join('\n\n');
    assert.deepEqual(analyse(text).quotes, []);
  });

  it('quotes: a result with script lines passes the schema (mark "script")', () => {
    const result = analyse(
      ['Mara Quill texted Jonah Fenwick.', 'Mara: ok?', 'Jonah: ok', 'Mara: good'].join('\n\n'),
    );
    assert.ok(result.quotes.some((q) => q.mark === 'script'));
    assert.deepEqual(validateAnalysis(result), []);
  });
});
