/**
 * Runs the real pipeline up to the pov stage over a text written for a scenes or pov test, with the
 * cast given (as `--characters` would), so these tests exercise structure and point of view rather
 * than cast detection.
 */
import type { StoryDocument } from '../src/engine/document.js';
import { createEngine } from '../src/engine/engine.js';
import type { GivenCharacter } from '../src/engine/stage.js';
import type { Scene, SourceText } from '../src/engine/types.js';
import { htmlSource } from '../src/ingest/ingest.js';

export function textSource(text: string, name = 'test.txt'): SourceText {
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

/** A cast from display names: `[['Mara Quist', 'Mara'], ['Tobias']]`; `_narr` marks the narrator. */
export function castOf(names: readonly (readonly string[])[]): GivenCharacter[] {
  return names.map((n, i) => ({ id: `c${i}`, name: n[0]!, aliases: n.slice(1) }));
}

export function analyse(text: string, cast: readonly (readonly string[])[] = []): StoryDocument {
  const engine = createEngine({ until: 'pov', characters: castOf(cast) });
  return engine.process(textSource(text));
}

export function analyseHtml(html: string, cast: readonly (readonly string[])[] = []): StoryDocument {
  const engine = createEngine({ until: 'pov', characters: castOf(cast) });
  return engine.process(htmlSource(html, 'test.html'));
}

/** Paragraphs joined with blank lines, the way a plain-text story is written. */
export function story(...paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

/** Each scene as `kind@first words of its first paragraph`. */
export function sceneStarts(doc: StoryDocument): string[] {
  const paragraphs = doc.layer('paragraphs');
  return doc.layer('scenes').map((s: Scene) => {
    const p = paragraphs[s.paragraphStart]!;
    const words = doc.text.slice(p.start, p.end).split(/\s+/).slice(0, 3).join(' ');
    return `${s.boundary.kind}@${words}`;
  });
}
