/**
 * Point of view: the person of the narration, and each scene's focal character — whose perceptions
 * and thoughts the narration reports. Every sentence here is the project's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoryDocument } from '../src/engine/document.js';
import { analyse, story } from './structure.helper.js';

function focalNames(doc: StoryDocument): string[] {
  const characters = doc.layer('characters');
  return doc.layer('pov').scenes.map((s) => characters[s.focal]?.name ?? '-');
}

describe('pov: person of the narration', () => {
  const texts: [string, string, string][] = [
    [
      'first person, past tense',
      story(
        'I had not meant to stay so long at the market. By the time I noticed the light going, my bag was full of things I did not need and my feet hurt.',
        'My brother was waiting at the corner with his collar turned up. I waved, and he pretended not to see me.',
        '“You said four,” he said.',
        'I told him the clock on the church was wrong, which was true, and that I had been watching it, which was not.',
      ),
      'first',
    ],
    [
      'third person with an “I” only in dialogue',
      story(
        'Nell had not meant to stay so long at the market. By the time she noticed the light going, her bag was full of things she did not need.',
        '“I said four,” her brother told her. “I have been standing here an hour.”',
        '“I know, I know,” said Nell. “I lost track.”',
        'She handed him the heavier bag, and he took it without another word, the way he always did.',
      ),
      'third',
    ],
    [
      'second person',
      story(
        'You wake before the alarm and lie still, listening to the rain on the skylight. Your phone is face down on the floor where you dropped it.',
        'You know before you turn it over that there will be a message from your sister, and you know what it will say.',
        'You get up anyway. You make the coffee. You let it go cold on the windowsill while you stand there and watch the street fill up with umbrellas.',
      ),
      'second',
    ],
  ];
  for (const [name, text, person] of texts) {
    it(`pov: ${name} is told in the ${person} person`, () => {
      assert.equal(analyse(text).layer('pov').person, person);
    });
  }

  it('pov: a first-person text keeps its narrator as focal through a descriptive scene without “I”', () => {
    const doc = analyse(
      story(
        'I walked down to the harbour at six, as I did every morning that summer. I liked the hour before the boats went out, when I had the quay to myself.',
        'My landlady had left bread and cheese on the step for me, and I ate it sitting on a bollard while I watched the tide turn.',
        '* * *',
        'The fair came to the town on the Saturday. Booths went up along the sea wall, and a roundabout with painted horses turned all afternoon on the green. Children ran between the stalls with sticky hands, and the brass band played the same three tunes over and over until the light went.',
        'By evening the whole front smelled of frying fat and trodden grass, and the gulls had grown too fat to fly.',
      ),
      [['Tom Avery', 'Tom', '_narr']],
    );
    const pov = doc.layer('pov');
    assert.equal(pov.person, 'first');
    assert.deepEqual(focalNames(doc), ['Tom Avery', 'Tom Avery']);
  });
});

describe('pov: focal character', () => {
  it('pov: the character who feels, wonders and realises is focal, not the one who acts the most', () => {
    const doc = analyse(
      story(
        'Gideon hauled the trunk up the last flight of stairs and dropped it on the landing. He wiped his face, kicked the door open, and carried the trunk in.',
        'Ada followed him slowly. She felt the cold of the empty room at once, and she wondered how long it had stood shut.',
        'Gideon opened the shutters, dragged the bed away from the wall, and banged the dust out of the pillows against the window frame.',
        'Ada realised that she was holding her breath. It seemed to her that the room was waiting for somebody else.',
        '“It’ll do,” said Gideon.',
      ),
      [['Gideon'], ['Ada']],
    );
    assert.deepEqual(focalNames(doc), ['Ada']);
    assert.ok(doc.layer('pov').scenes[0]!.confidence > 0.5);
  });

  it('pov: focal characters can change from one scene to the next', () => {
    const doc = analyse(
      story(
        'Ada sat by the window with the letter in her lap. She knew the handwriting before she had read a word, and she felt her hands go cold.',
        'She remembered the last time she had seen it, on a postcard from the coast, and she wondered why he had waited so long.',
        '* * *',
        'Gideon stood at the bus stop in the rain and thought about the letter he had posted. He realised, too late, that he had not signed it.',
        'He wondered whether Ada would know it was his. He hoped she would. He feared she would not.',
      ),
      [['Gideon'], ['Ada']],
    );
    assert.deepEqual(focalNames(doc), ['Ada', 'Gideon']);
  });

  it('pov: “it seemed to her” makes the woman focal', () => {
    const doc = analyse(
      story(
        'Gideon talked to Ada all through supper about the new boat, the engine, the price of diesel, and the fool at the yard who had quoted him double.',
        'It seemed to her that he had not drawn breath since the soup. It occurred to her that he was frightened.',
        'Gideon poured more wine and went on talking.',
      ),
      [['Gideon'], ['Ada']],
    );
    assert.deepEqual(focalNames(doc), ['Ada']);
  });

  it('pov: a scene with no character at all has no focal character', () => {
    const doc = analyse(
      story(
        'The valley filled with fog before dawn. By seven only the church tower stood above it, and the rooks circled the tower as if it were an island.',
        'Later the sun burned through, and the fields came back one by one, wet and shining.',
      ),
    );
    assert.deepEqual(
      doc.layer('pov').scenes.map((s) => s.focal),
      [-1],
    );
  });
});
