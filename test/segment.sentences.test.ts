import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/index.js';
import { sourceOf } from './layers.helper.js';

const engine = createEngine({ until: 'segment' });

/** The sentences of a one-paragraph text, as strings. */
function sentences(text: string): string[] {
  const doc = engine.process(sourceOf(text));
  return doc.layer('sentences').map((s) => doc.text.slice(s.start, s.end));
}

describe('segment: dialogue fix-ups', () => {
  it('segment: a question with a lower-case tag after it is one sentence ("Is that all?" she asked him.)', () => {
    assert.deepEqual(sentences('"Is that all?" she asked him.'), ['"Is that all?" she asked him.']);
    assert.deepEqual(sentences('“Is that all?” she asked him.'), ['“Is that all?” she asked him.']);
  });

  it('segment: the full stop of an honorific does not end a sentence (Mrs. Bennet)', () => {
    assert.deepEqual(sentences('Mrs. Bennet came in at last. Nobody rose.'), [
      'Mrs. Bennet came in at last.',
      'Nobody rose.',
    ]);
  });

  it('segment: titles wink splits from their full stop (Mlle., Mme., Rev.) stay one token in one sentence', () => {
    assert.deepEqual(sentences('"Merci," replied Mlle. Roux with a bow. Rev. Hale smiled.'), [
      '"Merci," replied Mlle. Roux with a bow.',
      'Rev. Hale smiled.',
    ]);
    const doc = engine.process(sourceOf('Mme. Roux and Rev. Hale came.'));
    const tokens = doc.layer('tokens');
    assert.deepEqual(tokens.lower.slice(0, 5), ['mme.', 'roux', 'and', 'rev.', 'hale']);
  });

  it('segment: a sentence ending in "in.", "ill." or "no." ends there (wink reads them as abbreviations)', () => {
    assert.deepEqual(sentences('Ann put in. Tom was ill. He said no. Then he left.'), [
      'Ann put in.',
      'Tom was ill.',
      'He said no.',
      'Then he left.',
    ]);
    const doc = engine.process(sourceOf('She put in. He went.'));
    assert.deepEqual(doc.layer('tokens').lower.slice(0, 4), ['she', 'put', 'in', '.']);
    assert.deepEqual(sentences('Anne was ill. “Come in,” she said.'), [
      'Anne was ill.',
      '“Come in,” she said.',
    ]);
    assert.deepEqual(sentences('The case of Frankland v. Regina was heard.'), [
      'The case of Frankland v. Regina was heard.',
    ]);
    // Measures and lower-case abbreviations keep their full stop.
    const measures = engine.process(sourceOf('It rained two in. of rain, etc. and more.'));
    assert.ok(measures.layer('tokens').lower.includes('etc.'));
  });

  it('segment: a quotation closed after a full stop and followed by a capital is its own sentence ("Yes." Mr. Darcy bowed.)', () => {
    assert.deepEqual(sentences('"Yes." Mr. Darcy bowed.'), ['"Yes."', 'Mr. Darcy bowed.']);
    assert.deepEqual(sentences('“Yes.” Mr. Darcy bowed.'), ['“Yes.”', 'Mr. Darcy bowed.']);
  });
});

describe('segment: "I." at the end of a sentence', () => {
  const tokens = (text: string): string[] => {
    const doc = engine.process(sourceOf(text));
    const t = doc.layer('tokens');
    return Array.from({ length: t.count }, (_, i) => t.lower[i]!);
  };
  it('segment: after a speech verb it is the pronoun and a full stop, and ends the sentence', () => {
    assert.deepEqual(tokens('"Yes," said I. Then he left.').slice(4, 8), ['said', 'i', '.', 'then']);
    assert.deepEqual(sentences('"Yes," said I. Then he left.'), ['"Yes," said I.', 'Then he left.']);
  });
  it('segment: a middle initial after a name stays one token', () => {
    assert.ok(tokens('Mary I. Holt came in.').includes('i.'));
  });
});

/**
 * Hard cases written for storylens: [text, expected sentences]. Each row is one paragraph.
 */
const CASES: [string, string[]][] = [
  // Abbreviations before names, and other full stops that are not sentence ends.
  ['Dr. Okafor read the chart twice. It was late.', ['Dr. Okafor read the chart twice.', 'It was late.']],
  ['They rented rooms on St. Agnes Lane all winter.', ['They rented rooms on St. Agnes Lane all winter.']],
  ['Mr. and Mrs. Holloway arrived at noon.', ['Mr. and Mrs. Holloway arrived at noon.']],
  [
    'The parcel was for Mrs. Ames. It weighed nothing.',
    ['The parcel was for Mrs. Ames.', 'It weighed nothing.'],
  ],
  [
    'Prof. Lind and Capt. Rourke argued. Sgt. Bell listened.',
    ['Prof. Lind and Capt. Rourke argued.', 'Sgt. Bell listened.'],
  ],
  ['The inn was 3.5 miles off. We walked.', ['The inn was 3.5 miles off.', 'We walked.']],
  [
    'It was 9 p.m. when they left. The road was dark.',
    ['It was 9 p.m. when they left.', 'The road was dark.'],
  ],
  ['“Is it Mr. Fox at the door?” asked Jem.', ['“Is it Mr. Fox at the door?” asked Jem.']],
  // Ellipses: a pause inside a sentence, or its end before a new one.
  ['She paused… then she went on.', ['She paused… then she went on.']],
  ['She paused... Then she went on.', ['She paused...', 'Then she went on.']],
  ['I waited... and waited.', ['I waited... and waited.']],
  ['“Wait...” he said.', ['“Wait...” he said.']],
  ['“Wait...” He was already gone.', ['“Wait...”', 'He was already gone.']],
  ['“Hush…” she breathed.', ['“Hush…” she breathed.']],
  // ? and ! before a tag: lower case, or a name with a speech verb, continues the sentence.
  ['“Stop!” cried Wren.', ['“Stop!” cried Wren.']],
  ['“Stop!” Wren cried.', ['“Stop!” Wren cried.']],
  ['“Run!” Mrs. Pike shouted.', ['“Run!” Mrs. Pike shouted.']],
  ['“Stop!” Wren ran to the door.', ['“Stop!”', 'Wren ran to the door.']],
  ['“Who’s there?” A voice answered.', ['“Who’s there?”', 'A voice answered.']],
  ['“Who’s there?” The old man said nothing.', ['“Who’s there?”', 'The old man said nothing.']],
  ["'Is that all?' she asked.", ["'Is that all?' she asked."]],
  ['“You’re sure?” Lena asked. “Quite sure.”', ['“You’re sure?” Lena asked.', '“Quite sure.”']],
  ['“Yes,” said Mr. Hale. “We leave at dawn.”', ['“Yes,” said Mr. Hale.', '“We leave at dawn.”']],
  ['“Are you coming?” “No.”', ['“Are you coming?”', '“No.”']],
  ['“Go on.” Lena nodded. “Go on.”', ['“Go on.”', 'Lena nodded.', '“Go on.”']],
  ['He shouted, “Run!” and they ran.', ['He shouted, “Run!” and they ran.']],
  // Em-dash interruptions.
  ['“Where are you—” she began.', ['“Where are you—” she began.']],
  ['“Is it—is it really you?” she whispered.', ['“Is it—is it really you?” she whispered.']],
  [
    '“I only meant—” “I know what you meant,” he said.',
    ['“I only meant—”', '“I know what you meant,” he said.'],
  ],
  ['“But—” “Enough!”', ['“But—”', '“Enough!”']],
  ['“Well—” He stopped. “Never mind.”', ['“Well—”', 'He stopped.', '“Never mind.”']],
  ['"I was going to--" Tom looked away.', ['"I was going to--"', 'Tom looked away.']],
  // A straight quote right before a word opens a quotation, even after a dash.
  [
    'She spoke in her old tone--"I wonder where he went."',
    ['She spoke in her old tone--"I wonder where he went."'],
  ],
];

describe('segment: hard cases', () => {
  for (const [text, expected] of CASES) {
    it(`segment: ${text}`, () => {
      assert.deepEqual(sentences(text), expected);
    });
  }

  it('segment: sentences never cross a paragraph end, even without final punctuation', () => {
    assert.deepEqual(sentences('A line with no stop\n\nand another paragraph'), [
      'A line with no stop',
      'and another paragraph',
    ]);
  });

  it('segment: sentence and token layers agree: every token belongs to the sentence that spans it', () => {
    const doc = engine.process(
      sourceOf('“Stop!” Wren ran. She paused... Then she went on.\n\n“Yes.” Mr. Lee bowed.'),
    );
    const tokens = doc.layer('tokens');
    const layer = doc.layer('sentences');
    layer.forEach((s, i) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        assert.equal(tokens.sentence[t], i);
        assert.ok(tokens.start[t]! >= s.start && tokens.end[t]! <= s.end);
      }
    });
    assert.equal(layer.at(-1)!.tokenEnd, tokens.count);
  });
});

describe('segment: a text is tokenised the same whatever the process read before', () => {
  /** The tokens of a text as strings. */
  function tokens(text: string): string[] {
    const doc = engine.process(sourceOf(text));
    const t = doc.layer('tokens');
    return Array.from({ length: t.count }, (_, i) => doc.text.slice(t.start[i], t.end[i]));
  }

  it('segment: a word first met at the end of a sentence does not change how it is split in a later text', () => {
    // wink-nlp keeps "Oswin's." whole before a full stop and adds it to its lexicon; it used to
    // keep "Oswin's" whole everywhere after that, in this text and in every later one.
    const later = "Oswin's coat was wet. Nobody took Oswin's side.";
    const fresh = tokens(later);
    tokens("In the end the blame was Oswin\u2019s. The coat was Oswin's.");
    assert.deepEqual(tokens(later), fresh);
    assert.deepEqual(fresh.slice(0, 3), ['Oswin', "'s", 'coat']);
  });
});

describe('segment: renewing the wink-nlp instance', () => {
  it('segment: a fresh instance tokenises and tags a text exactly as the old one did', async () => {
    const { renewWink, wink, winkNewWords } = await import('../src/stages/segment/wink.js');
    const text = 'Quillon’s boat was late. “Where’s Quillon?” asked Brannagh, and nobody answered her.';
    const read = () => {
      const doc = wink().readDoc(text);
      return [doc.tokens().out(), doc.tokens().out(wink().its.pos)];
    };
    const before = read();
    assert.ok(winkNewWords() > 0);
    renewWink();
    assert.deepEqual(read(), before);
  });
});
