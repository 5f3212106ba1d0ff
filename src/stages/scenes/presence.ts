import type { StoryDocument } from '../../engine/document.js';
import type { Mention, Paragraph } from '../../engine/types.js';

/**
 * Who is on stage, paragraph by paragraph: every narration mention of a character (names and
 * resolved pronouns) and every attributed speaker, as a compressed sparse row table
 * (`chars[offsets[p] .. offsets[p + 1])` are the references in paragraph p). Mentions inside
 * quotations are left out: people talked about are mostly people absent.
 *
 * With `pronouns: false` only names and speakers count: that is what the cast-change evidence
 * uses, because salience-based resolution hands the first "he" after a scene change to the man of
 * the scene before, which hides exactly the change being looked for.
 */
export interface Presence {
  offsets: Int32Array;
  chars: Int32Array;
  /** Number of characters (the width of a per-character vector). */
  size: number;
}

export function presenceByParagraph(
  doc: StoryDocument,
  paragraphs: readonly Paragraph[],
  options: Readonly<{ pronouns: boolean }> = { pronouns: true },
): Presence {
  const n = paragraphs.length;
  const size = doc.layer('characters').length;
  const refPara: number[] = [];
  const refChar: number[] = [];
  addMentions(doc.layer('mentions'), paragraphs, refPara, refChar);
  if (options.pronouns) addMentions(doc.layer('pronouns'), paragraphs, refPara, refChar);
  const quotes = doc.layer('quotes');
  const attributions = doc.layer('attributions');
  for (let i = 0; i < quotes.length; i++) {
    const speaker = attributions[i]?.speaker ?? -1;
    const q = quotes[i]!;
    if (speaker >= 0 && q.kind !== 'mention') {
      refPara.push(q.paragraph);
      refChar.push(speaker);
    }
  }
  // Counting sort by paragraph.
  const offsets = new Int32Array(n + 1);
  for (const p of refPara) offsets[p + 1]!++;
  for (let p = 0; p < n; p++) offsets[p + 1]! += offsets[p]!;
  const fill = offsets.slice(0, n);
  const chars = new Int32Array(refPara.length);
  for (let i = 0; i < refPara.length; i++) chars[fill[refPara[i]!]!++] = refChar[i]!;
  return { offsets, chars, size };
}

/** Adds the narration mentions (sorted by offset) to the references, by paragraph. */
function addMentions(
  mentions: readonly Mention[],
  paragraphs: readonly Paragraph[],
  refPara: number[],
  refChar: number[],
): void {
  const n = paragraphs.length;
  let p = 0;
  for (const m of mentions) {
    if (m.inQuote || m.character < 0) continue;
    while (p < n && paragraphs[p]!.end <= m.start) p++;
    if (p >= n) break;
    refPara.push(p);
    refChar.push(m.character);
  }
}

/** Adds the references of paragraphs [from, to) into `counts` (one per reference, times `sign`). */
export function accumulate(
  presence: Presence,
  from: number,
  to: number,
  counts: Float64Array,
  sign = 1,
): void {
  const { offsets, chars } = presence;
  for (let i = offsets[from]!; i < offsets[to]!; i++) counts[chars[i]!]! += sign;
}
