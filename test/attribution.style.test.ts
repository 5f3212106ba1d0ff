/**
 * Voice profiles (src/stages/attribution/style.ts): how a turn's words score against the profile of
 * a character, and the second pass that feeds profiles from a first decoding's attributions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  lengthScore,
  refedStyleIndex,
  type StyleIndex,
  styleScore,
} from '../src/stages/attribution/style.js';

/** A style index over turns given as word-id lists, with no profile fed yet. */
function unfed(turns: number[][], vocabulary: number, characters: number): StyleIndex {
  return refedStyleIndex(
    {
      turnWords: turns.map((t) => Int32Array.from(t)),
      ratios: [],
      counts: [],
      totals: new Float64Array(characters),
      background: new Float64Array(vocabulary),
      fedProfile: new Int32Array(turns.length).fill(-1),
      lengthSum: new Float64Array(characters),
      lengthTurns: new Float64Array(characters),
      meanLength: 0,
    },
    new Int32Array(turns.length).fill(-1),
  );
}

/** n words alternating between ids a and b. */
const words = (n: number, a: number, b: number): number[] =>
  Array.from({ length: n }, (_, i) => (i % 2 ? a : b));

describe('attribution: voice profiles fed by a first pass', () => {
  // Character 0 says words 0 and 1, character 1 says words 2 and 3; turn 4 is untagged and in 0's voice.
  const turns = [words(80, 0, 1), words(80, 0, 1), words(80, 2, 3), words(80, 2, 3), words(10, 0, 1)];

  it('a character no turn feeds has no profile, so no voice score', () => {
    const style = unfed(turns, 4, 2);
    assert.ok(Number.isNaN(styleScore(style, 4, 0)));
  });

  it('turns fed to a character make the untagged turn in its voice score higher for it than for the other', () => {
    const style = refedStyleIndex(unfed(turns, 4, 2), Int32Array.from([0, 0, 1, 1, -1]));
    assert.ok(styleScore(style, 4, 0) > 0);
    assert.ok(styleScore(style, 4, 0) > styleScore(style, 4, 1));
  });

  it('a turn that fed a profile is scored without its own words', () => {
    // Character 0's profile is two turns of 80 words; leaving one out leaves 80, under the 120 a
    // profile needs, so that turn has no voice score for character 0.
    const style = refedStyleIndex(unfed(turns, 4, 2), Int32Array.from([0, 0, 1, 1, -1]));
    assert.ok(Number.isNaN(styleScore(style, 0, 0)));
    assert.ok(!Number.isNaN(styleScore(style, 0, 1)));
  });
});

describe('attribution: how long each character speaks', () => {
  it('a long turn scores for the character who speaks at length, a short one for the one who asks "How?"', () => {
    // Character 0 tells a story in long turns; character 1 breaks in with one or two words.
    const turns = [
      words(90, 0, 1),
      words(2, 2, 3),
      words(80, 0, 1),
      words(1, 2, 2),
      words(85, 0, 1),
      words(2, 3, 2),
    ];
    const style = refedStyleIndex(
      unfed([...turns, words(70, 1, 0), words(1, 3, 3)], 4, 2),
      Int32Array.from([0, 1, 0, 1, 0, 1, -1, -1]),
    );
    assert.ok(lengthScore(style, 6, 0) > 0);
    assert.ok(lengthScore(style, 6, 1) < 0);
    assert.ok(lengthScore(style, 7, 1) > 0);
    assert.ok(lengthScore(style, 7, 0) < 0);
  });

  it('a character no turn has fed says nothing about length', () => {
    const style = unfed([words(50, 0, 1), words(2, 0, 1)], 2, 2);
    assert.equal(lengthScore(style, 0, 0), 0);
  });
});
