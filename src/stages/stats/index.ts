import { POS } from '../../engine/pos.js';
import type { Stage } from '../../engine/stage.js';
import type { StoryStats } from '../../engine/types.js';

/** Counts words (tokens that are not punctuation or symbols), and the share inside dialogue. */
export const statsStage: Stage<'stats'> = {
  name: 'stats',
  requires: ['tokens', 'sentences', 'paragraphs', 'quotes'],
  provides: ['stats'],
  run(doc) {
    const tokens = doc.layer('tokens');
    const quotes = doc.layer('quotes');
    let words = 0;
    let dialogueWords = 0;
    // Walk tokens and quotation spans together: both are sorted by offset.
    const spans = quotes
      .filter((q) => q.kind === 'speech' || q.kind === 'thought')
      .flatMap((q) => q.spans)
      .sort((a, b) => a[0] - b[0]);
    let si = 0;
    for (let t = 0; t < tokens.count; t++) {
      const pos = tokens.pos[t]!;
      if (pos === POS.PUNCT || pos === POS.SYM || pos === POS.SPACE) continue;
      words++;
      const at = tokens.start[t]!;
      while (si < spans.length && spans[si]![1] <= at) si++;
      const span = spans[si];
      if (span && span[0] <= at) dialogueWords++;
    }
    const stats: StoryStats = {
      words,
      tokens: tokens.count,
      sentences: doc.layer('sentences').length,
      paragraphs: doc.layer('paragraphs').length,
      dialogueWords,
    };
    return { stats };
  },
};
