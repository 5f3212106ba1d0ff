import type { StoryDocument } from '../../engine/document.js';
import type { Character, GenderLabel, Mention } from '../../engine/types.js';
import { HONORIFIC_GENDER, honorificKey } from '../lexicon/honorifics.js';
import { PRONOUNS } from '../lexicon/pronouns.js';

/**
 * Gender of each character from the honorifics of their names ("Mrs.", "Sir") and from the
 * third-person pronouns that follow their name mentions in narration within the same sentence or
 * the next one. Returns `unknown` with low confidence when the evidence is thin.
 */
export function inferGender(
  doc: StoryDocument,
  characters: readonly Character[],
  mentions: readonly Mention[],
): { label: GenderLabel; confidence: number }[] {
  const female = new Float64Array(characters.length);
  const male = new Float64Array(characters.length);
  characters.forEach((c, i) => {
    for (const name of [c.name, ...c.aliases]) {
      const first = name.split(/\s+/)[0] ?? '';
      const key = honorificKey(first);
      const g = key ? HONORIFIC_GENDER.get(key) : undefined;
      if (g === 'female') female[i]! += 5;
      else if (g === 'male') male[i]! += 5;
    }
  });
  const tokens = doc.layer('tokens');
  const sentences = doc.layer('sentences');
  let t = 0;
  for (const m of mentions) {
    if (m.inQuote || m.character < 0 || m.kind !== 'proper') continue;
    while (t < tokens.count && tokens.start[t]! < m.end) t++;
    const s = t < tokens.count ? tokens.sentence[t]! : sentences.length - 1;
    const limit = sentences[Math.min(s + 1, sentences.length - 1)]?.tokenEnd ?? tokens.count;
    for (let k = t; k < limit && k < t + 25; k++) {
      const p = PRONOUNS.get(tokens.lower[k]!);
      if (!p || p.person !== 3 || p.plural) continue;
      if (p.gender === 'female') female[m.character]! += 1;
      else if (p.gender === 'male') male[m.character]! += 1;
      break;
    }
  }
  return characters.map((_, i) => {
    const f = female[i]!;
    const ma = male[i]!;
    const total = f + ma;
    if (total < 2) return { label: 'unknown', confidence: 0.5 };
    const share = Math.max(f, ma) / total;
    if (share < 0.6) return { label: 'unknown', confidence: 0.5 };
    // Confidence grows with the share and with the amount of evidence.
    const confidence = Math.min(0.99, share * (1 - 1 / (total + 1)));
    return { label: f > ma ? 'female' : 'male', confidence };
  });
}
