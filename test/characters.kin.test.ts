/**
 * Kin words used as names ("Gran") joined to the named character the text ties them to, and pet
 * names said only in speech ("Roz", "Rozzie") joined to the one character whose given name they fit
 * (src/stages/characters/kin.ts). The sentences are the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { Character, SourceText } from '../src/engine/types.js';
import { isPetForm } from '../src/stages/characters/kin.js';

const engine = createEngine({ until: 'characters' });

function castOf(...paragraphs: string[]): { who(name: string): Character | undefined; names: string[] } {
  const source: SourceText = {
    name: 'story.txt',
    format: 'txt',
    encoding: 'utf-8',
    text: paragraphs.join('\n\n'),
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
  const characters = engine.process(source).layer('characters');
  return {
    who: (name) =>
      characters.find((c) => [c.name, ...c.aliases].some((n) => n.toLowerCase() === name.toLowerCase())),
    names: characters.map((c) => [c.name, ...c.aliases].join('/')),
  };
}

describe('characters: pet names', () => {
  it('characters: pet forms are clipped names, respelt at the end or not, and their diminutives', () => {
    assert.ok(isPetForm('roz', 'rosalba'));
    assert.ok(isPetForm('rozzie', 'rosalba'));
    assert.ok(isPetForm('callie', 'callista'));
    assert.ok(isPetForm('jenny', 'jennet'));
    assert.ok(isPetForm('nikki', 'nicola') === false);
    // Not a name and its own shortening by one letter, nor two letters only.
    assert.equal(isPetForm('ann', 'anna'), false);
    assert.equal(isPetForm('annie', 'anna'), false);
    assert.equal(isPetForm('ro', 'rosalba'), false);
    assert.equal(isPetForm('rosalba', 'rosalba'), false);
    assert.equal(isPetForm('rob', 'rosalba'), false);
  });

  it('characters: "Roz." and "Rozzie," said once each join the one character whose given name they fit', () => {
    const c = castOf(
      'Rosalba Quist sat on the harbour wall while Dmitri Hale mended the net.',
      '"Roz."',
      '"What?" Rosalba said.',
      '"Rozzie, the tide is turning," Dmitri said. Rosalba did not move.',
    );
    const rosalba = c.who('Rosalba Quist');
    assert.ok(rosalba, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Roz'), rosalba, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Rozzie'), rosalba, `cast: ${c.names.join(', ')}`);
  });

  it('characters: an exclamation that starts like a name said once in a list is no pet name ("Humph!")', () => {
    const c = castOf(
      'Among the cousins were Humphrey, Silvia and Marmaduke. Dmitri Hale read the list aloud to Juno Pike.',
      'At last Dmitri said "Humph!" and gave the list back to Juno. Juno laughed at Dmitri.',
    );
    assert.equal(c.who('Humph'), undefined, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a pet name two characters could have goes to neither', () => {
    const c = castOf(
      'On the harbour wall sat Rosalind Quist, and beside her sat Rosamund Hale, while Dmitri Hale mended the net.',
      '"Roz, the tide is turning," said Dmitri, and looked at Rosalind and then at Rosamund.',
      '"Which of us?" asked Rosamund. Dmitri only laughed, and so did Rosalind.',
    );
    assert.ok(c.who('Rosalind Quist') && c.who('Rosamund Hale'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Roz'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: kin words as names', () => {
  it('characters: "his grandmother, Hortensia" ties "Gran" to Hortensia', () => {
    const c = castOf(
      'Milo Brandt walked up the lane to visit his grandmother, Hortensia Brandt, who kept bees.',
      '"Gran, I brought the jars," Milo called. Hortensia waved from the hives.',
      '"Put them by the door, Milo." Hortensia smiled. "Thank you."',
      '"Anything for you, Gran."',
    );
    const hortensia = c.who('Hortensia Brandt');
    assert.ok(hortensia, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Gran'), hortensia, `cast: ${c.names.join(', ')}`);
    assert.equal(hortensia.gender.label, 'female');
  });

  it('characters: "that is my grandmother" said right before a named woman first appears ties "Gran" to her', () => {
    const c = castOf(
      'Milo Brandt froze when the front door banged. Juno Pike looked up from her book.',
      '"Who is that?" Juno asked.',
      '"That," Milo said, "is my grandmother."',
      'Hortensia Brandt came into the kitchen with her arms full of shopping.',
      '"This is Juno, Gran," Milo said. Hortensia put the bags down and smiled.',
      '"Hello, Juno." Hortensia shook her hand. "Can she stay for tea, Gran?" Milo asked.',
    );
    const hortensia = c.who('Hortensia Brandt');
    assert.ok(hortensia, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Gran'), hortensia, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "everyone calls me Hattie … he calls me Gran" in one paragraph names one woman twice', () => {
    const c = castOf(
      'Juno Pike met the old woman at the gate. Milo Brandt hung back by the car.',
      '"Hattie," the old woman said. "Everyone calls me Hattie. Except Milo, who calls me Gran."',
      '"Nice to meet you, Hattie," Juno said. Milo grinned.',
      '"Gran, can we go in?" Milo asked. Hattie opened the gate.',
    );
    const hattie = c.who('Hattie');
    assert.ok(hattie, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Gran'), hattie, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "I\'m Juno\'s friend … he calls me Gran" names nobody: a possessive is someone else', () => {
    const c = castOf(
      'Juno Pike met the old woman at the gate. Milo Brandt hung back by the car.',
      '"I\'m Juno\'s friend from the shop," the old woman said. "Milo calls me Gran."',
      '"Nice to meet you," Juno said. Milo grinned.',
      '"Gran, can we go in?" Milo asked. Juno opened the gate.',
    );
    assert.ok(c.who('Juno Pike'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Gran'), c.who('Juno Pike'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a "Gran" the text never ties to a name stays a character of her own', () => {
    const c = castOf(
      'Milo Brandt came home late. Juno Pike was waiting for him on the step.',
      '"Gran will kill me," Milo said to Juno. "Gran said ten o\'clock."',
      '"Then go in," Juno said. Milo went in, and Juno walked home.',
      '"Gran?" Milo called. "Gran, I\'m home." Gran was asleep in her chair.',
    );
    const mum = c.who('Gran');
    assert.ok(mum, `cast: ${c.names.join(', ')}`);
    assert.notEqual(mum, c.who('Juno Pike'));
    assert.notEqual(mum, c.who('Milo Brandt'));
  });

  it('characters: a kin word tied to two named people ("her grandmother, Ada", "his grandmother, Beatrix") joins neither', () => {
    const c = castOf(
      'Juno Pike came with her grandmother, Ada Pike, and Milo Brandt came with his grandmother, Beatrix Brandt.',
      '"Gran, look," Juno said. "Gran, wait," Milo said. Ada laughed and Beatrix waved.',
      '"Gran!" Juno called again. Ada turned round. Gran was asleep.',
    );
    const mum = c.who('Gran');
    assert.ok(c.who('Ada Pike') && c.who('Beatrix Brandt'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(mum, c.who('Ada Pike'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(mum, c.who('Beatrix Brandt'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: "I miss my grandmother," said before a woman first comes in does not tie "Gran" to her', () => {
    const c = castOf(
      'Milo Brandt came home late. Gran was asleep in her chair.',
      '"Gran, I am home," Milo said. "I missed you, Gran."',
      '"I miss my grandmother," Milo told the dog later.',
      'Juno Pike knocked on the door and came in.',
      '"Hello, Milo," Juno said. Gran woke up.',
      '"Who is this?" Gran asked. Juno smiled at Milo.',
    );
    assert.ok(c.who('Juno Pike') && c.who('Gran'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Gran'), c.who('Juno Pike'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: "his grandmother, Juno cried" is no apposition: "Gran" stays her own', () => {
    const c = castOf(
      'Milo Brandt came home late. Gran was asleep in her chair.',
      '"Gran, I am home," Milo said. "I missed you, Gran."',
      'When Milo left his grandmother, Juno cried. Juno Pike was sad.',
      '"Hello, Milo," Juno said. Gran woke up.',
    );
    assert.ok(c.who('Juno Pike') && c.who('Gran'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Gran'), c.who('Juno Pike'), `cast: ${c.names.join(', ')}`);
  });
});
