import type { StoryDocument } from '../../engine/document.js';
import type { Character, Mention } from '../../engine/types.js';

/** Placeholder: cast detection from the text (names, aliases, nicknames, gender). */
export function detectCast(_doc: StoryDocument): { characters: Character[]; mentions: Mention[] } {
  return { characters: [], mentions: [] };
}
