import type { LengthTerm } from '../../engine/types.js';

/**
 * The word a fan-fiction reader would use for a story of this length.
 *
 * Fandom terms for short pieces: a drabble is 100 words (allowing a little for how different tools
 * count), a double drabble 200, a ficlet anything under 1,000. A single-chapter story under 17,500
 * words is a one-shot. Longer works, and short ones in several chapters, take the bounds of the
 * SFWA's Nebula categories: short story under 7,500 words, novelette under 17,500, novella under
 * 40,000, novel from 40,000; fandom calls a work of 200,000 words or more an epic.
 */
export function lengthTerm(words: number, chapters: number): LengthTerm {
  if (words <= 110) return 'drabble';
  if (words <= 220) return 'double drabble';
  if (words < 1000) return 'ficlet';
  if (words < 17_500 && chapters <= 1) return 'one-shot';
  if (words < 7500) return 'short story';
  if (words < 17_500) return 'novelette';
  if (words < 40_000) return 'novella';
  if (words < 200_000) return 'novel';
  return 'epic';
}

/**
 * Silent reading speed of fiction, words a minute: Brysbaert (2019), "How many words do we read
 * per minute? A review and meta-analysis of reading rate" — 238 for non-fiction, 260 for fiction.
 */
export const READING_WORDS_PER_MINUTE = 260;

export function readingMinutes(words: number): number {
  return Math.round((words / READING_WORDS_PER_MINUTE) * 10) / 10;
}
