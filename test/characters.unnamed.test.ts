/**
 * People who speak without a name ("said the old man"): characters for the stretch of text in
 * which the description is used, and the speakers of their lines. Every story here is the
 * project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { Character, Quotation } from '../src/engine/types.js';
import { looseKey } from '../src/eval/characters.js';
import { sourceOf } from './layers.helper.js';

const engine = createEngine();

interface Analysed {
  characters: Character[];
  /** Speaker name of each quotation, "-" when none. */
  speakers: string[];
  quotes: Quotation[];
  text: string;
  /** The mention texts of the characters with this name, one list per character. */
  mentionsNamed(name: string): string[][];
}

function analyse(...paragraphs: string[]): Analysed {
  const doc = engine.process(sourceOf(paragraphs.join('\n\n')));
  const characters = doc.layer('characters');
  const attributions = doc.layer('attributions');
  const mentions = doc.layer('mentions');
  return {
    characters,
    quotes: doc.layer('quotes'),
    speakers: attributions.map((a) => (a.speaker >= 0 ? characters[a.speaker]!.name : '-')),
    text: doc.text,
    mentionsNamed: (name) =>
      characters
        .map((c, i) => (c.name === name ? i : -1))
        .filter((i) => i >= 0)
        .map((i) => mentions.filter((m) => m.character === i).map((m) => doc.text.slice(m.start, m.end))),
  };
}

const names = (a: Analysed): string[] => a.characters.map((c) => c.name);

describe('characters: unnamed speakers', () => {
  it('a stranger brought in as "an old man" who then speaks is a character, and his lines are his', () => {
    const a = analyse(
      'Tom walked into the inn at dusk. An old man sat by the fire with a pipe.',
      '"A room for the night," said Tom.',
      '"The stew is bad here," the old man muttered.',
      '"Nobody asked you," Tom said.',
      'The man shrugged. "I am only saying," said the old man.',
    );
    const old = a.characters.find((c) => c.name === 'the old man');
    assert.ok(old, `cast: ${names(a).join(', ')}`);
    assert.equal(old.gender.label, 'male');
    assert.deepEqual(a.speakers, ['Tom', 'the old man', 'Tom', 'the old man']);
    // The introduction and the bare "the man" of the same stretch are his mentions too.
    assert.deepEqual(a.mentionsNamed('the old man'), [
      ['An old man', 'the old man', 'The man', 'the old man'],
    ]);
  });

  it('a description never introduced with "a" is a named character seen anew, not a stranger', () => {
    const a = analyse(
      'Edmund Hale rode up to the gate. Nobody came out to meet him.',
      '"Is anyone at home?" called the young man.',
      '"Only me," said Agnes from the window.',
    );
    assert.deepEqual(names(a).includes('the young man'), false, `cast: ${names(a).join(', ')}`);
  });

  it('"another man" after the first man has spoken is a second person', () => {
    const a = analyse(
      'Count Orlov came to the inn at dusk. The landlord was asleep by the fire.',
      '"A room," said the count. "We have none," said the landlord.',
      'A man came in from the yard. "Cold night," the man said. "Very," said the landlord.',
      'Later another man looked in. "Any room?" the man said. Nobody answered him.',
    );
    const men = a.mentionsNamed('the man');
    assert.equal(men.length, 2, `cast: ${names(a).join(', ')}`);
    assert.deepEqual(men, [
      ['A man', 'the man'],
      ['another man', 'the man'],
    ]);
    assert.equal(a.speakers.at(-1), 'the man');
  });

  it('a stranger named while the description is in use is that named person, not another one', () => {
    const a = analyse(
      'A young man knocked at the door, and Agnes let him in.',
      '"Good evening," said the young man. "I have come about the horse."',
      'His name, he told her, was Edmund Briggs. Edmund sat down by the stove.',
    );
    assert.equal(names(a).includes('the young man'), false, `cast: ${names(a).join(', ')}`);
  });

  it('a modified description used throughout the book is an epithet, not a passing stranger', () => {
    const paragraphs = ['An old lady lived at the top of the house with her cat.'];
    for (let i = 0; i < 10; i++)
      paragraphs.push(`The old lady fed the cat at ${i + 1} o'clock. Nobody else came.`);
    paragraphs.push('"Time for bed," said the old lady.');
    const a = analyse(...paragraphs);
    assert.equal(names(a).includes('the old lady'), false, `cast: ${names(a).join(', ')}`);
  });

  it('a person known by their part who speaks once ("said the doctor") is a character of the scene, without an introduction', () => {
    const a = analyse(
      'Nora sat by the bed all night. Towards morning the doctor came in and stood by the window.',
      '"How is he?" said the doctor.',
      '"Worse," Nora said.',
    );
    assert.ok(names(a).includes('the doctor'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['the doctor', 'Nora']);
  });

  it('the same description far apart in the text is two people', () => {
    const filler = Array.from({ length: 45 }, (_, i) => `Day ${i + 1} passed on the farm without news.`);
    const a = analyse(
      'A boy brought the milk on Monday. "Two pints," said the boy.',
      ...filler,
      'A boy came with the post in spring. "One letter," the boy said.',
    );
    assert.equal(a.mentionsNamed('the boy').length, 2, `cast: ${names(a).join(', ')}`);
  });

  it('a first-person narrator\'s mother who speaks as "my mother" is one character over the whole book', () => {
    const filler = Array.from({ length: 45 }, (_, i) => `Week ${i + 1} went by at the mill without news.`);
    const a = analyse(
      'I came home late from the mill, and my mother was waiting by the stove.',
      '"You are wet through," said my mother.',
      '"It rained all the way," I said.',
      ...filler,
      'In spring my mother took the cart to town. "Mind the fire," she told me.',
      '"We need flour," my mother said at the gate.',
    );
    assert.equal(a.mentionsNamed('my mother').length, 1, `cast: ${names(a).join(', ')}`);
    assert.equal(a.characters.find((c) => c.name === 'my mother')?.gender.label, 'female');
    assert.equal(a.speakers[0], 'my mother');
    assert.equal(a.speakers.at(-1), 'my mother');
    // In a quotation "my mother" is the speaker's own, not the narrator's.
    const b = analyse('"My mother sends her love," said Anna. "Thank her," I said.');
    assert.equal(
      names(b).some((n) => /mother/i.test(n)),
      false,
      `cast: ${names(b).join(', ')}`,
    );
  });

  it('"Mum" called out in speech, where the cast has a Mum, is her name: a mention of her, not her epithet', () => {
    const a = analyse(
      'Ines Holt came home late on Friday. Mum texted her twice on the way.',
      '"Mum, I\'m home!" Ines called from the hall.',
      '"In the kitchen," Mum said. "Your tea is cold."',
      'Ines went through. Mum kissed her cheek.',
    );
    const mum = a.characters.findIndex((c) => c.name === 'Mum');
    assert.ok(mum >= 0, `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.characters[mum]!.epithets, []);
    assert.ok(a.mentionsNamed('Mum')[0]!.length >= 4, `${a.mentionsNamed('Mum')}`);
    assert.equal(a.speakers[0], 'Ines');
    assert.equal(a.speakers[1], 'Mum');
  });

  it('kinship words written as names ("Mum is in the kitchen", "says Dad") are characters of that sex', () => {
    const a = analyse(
      'I come down the stairs at seven. Mum is in the kitchen, stirring porridge.',
      '"Good luck today, love," she says.',
      'Dad comes in with the paper. "Who is laughing?"',
      '"Your daughter," says Mum.',
    );
    const mum = a.characters.find((c) => c.name === 'Mum');
    const dad = a.characters.find((c) => c.name === 'Dad');
    assert.equal(mum?.gender.label, 'female', `cast: ${names(a).join(', ')}`);
    assert.equal(dad?.gender.label, 'male', `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['Mum', 'Dad', 'Mum']);
    // A title before a name, and a common noun after a possessive, are no such characters.
    const b = analyse(
      'Father Brown walked to the gate with Anna. "Her Dad is late," said Anna.',
      '"He is always late," said Father Brown.',
    );
    assert.equal(
      names(b).some((n) => n === 'Father' || n === 'Dad'),
      false,
      `cast: ${names(b).join(', ')}`,
    );
  });

  it('"his mother" who speaks is a character where no one in the cast is a "Mrs." she could be', () => {
    const a = analyse(
      'Henry went down to the kitchen before dawn. His mother was at the stove.',
      '"I am going to enlist," Henry said.',
      '"Then take your good boots," his mother had replied.',
    );
    assert.ok(names(a).includes('his mother'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['Henry', 'his mother']);
    const b = analyse(
      'Mrs. Fleming kept the farm, and Henry helped her with the cows.',
      'Henry went down to the kitchen before dawn. His mother was at the stove.',
      '"I am going to enlist," Henry said.',
      '"Then take your good boots," said his mother.',
    );
    assert.equal(names(b).includes('his mother'), false, `cast: ${names(b).join(', ')}`);
  });

  it('a stranger who speaks only under his pronoun, with no other man in the scene, is a character', () => {
    const a = analyse(
      'Martha took the night train to the city. Across the aisle sat a man in a checked suit, who watched her over his paper.',
      'At last he leaned across. "Going far?" he asked.',
      '"To the city," Martha said.',
      '"I know it well," he answered. "I travel for a shoe firm."',
    );
    assert.ok(names(a).includes('the man'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['the man', 'Martha', 'the man']);
  });

  it('a stranger first described with "the" who speaks under his pronoun is one too, with no man named for a while', () => {
    const a = analyse(
      'The house was empty when Lucy woke, and the garden was silent.',
      'She walked to the gate alone. The young officer she had seen at the fort came up the path and stopped short.',
      '"Who left you here?" he cried.',
      '"Nobody," Lucy said.',
    );
    assert.ok(names(a).includes('the young officer'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['the young officer', 'Lucy']);
  });

  it('"he" with a named man in the scene is that man, and "was a quiet man" introduces no one', () => {
    const withJames = analyse(
      'James sat with Martha on the night train. Across the aisle sat a man asleep over his paper.',
      '"Going far?" he asked her.',
      '"To the city," Martha said.',
    );
    assert.equal(names(withJames).includes('the man'), false, `cast: ${names(withJames).join(', ')}`);
    const described = analyse(
      'Martha met the new teacher at the gate. She was, indeed, a quiet woman, and shy.',
      '"Good morning," she said.',
    );
    assert.equal(names(described).includes('the woman'), false, `cast: ${names(described).join(', ')}`);
  });

  it('a trade written as a compound ("the saloon-keeper", "the gatekeeper") is a role like "the doctor"', () => {
    const a = analyse(
      'Dan pushed the dog across the bar. The saloon-keeper counted the money twice.',
      '"Fifty, and not a cent more," said the saloon-keeper.',
      '"Done," Dan said.',
    );
    assert.ok(names(a).includes('the saloon-keeper'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['the saloon-keeper', 'Dan']);
  });

  it('"one girl" brings a stranger in the way "a girl" does', () => {
    const a = analyse(
      'The passengers crowded the rail while the boats were lowered. One girl stood apart from the rest.',
      'Captain Reyes walked along the deck and stopped beside her.',
      '"Are you travelling alone?" asked Captain Reyes.',
      '"Yes," said the girl. "My aunt missed the train."',
    );
    assert.ok(names(a).includes('the girl'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['Captain Reyes', 'the girl']);
  });

  it('a first-person narrator\'s "our guide" who speaks is a character, and so is "the guide" after', () => {
    const a = analyse(
      'We left the village at dawn, Hal and I, with our guide walking ahead.',
      'By noon the guide had led us down to the river.',
      '"Water is bad here," said the guide. "We drink tomorrow."',
      '"Then we wait," Hal said.',
    );
    assert.ok(names(a).includes('the guide'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.mentionsNamed('the guide'), [['our guide', 'the guide', 'the guide']]);
    assert.deepEqual(a.speakers, ['the guide', 'Hal']);
  });

  it('a stranger who opens the sentence before "he said" is a speaker, though other men were named before', () => {
    const a = analyse(
      'Jack and Tom sat on the porch after supper. A stranger came up the road and stopped by the fence.',
      'Jack nodded to Tom, and Tom went on whittling his stick.',
      'The stranger leaned on the gate and looked at the fields. "Fine weather for the hay," he said.',
    );
    assert.ok(names(a).includes('the stranger'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.mentionsNamed('the stranger'), [['A stranger', 'The stranger']]);
  });

  it('a trade like "the turnkey" who speaks is a role, and a man as the fiction of the period had it', () => {
    const a = analyse(
      'The bolt scraped, the cell door opened, and a turnkey held a lantern up to the bars.',
      '"Supper, and be quick about it," said the turnkey.',
      '"Thank you," said Ned.',
    );
    const turnkey = a.characters.find((c) => c.name === 'the turnkey');
    assert.ok(turnkey, `cast: ${names(a).join(', ')}`);
    assert.equal(turnkey.gender.label, 'male');
    assert.deepEqual(a.speakers, ['the turnkey', 'Ned']);
  });

  it('an animal tagged with a verb of saying ("said the grey goose") is a speaker of its scene', () => {
    const a = analyse(
      'The pond was frozen at the edges, and Pip the duckling could not find a place to swim.',
      'A grey goose waddled over the ice towards him.',
      '"The reeds are warmer," said the grey goose. "Follow me."',
      '"Is it far?" asked Pip.',
    );
    assert.ok(names(a).includes('the grey goose'), `cast: ${names(a).join(', ')}`);
    assert.deepEqual(a.speakers, ['the grey goose', 'Pip']);
  });

  it('an animal that only growls or barks after a quotation is no speaker', () => {
    const a = analyse(
      'Sam unlocked the gate, and Ellen followed him into the yard.',
      'Ellen stopped by the kennel. "Is he safe?" The old dog growled at her.',
      '"He knows you now," Sam said. "Stay." The old dog barked twice and lay down.',
    );
    assert.equal(names(a).includes('the old dog'), false, `cast: ${names(a).join(', ')}`);
  });
});

describe('eval: descriptions match whatever their article', () => {
  it('"An Old Man" in a gold cast is "the old man" found by the engine', () => {
    assert.equal(looseKey('An Old Man'), looseKey('the old man'));
    assert.notEqual(looseKey('An Old Man'), looseKey('the young man'));
  });
});

describe('characters: a likeness is no introduction', () => {
  it('"as a young woman" brings no stranger in, so "the young woman" who speaks is no new character', () => {
    const a = analyse(
      'Ruth had known Clara Penn as a child, and later as a young woman in the city.',
      'Now Clara stood at the door of the shop. "You are late," Ruth said.',
      '"The tram was full," said the young woman, and took off her gloves.',
    );
    assert.equal(
      a.characters.find((c) => c.name === 'the young woman'),
      undefined,
      `cast: ${names(a).join(', ')}`,
    );
  });
});

describe('characters: a stranger is introduced once', () => {
  it('a second "a man" in the stretch is anyone or someone else, not the stranger', () => {
    const a = analyse(
      'Ruth Penn waited at the station. A man stood by the gate with a lantern.',
      'It was not the kind of night on which a man would choose to wait outside.',
      '"Is the train late?" said the man. "An hour," Ruth answered.',
    );
    const lists = a.mentionsNamed('the man');
    assert.equal(lists.length, 1, `cast: ${names(a).join(', ')}`);
    assert.deepEqual(lists[0], ['A man', 'the man']);
  });
});
