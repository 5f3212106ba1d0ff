/**
 * VADER: our scorer against the reference JavaScript implementation (`vader-sentiment`, a
 * devDependency used only here), on sentences written for this project and on seeded random word
 * salads built from the lexicon and the rule words.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { parseVaderLexicon, vaderLexicon } from '../src/stages/emotion/lexicon.js';
import { ValenceScorer } from '../src/stages/emotion/vader.js';
import { combinations, HAND_WRITTEN } from './emotion.vader-table.js';

interface Reference {
  polarity_scores(text: string): { compound: number };
}
const reference: Reference = createRequire(import.meta.url)('vader-sentiment').SentimentIntensityAnalyzer;
const scorer = new ValenceScorer(vaderLexicon());

function compare(sentences: readonly string[]): { maxDiff: number; mismatches: string[] } {
  let maxDiff = 0;
  const mismatches: string[] = [];
  for (const sentence of sentences) {
    const ours = scorer.score(sentence);
    const theirs = reference.polarity_scores(sentence).compound;
    // The reference rounds to 4 decimals; ours is exact, so round the same way before comparing.
    const diff = Math.abs(Number.parseFloat(ours.toFixed(4)) - theirs);
    maxDiff = Math.max(maxDiff, diff);
    if (diff > 0) mismatches.push(`${JSON.stringify(sentence)}: ours ${ours}, vader-sentiment ${theirs}`);
  }
  return { maxDiff, mismatches };
}

describe('emotion: VADER equality', () => {
  it('emotion: compound valence equals vader-sentiment on every sentence of the table (≥ 200)', () => {
    const sentences = [...HAND_WRITTEN, ...combinations()];
    assert.ok(sentences.length >= 200, `only ${sentences.length} sentences`);
    const { maxDiff, mismatches } = compare(sentences);
    assert.deepEqual(mismatches, []);
    assert.equal(maxDiff, 0);
  });

  it('emotion: the table is not trivially neutral (most sentences carry feeling)', () => {
    const sentences = [...HAND_WRITTEN, ...combinations()];
    const laden = sentences.filter((s) => reference.polarity_scores(s).compound !== 0).length;
    assert.ok(laden / sentences.length > 0.75, `${laden} of ${sentences.length}`);
  });

  it('emotion: compound valence equals vader-sentiment on 3,000 seeded random word salads', () => {
    const lexicon = [...vaderLexicon().keys()];
    const rule = `not never so this but BUT But least at very kind of sort the shit bomb yeah right cut
      mustard just enough isn't n't Not NEVER really REALLY extremely hardly kinda I a without despite
      - -- ... ! ? !! " ' “ ” — wasn’t`.split(/\s+/);
    const punctuation = ['', '', '', ',', '.', '!', '?', '!!', '??', '?!?', '"', "'", ';', '”', ',"', '!!!!'];
    const separators = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0'];
    let seed = 20240607;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const salads: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let sentence = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) {
        let word = random() < 0.4 ? pick(lexicon) : pick(rule);
        if (random() < 0.2) word = word.toUpperCase();
        if (random() < 0.3) word += pick(punctuation);
        if (random() < 0.15) word = pick(punctuation) + word;
        sentence += (k > 0 ? pick(separators) : '') + word;
      }
      salads.push(sentence);
    }
    const { mismatches } = compare(salads);
    assert.deepEqual(mismatches.slice(0, 5), []);
  });
});

describe('emotion: VADER rules', () => {
  const v = (s: string) => scorer.score(s);

  it('emotion: negation flips a sentiment word ("not happy" is negative)', () => {
    assert.ok(v('She was happy.') > 0);
    assert.ok(v('She was not happy.') < 0);
  });

  it('emotion: a booster strengthens and a dampener weakens', () => {
    assert.ok(v('It was very good.') > v('It was good.'));
    assert.ok(v('It was slightly good.') < v('It was good.'));
    assert.ok(v('It was kind of good.') < v('It was good.'));
  });

  it('emotion: one word in capitals among lower-case ones is emphasised', () => {
    assert.ok(v('It was GOOD today.') > v('It was good today.'));
  });

  it('emotion: exclamation marks anywhere in the sentence add intensity, up to four', () => {
    assert.ok(v('Good!') > v('Good'));
    assert.ok(v('Good! ! ! !') > v('Good! !'));
    assert.equal(v('Good! ! ! ! ! !'), v('Good! ! ! !'));
  });

  it('emotion: punctuation on both sides hides a word, as in the reference ("Good!!!!" is unknown)', () => {
    assert.equal(v('Good!!!!'), 0);
    assert.equal(v('"Good,"'), 0);
    assert.ok(v('Good,') > 0);
  });

  it('emotion: what follows "but" outweighs what precedes it', () => {
    assert.ok(v('The food was good, but the service was dreadful.') < 0);
    assert.ok(v('The food was dreadful, but the service was good.') > 0);
  });

  it('emotion: "least" before a sentiment word negates it, "at least" does not', () => {
    assert.ok(v('He was the least happy man.') < 0);
    assert.ok(v('At least happy.') > 0);
  });

  it('emotion: an idiom replaces the valence of the sentiment word inside it', () => {
    assert.ok(v('That pie was the bomb.') > 0);
    assert.ok(v('That pie was a bomb.') < 0);
  });

  it('emotion: an empty or wordless sentence is neutral', () => {
    assert.equal(v(''), 0);
    assert.equal(v('  \n '), 0);
    assert.equal(v('a I'), 0);
  });

  it('emotion: a span of a longer text scores like the same sentence on its own', () => {
    const text = 'The sky was grey. She was glad to be home! Nothing else mattered.';
    const start = text.indexOf('She');
    const end = text.indexOf(' Nothing');
    assert.equal(scorer.score(text, start, end), scorer.score(text.slice(start, end)));
  });
});

describe('emotion: VADER lexicon', () => {
  it('emotion: the lexicon ships with vader-sentiment and holds about 7,500 entries', () => {
    const lexicon = vaderLexicon();
    assert.ok(lexicon.size > 7000, `${lexicon.size} entries`);
    assert.ok(lexicon.get('good')! > 0);
    assert.ok(lexicon.get('horrible')! < 0);
  });

  it('emotion: a word listed twice takes its later rating', () => {
    const lexicon = parseVaderLexicon('calm\t1.0\t0.5\t[1]\nfine\t0.8\t0.4\t[1]\ncalm\t2.5\t0.5\t[3]\n');
    assert.equal(lexicon.get('calm'), 2.5);
    assert.equal(lexicon.get('fine'), 0.8);
  });
});
