/**
 * Epithets from attribution: an endearment said in a quotation becomes an epithet of the person it
 * addresses, weighed by how sure attribution is. The layers here are built by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attribution, Mention, Quotation } from '../src/engine/types.js';
import { epithetsFromAttribution } from '../src/stages/characters/epithets.js';

const TEXT = '"Come in, love." "Sit down, love." "Eat up, pet."';

function quote(id: string, start: number, end: number): Quotation {
  return { id, spans: [[start, end]], kind: 'speech', mark: 'double', paragraph: 0, paragraphEnd: 0 };
}

const QUOTES = [quote('Q0', 1, 15), quote('Q1', 18, 33), quote('Q2', 36, 48)];
/** The endearments as the characters stage leaves them: vocatives of nobody in particular. */
const MENTIONS: Mention[] = [
  { start: 10, end: 14, character: -1, kind: 'vocative', inQuote: true },
  { start: 28, end: 32, character: -1, kind: 'vocative', inQuote: true },
  { start: 44, end: 47, character: -1, kind: 'vocative', inQuote: true },
];

function said(speaker: number, addressees: number[], confidence: number): Attribution {
  return { speaker, addressees, confidence, method: 'turn-taking' };
}

describe('epithets from attribution', () => {
  it('epithets: an endearment said to someone is their epithet when attribution is sure of it', () => {
    const epithets = epithetsFromAttribution(
      QUOTES,
      [said(0, [1], 0.95), said(0, [1], 0.9), said(0, [2], 0.9)],
      MENTIONS,
      TEXT,
      3,
    );
    assert.deepEqual(epithets, [[], ['love'], ['pet']]);
  });

  it('epithets: one doubtful use names nobody; two together do', () => {
    const once = epithetsFromAttribution(
      QUOTES,
      [said(0, [1], 0.6), said(-1, [], 0), said(-1, [], 0)],
      MENTIONS,
      TEXT,
      3,
    );
    assert.deepEqual(once, [[], [], []]);
    const twice = epithetsFromAttribution(
      QUOTES,
      [said(0, [1], 0.6), said(0, [1], 0.6), said(-1, [], 0)],
      MENTIONS,
      TEXT,
      3,
    );
    assert.deepEqual(twice, [[], ['love'], []]);
  });

  it('epithets: a use shared by two addressees counts half', () => {
    const epithets = epithetsFromAttribution(
      QUOTES,
      [said(0, [1, 2], 0.95), said(-1, [], 0), said(-1, [], 0)],
      MENTIONS,
      TEXT,
      3,
    );
    assert.deepEqual(epithets, [[], [], []]);
  });
});

describe('epithets: whom the word is for, when attribution may be wrong', () => {
  // Paragraph 0: a beat and a quotation; paragraph 1: another quotation.
  const text = 'Wren took Ada by the hand. "Come, love." "Hal, love, the door."';
  const paragraphs = [
    { start: 0, end: 40 },
    { start: 41, end: text.length },
  ];
  const quotes: Quotation[] = [
    { ...quote('Q0', 28, 39), paragraph: 0, paragraphEnd: 0 },
    { ...quote('Q1', 42, 62), paragraph: 1, paragraphEnd: 1 },
  ];
  const mentions: Mention[] = [
    { start: 0, end: 4, character: 0, kind: 'proper', inQuote: false },
    { start: 10, end: 13, character: 1, kind: 'proper', inQuote: false },
    { start: 34, end: 38, character: -1, kind: 'vocative', inQuote: true },
    { start: 42, end: 45, character: 2, kind: 'vocative', inQuote: true },
    { start: 47, end: 51, character: -1, kind: 'vocative', inQuote: true },
  ];

  /** The first paragraph alone: the beat and "Come, love." */
  const firstParagraph = mentions.filter((m) => m.start < 40);

  it('epithets: a name called out in the same quotation is the person, whatever attribution says', () => {
    const epithets = epithetsFromAttribution(
      quotes,
      [said(-1, [], 0), said(0, [1], 0.9)],
      mentions,
      text,
      3,
      paragraphs,
    );
    assert.deepEqual(epithets, [[], [], ['love']]);
  });

  it('epithets: a beat whose subject is not the attributed speaker sends the word to the other person it names', () => {
    // Attribution gave "Come, love." to Ada (1), speaking to Hal (2); the beat says Wren acts on Ada.
    const epithets = epithetsFromAttribution(
      quotes,
      [said(1, [2], 0.9), said(-1, [], 0)],
      firstParagraph,
      text,
      3,
      paragraphs,
    );
    assert.deepEqual(epithets, [[], ['love'], []]);
    // A tag outranks the beat: "Come, love," said Ada, to Hal.
    const tagged = epithetsFromAttribution(
      quotes,
      [{ ...said(1, [2], 0.9), method: 'explicit-tag' }, said(-1, [], 0)],
      firstParagraph,
      text,
      3,
      paragraphs,
    );
    assert.deepEqual(tagged, [[], [], ['love']]);
  });

  it("epithets: the speaker's own beat naming one other person gives the word to that person, among several listeners", () => {
    // "Come, love." is Wren's (0), said to Ada and Hal; Wren's beat takes Ada by the hand.
    const epithets = epithetsFromAttribution(
      quotes,
      [said(0, [2, 1], 0.9), said(-1, [], 0)],
      firstParagraph,
      text,
      3,
      paragraphs,
    );
    assert.deepEqual(epithets, [[], ['love'], []]);
  });

  it('epithets: a beat naming only its subject, not the speaker, leaves the word to nobody', () => {
    const alone = firstParagraph.filter((m) => m.character !== 1);
    const epithets = epithetsFromAttribution(
      quotes,
      [said(2, [1], 0.9), said(-1, [], 0)],
      alone,
      text,
      3,
      paragraphs,
    );
    assert.deepEqual(epithets, [[], [], []]);
  });
});

describe('epithets: a supplied cast (--characters)', () => {
  it('gets the endearments said to its characters, as a detected cast does', async () => {
    const { createEngine } = await import('../src/engine/engine.js');
    const { sourceOf } = await import('./layers.helper.js');
    const cast = [
      { id: 'n', name: 'Nell Marsh', aliases: ['Nell'] },
      { id: 't', name: 'Tobias Reed', aliases: ['Tobias'] },
    ];
    const text =
      'Nell came down the hill with the pears.\n\n"You\'re late," said Tobias. "Come in out of the cold, sweetheart."\n\n"The cart lost a wheel," said Nell.\n';
    const doc = createEngine({ until: 'characters', characters: cast }).process(sourceOf(text));
    const characters = doc.layer('characters');
    assert.deepEqual(
      characters.map((c) => [c.name, c.epithets]),
      [
        ['Nell Marsh', ['sweetheart']],
        ['Tobias Reed', []],
      ],
    );
  });
});
