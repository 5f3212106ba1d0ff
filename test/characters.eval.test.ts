/**
 * The character scorer (src/eval/characters.ts) on small made-up casts, and the PDNC/LitBank
 * evaluations when ../shared/data is there.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Character } from '../src/engine/types.js';
import { looseKey, looseKeys, scoreCast } from '../src/eval/characters.js';
import type { PdncCharacter } from '../src/eval/pdnc.js';

const gold = (
  id: number,
  name: string,
  aliases: string[],
  gender: string,
  category = 'major',
): PdncCharacter => ({
  id,
  name,
  aliases,
  gender,
  category,
});

const predicted = (
  name: string,
  aliases: string[],
  label: Character['gender']['label'],
  mentionCount = 10,
): Character => ({
  id: name,
  name,
  aliases,
  epithets: [],
  gender: { label, confidence: 0.9 },
  mentionCount,
  narrator: false,
});

describe('characters eval: matching names', () => {
  it('characters eval: honorifics are ignored unless they contradict in gender', () => {
    assert.equal(looseKey('Mr. Vyse').split('|')[1], looseKey('Vyse').split('|')[1]);
    assert.notEqual(looseKey('Mr. Vyse'), looseKey('Mrs. Vyse'));
    assert.equal(looseKey('The Hatter'), '|hatter');
  });

  it('characters eval: a bare surname beside "Mr." is his, and does not find his wife', () => {
    assert.deepEqual([...looseKeys(['Mr. Bell', 'Bell'])], ['male|bell']);
    assert.deepEqual([...looseKeys(['Bell'])], ['|bell']);
    // Titles of both genders on one character (a clustering slip) leave the bare name open.
    assert.ok(looseKeys(['Mr. Bell', 'Mrs. Bell', 'Bell']).has('|bell'));
    const text = 'Mr. Bell and Mrs. Bell came. Bell sat down.';
    const s = scoreCast(
      text,
      [gold(0, 'Mrs. Bell', ['Mrs. Bell'], 'F', 'minor')],
      [predicted('Mr. Bell', ['Bell'], 'male')],
    );
    // He is not her: she is not found (no gender to score) and he maps to nobody.
    assert.deepEqual(s.gender, { correct: 0, total: 0 });
    assert.deepEqual(s.precision, { correct: 0, total: 1 });
    // A bare "Bell" alone still finds "Mrs. Bell".
    const bare = scoreCast(
      text,
      [gold(0, 'Mrs. Bell', ['Mrs. Bell'], 'F')],
      [predicted('Bell', [], 'female')],
    );
    assert.deepEqual(bare.recall, { correct: 1, total: 1 });
  });

  it('characters eval: recall, precision, alias B³ and gender on a small cast', () => {
    const text = 'Tom Sawyer and Tom met Mr. Sawyer. Becky Thatcher saw Becky. Huck ran. Mrs. Sawyer sighed.';
    const cast = [
      gold(0, 'Tom Sawyer', ['Tom', 'Tom Sawyer', 'Mr. Sawyer'], 'M'),
      gold(1, 'Becky', ['Becky', 'Becky Thatcher'], 'F', 'intermediate'),
      gold(2, 'Mrs. Sawyer', ['Mrs. Sawyer'], 'F', 'intermediate'),
    ];
    const found = [
      predicted('Tom', ['Tom Sawyer'], 'male'),
      predicted('Mr. Sawyer', [], 'male'),
      predicted('Becky', ['Becky Thatcher'], 'unknown'),
      predicted('Huck', [], 'male'),
      predicted('Mrs. Sawyer', [], 'female', 2),
    ];
    const s = scoreCast(text, cast, found);
    assert.deepEqual(s.recall, { correct: 3, total: 3 });
    // Huck maps to nobody; Mrs. Sawyer has too few mentions to count.
    assert.deepEqual(s.precision, { correct: 3, total: 4 });
    // Tom's three aliases are split 2 + 1: each of them has recall 2/3 or 1/3.
    assert.equal(s.b3.items, 6);
    assert.ok(Math.abs(s.b3.recallSum - (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1 + 1)) < 1e-9);
    assert.equal(s.b3.precisionSum, 6);
    // Becky is "unknown": wrong. Mrs. Sawyer is judged by her own name, not by Mr. Sawyer's.
    assert.deepEqual(s.gender, { correct: 2, total: 3 });
  });

  it('characters eval: an article is no part of an alias ("The Stranger", "A Stranger" and "Stranger" are one item)', () => {
    const text = 'The stranger came at dusk. A stranger is rare here. Stranger, said the host, sit down.';
    const cast = [gold(0, 'The Stranger', ['The Stranger', 'A Stranger', 'Stranger'], 'M')];
    const s = scoreCast(text, cast, [predicted('the stranger', [], 'male')]);
    assert.equal(s.b3.items, 1);
    assert.equal(s.b3.recallSum, 1);
    assert.equal(s.b3.precisionSum, 1);
    assert.deepEqual(s.errors.aliases, []);
  });

  it('characters eval: precision on stage leaves out the characters only mentioned', () => {
    const text = 'Tom met Becky. Huck ran. They talked of Napoleon.';
    const cast = [gold(0, 'Tom', ['Tom'], 'M'), gold(1, 'Becky', ['Becky'], 'F')];
    const found = [
      { ...predicted('Tom', [], 'male'), presence: 'on-stage' as const },
      { ...predicted('Becky', [], 'female'), presence: 'on-stage' as const },
      { ...predicted('Huck', [], 'male'), presence: 'on-stage' as const },
      { ...predicted('Napoleon', [], 'male'), presence: 'mentioned' as const },
    ];
    const s = scoreCast(text, cast, found);
    assert.deepEqual(s.precision, { correct: 2, total: 4 });
    assert.deepEqual(s.precisionOnStage, { correct: 2, total: 3 });
  });
});

const PDNC = '../shared/data/pdnc';
describe('characters eval: PDNC (skipped without ../shared/data)', () => {
  it('characters eval: a novel scores without errors', {
    skip: !existsSync(PDNC) && 'no PDNC data',
  }, async () => {
    const { evalCharacters } = await import('../src/eval/characters.js');
    const report = await evalCharacters(PDNC, { novels: ['DaisyMiller'] });
    assert.equal(report.novels.length, 1);
    assert.ok(report.recall.total > 0);
  });
});
