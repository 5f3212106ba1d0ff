import type { StoryDocument } from './document.js';
import type { ArcShape, LengthTerm, SentenceLengths } from './types.js';

/**
 * The story-level parts of the result (feeling, network, writing statistics): their output types
 * and the mapping from layers, where character indices become character ids and working-text
 * offsets become source offsets. Kept apart from result.ts so that file stays a short list of
 * fields.
 */

type Id = string | number;

export interface EmotionResult {
  /** Every sentence as [start, end, valence]: source offsets and VADER compound valence (4 decimals). */
  sentences: [number, number, number][];
  /** The smoothed arc at narrative time 0, 1 … 100, on the sentences' valence scale. */
  arc: number[];
  shape: ArcShape;
  /** How clearly the arc has that shape, 0…1. */
  shapeFit: number;
  /** Mean valence of each character's speech and of the narration mentioning them; null when none. */
  characters: {
    character: Id;
    speech: number | null;
    narration: number | null;
    quotes: number;
    sentences: number;
  }[];
  /** Mean valence of what `from` says to `to`. */
  pairs: { from: Id; to: Id; valence: number; quotes: number }[];
}

export interface NetworkResult {
  /** Directed: speaker → addressee, with the quotations and their words. */
  conversation: { from: Id; to: Id; quotes: number; words: number }[];
  /** Undirected (listed once): shared scenes, and paragraphs together within the window. */
  cooccurrence: { from: Id; to: Id; scenes: number; paragraphs: number }[];
}

export interface StatsResult {
  words: number;
  tokens: number;
  sentences: number;
  paragraphs: number;
  dialogueWords: number;
  dialogueShare: number;
  lengthTerm: LengthTerm;
  readingMinutes: number;
  speech: { character: Id; words: number; quotes: number; share: number }[];
  tags: { verb: string; count: number; plain: boolean }[];
  tagSummary: { tagged: number; plain: number; other: number; withAdverb: number };
  tagAdverbs: { adverb: string; count: number }[];
  sentenceLengths: SentenceLengths;
  pacing: {
    start: number;
    end: number;
    index: number;
    unit: 'scene' | 'chapter' | 'text';
    words: number;
    dialogueWords: number;
    dialogueShare: number;
    quotes: number;
  }[];
}

interface Mapping {
  /** Working offsets → source offsets. */
  span: (start: number, end: number) => [number, number];
  /** Character index → external id. */
  id: (index: number) => Id;
}

function mapping(doc: StoryDocument): Mapping {
  const characters = doc.has('characters') ? doc.layer('characters') : [];
  return {
    span: (start, end) => [doc.map.toSource(start), doc.map.toSource(end)],
    id: (index) => characters[index]?.id ?? index,
  };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function emotionResult(doc: StoryDocument): EmotionResult | undefined {
  if (!doc.has('emotion')) return undefined;
  const { span, id } = mapping(doc);
  const emotion = doc.layer('emotion');
  const sentences = doc.layer('sentences');
  return {
    sentences: sentences.map((s, i) => {
      const [start, end] = span(s.start, s.end);
      return [start, end, round4(emotion.sentence[i] ?? 0)];
    }),
    arc: emotion.arc.map(round4),
    shape: emotion.shape,
    shapeFit: round4(emotion.shapeFit),
    characters: emotion.characters.map((c) => ({
      character: id(c.character),
      speech: c.quotes > 0 ? round4(c.speech) : null,
      narration: c.sentences > 0 ? round4(c.narration) : null,
      quotes: c.quotes,
      sentences: c.sentences,
    })),
    pairs: emotion.pairs.map((p) => ({
      from: id(p.from),
      to: id(p.to),
      valence: round4(p.valence),
      quotes: p.quotes,
    })),
  };
}

export function networkResult(doc: StoryDocument): NetworkResult | undefined {
  if (!doc.has('network')) return undefined;
  const { id } = mapping(doc);
  const network = doc.layer('network');
  return {
    conversation: network.conversation.map((e) => ({ ...e, from: id(e.from), to: id(e.to) })),
    cooccurrence: network.cooccurrence.map((e) => ({ ...e, from: id(e.from), to: id(e.to) })),
  };
}

export function statsResult(doc: StoryDocument): StatsResult | undefined {
  if (!doc.has('stats')) return undefined;
  const { span, id } = mapping(doc);
  const stats = doc.layer('stats');
  return {
    ...stats,
    speech: stats.speech.map((s) => ({ ...s, character: id(s.character) })),
    tags: stats.tags.map((t) => ({ ...t })),
    tagSummary: { ...stats.tagSummary },
    tagAdverbs: stats.tagAdverbs.map((t) => ({ ...t })),
    sentenceLengths: {
      ...stats.sentenceLengths,
      histogram: stats.sentenceLengths.histogram.map((h) => ({ ...h })),
    },
    pacing: stats.pacing.map((p) => {
      const [start, end] = span(p.start, p.end);
      return { ...p, start, end };
    }),
  };
}
