/** One analysed story for the renderer tests, built from layers the tests control. */
import type { AnalysisResult } from '../src/engine/result.js';
import { buildResult } from '../src/engine/result.js';
import { emotionStage } from '../src/stages/emotion/index.js';
import { networkStage } from '../src/stages/network/index.js';
import { statsStage } from '../src/stages/stats/index.js';
import { type StorySpec, storyDoc } from './layers.helper.js';

export const STORY = [
  'Chapter One',
  '“Good morning, Ada,” said Tom to Ada. “Lovely weather!”',
  '“It is dreadful & cold,” Ada said. <She> had no patience left.',
  'The day wore on.',
  '* * *',
  'Chapter Two',
  '“I wonder where Tom went,” Ada thought.',
  'The sign on the door said “Closed for winter” in red paint.',
].join('\n\n');

export const SPEC: StorySpec = {
  cast: [['Tom'], ['Ada']],
  // Quotations in text order: Tom's two pieces are one quotation; Ada's line; Ada's thought; the sign.
  said: [
    [0, [1]],
    [1, [0]],
    [1, []],
  ],
  scenes: [
    [0, 4],
    [5, 8],
  ],
};

export function analysedStory(text = STORY, spec: StorySpec = SPEC): AnalysisResult {
  const doc = storyDoc(text, spec);
  doc.attach('emotion', emotionStage.run(doc, {}).emotion);
  doc.attach('network', networkStage.run(doc, {}).network);
  doc.attach('stats', statsStage.run(doc, {}).stats);
  const result = buildResult(doc, ['segment', 'quotes', 'emotion', 'network', 'stats']);
  // Chapters and scenes come from the structure stages; give them here in the result's own terms.
  const chapter = (title: string) => {
    const start = text.indexOf(title);
    return {
      start,
      end: start + title.length,
      title,
      heading: [start, start + title.length] as [number, number],
    };
  };
  const one = chapter('Chapter One');
  const two = chapter('Chapter Two');
  const chapters = [
    { ...one, end: two.start },
    { ...two, end: text.length },
  ];
  const scenes = [
    {
      start: 0,
      end: two.start,
      chapter: 0,
      boundary: { kind: 'start', cue: '', confidence: 1 },
      characters: ['C0', 'C1'],
    },
    {
      start: two.start,
      end: text.length,
      chapter: 1,
      boundary: { kind: 'chapter', cue: 'Chapter Two', confidence: 1 },
      characters: ['C1'],
    },
  ];
  return {
    ...result,
    chapters: chapters as unknown as AnalysisResult['chapters'],
    scenes: scenes as unknown as AnalysisResult['scenes'],
  };
}
