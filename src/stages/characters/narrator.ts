import type { StoryDocument } from '../../engine/document.js';
import type { CharacterCluster } from './cluster.js';
import type { NarratorFinding } from './detect.js';
import type { TokenFacts } from './names.js';

/**
 * A first-person narrator: "I", "me", "my" in narration (outside quotations). In the 21 PDNC novels
 * third-person narration has at most 1.6 first-person pronouns per 1,000 narration tokens (an
 * authorial "I" now and then); first-person novels have 25 to 46.
 */
const FIRST_PERSON_PER_MILLE = 8;

const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine']);

/** A character addressed at least this often and named in narration at most this share of the time. */
const NAME_VOCATIVES = 2;
const NAME_NARRATION_SHARE = 0.1;

/**
 * Whether the text has a first-person narrator, and which name cluster (if any) is the narrator's
 * name: the narrator is named only by others, so it is the character most often addressed by name
 * inside quotations whose name almost never appears in narration ("Hastings", "Watson").
 */
export function detectNarrator(
  doc: StoryDocument,
  facts: TokenFacts,
  clusters: readonly CharacterCluster[],
): NarratorFinding | undefined {
  const tokens = doc.layer('tokens');
  let narration = 0;
  let first = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (facts.inQuote[t] === 1 || facts.heading[t] === 1) continue;
    narration++;
    // "i", "me", "my", "mine", "myself": 1, 2, 4 or 6 letters, read from the offsets before the
    // token's string is touched.
    const length = tokens.end[t]! - tokens.start[t]!;
    if (length !== 1 && length !== 2 && length !== 4 && length !== 6) continue;
    const w = tokens.lower[t]!;
    const c = w.charCodeAt(0);
    if ((c === 105 || c === 109) && FIRST_PERSON.has(w)) first++;
  }
  if (narration === 0 || (first * 1000) / narration < FIRST_PERSON_PER_MILLE) return undefined;
  let best = -1;
  let bestVocatives = NAME_VOCATIVES - 1;
  clusters.forEach((c, i) => {
    if (c.the) return;
    let count = 0;
    let inQuote = 0;
    let vocatives = 0;
    for (const f of c.forms) {
      count += f.count;
      inQuote += f.inQuote;
      vocatives += f.vocative;
    }
    if (count - inQuote > NAME_NARRATION_SHARE * count) return;
    if (vocatives > bestVocatives) {
      bestVocatives = vocatives;
      best = i;
    }
  });
  return { cluster: best };
}
