import type { StoryDocument } from '../../engine/document.js';
import type { GivenCharacter, Stage } from '../../engine/stage.js';
import type { Character, GenderLabel, Mention } from '../../engine/types.js';
import { detectCast, withEndearments } from './detect.js';
import { inferGender, quotedTokens } from './gender.js';
import { matchNames } from './match.js';
import { tokenFacts } from './names.js';
import { presenceOf } from './presence.js';
import { applyCharacterTags } from './tags.js';

/**
 * Characters and their name mentions. With `--characters` the given cast is used as is and only
 * its mentions are found; otherwise the cast is detected from the text (detect.ts). Pronouns are
 * resolved later, by the coref stage.
 */
export const charactersStage: Stage<'characters' | 'mentions'> = {
  name: 'characters',
  requires: ['tokens', 'sentences', 'paragraphs', 'quotes'],
  provides: ['characters', 'mentions'],
  run(doc, context) {
    if (context.givenCast) return useGivenCast(doc, context.givenCast);
    const found = detectCast(doc);
    // The ingested source's character tags (AO3's "Characters:" list) give full names the text
    // shortens ("Declan" of "Declan Frost").
    applyCharacterTags(found.characters, doc.source.meta.characters ?? doc.meta.characters);
    return found;
  },
};

/** PDNC marks the first-person narrator with the alias `_narr` (or `Narr` in some novels). */
function isNarratorMarker(alias: string): boolean {
  return alias === '_narr' || alias === 'Narr';
}

const GIVEN_GENDER: Record<string, GenderLabel> = {
  m: 'male',
  male: 'male',
  f: 'female',
  female: 'female',
  // PDNC's X and U are "not stated" (groups, unknowable speakers), not a gender.
  nonbinary: 'nonbinary',
  'non-binary': 'nonbinary',
};

function useGivenCast(
  doc: StoryDocument,
  given: readonly GivenCharacter[],
): { characters: Character[]; mentions: Mention[] } {
  const mentions = matchNames(doc, given);
  const counts = new Array<number>(given.length).fill(0);
  for (const m of mentions) if (m.character >= 0) counts[m.character]!++;
  const characters: Character[] = given.map((g, i) => {
    const stated = g.gender !== undefined ? GIVEN_GENDER[g.gender.toLowerCase()] : undefined;
    return {
      id: g.id,
      name: g.name,
      aliases: g.aliases.filter((a) => !a.startsWith('_') && !isNarratorMarker(a)),
      epithets: [],
      gender: stated ? { label: stated, confidence: 1 } : { label: 'unknown', confidence: 0 },
      mentionCount: counts[i]!,
      narrator: g.aliases.some(isNarratorMarker),
    };
  });
  // Genders the cast file does not state are inferred from the text; presence always is.
  const inQuote = quotedTokens(doc);
  const inferred = inferGender(doc, characters, mentions, inQuote);
  const presence = presenceOf(doc, characters, mentions, inQuote);
  characters.forEach((c, i) => {
    if (c.gender.confidence === 0) c.gender = inferred[i] ?? c.gender;
    c.presence = presence[i]!;
  });
  // Endearments said to the given characters ("Listen, sweetheart") are their epithets too.
  return { characters, mentions: withEndearments(doc, tokenFacts(doc), characters, mentions) };
}
