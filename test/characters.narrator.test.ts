/**
 * The first-person narrator needs first-person narration: a letter set out in the narration of a
 * third-person story ("Dear Iris, I am writing…") makes none, and a narrator the text never
 * mentions is nobody's addressee. Every story here is the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type EngineOptions } from '../src/engine/engine.js';
import { letterParagraphs } from '../src/stages/characters/narrator.js';
import { sourceOf } from './layers.helper.js';

function process(text: string, options: EngineOptions) {
  return createEngine(options).process(sourceOf(text, 'story.txt'));
}

const LETTER_STORY = [
  'Iris found the letter under the door on Tuesday morning. She opened it at the kitchen table.',
  'Dear Iris, I am writing this from the station. My train is late and I have nothing to do but think of you. I hope you are well. I will be home by spring. Your loving uncle, Bartholomew.',
  'Iris folded the letter and put it away in the drawer.',
  '\u201cWho was that from?\u201d Tom asked.',
  '\u201cNobody,\u201d Iris said.',
  '\u201cIt didn\u2019t look like nobody,\u201d Tom said.',
].join('\n\n');

const LONG_LETTER = [
  'The postman came late, and Marta read the letter on the step.',
  'My dear Marta,',
  'I have arrived safely. The house is cold and my room looks over the yard.',
  'I miss the sea. I miss you more.',
  'Yours ever,\nJonas',
  'Marta read it twice and went in.',
].join('\n\n');

describe('characters: the narrator and letters', () => {
  it('characters: a paragraph opening with a salutation or closing with a valediction is a letter, and so is all between', () => {
    const doc = process(LONG_LETTER, { until: 'segment' });
    // The close "Yours ever," and the signature "Jonas" are lines (paragraphs) of their own.
    assert.deepEqual([...letterParagraphs(doc)].sort(), [1, 2, 3, 4, 5]);
    const single = process(LETTER_STORY, { until: 'segment' });
    assert.deepEqual([...letterParagraphs(single)], [1]);
    // Narration that merely ends on a name, or holds "dear" mid-sentence, is no letter.
    const plain = process(
      'The dear old house stood empty. She said goodbye to it, and to Tom.\n\nHe waved, your brother, and then he was gone.',
      { until: 'segment' },
    );
    assert.equal(letterParagraphs(plain).size, 0);
  });

  it('characters: a letter in the narration of a third-person story makes no narrator', () => {
    for (const text of [LETTER_STORY, LONG_LETTER]) {
      const doc = process(text, { until: 'characters' });
      const cast = doc.layer('characters');
      assert.ok(!cast.some((c) => c.narrator), cast.map((c) => c.name).join(', '));
    }
  });

  it('characters: first-person narration around a letter still has its narrator', () => {
    const text = [
      'I found the letter under the door on Tuesday morning. I opened it at my kitchen table.',
      'Dear Iris, I am writing this from the station. Your loving uncle, Bartholomew.',
      'I folded the letter and put it away. My hands were shaking, and I did not know why.',
      '\u201cWho was that from?\u201d Tom asked me.',
      '\u201cNobody,\u201d I said.',
    ].join('\n\n');
    const doc = process(text, { until: 'characters' });
    assert.ok(doc.layer('characters').some((c) => c.narrator));
  });

  it('attribution: a narrator the text never mentions is no addressee', () => {
    const text = [
      'Iris found the parcel under the door on Tuesday morning. She opened it at the kitchen table.',
      '\u201cWho was that from?\u201d Tom asked.',
      '\u201cNobody,\u201d Iris said.',
      '\u201cIt didn\u2019t look like nobody,\u201d Tom said. He reached for the string.',
    ].join('\n\n');
    const doc = process(text, {
      until: 'attribution',
      characters: [
        { id: 'N', name: 'the narrator', aliases: ['_narr'] },
        { id: 'I', name: 'Iris', aliases: [] },
        { id: 'T', name: 'Tom', aliases: [] },
      ],
    });
    const narrator = doc.layer('characters').findIndex((c) => c.narrator);
    assert.equal(narrator, 0);
    const attributions = doc.layer('attributions');
    assert.ok(attributions.length >= 3);
    for (const a of attributions) {
      assert.notEqual(a.speaker, narrator);
      assert.ok(!a.addressees.includes(narrator), JSON.stringify(a));
    }
  });
});

describe('characters: a story told in letters', () => {
  it('keeps its letter writer as the first-person narrator', () => {
    const letter = (n: number): string[] => [
      'Dear Lucy,',
      `I went down to the harbour on the ${n}th and I watched the boats come in. I told Tom that I would write to you, and I have kept my word.`,
      'I miss the garden. I think of it every morning when I wake.',
      'Your loving sister,\nMina',
    ];
    const text = [1, 2, 3, 4, 5, 6].flatMap(letter).join('\n\n');
    const doc = process(text, { until: 'characters' });
    assert.ok(
      doc.layer('characters').some((c) => c.narrator),
      doc
        .layer('characters')
        .map((c) => c.name)
        .join(', '),
    );
  });
});
