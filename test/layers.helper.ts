/**
 * Builds a story document for the emotion, network, stats and render tests: real segmentation and
 * quotation detection over a text written for the test, with the cast, name mentions and
 * attributions given by the test (so these tests exercise their own stage, not attribution).
 */
import { StoryDocument } from '../src/engine/document.js';
import { OffsetMap } from '../src/engine/offsets.js';
import type { Attribution, Character, Layers, Mention, Scene, SourceText } from '../src/engine/types.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { segmentStage } from '../src/stages/segment/index.js';

export interface StorySpec {
  /** Each character's names; the first is the display name. Every whole-word occurrence is a mention. */
  cast?: string[][];
  /** Speaker index and addressee indices for the quotations, in text order; missing ones abstain. */
  said?: [number, number[]][];
  /** Scenes as paragraph ranges [first, one past last]; present characters are computed. */
  scenes?: [number, number][];
}

export function sourceOf(text: string, name = 'test.txt'): SourceText {
  return {
    name,
    format: 'txt',
    encoding: 'utf-8',
    text,
    meta: {},
    structure: { chapters: [], breaks: [] },
    messages: [],
  };
}

export function storyDoc(text: string, spec: StorySpec = {}): StoryDocument {
  const doc = new StoryDocument(sourceOf(text), text, OffsetMap.identity(text.length), {
    start: 0,
    end: text.length,
  });
  attachAll(doc, segmentStage.run(doc, {}));
  attachAll(doc, quotesStage.run(doc, {}));
  const quotes = doc.layer('quotes');
  const cast = spec.cast ?? [];
  const inQuote = (at: number) => quotes.some((q) => q.spans.some(([s, e]) => s <= at && at < e));
  const mentions: Mention[] = [];
  cast.forEach((names, character) => {
    for (const name of names) {
      const pattern = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + name.length;
        if (mentions.some((x) => x.start < end && start < x.end)) continue;
        mentions.push({ start, end, character, kind: 'proper', inQuote: inQuote(start) });
      }
    }
  });
  mentions.sort((a, b) => a.start - b.start);
  const characters: Character[] = cast.map((names, i) => ({
    id: `C${i}`,
    name: names[0]!,
    aliases: names.slice(1),
    epithets: [],
    gender: { label: 'unknown', confidence: 0 },
    mentionCount: mentions.filter((m) => m.character === i).length,
    narrator: false,
  }));
  const attributions: Attribution[] = quotes.map((_, i) => {
    const said = spec.said?.[i];
    return said
      ? { speaker: said[0], addressees: said[1], confidence: 0.9, method: 'explicit-tag' }
      : { speaker: -1, addressees: [], confidence: 0, method: 'none' };
  });
  doc.attach('characters', characters);
  doc.attach('mentions', mentions);
  doc.attach('pronouns', []);
  doc.attach('attributions', attributions);
  if (spec.scenes) {
    const paragraphs = doc.layer('paragraphs');
    // Cast: the scenes engineer may add fields this test does not need.
    const scenes = spec.scenes.map(([first, last], i) => ({
      start: paragraphs[first]!.start,
      end: paragraphs[last - 1]!.end,
      chapter: 0,
      paragraphStart: first,
      paragraphEnd: last,
      boundary: { kind: i === 0 ? 'start' : 'break', cue: '', confidence: 1 },
      characters: [] as number[],
      stats: { words: 0, dialogueShare: 0 },
    })) as Scene[];
    doc.attach('scenes', scenes);
  }
  return doc;
}

function attachAll<K extends keyof Layers & string>(doc: StoryDocument, layers: Pick<Layers, K>): void {
  for (const [name, value] of Object.entries(layers) as [K, Layers[K]][]) doc.attach(name, value);
}
