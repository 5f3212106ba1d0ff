import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Stage } from '../../engine/stage.js';
import type { Chapter, Quotation, Scene, SceneBoundaryKind } from '../../engine/types.js';
import { findStructure } from './chapters.js';
import { findImplicitShifts } from './implicit.js';
import { accumulate, type Presence, presenceByParagraph } from './presence.js';

/**
 * Chapters and scenes. Chapters come from headings and markup (chapters.ts). Scenes start at the
 * text's start, at every chapter, after every break line or `<hr>`, and at implicit shifts — a time
 * skip, a change of place, a change of the characters on stage — scored at paragraph starts and kept
 * only above a conservative threshold (implicit.ts).
 */
export const scenesStage: Stage<'chapters' | 'scenes'> = {
  name: 'scenes',
  requires: [
    'paragraphs',
    'sentences',
    'tokens',
    'quotes',
    'characters',
    'mentions',
    'pronouns',
    'attributions',
  ],
  provides: ['chapters', 'scenes'],
  run(doc) {
    return findScenes(doc);
  },
};

interface Boundary {
  paragraph: number;
  kind: SceneBoundaryKind;
  cue: string;
  confidence: number;
}

function findScenes(doc: StoryDocument): { chapters: Chapter[]; scenes: Scene[] } {
  const paragraphs = doc.layer('paragraphs');
  if (paragraphs.length === 0) return { chapters: [], scenes: [] };
  const structure = findStructure(doc, paragraphs);
  const presence = presenceByParagraph(doc, paragraphs);
  const named = presenceByParagraph(doc, paragraphs, { pronouns: false });

  const boundaries: Boundary[] = [{ paragraph: 0, kind: 'start', cue: '', confidence: 1 }];
  structure.chapters.forEach((c, i) => {
    const at = structure.chapterStarts[i]!;
    if (at > 0) boundaries.push({ paragraph: at, kind: 'chapter', cue: c.title, confidence: 1 });
  });
  for (const at of structure.breaks) {
    const line = paragraphs[at - 1]!;
    const cue = line.kind === 'break' ? doc.text.slice(line.start, line.end).replace(/\s+/g, ' ') : '<hr>';
    boundaries.push({ paragraph: at, kind: 'break', cue, confidence: 1 });
  }
  boundaries.sort(byParagraph);
  const explicit = boundaries.map((b) => b.paragraph);
  // The first prose under a chapter heading opens the chapter's scene already (the first chapter's
  // too, when a title page and an author's note come before its heading).
  const underHeading = new Set(structure.headingEnds.map((h) => h + 1));
  for (const shift of findImplicitShifts(doc, paragraphs, named, explicit)) {
    if (!underHeading.has(shift.paragraph)) boundaries.push(shift);
  }
  boundaries.sort(byParagraph);

  const scenes: Scene[] = [];
  let chapter = 0;
  for (let i = 0; i < boundaries.length; i++) {
    const b = boundaries[i]!;
    const endPara = i + 1 < boundaries.length ? boundaries[i + 1]!.paragraph : paragraphs.length;
    while (
      chapter + 1 < structure.chapterStarts.length &&
      structure.chapterStarts[chapter + 1]! <= b.paragraph
    ) {
      chapter++;
    }
    scenes.push({
      start: paragraphs[b.paragraph]!.start,
      end: paragraphs[endPara - 1]!.end,
      chapter,
      paragraphStart: b.paragraph,
      paragraphEnd: endPara,
      boundary: { kind: b.kind, cue: b.cue, confidence: b.confidence },
      characters: castOf(presence, b.paragraph, endPara),
      stats: { words: 0, dialogueShare: 0 },
    });
  }
  countWords(doc, scenes);
  return { chapters: structure.chapters, scenes };
}

/**
 * Characters present in paragraphs [from, to), most referred to first: those referred to at least
 * twice, or speaking at all (a speaker is one reference too, so a single line of dialogue with a
 * tag counts twice).
 */
function castOf(presence: Presence, from: number, to: number): number[] {
  if (presence.size === 0) return [];
  const counts = new Float64Array(presence.size);
  accumulate(presence, from, to, counts);
  const present: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c]! >= 2) present.push(c);
  return present.sort((a, b) => counts[b]! - counts[a]! || a - b);
}

/** Words (tokens that are not punctuation or symbols) per scene and the share inside dialogue. */
function countWords(doc: StoryDocument, scenes: Scene[]): void {
  const tokens = doc.layer('tokens');
  const spans = doc
    .layer('quotes')
    .filter((q) => q.kind === 'speech' || q.kind === 'thought')
    .flatMap(spansOf)
    .sort(byFirst);
  // No closure over the counters: a closure would keep them in a heap context in the token loop.
  let s = 0;
  let si = 0;
  let words = 0;
  let dialogue = 0;
  for (let t = 0; t < tokens.count; t++) {
    const at = tokens.start[t]!;
    while (s + 1 < scenes.length && scenes[s + 1]!.start <= at) {
      setStats(scenes[s], words, dialogue);
      words = 0;
      dialogue = 0;
      s++;
    }
    const pos = tokens.pos[t]!;
    if (pos === POS.PUNCT || pos === POS.SYM || pos === POS.SPACE) continue;
    words++;
    while (si < spans.length && spans[si]![1] <= at) si++;
    const span = spans[si];
    if (span && span[0] <= at) dialogue++;
  }
  setStats(scenes[s], words, dialogue);
  for (let rest = s + 1; rest < scenes.length; rest++) scenes[rest]!.stats = { words: 0, dialogueShare: 0 };
}

function setStats(scene: Scene | undefined, words: number, dialogue: number): void {
  if (scene) scene.stats = { words, dialogueShare: words > 0 ? dialogue / words : 0 };
}

const byParagraph = (a: { paragraph: number }, b: { paragraph: number }): number => a.paragraph - b.paragraph;
const spansOf = (q: Quotation): [number, number][] => q.spans;
const byFirst = (a: readonly [number, number], b: readonly [number, number]): number => a[0] - b[0];
