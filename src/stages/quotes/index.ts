import type { StoryDocument } from '../../engine/document.js';
import type { Stage, StageContext } from '../../engine/stage.js';
import type { Paragraph, Quotation } from '../../engine/types.js';
import { detectQuotations } from './detect.js';

/**
 * Quotations: detected from the text, or taken from `--quotes` (source offsets mapped into the
 * working text; their ids and spans are kept).
 */
export const quotesStage: Stage<'quotes'> = {
  name: 'quotes',
  requires: ['paragraphs', 'sentences', 'tokens'],
  provides: ['quotes'],
  run(doc, context) {
    const quotes = context.givenQuotes ? givenQuotations(doc, context) : detectQuotations(doc);
    return { quotes };
  },
};

function givenQuotations(doc: StoryDocument, context: StageContext): Quotation[] {
  const paragraphs = doc.layer('paragraphs');
  const given = [...(context.givenQuotes ?? [])];
  const quotes = given.map((g) => {
    const spans = g.spans.map(([s, e]) => [doc.map.toWorking(s), doc.map.toWorking(e)] as [number, number]);
    spans.sort((a, b) => a[0] - b[0]);
    const sourceSpans = g.spans.map(([s, e]) => [s, e] as [number, number]).sort((a, b) => a[0] - b[0]);
    return {
      id: g.id,
      spans,
      sourceSpans,
      kind: 'speech' as const,
      mark: 'given' as const,
      paragraph: paragraphAt(paragraphs, spans[0]![0]),
      paragraphEnd: paragraphAt(paragraphs, spans[spans.length - 1]![1] - 1),
    };
  });
  // Stages downstream walk quotations in text order.
  return quotes.sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
}

/** Index of the paragraph containing `offset` (or the last one starting before it). */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
