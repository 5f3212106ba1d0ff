/** The emotional arc: discrete-cosine low-pass smoothing and Reagan et al.'s six shapes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARC_POINTS, arcShape, cosineCoefficients, smoothArc } from '../src/stages/emotion/arc.js';
import { analyseEmotion } from '../src/stages/emotion/index.js';
import { vaderLexicon } from '../src/stages/emotion/lexicon.js';
import { ValenceScorer } from '../src/stages/emotion/vader.js';
import { storyDoc } from './layers.helper.js';

/** A series of n values following f over narrative time t ∈ [0, 1]. */
function series(n: number, f: (t: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => f((i + 0.5) / n));
}

describe('emotion: arc', () => {
  it('emotion: the cosine coefficients equal the DCT-II sum computed term by term', () => {
    const values = [0.3, -0.2, 0.9, 0, -0.7, 0.4, 0.1];
    const fast = cosineCoefficients(values, 5);
    for (let k = 0; k < 5; k++) {
      let slow = 0;
      values.forEach((x, i) => {
        slow += x * Math.cos((Math.PI / values.length) * (i + 0.5) * k);
      });
      assert.ok(Math.abs(fast[k]! - slow) < 1e-12, `k=${k}: ${fast[k]} vs ${slow}`);
    }
  });

  it('emotion: a constant valence gives a flat arc at that valence, 101 points long', () => {
    const { arc } = smoothArc(new Array(500).fill(0.25));
    assert.equal(arc.length, ARC_POINTS);
    for (const x of arc) assert.ok(Math.abs(x - 0.25) < 1e-9);
  });

  it('emotion: the low-pass filter removes sentence-to-sentence flicker but keeps the slow trend', () => {
    const values = series(2000, (t) => 0.5 * t).map((x, i) => x + (i % 2 === 0 ? 0.6 : -0.6));
    const { arc } = smoothArc(values);
    assert.ok(Math.abs(arc[50]! - 0.25) < 0.02, `middle ${arc[50]}`);
    assert.ok(arc[90]! > arc[10]! + 0.3);
  });

  it('emotion: a smooth arc is reproduced at its own amplitude, not stretched to [-1, 1]', () => {
    const { arc } = smoothArc(series(3000, (t) => 0.1 * Math.cos(2 * Math.PI * t)));
    assert.ok(Math.abs(arc[0]! - 0.1) < 0.005, `start ${arc[0]}`);
    assert.ok(Math.abs(arc[50]! + 0.1) < 0.005, `middle ${arc[50]}`);
  });

  it('emotion: the arc stays within [-1, 1] even where the filter overshoots', () => {
    const { arc } = smoothArc(series(400, (t) => (t < 0.5 ? -1 : 1)));
    for (const x of arc) assert.ok(x >= -1 && x <= 1);
  });

  const shapes: [string, (t: number) => number][] = [
    ['rise', (t) => t - 0.5],
    ['fall', (t) => 0.5 - t],
    ['fall-rise', (t) => Math.abs(t - 0.5) - 0.2],
    ['rise-fall', (t) => 0.2 - Math.abs(t - 0.5)],
    ['rise-fall-rise', (t) => (t < 0.35 ? t : t < 0.7 ? 0.7 - t : t - 0.7)],
    ['fall-rise-fall', (t) => (t < 0.35 ? -t : t < 0.7 ? t - 0.7 : 0.7 - t)],
  ];
  for (const [shape, f] of shapes) {
    it(`emotion: a story whose fortunes go ${shape} is classified "${shape}"`, () => {
      const values = series(1200, f).map((x, i) => x + 0.3 * Math.sin(i * 12.9898));
      const { coefficients } = smoothArc(values);
      const found = arcShape(coefficients);
      assert.equal(found.shape, shape);
      assert.ok(found.fit > 0.5, `fit ${found.fit}`);
    });
  }

  it('emotion: a flat arc has no fit', () => {
    assert.equal(arcShape(new Float64Array(5)).fit, 0);
  });
});

describe('emotion: stage', () => {
  const scorer = new ValenceScorer(vaderLexicon());
  const happy = 'Nell laughed and the sun was warm and lovely. ';
  const sad = 'Nell wept; the house was cold, dark and miserable. ';

  it('emotion: every sentence gets a valence and the arc of a story that turns sour falls', () => {
    const text = [happy.repeat(6), happy.repeat(3), sad.repeat(3), sad.repeat(6)].join('\n\n');
    const doc = storyDoc(text, { cast: [['Nell']] });
    const emotion = analyseEmotion(doc, scorer);
    assert.equal(emotion.sentence.length, doc.layer('sentences').length);
    assert.ok(emotion.sentence[0]! > 0.5);
    assert.ok(emotion.sentence[emotion.sentence.length - 1]! < -0.5);
    assert.equal(emotion.shape, 'fall');
    assert.ok(emotion.arc[0]! > 0 && emotion.arc[100]! < 0);
  });

  it('emotion: a character is rated by their own words, and the narration around them apart', () => {
    const text = [
      'Tom came in from the storm, soaked and miserable.',
      '“What a wonderful, lovely morning!” said Bella.',
      '“I hate this horrible weather,” Tom said to her.',
      'Bella smiled at him, warm and kind.',
    ].join('\n\n');
    const doc = storyDoc(text, {
      cast: [['Tom'], ['Bella']],
      said: [
        [1, [0]],
        [0, [1]],
      ],
    });
    const { characters, pairs } = analyseEmotion(doc, scorer);
    const tom = characters[0]!;
    const bella = characters[1]!;
    assert.equal(tom.quotes, 1);
    assert.ok(tom.speech < -0.3, `Tom's speech ${tom.speech}`);
    assert.ok(bella.speech > 0.3, `Bella's speech ${bella.speech}`);
    assert.ok(bella.narration > 0.3, `narration around Bella ${bella.narration}`);
    // Tom's narration: the storm sentence, and his tag line scored without the hateful quotation.
    assert.equal(tom.sentences, 2);
    const tomToBella = pairs.find((p) => p.from === 0 && p.to === 1)!;
    assert.equal(tomToBella.quotes, 1);
    assert.ok(tomToBella.valence < 0);
    assert.ok(pairs.find((p) => p.from === 1 && p.to === 0)!.valence > 0);
  });

  it('emotion: a character who never speaks has no speech and quotes 0', () => {
    const doc = storyDoc('The letter from Aunt Jo was cheerful.', { cast: [['Aunt Jo']] });
    const c = analyseEmotion(doc, scorer).characters[0]!;
    assert.equal(c.quotes, 0);
    assert.equal(c.speech, 0);
    assert.equal(c.sentences, 1);
  });
});
