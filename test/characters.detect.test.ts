/**
 * Cast detection from the text: which capitalised words are characters, how their names cluster,
 * gender, the narrator, vocatives and endearments. Every story here is the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import type { Character, Mention, SourceText } from '../src/engine/types.js';
import { clusterForms } from '../src/stages/characters/cluster.js';
import type { NameForm } from '../src/stages/characters/forms.js';
import { descriptionGender } from '../src/stages/characters/gender.js';

interface Cast {
  characters: Character[];
  mentions: Mention[];
  text: string;
  /** Character by any of its names. */
  who(name: string): Character | undefined;
  /** All names (name and aliases) of every character, lower case. */
  names: string[];
  /** The mention texts of one character. */
  mentionsOf(name: string): string[];
}

const engine = createEngine({ until: 'characters' });

function cast(text: string): Cast {
  const source: SourceText = {
    name: 'story.txt',
    format: 'txt',
    encoding: 'utf-8',
    text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
  const doc = engine.process(source);
  const characters = doc.layer('characters');
  const mentions = doc.layer('mentions');
  const who = (name: string): Character | undefined =>
    characters.find((c) => [c.name, ...c.aliases].some((n) => n.toLowerCase() === name.toLowerCase()));
  return {
    characters,
    mentions,
    text: doc.text,
    who,
    names: characters.flatMap((c) => [c.name, ...c.aliases]).map((n) => n.toLowerCase()),
    mentionsOf(name) {
      const c = who(name);
      const i = c ? characters.indexOf(c) : -2;
      return mentions.filter((m) => m.character === i).map((m) => doc.text.slice(m.start, m.end));
    },
  };
}

/** Both names are in the cast, as two different characters. */
function assertTwoPeople(c: Cast, a: string, b: string): void {
  const first = c.who(a);
  const second = c.who(b);
  assert.ok(first && second, `cast: ${c.names.join(', ')}`);
  assert.notEqual(first, second);
}

/** Joins paragraphs with blank lines. */
const story = (...paragraphs: string[]): string => paragraphs.join('\n\n');

describe('characters: what is a name', () => {
  const text = story(
    'Tears ran down her face. Good manners kept her silent. Nonsense, she thought, and Clara Venn wiped her eyes.',
    'On Monday Clara walked to Brinsley with Tobias Wren. They reached Brinsley before noon and left Brinsley at dusk.',
    '"God knows we are late," said Tobias. "Nonsense," said Clara. "Good heavens, it is only March."',
    'Tears again. Clara laughed, and Tobias laughed with her. In March they came back from Brinsley.',
    'Good weather followed. Tobias said nothing. Clara said that Tobias was a fool.',
  );
  const c = cast(text);

  const notCharacters: [string, string][] = [
    ['Tears', 'capitalised only at sentence starts'],
    ['Good', 'capitalised only at sentence starts'],
    ['Nonsense', 'capitalised only at sentence starts'],
    ['God', 'a deity, not a character'],
    ['Monday', 'a weekday'],
    ['March', 'a month'],
    ['Brinsley', 'a place: "to", "reached", "from", "at"'],
  ];
  for (const [word, why] of notCharacters) {
    it(`characters: "${word}" is not a character (${why})`, () => {
      assert.equal(c.who(word), undefined, `cast: ${c.names.join(', ')}`);
    });
  }
  it('characters: the two named people are the cast', () => {
    assert.deepEqual(c.characters.map((x) => x.name).sort(), ['Clara', 'Tobias']);
  });
});

describe('characters: a nickname that is an ordinary word, seen only where a tag puts it', () => {
  // "Slim" is no first name and opens every sentence it is in; only the speech tag after a closing
  // quotation mark says it names someone. "Stout" is written the same way but never tags speech.
  const c = cast(
    story(
      'The bunkhouse was cold that morning, and the coffee was worse.',
      '"Any letters for me?" Slim asked.',
      '"None," said the cook. "Stout hearts and no letters, that is the rule."',
      'Slim went back out to the horses.',
      '"Then I will write my own," Slim said. Stout boots kept his feet dry.',
    ),
  );
  it('characters: "Slim", who speaks, is a character with all three mentions', () => {
    assert.deepEqual(c.mentionsOf('Slim'), ['Slim', 'Slim', 'Slim']);
  });
  it('characters: "Stout", capitalised only at sentence starts, is not', () => {
    assert.equal(c.who('Stout'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a boy who speaks only under past-perfect tags', () => {
  // A school memory told in the past perfect, with dash dialogue: "had asked", "had said" tag the
  // speech as surely as "asked" and "said" do. "Sorry Blackwood" is two ordinary-looking words that
  // nothing else marks as a person.
  const c = cast(
    story(
      'The first week at the school was long. Sorry Blackwood sat at the end of the form.',
      'One evening Sorry Blackwood had asked:',
      '--Where do you come from?',
      'Then Sorry Blackwood had said:',
      '--That is a long way off.',
    ),
  );
  it('characters: "Sorry Blackwood" is a character with every mention', () => {
    assert.deepEqual(c.mentionsOf('Sorry Blackwood'), [
      'Sorry Blackwood',
      'Sorry Blackwood',
      'Sorry Blackwood',
    ]);
  });
});

describe('characters: a nickname of two ordinary words that tags speech', () => {
  // "Big" is an ordinary adjective here too ("a big saddle"); the pair is a name because it tags
  // speech and the text also writes it inside a sentence. "Then Stumpy" tags speech once after a
  // quotation but is never written inside a sentence: "Then" stays a word.
  const c = cast(
    story(
      'The crew sat round the fire with a big saddle between them.',
      '"Beans again!" Big Kettle roared across the fire.',
      'Stumpy threw a stick at Big Kettle and laughed.',
      '"You want to cook?" Big Kettle said. "Then cook."',
      '"No." Then Stumpy said nothing more.',
    ),
  );
  it('characters: "Big Kettle" is a character with every mention', () => {
    assert.deepEqual(c.mentionsOf('Big Kettle'), ['Big Kettle', 'Big Kettle', 'Big Kettle']);
  });
  it('characters: "Then Stumpy" is no name', () => {
    assert.equal(c.who('Then Stumpy'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a nationality as the nickname of a man who speaks', () => {
  // "Irish" is a word of nationality everywhere in English, and a cowhand's name only where the
  // tags use it; "Dutch" here is only ever the adjective.
  const c = cast(
    story(
      'The outfit rode into town at noon. Dutch beer was sold at the store.',
      '"Somebody ought to buy the beer," Irish said.',
      '"You buy it," said Ned. Irish laughed and tied up his horse.',
      '"I bought the last lot," Irish answered.',
    ),
  );
  it('characters: "Irish", who speaks, is a character', () => {
    assert.deepEqual(c.mentionsOf('Irish'), ['Irish', 'Irish', 'Irish']);
  });
  it('characters: "Dutch", only an adjective, is not', () => {
    assert.equal(c.who('Dutch'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: alias clustering', () => {
  it('characters: "Tom", "Tom Sawyer" and "Mr. Sawyer" are one person', () => {
    const c = cast(
      story(
        'Tom Sawyer lived by the river with his aunt. Tom liked the river more than school.',
        '"Mr. Sawyer," said the teacher, "you are late again." Tom grinned at her.',
        'Tom ran home. Everyone in the village knew Mr. Sawyer by his grin, and Tom knew it.',
        '"Tom!" cried his aunt. Tom did not answer, and Tom Sawyer slipped out of the window.',
      ),
    );
    const tom = c.who('Tom');
    assert.ok(tom, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Tom Sawyer'), tom);
    assert.equal(c.who('Mr. Sawyer'), tom);
    assert.equal(tom.gender.label, 'male');
  });

  it('characters: "Mr. Harting" and "Mr. Edmund Harting" are two people when the title alone is far more frequent', () => {
    const c = cast(
      story(
        'Mr. Harting owned the mill. Mr. Harting was a stern man, and the village feared Mr. Harting.',
        'His brother, Mr. Edmund Harting, lived in town. Edmund Harting wrote once a year.',
        'Mr. Edmund Harting was a clerk. Edmund Harting had no mill. Mr. Edmund Harting did not want one.',
        'Edmund Harting came home at Christmas. Mr. Edmund Harting ate. Edmund Harting slept.',
        'Edmund Harting left early. Mr. Edmund Harting took the coach. Edmund Harting did not look back.',
        '"Mr. Harting will not sell," said the miller. Mr. Harting smiled at that.',
        'Mr. Harting walked to the mill. Mr. Harting counted the sacks. Mr. Harting went home.',
        'Mr. Harting wrote to Mr. Edmund Harting at last, and Mr. Harting waited for the reply.',
        'Mr. Harting read the letter twice. Mr. Harting laughed. Mr. Harting burned it.',
        'In spring Mr. Harting mended the wheel. Mr. Harting hired a boy, and Mr. Harting paid him well.',
        'Mr. Harting grew old. The village still feared Mr. Harting, and Mr. Harting liked it so.',
        'Mr. Harting sold flour to the baker. The baker said Mr. Harting was fair. Mr. Harting was not.',
        'Mr. Harting counted his money. Mr. Harting locked the box. Mr. Harting slept with the key.',
        'At dawn Mr. Harting woke. Mr. Harting opened the sluice. Mr. Harting watched the wheel turn.',
        'Mr. Harting never married. Mr. Harting never travelled. Mr. Harting never missed a market day.',
      ),
    );
    assertTwoPeople(c, 'Mr. Harting', 'Mr. Edmund Harting');
  });

  it('characters: "Mr. Quarles" is "Mr. Roderick Quarles" when only his wife calls him "Roderick"', () => {
    const mr = Array.from(
      { length: 32 },
      (_, i) =>
        `Mr. Quarles ${['read the paper', 'wound the clock', 'ate his soup', 'looked at the fire'][i % 4]}.`,
    );
    const c = cast(
      story(
        'Mr. Roderick Quarles and his wife lived in the tall house on the square.',
        ...mr.slice(0, 16),
        '"Roderick, the Pells are here," said Mrs. Quarles. "Roderick, do get up."',
        '"Roderick never listens," she told the maid. "Roderick, please."',
        ...mr.slice(16),
        '"Good night, Roderick," said Mrs. Quarles. "Sleep well, Roderick." "Roderick!"',
        '"Oh, Roderick," she sighed. "Roderick, the lamp."',
      ),
    );
    const quarles = c.who('Mr. Quarles');
    assert.ok(quarles, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Roderick'), quarles, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Mrs. Quarles'), quarles);
  });

  it('characters: an only daughter is "Miss Lorne" far more often than "Hester", and still one person', () => {
    const chores = [
      'swept the hall',
      'fed the hens',
      'wrote to the bank',
      'mended a glove',
      'read by the fire',
    ];
    const titled = Array.from(
      { length: 30 },
      (_, i) => `Miss Lorne ${chores[i % chores.length]} on day ${i + 1}.`,
    );
    const given = Array.from(
      { length: 11 },
      (_, i) => `"Hester, ${chores[i % chores.length]}," said the cook.`,
    );
    const c = cast(story('Hester Lorne was the only child of the old rector.', ...titled, ...given));
    const hester = c.who('Hester');
    assert.ok(hester, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Miss Lorne'), hester);
    assert.equal(c.who('Hester Lorne'), hester);
  });

  it('characters: a baronet "Sir Oswin Hale" is never "Mr. Hale", who is another man', () => {
    const c = cast(
      story(
        'Sir Oswin Hale owned the valley. Sir Oswin rode out every morning.',
        'Mr. Hale, his nephew and heir, kept to the library. Mr. Hale read all day.',
        '"Good morning, Sir Oswin," said the groom. Mr. Hale did not look up from his book.',
        'Mr. Hale dined alone. Sir Oswin dined with the vicar.',
      ),
    );
    assertTwoPeople(c, 'Sir Oswin', 'Mr. Hale');
  });

  it('characters: "Mrs. Hale and Ann walked to the gate": two names joined by "and" are two people', () => {
    const c = cast(
      story(
        'Ann Hale came down early. Ann looked at the garden.',
        'Mrs. Hale and Ann walked to the gate. "It is cold," said Ann.',
        '"It is," said Mrs. Hale. Ann smiled. Mrs. Hale did not.',
      ),
    );
    const mother = c.who('Mrs. Hale');
    const daughter = c.who('Ann');
    assert.ok(mother && daughter, `cast: ${c.names.join(', ')}`);
    assert.notEqual(mother, daughter);
  });

  it('characters: a name running on into a title-case heading keeps its surname ("Miss Ada Quarrell Drive Out")', () => {
    // As the forms of a text whose chapter heading reads "… and Miss Ada Quarrell Drive Out in
    // Carriages": a heading is too rare a source of names to build a whole story around here.
    const form = (display: string, title: string, words: string[], count: number): NameForm => ({
      key: [title, ...words].filter((w) => w).join(' '),
      title,
      words,
      display,
      count,
      afterThe: 0,
      speech: 0,
      vocative: 0,
      subject: count,
      locative: 0,
      owned: 0,
      the: false,
      described: 0,
      lowerUses: 0,
      modifier: 0,
      compound: 0,
      hyphened: 0,
      inQuote: 0,
      pronounFemale: 0,
      pronounMale: 0,
      spans: [],
      written: new Map([[display, count]]),
    });
    const forms = [
      form('Ada', '', ['ada'], 40),
      form('Miss Ada Quarrell Drive', 'miss', ['ada', 'quarrell', 'drive'], 1),
      form('Ada Quarrell', '', ['ada', 'quarrell'], 1),
      form('Miss Quarrell', 'miss', ['quarrell'], 12),
      form('Mrs. Quarrell', 'mrs', ['quarrell'], 15),
    ];
    const { clusters } = clusterForms(forms, new Map());
    const ada = clusters.find((c) => c.forms.some((f) => f.display === 'Ada'));
    assert.ok(ada);
    assert.equal(ada.surname, 'quarrell');
    // Her full names said "Miss": her mother is not she.
    assert.ok(ada.forms.some((f) => f.display === 'Miss Quarrell'));
    assert.ok(!ada.forms.some((f) => f.display === 'Mrs. Quarrell'));
  });

  it('characters: "Mrs. Pell" and "Ada Pell" are two people, mother and daughter', () => {
    const c = cast(
      story(
        'Mrs. Pell kept the inn. Her daughter Ada Pell kept the accounts.',
        '"Ada!" called Mrs. Pell. Ada came running, and Mrs. Pell handed Ada the keys.',
        'Ada counted the coins while Mrs. Pell watched. Mrs. Pell said Ada was quick.',
        '"Thank you, Mother," said Ada. Mrs. Pell nodded. Ada smiled.',
      ),
    );
    const mother = c.who('Mrs. Pell');
    const ada = c.who('Ada');
    assert.ok(mother && ada, `cast: ${c.names.join(', ')}`);
    assert.notEqual(mother, ada);
    assert.equal(c.who('Ada Pell'), ada);
  });

  it('characters: a nickname joins its full name ("Lizzy" is "Elizabeth Marsh")', () => {
    const c = cast(
      story(
        'Elizabeth Marsh was the youngest of the family. Elizabeth liked to walk alone.',
        '"Lizzy, come in!" her father called. "Lizzy, it is raining."',
        'Elizabeth came in, shaking the rain from her hair. "Yes, Papa," said Elizabeth.',
        '"Lizzy is always out," said her father. Elizabeth laughed.',
      ),
    );
    const liz = c.who('Elizabeth');
    assert.ok(liz, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Lizzy'), liz);
    assert.equal(c.who('Elizabeth Marsh'), liz);
    assert.equal(liz.gender.label, 'female');
  });

  it('characters: a full name with a familiar given name joins the formal one ("Eliza Thorne" is "Elizabeth Thorne")', () => {
    const c = cast(
      story(
        'Miss Elizabeth Thorne kept the school. Miss Elizabeth Thorne was strict, and Elizabeth Thorne was fair.',
        '"Miss Eliza Thorne," said the squire, "good day." Elizabeth bowed to him.',
        'Elizabeth walked home. The children called after her, "Eliza Thorne! Eliza Thorne!"',
        '"Eliza, come in," said her aunt. Elizabeth came in and sat by the fire.',
      ),
    );
    const bess = c.who('Elizabeth');
    assert.ok(bess, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Eliza Thorne'), bess);
    assert.equal(c.who('Eliza'), bess);
  });

  it('characters: two familiar forms of one name are not joined by it ("Lizzie Crane" and "Bessie Crane")', () => {
    const c = cast(
      story(
        'Lizzie Crane and Bessie Crane sat on the wall. Lizzie Crane was nine, and Bessie Crane was seven.',
        '"Lizzie!" said Bessie. "Bessie!" said Lizzie. Lizzie Crane laughed and Bessie Crane cried.',
        'Lizzie ran home. Bessie stayed on the wall. Lizzie came back with bread for Bessie.',
      ),
    );
    assertTwoPeople(c, 'Lizzie', 'Bessie');
  });

  it('characters: "Miss Harrow" is the eldest sister, not the one the text calls "Miss Kitty"', () => {
    const c = cast(
      story(
        'Jane Harrow was the eldest daughter, and Kitty Harrow the youngest. Miss Kitty Harrow was loud.',
        '"Miss Harrow," said the curate, bowing to Jane. Jane smiled. "Miss Kitty," he added, and Kitty laughed.',
        'Jane walked to church. Kitty ran ahead. "Miss Kitty, slow down!" Jane called. "Miss Kitty, wait!"',
        'Miss Harrow sat in the front pew. Kitty sat behind. Miss Harrow prayed, and Kitty Harrow yawned.',
        '"Hush, Miss Kitty," said the curate. Kitty hushed.',
      ),
    );
    const jane = c.who('Jane');
    const kitty = c.who('Kitty');
    assert.ok(jane && kitty, `cast: ${c.names.join(', ')}`);
    assert.notEqual(jane, kitty);
    assert.equal(c.who('Miss Harrow'), jane);
  });

  it('characters: "Mr. Marlow" is "Mr. Silas Marlow" when the narration calls him so all along', () => {
    const c = cast(
      story(
        'Mr. Silas Marlow kept the shop. Mr. Silas Marlow was a thin man. Mr. Silas Marlow sold string.',
        'Mr. Silas Marlow opened at eight. Mr. Silas Marlow closed at six. Mr. Silas Marlow never smiled.',
        'Mr. Silas Marlow counted pennies. Mr. Silas Marlow slept badly. Mr. Silas Marlow rose early.',
        'Mr. Silas Marlow walked to church. Mr. Silas Marlow sang. Mr. Silas Marlow went home.',
        ...Array.from(
          { length: 8 },
          (_, i) => `"Good day, Mr. Marlow," said customer ${i + 1}. Mr. Marlow nodded.`,
        ),
        ...Array.from({ length: 8 }, (_, i) => `Mr. Marlow wrapped parcel ${i + 1}, and Mr. Marlow tied it.`),
      ),
    );
    const marlow = c.who('Mr. Silas Marlow');
    assert.ok(marlow, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mr. Marlow'), marlow);
  });

  it('characters: a given name joins the one full name that holds it, though the two share sentences', () => {
    const c = cast(
      story(
        'Nell Garvey came to the village school in May. The boys tried to make Nell Garvey look at them, but Nell was reading.',
        'Nell sat by the window. Nell read all morning. Nell ate her bread alone.',
        'The teacher praised Nell Garvey, and Nell blushed. Nell walked home by the river.',
        'Nell fed the geese. Nell sang to them. Nell went to bed early.',
        'In June Nell won the prize. Nell thanked the teacher. Nell ran home to tell her aunt.',
      ),
    );
    const nell = c.who('Nell');
    assert.ok(nell, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Nell Garvey'), nell);
  });

  it('characters: "the Doctor" is the one "Dr." of the story', () => {
    const c = cast(
      story(
        'Dr. Pryce lived above the chemist. Dr. Pryce was old, and Dr. Pryce was kind.',
        '"Send for the Doctor," said the farmer. The Doctor came at once. The Doctor looked at the boy.',
        '"He will live," said the Doctor. Dr. Pryce closed his bag, and the Doctor went home.',
        'The Doctor slept. In the morning Dr. Pryce came again, and the Doctor smiled.',
      ),
    );
    const doctor = c.who('Dr. Pryce');
    assert.ok(doctor, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the Doctor'), doctor);
  });

  it('characters: narration\'s "the Colonel" is the colonel it names, not those only talked about', () => {
    const c = cast(
      story(
        'Colonel Ashby rented the hall in May. Colonel Ashby walked the grounds every morning.',
        '"I served under Colonel Ferris," the Colonel said. "And Colonel Ferris served under Colonel Ware."',
        'The Colonel laughed at his own story. The Colonel poured the wine, and the Colonel sat down.',
        '"Colonel Ferris would have liked this house," said the Colonel. Colonel Ashby looked out.',
        'The Colonel went to bed early. The Colonel was up at dawn, and Colonel Ashby rode out.',
        '"Colonel Ferris never rode," he told the groom. "Colonel Ware did."',
      ),
    );
    const ashby = c.who('Colonel Ashby');
    assert.ok(ashby, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the Colonel'), ashby, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a surname veiled as its initial ("Mr. D.") is the one Mr. of that initial', () => {
    const c = cast(
      story(
        'Mr. Dorrance took the cottage by the church. Mr. Dorrance was a widower, and Mrs. Pike liked him.',
        '"Mr. D. came by again," said Mrs. Pike. "Mr. D. is very attentive."',
        'Mr. Dorrance called the next day. "I saw Mr. D. at the gate," her sister said.',
        'Mrs. Pike smiled. Mr. Dorrance bowed, and Mr. Dorrance sat down.',
      ),
    );
    const dorrance = c.who('Mr. Dorrance');
    assert.ok(dorrance, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mr. D.'), dorrance, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "Mrs. Dunmore" is the Dunmore woman, not "Mrs. Dunmore Pratt" whose first name is a family name', () => {
    const c = cast(
      story(
        'Mrs. Dunmore Pratt ruled the family from her great house. Mrs. Dunmore Pratt never went out.',
        'Her niece Lydia Dunmore came home from Paris, a widow. Lydia Dunmore had no money.',
        '"Mrs. Dunmore is back," said the servants. Mrs. Dunmore took rooms in a cheap street.',
        'Lydia Dunmore visited her aunt, and Mrs. Dunmore Pratt received her coldly.',
      ),
    );
    const lydia = c.who('Lydia Dunmore');
    assert.ok(lydia && c.who('Mrs. Dunmore Pratt'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mrs. Dunmore'), lydia, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "Count V." is not a character who is never called "Count" ("Zorenka Varvarovna")', () => {
    const c = cast(
      story(
        '"Who is that?" said Zorenka Varvarovna at the window.',
        '"Count V. has lost again," said the porter. "Count V. will be ruined."',
        '"Let him lose," said Zorenka Varvarovna, and Zorenka Varvarovna laughed.',
        'The porter said that Count V. owed money to everyone. "So do I," said Zorenka Varvarovna.',
      ),
    );
    assert.ok(c.who('Zorenka Varvarovna') && c.who('Count V.'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Count V.'), c.who('Zorenka Varvarovna'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: narration\'s "the Baron" is not a baron narration names only in passing', () => {
    const c = cast(
      story(
        'The Baron came down to breakfast late. The Baron was in a temper, and the Baron said so.',
        '"Baron Kessel would never keep me waiting," said the Baron. "Baron Kessel is a gentleman."',
        'That week Baron Adler passed through the town. The Baron ate his eggs.',
        'The Baron rang for coffee. Nobody had seen Baron Adler at the inn. The Baron sighed.',
        '"Baron Kessel writes every week," the Baron told the maid.',
      ),
    );
    assert.ok(c.who('the Baron') && c.who('Baron Adler'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('the Baron'), c.who('Baron Adler'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a surname with a familiar ending ("Dobbsy") is the man of that surname', () => {
    const c = cast(
      story(
        'Mr. Dobbs ran the saloon on the corner. Dobbs was a fat man, and Dobbs liked his customers.',
        '"Give us a drink, Dobbsy," said the sailor. Dobbsy poured it and laughed.',
        '"Dobbsy never waters his gin," said the sailor to Mr. Dobbs, and Dobbs bowed.',
        'Dobbsy wiped the bar. Later Dobbs closed the door.',
      ),
    );
    const dobbs = c.who('Mr. Dobbs');
    assert.ok(dobbs, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Dobbsy'), dobbs, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a dialect "Mistah" is a title before a given name ("Mistah Joel" is Joel Tanner)', () => {
    const c = cast(
      story(
        'Joel Tanner came home from the city. Joel walked up the road. Joel Tanner knocked at the door.',
        '"Mistah Joel!" cried the old cook. "Mistah Joel, you come back!" Joel laughed.',
        'Joel sat in the kitchen. "Mistah Joel is tired," said the cook. Joel ate his supper.',
        'Joel slept. In the morning Joel went to the fields.',
      ),
    );
    const joel = c.who('Joel');
    assert.ok(joel, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Joel Tanner'), joel);
    assert.equal(c.who('Mistah Joel'), joel);
    assert.equal(joel.gender.label, 'male');
  });

  it('characters: a bare surname that two sisters share joins neither of them', () => {
    const c = cast(
      story(
        'Nora Lisle and Kate Lisle were sisters. Nora was tall and Kate was quick.',
        '"Miss Lisle," said the vicar to Nora, "and Miss Kate." Kate curtsied and Nora smiled.',
        'Lisle was a name the village knew. Nora walked home first, and Kate followed.',
        '"Kate!" said Nora. "Nora!" said Kate. Lisle, the vicar wrote, was a good name.',
      ),
    );
    const nora = c.who('Nora');
    const kate = c.who('Kate');
    assert.ok(nora && kate, `cast: ${c.names.join(', ')}`);
    assert.notEqual(nora, kate);
    assert.ok(!nora.aliases.includes('Lisle') && !kate.aliases.includes('Lisle'));
  });
});

describe('characters: a bare surname several people share', () => {
  const c = cast(
    story(
      'Basil Thorne and Hugh Thorne were brothers, and Ivy Thorne was their sister.',
      'Basil farmed the hill. Hugh kept the shop. Ivy taught at the school.',
      'Basil rode out at dawn. Hugh opened the shop. Ivy rang the bell.',
      'Ivy walked down the lane at noon. Basil met the vicar by the gate.',
      '"Good day, Thorne," said the vicar. Thorne nodded and rode on.',
      'Hugh sold the vicar a lamp. Basil came back at dusk. Ivy lit the fire.',
      'Ivy waited at the door. "Thorne!" called the carter, and Thorne came out of the barn.',
    ),
  );
  it("characters: it is a man's, never his sister's, though she was named last", () => {
    assert.ok(c.who('Ivy'), `cast: ${c.names.join(', ')}`);
    assert.ok(!c.mentionsOf('Ivy').includes('Thorne'), c.mentionsOf('Ivy').join(', '));
  });
  it('characters: it is an alias of the one it named most often', () => {
    const basil = c.who('Basil');
    assert.ok(basil, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Thorne'), basil);
    assert.equal(c.mentionsOf('Basil').filter((m) => m === 'Thorne').length, 4);
  });
});

describe('characters: names that are also words, possessives, capitals', () => {
  it('characters: "Will" and "Rose" are characters when the text makes them speak, and "will" stays a word', () => {
    const c = cast(
      story(
        'Will Harker came to the farm in spring. Will said he would stay, and Rose said she would see.',
        '"I will mend the fence," said Will. "You will not," said Rose. Rose laughed.',
        'The rose bush by the door was in flower. Will cut a rose for Rose, and Rose put it in water.',
        '"Will, you are kind," said Rose. "I will be kinder," said Will, and he will be.',
        'Rose watched Will work. Will whistled. Rose said nothing, and Will smiled at Rose.',
      ),
    );
    assert.ok(c.who('Will'), `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Rose'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Will')?.gender.label, 'male');
    assert.equal(c.who('Rose')?.gender.label, 'female');
    // The modal "will" and the flower "rose" are not mentions.
    assert.ok(c.mentionsOf('Will').every((m) => m === 'Will' || m === 'Will Harker'));
    assert.ok(c.mentionsOf('Rose').every((m) => m === 'Rose'));
  });

  it('characters: "Will you…?" and "May I…?" opening a question are verbs, not people called Will or May', () => {
    const c = cast(
      story(
        'Daisy came into the hall with her cousin Tom.',
        '"Will you come with us, Tom?" asked Daisy.',
        '"May I bring the dog?" said Tom. Daisy laughed, and Tom went for his coat.',
      ),
    );
    assert.ok(c.who('Daisy') && c.who('Tom'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Will'), undefined, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('May'), undefined, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a listed first name that only ever opens sentences is a name ("Lena stood… Lena sighed."), "Wait here." is not', () => {
    const c = cast(
      story(
        'Lena stood on the platform with her suitcase. Lena sighed.',
        '"Where are you going?" asked Anton.',
        '"North," she said. "Wait here."',
      ),
    );
    assert.ok(c.who('Lena'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Lena')?.gender.label, 'female');
    assert.equal(c.who('Wait'), undefined, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('North'), undefined, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a listed first name seen once, acting in a beat after a quotation ("For now." Clara did not look up), is a name', () => {
    const c = cast(
      story(
        'Jonah leaned on the table. "I\'m here, aren\'t I?"',
        '"You are." Clara did not look up from the map. "For now."',
        'Jonah laughed. "It\'s Tuesday."',
        '"Exactly." Nothing moved in the kitchen.',
      ),
    );
    assert.ok(c.who('Clara'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Nothing'), undefined, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "glanced at Mags" aims at a person: a nickname no name list knows is not taken for a place', () => {
    const c = cast(
      story(
        '"The boat is late," said Mags, coming up the stairs. Harriet Vance turned.',
        'Harriet glanced at Mags. Mags looked at her plate, and Harriet laughed at Mags.',
        '"It was not the bulb," Mags said quietly.',
      ),
    );
    assert.ok(c.who('Mags'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mags')?.gender.label, 'female');
  });

  it('characters: "turned back to Oskar", "stared at the map, then at Oskar" aim at a person, not a place', () => {
    const c = cast(
      story(
        'Nell waited by the gate. A stranger stood beside her, and he said his name was Oskar.',
        '"It is late," Oskar said. Nell stared at the map for a while, then at Oskar.',
        'At the door she turned back to Oskar. Oskar shrugged and walked away.',
      ),
    );
    assert.ok(c.who('Oskar'), `cast: ${c.names.join(', ')}`);
  });

  it("characters: a first name the lists call a man's is a woman when every pronoun says so", () => {
    const c = cast(
      story(
        'Pip waited at the gate with her bicycle. Harriet came round the corner late.',
        '"You are late," said Pip. Pip kept her hands in her pockets and said nothing more.',
        'Then Pip laughed so hard that she had to hold the railing.',
      ),
    );
    assert.equal(c.who('Pip')?.gender.label, 'female');
  });

  it('characters: an appositive description gives the sex ("Mags, an elderly woman in a hat,"); "the two ladies" does not', () => {
    const c = cast(
      story(
        'Hope walked along the front. Mags, an elderly woman in a wide straw hat, waved from a bench.',
        '"You are late," said Mags. "Sorry," said Hope.',
        'Bex, a boy of ten, ran up to them. Rowan waited with Hope, the two ladies walking on. Bex grinned.',
        '"Come on, Bex," said Mags. "Coming," said Rowan.',
      ),
    );
    assert.equal(c.who('Mags')?.gender.label, 'female', `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Bex')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Hope')?.gender.label, 'male');
  });

  it('characters: in an appositive the possessor is someone else ("Kestrel, the bride\'s father,")', () => {
    const c = cast(
      story(
        "Kestrel, the bride's father, stood up and raised his glass. Kestrel smiled at the guests.",
        '"To the bride," said Kestrel.',
      ),
    );
    assert.equal(c.who('Kestrel')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
  });

  it('characters: a possessive ("Anna\'s", "James\'s") is a mention of the name without the \'s', () => {
    const c = cast(
      story(
        "Anna Brook and James Orme were neighbours. Anna's garden ran down to James's orchard.",
        'Anna said the apples were hers. James said they were not. Anna laughed at James.',
        "James's dog barked at Anna's cat, and Anna chased the dog away. James sighed.",
      ),
    );
    assert.ok(c.mentionsOf('Anna').includes('Anna'));
    assert.ok(c.mentionsOf('James').includes('James'));
    assert.ok(!c.mentionsOf('Anna').some((m) => m.endsWith("'s")));
    assert.ok(!c.mentionsOf('James').some((m) => m.endsWith("'s")));
  });

  it('characters: words of ALL CAPS headings are not characters', () => {
    const c = cast(
      story(
        'CHAPTER ONE',
        'THE STORM BREAKS',
        'Olive Dane stood at the window. Olive watched the rain, and Olive said nothing.',
        '"Olive," said her brother Hal, "come away from the glass." Hal pulled the curtain.',
        'CHAPTER TWO',
        'OLIVE AND HAL',
        'Olive slept late. Hal woke her, and Hal said the storm was over.',
      ),
    );
    assert.deepEqual(c.characters.map((x) => x.name).sort(), ['Hal', 'Olive']);
    // A name the text knows is a mention even in an ALL CAPS heading.
    assert.ok(c.mentionsOf('Olive').includes('OLIVE'), `Olive: ${c.mentionsOf('Olive')}`);
    assert.ok(c.mentionsOf('Hal').includes('HAL'), `Hal: ${c.mentionsOf('Hal')}`);
  });
});

describe('characters: titles, descriptive references, narrator', () => {
  it("characters: a person known only by title and surname is a character with the title's gender", () => {
    const c = cast(
      story(
        'Mrs. Fenwick kept the shop. Colonel Starke came in every morning, and Mrs. Fenwick served him.',
        '"Good morning, Mrs. Fenwick," said Colonel Starke. "Good morning, Colonel," said Mrs. Fenwick.',
        'Mrs. Fenwick wrapped his bread. Colonel Starke paid and left, and Mrs. Fenwick watched him go.',
      ),
    );
    assert.equal(c.who('Mrs. Fenwick')?.gender.label, 'female');
    assert.equal(c.who('Colonel Starke')?.gender.label, 'male');
  });

  it('characters: a frequent descriptive title ("the Ferryman") is a character of its own', () => {
    const c = cast(
      story(
        'Lena reached the river at dusk. The Ferryman was waiting by his boat.',
        '"Where to?" said the Ferryman. "Across," said Lena. The Ferryman nodded.',
        'The Ferryman rowed in silence. "You are late," said the Ferryman at last.',
        'Lena paid the Ferryman and stepped ashore. The Ferryman rowed back alone.',
      ),
    );
    assert.ok(c.who('the Ferryman'), `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Lena'));
  });

  it('characters: a first-person narrator is a character, named by what others call them', () => {
    const c = cast(
      story(
        'I had known Piers Gale for ten years when he asked me to come to the coast. I went.',
        '"Hollis," he said when I arrived, "you look tired." I told him I was. My room faced the sea.',
        'I slept badly. In the morning I walked with Piers along the cliffs, and I listened to him.',
        '"You never listen, Hollis," said Piers. I said that I always did. He laughed at me.',
        'I left on the Friday. Piers waved from the gate, and I waved back at him.',
      ),
    );
    const narrator = c.characters.find((x) => x.narrator);
    assert.ok(narrator, `cast: ${c.names.join(', ')}`);
    assert.equal(narrator.name, 'Hollis');
    assert.ok(c.who('Piers'));
    assert.notEqual(c.who('Piers'), narrator);
  });

  it("characters: a name called once by another speaker, answered by the narrator, is the narrator's name", () => {
    const c = cast(
      story(
        'The ferry was late, and I waited on the quay with my bag at my feet.',
        'At last my cousin came hurrying down the slope, holding his cap on.',
        '"Nora! Forgive me. The cart lost a wheel on the hill."',
        '"It does not matter," I said. "I have only waited an hour."',
        'He took my bag, and we climbed up to the road. His wife sat in the cart and leaned down to kiss me.',
        '"Is this truly Nora?" she said to him. "How tall she is."',
        '"It is truly me," I said. We drove home through the rain, and I watched the wet fields go by.',
      ),
    );
    const narrator = c.characters.find((x) => x.narrator);
    assert.ok(narrator, `cast: ${c.names.join(', ')}`);
    assert.equal(narrator.name, 'Nora');
    assert.equal(c.characters.filter((x) => [x.name, ...x.aliases].includes('Nora')).length, 1);
  });

  it("characters: a name the narrator calls out is not the narrator's, even when called more often", () => {
    const c = cast(
      story(
        'The boy sat on the back step when I came out with the basket. There was mud on his knees again.',
        '"Finn, what have you done to your trousers?"',
        '"I slipped in the ditch," he said. "Do not tell Father."',
        '"Finn, you know I must tell him."',
        'He stared at his boots. I hung out the sheets and then sat down beside him on the step.',
        '"Go and wash, Finn," I said. "Then we shall see."',
        'He went in. Soon my husband came round the side of the house, wiping his hands on a rag.',
        '"Greta, have you seen the boy?"',
        '"He is washing," I said. "He slipped in the ditch."',
        '"That boy," my husband said, and laughed. "Greta, you are too soft on him."',
        '"Someone has to be," I said.',
      ),
    );
    const narrator = c.characters.find((x) => x.narrator);
    assert.ok(narrator, `cast: ${c.names.join(', ')}`);
    assert.equal(narrator.name, 'Greta');
    assert.notEqual(c.who('Finn'), narrator);
  });
});

describe('characters: vocatives and endearments', () => {
  it('characters: a letter\'s signature read aloud ("Your loving uncle, Bartholomew.") calls no one', () => {
    const c = cast(
      story(
        'Mara opened the envelope and read it aloud to Tom.',
        '"Dear Mara, I will be home by spring. Your loving uncle, Bartholomew."',
        '"Is that all?" asked Tom. "Thank you, Tom," said Mara, and Tom smiled.',
      ),
    );
    assert.equal(c.who('Bartholomew')?.presence, 'mentioned', `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Tom')?.presence, 'on-stage');
  });

  it('characters: a name addressed inside a quotation is a vocative mention ("Margaret, please stay")', () => {
    const c = cast(
      story(
        'Margaret Lowe stood up to go. Her uncle Basil looked up.',
        '"Margaret, please stay," said Basil. "Listen, Margaret. Stay for supper."',
        'Margaret sat down again, and Basil poured the tea.',
      ),
    );
    const kinds = c.mentions.filter((m) => c.text.slice(m.start, m.end) === 'Margaret').map((m) => m.kind);
    assert.deepEqual(kinds, ['vocative', 'vocative', 'proper']);
  });

  it('characters: "You must be Margaret." and "Are you Margaret?" say the name to its owner; "you are Margaret\'s" does not', () => {
    const c = cast(
      story(
        'Margaret Lowe stood at the door with her bag. Her uncle Basil came down the stairs.',
        '"You must be Margaret. Come in," said Basil. "Are you Margaret? I expected someone taller."',
        '"I know that you are fond of Margaret\'s cooking," said Basil later, and Margaret laughed.',
      ),
    );
    const kinds = c.mentions.filter((m) => c.text.slice(m.start, m.end) === 'Margaret').map((m) => m.kind);
    assert.deepEqual(kinds, ['vocative', 'vocative', 'proper', 'proper']);
  });

  it('characters: a name answering "Who …?" ("Margaret. She rang at noon.") calls no one; "Margaret. Sit down." after a statement does', () => {
    const c = cast(
      story(
        'Margaret Lowe had gone to the shops. Her uncle Basil and Tom Hale stood in the hall.',
        '"Who left the gate open?" asked Tom.',
        '"Margaret. She went out at noon," said Basil.',
        'Margaret came back at four. "I brought you a paper," she said.',
        '"Margaret. Sit down, you look tired," said Basil.',
      ),
    );
    const kinds = c.mentions.filter((m) => c.text.slice(m.start, m.end) === 'Margaret').map((m) => m.kind);
    assert.deepEqual(kinds, ['proper', 'proper', 'vocative']);
  });

  it('characters: a name after another name is a vocative when it closes the quotation, a list item when the list goes on', () => {
    const c = cast(
      story(
        'Margaret Lowe stood up to go. Her uncle Basil looked up from the paper. Tom Hale was at the door.',
        '"You can walk back with Tom Hale, Margaret," said Basil.',
        '"I saw Tom Hale, Margaret and the vicar at the fair," said Basil.',
        '"At church I sat between Tom Hale, Mrs. Cole, Margaret." Basil smiled.',
        'Margaret said nothing. Basil went back to his paper.',
      ),
    );
    const kinds = c.mentions.filter((m) => c.text.slice(m.start, m.end) === 'Margaret').map((m) => m.kind);
    assert.deepEqual(kinds, ['vocative', 'proper', 'proper', 'proper']);
  });

  it('characters: lovers who share one pet name, one of them called by two more, are exactly the two named people', () => {
    const c = cast(
      story(
        'Jonah Reed came home late. Delia Frost was waiting by the fire.',
        '"Listen, sweetheart," Jonah said. "I am sorry."',
        '"Oh, sweetheart," Delia replied, "you are always late."',
        '"My love, forgive me," said Jonah.',
        '"Only if you mean it, darling," said Delia.',
        'Jonah kissed her. Delia smiled at him, and Jonah laughed.',
        '"Angel," said Jonah. "You are my angel."',
      ),
    );
    assert.deepEqual(c.characters.map((x) => x.name).sort(), ['Delia', 'Jonah']);
    const delia = c.who('Delia')!;
    const jonah = c.who('Jonah')!;
    assert.ok(delia.epithets.includes('sweetheart'), `Delia: ${delia.epithets}`);
    assert.ok(delia.epithets.includes('my love'), `Delia: ${delia.epithets}`);
    assert.ok(delia.epithets.includes('angel'), `Delia: ${delia.epithets}`);
    assert.ok(jonah.epithets.includes('sweetheart'), `Jonah: ${jonah.epithets}`);
    assert.ok(jonah.epithets.includes('darling'), `Jonah: ${jonah.epithets}`);
    // The endearments are vocative mentions of nobody in particular.
    const endearments = c.mentions.filter((m) => m.character < 0);
    assert.ok(endearments.length >= 5 && endearments.every((m) => m.kind === 'vocative'));
  });

  it('characters: "papa" addressed is an epithet, never a character', () => {
    const c = cast(
      story(
        'Ivy Marlow sat with her father after dinner.',
        '"Papa, read to me," said Ivy. "Not tonight, Ivy," said her father.',
        '"Please, Papa," said Ivy. Ivy waited, and her father opened the book.',
      ),
    );
    assert.equal(c.who('Papa'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Ivy'));
  });
});

describe('characters: gender as evidence for clustering', () => {
  it('characters: "Tobin Vale", whom the text calls "he", and "Miss Vale" are two people', () => {
    const c = cast(
      story(
        'Tobin Vale came down the lane at noon. Tobin stopped at the gate, and he looked at the house.',
        'Tobin knocked twice. He waited. Miss Vale opened the door and Miss Vale smiled at her brother.',
        '"You are late," said Miss Vale. Tobin shrugged. He had walked from the station.',
        'Miss Vale poured the tea. She said nothing more. Tobin drank it, and he thanked her.',
        'Tobin slept in the old room. He woke early. Miss Vale was already in the garden, and she waved.',
      ),
    );
    const tobin = c.who('Tobin');
    const sister = c.who('Miss Vale');
    assert.ok(tobin && sister, `cast: ${c.names.join(', ')}`);
    assert.notEqual(tobin, sister);
    assert.equal(tobin.gender.label, 'male');
    assert.equal(sister.gender.label, 'female');
  });

  it('characters: a familiar form takes the gender of the names it shortens ("Freddy" of Frederick)', () => {
    const c = cast(
      story(
        'Freddy Lamb lived with his sister. Miss Lamb kept house and Freddy kept bees.',
        '"The bees are angry," said Freddy. "So am I," said Miss Lamb.',
        'Freddy went out to the hives. Miss Lamb watched from the window.',
      ),
    );
    const freddy = c.who('Freddy');
    assert.ok(freddy, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Miss Lamb'), freddy);
    assert.equal(freddy.gender.label, 'male');
  });

  it('characters: many pronouns outweigh the name lists ("Garnet", a woman\'s name there, is "he" and "Mr. Holloway")', () => {
    const c = cast(
      story(
        'Garnet Holloway kept the ferry. Garnet pulled his rope, and he whistled as he worked.',
        'Garnet tied up his boat at noon. He ate his bread on the bank.',
        '"Good day, Mr. Holloway," said the miller. Garnet raised his hat to him.',
        'Mrs. Holloway brought the tea. "You are late," she said. Garnet laughed at his wife.',
        'Mr. Holloway went back to the water. Garnet Holloway never missed a crossing.',
      ),
    );
    const garnet = c.who('Garnet');
    assert.ok(garnet && c.who('Mrs. Holloway'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mr. Holloway'), garnet, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Mrs. Holloway'), garnet);
  });

  it('characters: a man known by his surname alone is a man when the text gives him "his" ("Quill shook his head")', () => {
    const c = cast(
      story(
        'Quill sat by the stove. Quill shook his head when the boy came in.',
        '"No work today," said Quill. Quill rubbed his hands. "Come back tomorrow."',
        'The boy went out. Quill lit his pipe and Quill watched the snow.',
      ),
    );
    assert.equal(c.who('Quill')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
  });

  it('characters: one pronoun after a name is thin evidence, but evidence ("the Heron … he")', () => {
    const c = cast(
      story(
        '"Who are you?" said the Heron. Nell did not know what to say to that.',
        '"Nobody," said Nell. "Nobody at all," said the Heron, and he flew off over the reeds.',
        '"Come back!" said Nell. The Heron did not come back.',
      ),
    );
    const heron = c.who('the Heron');
    assert.ok(heron, `cast: ${c.names.join(', ')}`);
    assert.equal(heron.gender.label, 'male');
    assert.ok(heron.gender.confidence <= 0.5, `confidence ${heron.gender.confidence}`);
  });

  it('characters: two ranks are two people ("General Tarrant" and his son "Captain Tarrant")', () => {
    const c = cast(
      story(
        'General Tarrant ruled the house. Captain Tarrant, his son, kept out of his way.',
        '"Sit down," said General Tarrant. Captain Tarrant sat. The General frowned at him.',
        'Captain Tarrant left for his regiment in May. General Tarrant did not see him off.',
      ),
    );
    assertTwoPeople(c, 'General Tarrant', 'Captain Tarrant');
  });

  it('characters: a month that is also a given name starts a name before a surname ("April Dunmore")', () => {
    const c = cast(
      story(
        'April Dunmore came to the school in the spring. April Dunmore was ten.',
        '"What is your name?" said the teacher. "April," said April Dunmore.',
        'In April the rain never stopped. April sat by the window and April read.',
      ),
    );
    const april = c.who('April Dunmore');
    assert.ok(april, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('April'), april);
    assert.equal(c.who('Dunmore'), undefined);
  });
});

describe('characters: on stage or only mentioned', () => {
  const c = cast(
    story(
      'Nell Corbin read by the window while her brother Oswin mended the fence.',
      '"Grandfather Abel built that fence," said Nell. "Abel built everything here. Abel was a carpenter."',
      '"Then Abel should have built it better," said Oswin. "Hand me the hammer, Nell."',
      'Nell handed him the hammer. Oswin drove the last nail, and Nell went back to her book.',
      '"Dora Quint writes too much about the sea," she said. "Dora Quint never saw it."',
    ),
  );
  const on: [string, string][] = [
    ['Nell', 'speaks, is spoken to and acts'],
    ['Oswin', 'speaks and acts'],
  ];
  for (const [name, why] of on) {
    it(`characters: ${name} is on stage (${why})`, () => {
      assert.equal(c.who(name)?.presence, 'on-stage', `cast: ${c.names.join(', ')}`);
    });
  }
  const mentioned: [string, string][] = [
    ['Abel', 'a dead grandfather talked about'],
    ['Dora Quint', 'an author talked about'],
  ];
  for (const [name, why] of mentioned) {
    it(`characters: ${name} is only mentioned (${why})`, () => {
      const who = c.who(name);
      assert.ok(who, `cast: ${c.names.join(', ')}`);
      assert.equal(who.presence, 'mentioned');
    });
  }
});

describe('characters: places and things written like names', () => {
  const c = cast(
    story(
      'Hester Vane drove up to Carrow with her cousin Ambrose. They drove back to Carrow in the rain.',
      '"Where were you born?" asked Ambrose. "Port Lissel," said Hester. Port Lissel is a grey town.',
      'Ambrose talked of Literature and Art all the way. Hester liked art, but not the talk of art.',
      'On Whit Monday they went to the fair. Whit Monday was cold. Hester laughed at Ambrose.',
      '"Art is long," said Ambrose. Hester said nothing, and Ambrose sighed at Hester.',
      'The road to Carrow was empty. Hester thought of the road up to Carrow and of Port Lissel.',
      'Ambrose had rooms in the Earl Block. The Earl Block had a lift, and Hester admired the Earl Block.',
      'Ambrose talked of Socialism. Socialism will come, he said, and Socialism will win.',
      'In the old days the Prince Regent built a pavilion. Hester thought the Prince Regent vulgar.',
      'Hester came from St. Petersburg; "St. Petersburg, my dear," said Ambrose. She had lived in St. Petersburg.',
    ),
  );
  const notCharacters: [string, string][] = [
    ['Carrow', 'driven up to and back to'],
    ['Port Lissel', 'a "Port" is a place, even given as an answer'],
    ['Whit Monday', 'a feast day'],
    ['Art', 'capitalised here, a common word elsewhere'],
    ['Earl Block', 'a building, for all its title'],
    ['Socialism', 'an abstract noun'],
    ['Regent', 'an office after "the Prince", no name'],
    ['Prince Regent', 'an office after "the", no name'],
    ['St. Petersburg', "a saint's name come from and lived in is a city, though addressed"],
  ];
  for (const [word, why] of notCharacters) {
    it(`characters: "${word}" is not a character (${why})`, () => {
      assert.equal(c.who(word), undefined, `cast: ${c.names.join(', ')}`);
    });
  }
  it('characters: the two cousins are the cast', () => {
    assert.deepEqual(c.characters.map((x) => x.name).sort(), ['Ambrose', 'Hester']);
  });
});

describe('characters: the tail of a longer capitalised name', () => {
  it('characters: "Hill" of "Gorse Hill" is part of a place, though "Hill" is also a given name', () => {
    const c = cast(
      story(
        'Hester Vane and her cousin Ambrose planned a picnic on Gorse Hill. The gorse was in flower, and the hill was steep.',
        '"Shall we walk to Gorse Hill?" asked Ambrose. Hester said that Gorse Hill was too far for the horses.',
        'They drove instead. From the top of Gorse Hill they looked down at the gorse and the sea. Gorse Hill was windy, and the gorse smelt of honey.',
        'Ambrose said Gorse Hill reminded him of home. Hester laughed at Ambrose.',
      ),
    );
    assert.equal(c.who('Hill'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a given name after a capitalised kinship word stays a person ("Cousin Wilhelmina")', () => {
    const c = cast(
      story(
        'Cousin Wilhelmina arrived on Tuesday. We all liked Cousin Wilhelmina, though she talked too much.',
        'At dinner Cousin Wilhelmina told us about the war. "Nonsense," said Cousin Wilhelmina.',
        'Later we heard Cousin Wilhelmina singing in the hall.',
      ),
    );
    assert.ok(c.who('Wilhelmina') ?? c.who('Cousin Wilhelmina'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a given name that is also a common word, before a surname', () => {
  const c = cast(
    story(
      'Nell walked home with Frank Oakhurst after the lecture. She was frank with him about the lecture.',
      '"Frank Oakhurst thinks the professor is wrong," said Nell to her aunt. Her aunt spoke of Free Trade, and of the free press and the wool trade.',
      'On Sunday Frank Oakhurst called, and Oakhurst stayed to tea. Nell gave a frank opinion of his tie.',
    ),
  );
  it('characters: "Frank Oakhurst" is one name, the same person as "Oakhurst"', () => {
    const frank = c.who('Frank Oakhurst');
    assert.ok(frank, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Oakhurst'), frank);
  });
  it('characters: "Free Trade", written once, is no name', () => {
    assert.equal(c.who('Free Trade'), undefined, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Trade'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a descriptive title and its full form', () => {
  it('characters: "the Warden" and "the Warden of Ravensholt" are one character', () => {
    const c = cast(
      story(
        'The Warden of Ravensholt rode into the yard. "Open the gate for the Warden of Ravensholt," said the porter.',
        '"I have ridden all night," said the Warden. The Warden dismounted and looked about him.',
        '"Where is your master?" asked the Warden. The porter pointed to the tower, and the Warden went in.',
        'Later the Warden of Ravensholt sat by the fire. The Warden said nothing more that night.',
      ),
    );
    const full = c.who('the Warden of Ravensholt');
    assert.ok(full, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the Warden'), full, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a name with letters dropped in dialect', () => {
  it('characters: "Ha\'y" is Harry, the one name it restores to', () => {
    const c = cast(
      story(
        'Harry Lomax came in from the yard. Harry sat down by the stove, and Nell brought him his supper.',
        '"You work too hard, Ha\'y," said Nell. "Hush, Nell," said Harry.',
        '"Ha\'y, the cow is out again," she said. Harry only sighed. "Let her be, Nell."',
        '"Ha\'y, you listen to me," said Nell. Harry listened.',
      ),
    );
    const harry = c.who('Harry');
    assert.ok(harry, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who("Ha'y"), harry, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a role set beside a name', () => {
  it('characters: "Mr. Hobb, the lawyer" makes "the lawyer" Mr. Hobb, who keeps his name', () => {
    const c = cast(
      story(
        'Mr. Hobb, the lawyer, arrived at noon. Everyone waited for the lawyer in the library.',
        '"Sit down, please," said the lawyer. "I have read the will."',
        '"Is it valid?" asked Kate. "Quite valid," said the lawyer. Kate looked hard at Mr. Hobb.',
      ),
    );
    const hobb = c.who('Mr. Hobb');
    assert.ok(hobb, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the lawyer'), hobb, `cast: ${c.names.join(', ')}`);
    assert.equal(hobb.name, 'Mr. Hobb');
  });

  it('characters: a role the text used for someone else long before the apposition stays apart', () => {
    // Many quiet paragraphs between the first landlord and the second.
    const filler = Array.from(
      { length: 220 },
      (_, i) => `Day ${i + 1} of the journey passed slowly, and Kate counted the milestones along the road.`,
    );
    const c = cast(
      story(
        '"No rooms tonight," said the landlord. "Try the mill," said the landlord again, and shut the door.',
        '"Then we walk on," said Kate.',
        ...filler,
        'Mr. Quill, the landlord, met them at the second inn. "Welcome," said the landlord.',
        '"Thank you," said Kate to Mr. Quill.',
      ),
    );
    const quill = c.who('Mr. Quill');
    assert.ok(quill, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('the landlord'), quill, `cast: ${c.names.join(', ')}`);
  });
});

describe("characters: a wife called by her husband's given name", () => {
  it('characters: "Mrs. John" is "Mrs. John Crane", the one wife so called', () => {
    const c = cast(
      story(
        'Mrs. John Crane kept the shop. Mrs. Crane was proud, and Mrs. John Crane was rich.',
        '"Good day, Mrs. John," said Nora. Mrs. John nodded and went on.',
        'Nora had known Mrs. John for years. Mrs. Crane was always the same.',
      ),
    );
    const wife = c.who('Mrs. John Crane');
    assert.ok(wife, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mrs. John'), wife, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a familiar form that narration uses', () => {
  const c = cast(
    story(
      'Lady Margaret Tull came to stay. Lady Margaret sat by the fire, and Lady Margaret read.',
      'Peggy ran in from the garden. Peggy was ten, and Peggy was never still.',
      '"Peggy, be quiet," said Lady Margaret. Peggy laughed and ran out again.',
      'Lady Margaret sighed. Peggy came back with mud on her boots, and Lady Margaret frowned.',
      'Then Elizabeth Hart arrived. "Dear Lizzy," said Lady Margaret, "you are late."',
      'Elizabeth smiled. "Lizzy, sit down," said Peggy, and Elizabeth sat.',
    ),
  );
  it('characters: "Peggy", narration\'s name for her, is not "Lady Margaret", also narration\'s', () => {
    assert.ok(c.who('Peggy'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Peggy'), c.who('Lady Margaret'), `cast: ${c.names.join(', ')}`);
  });
  it('characters: "Lizzy", said only in speech, is Elizabeth', () => {
    assert.equal(c.who('Lizzy'), c.who('Elizabeth Hart'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a surname that a full name written once lends', () => {
  const c = cast(
    story(
      'The new clerk was called Walter Pyne. Mabel watched him from her desk.',
      'Pyne worked slowly. Pyne looked up once, at noon, and then bent to his ledger again.',
      'Mabel sat near Pyne all day and never spoke.',
      'On Sunday Mabel went to Haldon Grange with her aunt. Haldon had a long drive, and Jim Haldon kept the lodge.',
      'Haldon looked grey in the rain. Haldon seemed empty, and Mabel was glad to leave Haldon.',
    ),
  );
  it('characters: "Pyne", acting in narration, is the "Walter Pyne" named once', () => {
    assert.ok(c.who('Pyne'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Pyne'), c.who('Walter Pyne'));
  });
  it('characters: "Haldon" of "Haldon Grange" is a place, though it acts and "Jim Haldon" lends it', () => {
    assert.equal(c.who('Haldon'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe("characters: wives told apart by their husbands' names", () => {
  it('characters: with two Vail men named, "Mrs. John Vail" is not "Mrs. Vail"', () => {
    const c = cast(
      story(
        'Henry Vail died in the spring, and his son John Vail had the house.',
        'Mrs. Vail, his widow, went to a cottage. Mrs. John Vail took the big rooms.',
        '"It is hard," said Mrs. Vail. Mrs. John Vail did not answer her.',
        'Mrs. Vail packed her books. Mrs. John Vail watched, and Mrs. Vail left.',
      ),
    );
    assert.ok(c.who('Mrs. Vail') && c.who('Mrs. John Vail'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Mrs. Vail'), c.who('Mrs. John Vail'), `cast: ${c.names.join(', ')}`);
  });
  it('characters: with one Pratt man named, "Mrs. Lemuel Pratt" is "Mrs. Pratt"', () => {
    const c = cast(
      story(
        'Lemuel Pratt made his money in shoe polish. Mrs. Lemuel Pratt spent it.',
        'Mrs. Pratt gave a ball. "Everyone will come," said Mrs. Pratt.',
        'Mrs. Lemuel Pratt was right, and Mrs. Pratt was pleased.',
      ),
    );
    assert.ok(c.who('Mrs. Pratt'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mrs. Pratt'), c.who('Mrs. Lemuel Pratt'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a surname with a particle', () => {
  it('characters: "Monsieur De Vasse" and "De Vasse" are one man, as "Mr. Vasse" and "Vasse" would be', () => {
    const c = cast(
      story(
        'In the evening De Vasse came to the hotel, and De Vasse bowed to everyone.',
        '"Good evening, Monsieur De Vasse," said the porter. Then De Vasse gave him a coin.',
        'Later De Vasse sat by the window. "Monsieur De Vasse is rich," the porter said to the maid.',
        'So De Vasse smiled and lit a cigar. Monsieur De Vasse always smiled.',
      ),
    );
    assert.ok(c.who('Monsieur De Vasse'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('De Vasse'), c.who('Monsieur De Vasse'), `cast: ${c.names.join(', ')}`);
  });
  it('characters: "Mrs. ter Hoeve" is "Mrs. Pieter ter Hoeve", the wife of the one ter Hoeve man', () => {
    const c = cast(
      story(
        'Pieter ter Hoeve built the mill. Mrs. Pieter ter Hoeve kept its books.',
        'Mrs. ter Hoeve gave a dinner. "Everyone will come," said Mrs. ter Hoeve.',
        'Mrs. Pieter ter Hoeve was right, and Mrs. ter Hoeve was pleased.',
      ),
    );
    assert.ok(c.who('Mrs. ter Hoeve'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Mrs. ter Hoeve'), c.who('Mrs. Pieter ter Hoeve'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: stray full names', () => {
  const henry = Array.from(
    { length: 12 },
    (_, i) => `Henry ${['walked', 'waited', 'smiled', 'read'][i % 4]} by the fire, and Henry said nothing.`,
  );
  const c = cast(
    story(
      'Henry Dale came home in the autumn.',
      ...henry,
      'At the club Henry met Harry Lorimer, an old friend from school.',
      '"You look tired," said Henry at last.',
    ),
  );
  it('characters: a full name written once joins the frequent bare given name ("Henry Dale", "Henry")', () => {
    assert.equal(c.who('Henry Dale'), c.who('Henry'), `cast: ${c.names.join(', ')}`);
  });
  it('characters: beside "Henry Dale", a stray full name with a familiar form is someone else ("Harry Lorimer")', () => {
    assert.ok(c.who('Harry Lorimer'), `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Harry Lorimer'), c.who('Henry'), `cast: ${c.names.join(', ')}`);
  });
  it('characters: alone, a stray full name with the formal name is the familiar one ("Jacob Hale", "Jake")', () => {
    const jake = Array.from({ length: 12 }, () => 'Jake sat by the fire, and Jake said nothing.');
    const c = cast(story('His name was Jacob Hale.', ...jake, '"You look tired," said Jake.'));
    assert.equal(c.who('Jacob Hale'), c.who('Jake'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: gender from titles, kinship words and shared names', () => {
  it('characters: the last name of a sentence naming several people votes with its own "he" close after it', () => {
    const c = cast(
      story(
        'The table was laid for three. At dinner Marta talked, and Tavi let out a breath he had been holding.',
        'Later Marta laughed, and then Tavi smiled as he poured the wine.',
        'Nobody mentioned the letter. Marta cleared the plates, and Tavi washed them while he hummed.',
      ),
    );
    assert.equal(c.who('Tavi')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Marta')?.gender.label, 'female');
  });

  it('characters: "Lucia", the Italian form, said to Lucy Frane is Lucy', () => {
    const c = cast(
      story(
        'Lucy Frane came to Rome in April. Lucy liked the noise, and Lucy liked the heat.',
        '"Signorina Lucia, your coffee," said the maid. "Grazie," said Lucy.',
        '"Lucia, come and see!" called the maid from the window, and Lucy went.',
      ),
    );
    assert.ok(c.who('Lucy Frane'), `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Lucia'), c.who('Lucy Frane'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: "Evie" shortens Evelyn, a name of either sex, so it joins the one Evelyn', () => {
    const c = cast(
      story(
        'Evelyn Marsh ran the house at Stoke. Miss Marsh was up before anyone, and Evelyn Marsh went to bed last.',
        '"Evie, you work too hard," said Tom. "Nonsense, Tom," said Miss Marsh.',
        'Tom laughed at her. "Sit down, Evie." Evelyn Marsh sat down at last.',
        '"Thank you, Evie," said Tom later. Miss Marsh only nodded.',
      ),
    );
    const evelyn = c.who('Evelyn Marsh');
    assert.ok(evelyn, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Evie'), evelyn, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "Kit" shortens Christopher and Katherine alike, so "Kit Pryor" does not join a "Christopher"', () => {
    const c = cast(
      story(
        'Christopher Dane walked in the park with Kit Pryor. Christopher talked and Kit Pryor listened.',
        '"You never listen," said Christopher. "I always listen," said Miss Pryor, and Christopher laughed.',
        'Then Kit Pryor went home alone. Christopher stayed. Miss Pryor wrote to him that night.',
      ),
    );
    const christopher = c.who('Christopher');
    assert.ok(christopher, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Kit Pryor'), christopher);
  });

  it('characters: a clipped name said only in speech ("Ros") is the one character whose given name it starts', () => {
    const c = cast(
      story(
        'On the quay Rosalba Quist mended nets while Dmitri Hale counted the catch.',
        '"Ros, the tide is turning," said Dmitri. But Rosalba kept mending.',
        '"Ros." He waited. "Ros, the boat."',
        'At last Rosalba stood up and followed him down the steps.',
      ),
    );
    const rosalba = c.who('Rosalba Quist');
    assert.ok(rosalba, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Ros'), rosalba, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a name narration uses, or speech once, is no clipped name ("Bran" the village is not "Brandreth")', () => {
    const c = cast(
      story(
        'In the yard Brandreth Adair fixed the pump while Lidia Brack watched from the gate.',
        '"Will it hold?" Lidia asked. "It will hold," said Brandreth. "We had one like it at Bran."',
        'Then Brandreth laughed, and Lidia laughed too.',
      ),
    );
    const brandreth = c.who('Brandreth Adair');
    assert.ok(brandreth, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('Bran'), brandreth, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "Teddy" said to Theodora is hers: with no gender of its own, an ambiguous familiar form joins the one name it shortens', () => {
    const c = cast(
      story(
        'Theodora Vance found Callum Reyes asleep at the workbench. Theodora put the kettle on.',
        '"Morning, Teddy," he said when he woke. "Is that tea?"',
        '"It is," said Theodora. "Drink it."',
        '"You are a saint, Teddy." Callum drank it.',
      ),
    );
    const theodora = c.who('Theodora Vance');
    assert.ok(theodora, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Teddy'), theodora, `cast: ${c.names.join(', ')}`);
    assert.equal(theodora.gender.label, 'female');
  });

  it('characters: a title after "the" names the gender even with "of" ("the Duke of Harle")', () => {
    const c = cast(
      story(
        'The Duke of Harle came to dinner. Everyone watched the Duke of Harle.',
        '"Good evening," said the Duke of Harle. Mira curtsied to the Duke of Harle.',
      ),
    );
    assert.equal(c.who('the Duke of Harle')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
  });

  it("characters: a description's gender comes from a compound's last part or a gendered word before a neutral head", () => {
    const g = (d: string) => descriptionGender(d.split(' '));
    assert.equal(g('the turnpike-keeper'), 'male');
    assert.equal(g('the washer-woman'), 'female');
    assert.equal(g('the woman servant'), 'female');
    assert.equal(g('the boy officer'), 'male');
    assert.equal(g('the coachman'), 'male');
    assert.equal(g('the old porter'), 'male');
    // The head decides when it has a gender of its own; a neutral head with nothing gendered stays so.
    assert.equal(g('the girl guide'), 'female');
    assert.equal(g('the man of law'), 'male');
    assert.equal(g('the young servant'), 'unknown');
    assert.equal(g('the stranger'), 'unknown');
  });

  it('characters: unnamed speakers the pronouns never mention take the gender their description gives', () => {
    const c = cast(
      story(
        'Ellen Marr drove the waggon up to the gate at noon. A turnpike-keeper came out to the road and a boy officer rode up behind.',
        '"Twopence for the gate," said the turnpike-keeper.',
        '"That is too much," said Ellen Marr.',
        '"Pay the man, madam," said the boy officer. "We are all in a hurry."',
      ),
    );
    assert.equal(c.who('the turnpike-keeper')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the boy officer')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
  });

  it('characters: a police rank is a title of men in the fiction of the period ("Superintendent Voss")', () => {
    const c = cast(
      story(
        'Superintendent Voss arrived at nine. Voss looked at the window.',
        '"Nobody came in this way," said Voss. Ellen Marr shook her head.',
      ),
    );
    assert.equal(c.who('Voss')?.gender.label, 'male', `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: people known by their part in the story', () => {
  const c = cast(
    story(
      'Count Orlov came to the inn at dusk. The landlord was asleep by the fire.',
      '"A room," said the count. "We have none," said the landlord. The count laughed at him.',
      '"Then I shall sleep here," said the count, and the landlord shrugged.',
      'A man came in from the yard. "Cold night," the man said. "Very," said the landlord.',
      'Later another man looked in. "Any room?" the man said. Nobody answered him.',
    ),
  );
  it('characters: a role noun that speech tags name twice is a character ("said the landlord")', () => {
    assert.ok(c.who('the landlord'), `cast: ${c.names.join(', ')}`);
  });
  it('characters: "the count" is the one character who bears the title Count', () => {
    const count = c.who('Count Orlov');
    assert.ok(count, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the count'), count);
  });
  it('characters: "the Badger" is "the Grey Badger", and "Badger!" addressed is the same animal', () => {
    const c = cast(
      story(
        'The Grey Badger lived under the oak. "Who is there?" said the Grey Badger.',
        '"Only me," said Nell. "Then go away," said the Badger, and the Badger turned his back.',
        '"Badger, please," said Nell. "Badger, I am lost." The Grey Badger sighed.',
        '"Very well," said the Badger. "Follow me," said the Grey Badger, and Nell followed.',
      ),
    );
    const badger = c.who('the Grey Badger');
    assert.ok(badger, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('the Badger'), badger);
    assert.equal(c.who('Badger'), badger);
  });

  it('characters: a title said alone to someone ("Well, Major,") addresses the one character called "the Major"', () => {
    const c = cast(
      story(
        'The Major sat by the window. Tessa brought him his tea, and the Major thanked her.',
        '"Well, Major," said Tessa, "will you walk today?" "Not today," said the Major.',
        '"You must, Major." The Major sighed. "Very well," said the Major, and rose.',
      ),
    );
    const major = c.who('the Major');
    assert.ok(major, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Major'), major);
    assert.deepEqual(
      c.mentionsOf('the Major').filter((m) => m === 'Major'),
      ['Major', 'Major'],
    );
  });

  it('characters: a peer named with "the" before title and surname is a person ("the Countess Varga")', () => {
    const c = cast(
      story(
        'In May Helena Varga came to the villa. The Countess Varga took the south rooms.',
        'Everyone watched the Countess Varga at dinner. The Countess Varga smiled at no one.',
        '"She is very proud," said Pietro, and Helena Varga laughed when she heard it.',
        'In June the Countess Varga left. Pietro missed the Countess Varga all summer.',
      ),
    );
    const helena = c.who('Helena Varga');
    assert.ok(helena, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Countess Varga'), helena);
  });

  it('characters: a clergyman named with "the" before title and full name is a person ("the Rev. Amos Quill")', () => {
    const c = cast(
      story(
        'The notice on the church door read: The Rev. Amos Quill, aged seventy years.',
        'I thought of Father Quill all that day. Father Quill had taught me my letters.',
        'My aunt said that Father Quill had been a good man, and my uncle nodded.',
      ),
    );
    const quill = c.who('Father Quill');
    assert.ok(quill, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Rev. Amos Quill'), quill);
  });

  it('characters: a word known as no first name after "Marchioness" is her surname, not a given name', () => {
    const c = cast(
      story(
        'Mrs. Dorley Pask ruled the family. Mrs. Dorley Pask had a niece, Livia Dorley.',
        'Livia Dorley came home from Rome. "My dear aunt," said Livia Dorley.',
        'Some called her the Marchioness Dorley. The Marchioness Dorley had married a Roman.',
        'Mrs. Dorley Pask sighed. "The Marchioness Dorley is late again," said Mrs. Dorley Pask.',
        'Mrs. Dorley Pask rang for tea. Mrs. Dorley Pask poured it herself, and Mrs. Dorley Pask drank alone.',
      ),
    );
    const livia = c.who('Livia Dorley');
    assert.ok(livia, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Marchioness Dorley'), livia);
    assert.notEqual(c.who('Mrs. Dorley Pask'), livia);
  });

  it('characters: a word for people in general names no one for the whole book: "a man" and "another man" are two strangers', () => {
    // Each is a character of his own stretch of text (unnamed.ts), not the landlord or the count.
    const men = c.characters.filter((x) => x.name === 'the man');
    assert.equal(men.length, 2, `cast: ${c.names.join(', ')}`);
    assert.notEqual(c.who('the landlord'), men[0]);
  });
});

describe('characters: the parts of a full name', () => {
  it('characters: "Captain Edmund Harrow Pike" is also "Edmund Pike" and "Edmund", but a given name two characters share goes to neither', () => {
    const c = cast(
      story(
        'Captain Edmund Harrow Pike came home from sea. The Captain was tired, and Captain Pike slept.',
        '"Welcome back," said Captain Pike\'s sister. "Thank you," said Captain Pike.',
        'Walter Greaves and Walter Lowe came to dinner. Mr. Greaves talked, and Mr. Lowe listened.',
        '"Good soup," said Mr. Greaves. "Very good," said Mr. Lowe. Mr. Greaves laughed.',
      ),
    );
    const pike = c.who('Captain Pike');
    assert.ok(pike, `cast: ${c.names.join(', ')}`);
    assert.equal(c.who('Edmund'), pike);
    assert.equal(c.who('Edmund Pike'), pike);
    assert.equal(c.who('Walter'), undefined, `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: names whose gender changed sides', () => {
  it('characters: "Carol" is whoever the pronouns say, not a man by the name lists', () => {
    const c = cast(
      story(
        'Carol Penn walked to the station. She had a letter in her pocket, and she kept her hand on it.',
        'Carol stopped at the gate. She looked back at the house where she had been born.',
        'The train was late. Carol sat on her bag and read her letter again.',
      ),
    );
    const carol = c.who('Carol Penn');
    assert.ok(carol, `cast: ${c.names.join(', ')}`);
    assert.equal(carol.gender.label, 'female');
  });
});

describe('characters: names written as adjectives, styles and halves of compounds', () => {
  it('characters: "the Italian" before nouns is an adjective, though "said the Italian lady" tags a quotation', () => {
    const c = cast(
      story(
        'Hester Vane read the Italian notices on the church door. Ambrose smiled at Hester.',
        '"Pray for us," said the Italian lady, and went back to her beads.',
        'Hester spoke of the Italian character all evening. "Nonsense," said Ambrose.',
      ),
    );
    assert.equal(c.who('the Italian'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: "the French" named once under a verb of saying is a people, not a person', () => {
    const c = cast(
      story(
        'Hester Vane had cousins among the French and the Dutch. Ambrose laughed at Hester.',
        'She wore what the French called a pelisse. "It suits you," said Ambrose.',
        'The French had been kind to her. "They were," said Hester.',
      ),
    );
    assert.equal(c.who('the French'), undefined, `cast: ${c.names.join(', ')}`);
  });

  it('characters: a word mostly written before a noun ("Harwick chairs") is a style, not a person', () => {
    const c = cast(
      story(
        'Hester Vane furnished the parlour with Harwick chairs. Ambrose admired Hester.',
        'The Harwick tables came a week later. "Too plain," said Ambrose.',
        'Harwick stood for honest oak, Hester thought, and ordered Harwick bookcases too. "Nonsense," said Hester.',
      ),
    );
    assert.equal(c.who('Harwick'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a given name joined by a hyphen to a capitalised word ("Louis-Seize") is half a style', () => {
    const c = cast(
      story(
        'Hester Vane bought a Louis-Seize clock. Ambrose teased Hester about it.',
        'The Louis-Seize mirror came next, and then a Louis-Treize chest. "Enough," said Ambrose.',
        'Hester kept the Louis-Seize clock on the mantel. "It is lovely," said Hester.',
      ),
    );
    assert.equal(c.who('Louis'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a hyphenated name that speaks stays a person', () => {
    const c = cast(
      story(
        'Jean-Louis opened the shop at eight. Hester Vane was waiting.',
        '"You are early," said Jean-Louis. Hester laughed at Jean-Louis.',
        '"Always," Hester said. Jean-Louis shrugged.',
      ),
    );
    assert.ok(c.who('Louis') ?? c.who('Jean') ?? c.who('Jean-Louis'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: short names of places, titles in quotation marks, oaths', () => {
  it('characters: "Fernleigh" beside "Fernleigh Villa", written as often, is the villa', () => {
    const c = cast(
      story(
        'Hester Vane looked across the lane at Fernleigh Villa. Fernleigh Villa had been built in a month.',
        '"Fernleigh," read Ambrose from the gate of Fernleigh Villa. Ambrose laughed at Hester.',
        '"Who would live in it? Fernleigh!" asked Ambrose. "Hideous, Fernleigh," said Hester.',
      ),
    );
    assert.equal(c.who('Fernleigh'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a play named in quotation marks ("The Lamplighter") is addressed by no one', () => {
    const c = cast(
      story(
        'Hester Vane and Ambrose went to the theatre. The play was "The Lamplighter," and the house was full.',
        'In the second act of the Lamplighter the lovers parted. "Sad," said Ambrose.',
        'Hester had seen "The Lamplighter" twice before. "It is always sad," said Hester.',
      ),
    );
    assert.equal(c.who('the Lamplighter'), undefined, `cast: ${c.names.join(', ')}`);
  });

  it('characters: "by George!" swears an oath and mentions no George', () => {
    const c = cast(
      story(
        'Ambrose Kell threw down his cards. "I will win yet, by George!" Hester laughed at Ambrose.',
        '"By George!" said Ambrose again. "You will not," said Hester.',
        '"No, by George! I will," Ambrose cried. How badly he had behaved by Hester!',
      ),
    );
    assert.equal(c.who('George'), undefined, `cast: ${c.names.join(', ')}`);
    assert.equal(c.mentionsOf('Hester').length, 3, `Hester: ${c.mentionsOf('Hester').join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a name after "the town of" is a place', () => {
  it('characters: "Corvel", reached through "the town of", "the harbour of", "the streets of", is no person', () => {
    const c = cast(
      story(
        'Hester Vane rode down through the town of Corvel. Ambrose followed Hester.',
        'Below them lay the harbour of Corvel. "The sea at last," said Ambrose.',
        'They lost their pursuers in the streets of Corvel. Corvel slept. "Quiet," said Hester.',
      ),
    );
    assert.equal(c.who('Corvel'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: "the works of" an author is no place word: the author stays a person', () => {
    const c = cast(
      story(
        'Hester Vane read the works of Marlowe every winter. Marlowe wrote of kings.',
        'Ambrose preferred the plays of Marlowe. Marlowe thought as Ambrose did, he said.',
        'Hester quoted Marlowe at dinner. "Enough of Marlowe," said Ambrose.',
      ),
    );
    assert.ok(c.who('Marlowe'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a given name that is a city, listed with places or left for', () => {
  it('characters: "Florence" listed after "Paris, Nice and" and left for is a place, though a given name', () => {
    const c = cast(
      story(
        'Hester Vane had houses in Paris, Nice and Florence. Ambrose envied Hester.',
        'They were to leave for Florence on Monday. "I hate packing," said Ambrose.',
        'Hester had been happy at Florence once. "So had I," said Hester.',
      ),
    );
    assert.equal(c.who('Florence'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Hester') && c.who('Ambrose'), `cast: ${c.names.join(', ')}`);
  });
});

describe('characters: a title written with a name is no person of its own', () => {
  it('characters: "the Widow de Vence" is a title before a name, not a character "the Widow"', () => {
    const c = cast(
      story(
        'Mlle. Odile came down with her mother, the Widow de Vence, and her uncle.',
        '"We shall go to the sea," said Mlle. Odile.',
        '"Not this year," said the Widow de Vence. Her daughter sighed.',
        'Later the Widow sat by the fire while Mlle. Odile read aloud.',
      ),
    );
    assert.equal(c.who('the Widow'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Mlle. Odile'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: "Gregory the Priest" is an epithet of a given name, not a character "the Priest"', () => {
    const c = cast(
      story(
        'In the chapel Mabel watched the priest at his prayers.',
        'The old book told of Gregory the Priest, who lived in a cave. Mabel thought the priest looked cold.',
        'The ballad of Gregory the Priest was her favourite. "Sing it again," said Mabel.',
      ),
    );
    assert.equal(c.who('the priest'), undefined, `cast: ${c.names.join(', ')}`);
    assert.ok(c.who('Mabel') && c.who('Gregory'), `cast: ${c.names.join(', ')}`);
  });

  it('characters: a peer\'s title before a particle name ("the Marquis de Vence") still mentions "the Marquis"', () => {
    const c = cast(
      story(
        'At the table sat the Marquis de Vence, smiling. Mabel curtsied to him.',
        '"You are late," said the Marquis. "I am sorry," said Mabel.',
        '"Sit down," said the Marquis.',
      ),
    );
    assert.equal(
      c.mentionsOf('the Marquis').length,
      3,
      `mentions: ${c.mentionsOf('the Marquis').join(', ')}`,
    );
  });

  it('characters: "the Widow" who speaks under that title alone stays a character', () => {
    const c = cast(
      story(
        '"You are late," said the Widow. Mabel curtsied.',
        '"I am sorry," said Mabel. The Widow frowned at her.',
        '"Sit down," said the Widow.',
      ),
    );
    assert.ok(c.who('the Widow'), `cast: ${c.names.join(', ')}`);
  });
});
