/**
 * Scenes and chapters: break lines, headings, markup structure and implicit shifts (time, place,
 * cast). Every sentence here is the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, analyseHtml, sceneStarts, story } from './structure.helper.js';

/** Three quiet paragraphs of one scene: narration and dialogue in the same kitchen. */
const KITCHEN = [
  'Mara scraped the last of the porridge into the bin and stood the pan to soak. The kitchen window had steamed over, and someone had drawn a lopsided sun in the mist.',
  '“You’ll be late,” said Tobias from the doorway, holding out her scarf.',
  'She took it from him without a word and wound it twice round her neck, the way their mother used to.',
];

/** Three paragraphs somewhere else with the same two people. */
const HARBOUR = [
  'The wind came straight off the water and made her eyes sting. Gulls argued over something on the slipway.',
  '“There,” said Tobias, pointing. “That’s the one.”',
  'Mara looked at the little blue boat for a long time and said nothing at all.',
];

describe('scenes: explicit breaks', () => {
  const markers: [string, string][] = [
    ['three asterisks', '***'],
    ['spaced asterisks', '* * *'],
    ['a hash', '#'],
    ['tildes', '~~~'],
    ['a fleuron', '❧'],
    ['an asterism', '⁂'],
    ['a rule of hyphens', '-----'],
    ['o0o', 'o0o'],
  ];
  for (const [name, marker] of markers) {
    it(`scenes: a line of ${name} starts a new scene at the paragraph after it`, () => {
      const doc = analyse(story(...KITCHEN, marker, ...HARBOUR), [['Mara'], ['Tobias']]);
      assert.deepEqual(sceneStarts(doc), ['start@Mara scraped the', 'break@The wind came']);
      assert.equal(doc.layer('scenes')[1]!.boundary.cue, marker);
    });
  }

  it('scenes: several break lines in a row are one break', () => {
    const doc = analyse(story(...KITCHEN, '*   *   *', '*   *   *', '*   *   *', ...HARBOUR), [
      ['Mara'],
      ['Tobias'],
    ]);
    assert.deepEqual(sceneStarts(doc), ['start@Mara scraped the', 'break@The wind came']);
  });

  it('scenes: a break line at the very end opens nothing', () => {
    const doc = analyse(story(...KITCHEN, '* * *'), [['Mara'], ['Tobias']]);
    assert.equal(doc.layer('scenes').length, 1);
  });

  it('scenes: <hr> in HTML is a break and <h2> headings are chapters, whatever their wording', () => {
    const html = `<html><head><title>Two Rooms</title></head><body><h1>Two Rooms</h1>
      <h2>The Kitchen</h2>${KITCHEN.map((p) => `<p>${p}</p>`).join('')}<hr>
      <p>Later the kettle boiled dry while nobody watched it, and the smell of hot metal filled the hall.</p>
      <h2>The Harbour</h2>${HARBOUR.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    const doc = analyseHtml(html, [['Mara'], ['Tobias']]);
    assert.deepEqual(
      doc.layer('chapters').map((c) => c.title),
      ['The Kitchen', 'The Harbour'],
    );
    assert.deepEqual(
      doc.layer('scenes').map((s) => s.boundary.kind),
      ['start', 'break', 'chapter'],
    );
  });
});

describe('scenes: chapter headings', () => {
  const headings: [string, string[], string][] = [
    ['Chapter 7', ['Chapter 7'], 'Chapter 7'],
    ['CHAPTER VII.', ['CHAPTER VII.'], 'CHAPTER VII.'],
    ['Part Two', ['Part Two'], 'Part Two'],
    ['a keyword line and a number line', ['CHAPTER', '14'], 'CHAPTER 14'],
    ['a numeral line and a title line', ['XVII', 'THE LONG WALK'], 'XVII — THE LONG WALK'],
    ['a part heading and a chapter heading', ['PART TWO', 'CHAPTER III.'], 'PART TWO — CHAPTER III.'],
  ];
  for (const [name, lines, title] of headings) {
    it(`scenes: ${name} opens one chapter titled "${title}"`, () => {
      const doc = analyse(story('Chapter 1', ...KITCHEN, ...lines, ...HARBOUR), [['Mara'], ['Tobias']]);
      const chapters = doc.layer('chapters');
      assert.deepEqual(
        chapters.map((c) => c.title),
        ['Chapter 1', title],
      );
      const scenes = doc.layer('scenes');
      assert.deepEqual(
        scenes.map((s) => s.boundary.kind),
        ['start', 'chapter'],
      );
      assert.equal(scenes[1]!.paragraphStart, 1 + KITCHEN.length);
      assert.equal(scenes[1]!.chapter, 1);
    });
  }

  it('scenes: a break line right before a heading belongs to the chapter, not a scene of its own', () => {
    const doc = analyse(story(...KITCHEN, '* * *', 'CHAPTER II.', ...HARBOUR), [['Mara'], ['Tobias']]);
    assert.deepEqual(
      doc.layer('scenes').map((s) => s.boundary.kind),
      ['start', 'chapter'],
    );
  });

  it('scenes: a title and a byline before the first heading do not make a chapter of their own', () => {
    const doc = analyse(
      story('The Blue Boat', 'by A. N. Author', 'Chapter 1', ...KITCHEN, 'Chapter 2', ...HARBOUR),
    );
    assert.deepEqual(
      doc.layer('chapters').map((c) => c.title),
      ['Chapter 1', 'Chapter 2'],
    );
    assert.equal(doc.layer('chapters')[0]!.start, 0);
  });

  it('scenes: an ALL-CAPS line inside a text with numbered chapters is not a chapter', () => {
    const doc = analyse(
      story('Chapter 1', ...KITCHEN, 'NOTICE TO TENANTS.', ...KITCHEN, 'Chapter 2', ...HARBOUR),
    );
    assert.deepEqual(
      doc.layer('chapters').map((c) => c.title),
      ['Chapter 1', 'Chapter 2'],
    );
  });

  it('scenes: in a text whose chapters are all unnumbered, ALL-CAPS title lines are chapters', () => {
    const doc = analyse(story('THE KITCHEN', ...KITCHEN, 'THE HARBOUR', ...HARBOUR, 'THE BOAT', ...KITCHEN));
    assert.deepEqual(
      doc.layer('chapters').map((c) => c.title),
      ['THE KITCHEN', 'THE HARBOUR', 'THE BOAT'],
    );
  });

  it('scenes: a text without headings is one untitled chapter, and scenes cover it without gaps', () => {
    const doc = analyse(story(...KITCHEN, '* * *', ...HARBOUR), [['Mara'], ['Tobias']]);
    const [chapter] = doc.layer('chapters');
    assert.equal(doc.layer('chapters').length, 1);
    assert.equal(chapter!.title, '');
    const scenes = doc.layer('scenes');
    const paragraphs = doc.layer('paragraphs');
    assert.equal(scenes[0]!.paragraphStart, 0);
    for (let i = 1; i < scenes.length; i++)
      assert.equal(scenes[i]!.paragraphStart, scenes[i - 1]!.paragraphEnd);
    assert.equal(scenes[scenes.length - 1]!.paragraphEnd, paragraphs.length);
  });
});

describe('scenes: implicit shifts', () => {
  const cast = [['Mara'], ['Tobias']];
  const skips: [string, string][] = [
    [
      'The next morning',
      'The next morning the fog had lifted, and the whole bay lay flat and silver below the house.',
    ],
    [
      'Three weeks later',
      'Three weeks later the boat was painted, though nobody could agree on what to call her.',
    ],
    [
      'That night',
      'That night the wind got up, and the shutters knocked against the wall until nearly dawn.',
    ],
    [
      'By the time',
      'By the time he got home the streetlights were on, and the smell of frying onions came down the stairs to meet him.',
    ],
    [
      'A few days later',
      'A few days later a parcel came for Mara, wrapped in brown paper and far too much string.',
    ],
    [
      'On the last Saturday',
      'On the last Saturday of the holidays they carried the oars down to the shed together.',
    ],
  ];
  for (const [name, paragraph] of skips) {
    it(`scenes: a narration paragraph opening "${name}" starts a time scene`, () => {
      const doc = analyse(story(...KITCHEN, paragraph, ...HARBOUR.slice(1)), cast);
      const kinds = doc.layer('scenes').map((s) => s.boundary.kind);
      assert.deepEqual(kinds, ['start', 'time']);
      assert.equal(doc.layer('scenes')[1]!.paragraphStart, KITCHEN.length);
    });
  }

  it('scenes: a "that evening" inside a paragraph of an ongoing scene is not a boundary', () => {
    const doc = analyse(
      story(
        ...KITCHEN,
        'Mara had told her aunt she would be back that evening, and she knew already that she would not be.',
        '“Go on, then,” said Tobias.',
        'She went.',
      ),
      cast,
    );
    assert.deepEqual(
      doc.layer('scenes').map((s) => s.boundary.kind),
      ['start'],
    );
  });

  it('scenes: a line of dialogue that opens with a time phrase is not a boundary', () => {
    const doc = analyse(
      story(
        ...KITCHEN,
        '“The next morning we sail,” said Tobias, “whatever the weather.”',
        ...KITCHEN.slice(2),
      ),
      cast,
    );
    assert.equal(doc.layer('scenes').length, 1);
  });

  it('scenes: a locative opener with a new place ("At the station, …") starts a place scene', () => {
    const doc = analyse(
      story(
        ...KITCHEN,
        'At the station, a porter was sweeping the platform in long slow strokes when Mara came through the gate.',
        '“Return to Carrow,” she said at the window.',
        'The clerk slid the ticket under the glass without looking up.',
      ),
      [['Mara'], ['Tobias']],
    );
    assert.deepEqual(
      doc.layer('scenes').map((s) => s.boundary.kind),
      ['start', 'place'],
    );
  });

  it('scenes: a journey that ends in a new place starts a scene; reaching, leaving or planning one does not', () => {
    const after = (opening: string) =>
      analyse(story(...KITCHEN, opening, '“Well?” said Tobias.', 'Mara shrugged and said it could wait.'), [
        ['Mara'],
        ['Tobias'],
      ])
        .layer('scenes')
        .map((s) => s.boundary.kind);
    for (const opening of [
      'Mara walked down the hill to the village with the empty basket on her arm.',
      'Mara hurried out of the house to the station with the basket on her arm.',
      'Mara was sitting on the old chair in the parlour with the basket on her knee.',
      'Mara walked back along the lane to the station with the basket on her arm.',
    ]) {
      assert.deepEqual(after(opening), ['start', 'place'], opening);
    }
    for (const opening of [
      'Mara reached over for the dish towel that hung by the stove and dried her hands slowly.',
      'Without another word Mara went out of the house and let the door bang behind her.',
      'On Sundays they would go on to the park after church, whatever the weather.',
      'It lay in the porch where Tobias had dropped it, unopened.',
      'Mara and Tobias walked back along the harbour wall in the last of the evening light.',
    ]) {
      assert.deepEqual(after(opening), ['start'], opening);
    }
  });

  it('scenes: "Once in a while" is not a change of place', () => {
    const doc = analyse(
      story(
        ...KITCHEN,
        'Once in a while Tobias glanced at the clock, but he said nothing more about the time.',
        ...KITCHEN.slice(1),
      ),
      cast,
    );
    assert.equal(doc.layer('scenes').length, 1);
  });

  it('scenes: when the narration leaves two characters for two others seated in another room, a scene starts', () => {
    const doc = analyse(
      story(
        'Mara and Tobias carried the ladder round to the back of the house. Mara held it while Tobias climbed.',
        '“Higher,” said Mara. “The gutter’s full of leaves.”',
        'Tobias reached in up to his elbow and flung a black handful onto the lawn. Mara laughed at him.',
        '“Your turn next,” said Tobias.',
        'Mara shook her head and held the ladder tighter.',
        'Ivo Brandt sat in the back office of the bank with Helga Sand, going through the ledger line by line. Ivo had found the mistake an hour ago and had not yet told Helga.',
        '“It’s here,” said Ivo at last. Helga leaned over to look.',
        'Helga read the figure twice. Ivo watched her face and waited.',
        '“Who else knows?” asked Helga.',
        'Ivo told her nobody did. Helga closed the ledger.',
      ),
      [['Mara'], ['Tobias'], ['Ivo Brandt', 'Ivo'], ['Helga Sand', 'Helga']],
    );
    const scenes = doc.layer('scenes');
    // The cast changes entirely and "sat in the back office" seats the new pair somewhere else: the
    // place is the stronger cue (a new cast alone is below the threshold).
    assert.deepEqual(
      scenes.map((s) => s.boundary.kind),
      ['start', 'place'],
    );
    assert.equal(scenes[1]!.paragraphStart, 5);
    const characters = doc.layer('characters');
    assert.deepEqual(scenes[1]!.characters.map((c) => characters[c]!.name).sort(), [
      'Helga Sand',
      'Ivo Brandt',
    ]);
  });

  it('scenes: a character joining the people already present is an entrance, not a new scene', () => {
    const doc = analyse(
      story(
        ...KITCHEN,
        'Ivo came in from the yard, stamping the snow off his boots, and sat down at the table with them.',
        '“Is there tea?” asked Ivo. Mara pushed the pot towards him and Tobias found him a cup.',
        'Ivo drank it in one go while Mara and Tobias watched him.',
      ),
      [['Mara'], ['Tobias'], ['Ivo']],
    );
    assert.equal(doc.layer('scenes').length, 1);
  });
});

describe('scenes: per-scene figures', () => {
  it('scenes: each scene counts its words and the share of them in dialogue', () => {
    const doc = analyse(story(...KITCHEN, '* * *', 'Nobody spoke on the long walk down to the harbour.'), [
      ['Mara'],
      ['Tobias'],
    ]);
    const [first, second] = doc.layer('scenes');
    assert.ok(first!.stats.words > 40);
    assert.ok(first!.stats.dialogueShare > 0 && first!.stats.dialogueShare < 0.2);
    assert.equal(second!.stats.words, 10);
    assert.equal(second!.stats.dialogueShare, 0);
  });
});
