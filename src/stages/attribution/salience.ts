import type { StoryDocument } from '../../engine/document.js';
import { POS } from '../../engine/pos.js';
import type { Mention } from '../../engine/types.js';
import { PRONOUNS } from '../lexicon/pronouns.js';
import { speechVerbBase } from '../lexicon/speech-verbs.js';
import { tokenAtOrAfter } from './cues.js';

/**
 * Character mentions in the narration with their grammatical role, in text order. A pronoun speech
 * tag ("he said") most often points back at the character the narration just made its subject
 * ("Romero laughed." / "The courier looked up."), not merely at the last one named, so the
 * attribution features rank same-gender candidates by subject position before recency.
 */
export interface NarrationMentions {
  /** Character offset of each mention, ascending. */
  start: Int32Array;
  character: Int32Array;
  /** 1 when the mention is the subject of its clause. */
  subject: Uint8Array;
  sentence: Int32Array;
  paragraph: Int32Array;
  /** 1 for a pronoun resolved by coref (weaker: its antecedent may be wrong), 0 for a name. */
  pronoun: Uint8Array;
}

export function buildNarrationMentions(doc: StoryDocument): NarrationMentions {
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  // (Loops, not `filter`/`forEach` with closures made per call: the engine recompiles such closures
  // after each is collected.)
  const all: Mention[] = [];
  for (const m of doc.layer('mentions')) if (inNarration(m)) all.push(m);
  for (const m of doc.layer('pronouns')) if (inNarration(m)) all.push(m);
  all.sort(byStart);
  const n = all.length;
  const out: NarrationMentions = {
    start: new Int32Array(n),
    character: new Int32Array(n),
    subject: new Uint8Array(n),
    sentence: new Int32Array(n),
    paragraph: new Int32Array(n),
    pronoun: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const m = all[i]!;
    const t = tokenAtOrAfter(tokens, m.start);
    const s = t < tokens.count ? tokens.sentence[t]! : -1;
    out.start[i] = m.start;
    out.character[i] = m.character;
    out.pronoun[i] = m.kind === 'pronoun' ? 1 : 0;
    out.sentence[i] = s;
    out.paragraph[i] = s >= 0 ? sentences[s]!.paragraph : -1;
    out.subject[i] = t < tokens.count && isSubject(doc, m, t) ? 1 : 0;
  }
  return out;
}

function inNarration(m: Mention): boolean {
  return !m.inQuote && m.character >= 0 && m.kind !== 'vocative';
}

const byStart = (a: Mention, b: Mention): number => a.start - b.start;

/**
 * Whether the mention starting at token t is a clause subject: a subject pronoun, or a noun phrase
 * followed by its verb and not governed by a preposition or a (non-speech) verb before it.
 */
function isSubject(doc: StoryDocument, m: Mention, t: number): boolean {
  const tokens = doc.layer('tokens');
  const lower = tokens.lower[t]!;
  const p = PRONOUNS.get(lower);
  if (p && (m.kind === 'pronoun' || m.kind === 'narrator')) {
    if (lower === 'her') return false;
    return p.case === 'subject';
  }
  const sentence = tokens.sentence[t]!;
  // Before: skip a determiner and adjectives ("the old courier").
  let b = t - 1;
  while (
    b >= 0 &&
    tokens.sentence[b] === sentence &&
    (tokens.pos[b] === POS.DET || tokens.pos[b] === POS.ADJ) &&
    t - b <= 3
  )
    b--;
  if (b >= 0 && tokens.sentence[b] === sentence) {
    const pos = tokens.pos[b]!;
    if (pos === POS.VERB || pos === POS.AUX) {
      // "said Romero": the inverted subject of a speech verb.
      return speechVerbBase(tokens.lower[b]!) !== undefined && pos === POS.VERB;
    }
    if (pos === POS.ADP) return false;
  }
  // After: the end of the name, then adverbs, then a verb ("Romero slowly turned").
  let a = t;
  while (a < tokens.count && tokens.start[a]! < m.end) a++;
  let skipped = 0;
  while (a < tokens.count && tokens.pos[a] === POS.ADV && skipped < 2) {
    a++;
    skipped++;
  }
  if (a >= tokens.count || tokens.sentence[a] !== sentence) return false;
  const pos = tokens.pos[a]!;
  return pos === POS.VERB || pos === POS.AUX;
}

/** Index of the last mention starting before `offset`, or -1. */
export function lastMentionBefore(nm: NarrationMentions, offset: number): number {
  let lo = 0;
  let hi = nm.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nm.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
