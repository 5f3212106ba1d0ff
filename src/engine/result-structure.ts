import type { StoryDocument } from './document.js';
import type { PointOfView, SceneBoundaryKind } from './types.js';

/** Output shapes of the structure layers (chapters, scenes, point of view); see schema.json. */

export interface ChapterResult {
  start: number;
  end: number;
  title: string;
  /** Source span of the heading line(s), or null when the chapter is known from markup only or untitled. */
  heading: [number, number] | null;
}

export type Person = PointOfView['person'];

export interface ScenePov {
  person: Person;
  /** Focal character id, or null when none could be told. */
  focal: string | number | null;
  confidence: number;
}

export interface SceneResult {
  start: number;
  end: number;
  /** Index into `chapters`. */
  chapter: number;
  boundary: { kind: SceneBoundaryKind; cue: string; confidence: number };
  /** Character ids present, most present first. */
  characters: (string | number)[];
  pov: ScenePov | null;
  stats: { words: number; dialogueShare: number };
}

export interface PovResult {
  person: Person;
  /** Focal characters by the number of scenes they focalise, most first. */
  focal: { character: string | number; scenes: number }[];
}

type SpanOf = (start: number, end: number) => [number, number];
type IdOf = (index: number) => string | number | null;

export function chaptersResult(doc: StoryDocument, span: SpanOf): ChapterResult[] {
  if (!doc.has('chapters')) return [];
  const paragraphs = doc.layer('paragraphs');
  return doc.layer('chapters').map((c) => {
    const [start, end] = span(c.start, c.end);
    const first = c.heading >= 0 ? paragraphs[c.heading] : undefined;
    if (!first) return { start, end, title: c.title, heading: null };
    // The heading span covers the whole run of heading lines ("PART TWO", "CHAPTER III.").
    let last = c.heading;
    while (paragraphs[last + 1]?.kind === 'heading') last++;
    return { start, end, title: c.title, heading: span(first.start, paragraphs[last]!.end) };
  });
}

export function scenesResult(doc: StoryDocument, span: SpanOf, idOf: IdOf): SceneResult[] {
  if (!doc.has('scenes')) return [];
  const pov = doc.has('pov') ? doc.layer('pov') : undefined;
  return doc.layer('scenes').map((s, i) => {
    const [start, end] = span(s.start, s.end);
    const p = pov?.scenes[i];
    return {
      start,
      end,
      chapter: s.chapter,
      boundary: { kind: s.boundary.kind, cue: s.boundary.cue, confidence: round3(s.boundary.confidence) },
      characters: s.characters.map(idOf).filter((id): id is string | number => id !== null),
      pov: p ? { person: p.person, focal: idOf(p.focal), confidence: round3(p.confidence) } : null,
      stats: { words: s.stats.words, dialogueShare: round3(s.stats.dialogueShare) },
    };
  });
}

export function povResult(doc: StoryDocument, idOf: IdOf): PovResult | undefined {
  if (!doc.has('pov')) return undefined;
  const pov = doc.layer('pov');
  const scenes = new Map<number, number>();
  for (const s of pov.scenes) if (s.focal >= 0) scenes.set(s.focal, (scenes.get(s.focal) ?? 0) + 1);
  const focal: PovResult['focal'] = [];
  for (const [c, n] of [...scenes].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const id = idOf(c);
    if (id !== null) focal.push({ character: id, scenes: n });
  }
  return { person: pov.person, focal };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
