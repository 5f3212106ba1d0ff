import type { StoryDocument } from '../../engine/document.js';
import type { TokenLayer } from '../../engine/types.js';
import { words } from '../lexicon/words.js';
import { tokenAtOrAfter } from './cues.js';
import { firstMentionAt, type Turn } from './units.js';

/**
 * Verbs that bring someone into the room by themselves ("Mrs. Hale entered", "Tom arrived"). Not
 * the scenes stage's ARRIVAL_VERBS: "reached" and "landed" there arrive at places, and "Tom
 * reached for the cup" arrives nowhere.
 */
const ARRIVE: ReadonlySet<string> = new Set(words('entered arrived appeared reappeared'));
/** Verbs of motion that bring someone in with "in" or "into" ("came in backwards", "burst into"). */
const MOVE: ReadonlySet<string> = new Set(
  words('came come walked stepped burst hurried ran rushed strode looked put poked bustled swept'),
);
const INTO: ReadonlySet<string> = new Set(words('in into'));
/** Tokens between the name and the verb or between the verb and "in" ("came quietly in"). */
const GAP = 2;

/**
 * Characters who come in during a conversation, by the paragraph where they arrive: those whose
 * first mention in the conversation, in narration, is the subject of an arrival ("the door opened
 * and Mrs. Pender came in"). Nobody addresses them before that. Everyone else — named earlier,
 * never named, or first named without arriving — is taken to have been there all along.
 */
export function arrivalsIn(doc: StoryDocument, turns: readonly Turn[]): Map<number, number> {
  const arrivals = new Map<number, number>();
  const first = turns[0];
  const last = turns[turns.length - 1];
  if (!first || !last || first === last) return arrivals;
  const paragraphs = doc.layer('paragraphs');
  const mentions = doc.layer('mentions');
  const tokens = doc.layer('tokens');
  const from = paragraphs[first.paragraph]!.start;
  const to = paragraphs[last.paragraph]!.start;
  const seen = new Set<number>();
  const lo = firstMentionAt(mentions, from);
  let p = first.paragraph;
  for (let j = lo; j < mentions.length && mentions[j]!.start < to; j++) {
    const m = mentions[j]!;
    if (m.character < 0 || seen.has(m.character)) continue;
    seen.add(m.character);
    if (m.inQuote) continue;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= m.start) p++;
    if (p === first.paragraph) continue;
    if (arrivesAfter(tokens, tokenAtOrAfter(tokens, m.end))) arrivals.set(m.character, p);
  }
  return arrivals;
}

/** Whether the words from token t on say that the subject before them comes in. */
function arrivesAfter(tokens: TokenLayer, t: number): boolean {
  const lower = tokens.lower;
  for (let k = t; k < Math.min(lower.length, t + GAP + 1); k++) {
    const w = lower[k]!;
    if (ARRIVE.has(w)) return true;
    if (MOVE.has(w)) {
      for (let n = k + 1; n < Math.min(lower.length, k + GAP + 2); n++) if (INTO.has(lower[n]!)) return true;
      return false;
    }
  }
  return false;
}
