/** The character network: directed conversation edges and undirected co-occurrence edges. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNetwork, presenceByParagraph } from '../src/stages/network/index.js';
import { storyDoc } from './layers.helper.js';

const TEXT = [
  '“Pass the salt, please,” said Ivy to Otto.', // 0: Ivy → Otto
  '“Here you are, and mind the pepper too,” Otto said.', // 1: Otto → Ivy
  '“Thank you,” said Ivy.', // 2: Ivy → Otto
  'Far away, Rex fed the hens.', // 3
  'The kettle boiled.', // 4
  'Otto thought of Rex all evening.', // 5
].join('\n\n');

describe('network: conversation', () => {
  it('network: each attributed quotation adds a directed edge from speaker to addressee', () => {
    const doc = storyDoc(TEXT, {
      cast: [['Ivy'], ['Otto'], ['Rex']],
      said: [
        [0, [1]],
        [1, [0]],
        [0, [1]],
      ],
    });
    const { conversation } = buildNetwork(doc);
    assert.deepEqual(conversation, [
      { from: 0, to: 1, quotes: 2, words: 6 },
      { from: 1, to: 0, quotes: 1, words: 8 },
    ]);
  });

  it('network: a quotation without a speaker or without addressees adds no edge', () => {
    const doc = storyDoc(TEXT, {
      cast: [['Ivy'], ['Otto'], ['Rex']],
      said: [
        [-1, [1]],
        [1, []],
      ],
    });
    assert.deepEqual(buildNetwork(doc).conversation, []);
  });
});

describe('network: co-occurrence', () => {
  const cast = [['Ivy'], ['Otto'], ['Rex']];

  it('network: presence per paragraph comes from mentions, speakers and addressees', () => {
    const doc = storyDoc(TEXT, {
      cast,
      said: [
        [0, [1]],
        [1, [0]],
        [0, [1]],
      ],
    });
    const present = presenceByParagraph(doc);
    // Otto is addressed in paragraph 2 without being named there.
    assert.deepEqual(present.slice(0, 6), [[0, 1], [0, 1], [0, 1], [2], [], [1, 2]]);
  });

  it('network: characters in the same or a neighbouring paragraph co-occur; far apart they do not', () => {
    const doc = storyDoc(TEXT, {
      cast,
      said: [
        [0, [1]],
        [1, [0]],
        [0, [1]],
      ],
    });
    const edges = buildNetwork(doc).cooccurrence;
    const ivyOtto = edges.find((e) => e.from === 0 && e.to === 1)!;
    // Paragraphs 0–2 each hold one of them with the other within one paragraph.
    assert.equal(ivyOtto.paragraphs, 3);
    // Ivy (paragraph 2) and Rex (paragraph 3) are neighbours once from each side.
    assert.equal(edges.find((e) => e.from === 0 && e.to === 2)!.paragraphs, 2);
    // Otto and Rex: neighbours across paragraphs 2 and 3 (twice), and together in paragraph 5.
    assert.equal(edges.find((e) => e.from === 1 && e.to === 2)!.paragraphs, 3);
    for (const e of edges) assert.ok(e.from < e.to, 'undirected edges are listed once, from < to');
  });

  it('network: a wider paragraph window links characters further apart', () => {
    const doc = storyDoc(TEXT, {
      cast,
      said: [
        [0, [1]],
        [1, [0]],
        [0, [1]],
      ],
    });
    const narrow = buildNetwork(doc, { paragraphWindow: 0 }).cooccurrence;
    const wide = buildNetwork(doc, { paragraphWindow: 3 }).cooccurrence;
    assert.equal(
      narrow.find((e) => e.from === 0 && e.to === 2),
      undefined,
    );
    assert.ok(wide.find((e) => e.from === 0 && e.to === 2)!.paragraphs > 2);
  });

  it('network: without a scene layer no pair shares a scene', () => {
    const doc = storyDoc(TEXT, {
      cast,
      said: [
        [0, [1]],
        [1, [0]],
        [0, [1]],
      ],
    });
    for (const e of buildNetwork(doc).cooccurrence) assert.equal(e.scenes, 0);
  });

  it('network: with scenes, everyone present in a scene co-occurs with everyone else in it', () => {
    const doc = storyDoc(TEXT, {
      cast,
      said: [
        [0, [1]],
        [1, [0]],
        [0, [1]],
      ],
      scenes: [
        [0, 3],
        [3, 6],
      ],
    });
    const edges = buildNetwork(doc).cooccurrence;
    assert.equal(edges.find((e) => e.from === 0 && e.to === 1)!.scenes, 1);
    assert.equal(edges.find((e) => e.from === 1 && e.to === 2)!.scenes, 1);
    assert.equal(edges.find((e) => e.from === 0 && e.to === 2)!.scenes, 0);
  });
});

describe('network: presence', () => {
  it("network: a character named inside someone else's quotation is talked about, not present", () => {
    const text = ['“Where has Otto gone?” asked Ivy.', 'Nobody answered.'].join('\n\n');
    const doc = storyDoc(text, { cast: [['Ivy'], ['Otto']], said: [[0, []]] });
    assert.deepEqual(presenceByParagraph(doc), [[0], []]);
    assert.deepEqual(buildNetwork(doc).cooccurrence, []);
  });
});
