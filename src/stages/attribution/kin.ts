import type { Character, GenderLabel } from '../../engine/types.js';

/**
 * "cried his wife", "said her mother": a speaker named by kinship to someone the possessive points
 * at. English novels name a married couple and their parents by title and surname ("Mr. Bennet",
 * "Mrs. Bennet"), so the relative is the one character of the right sex who carries the owner's
 * surname with a married title — when there is exactly one. Brothers, sisters and children share
 * the surname without a title that tells them apart, and are left to the model.
 */
export const KIN: ReadonlyMap<string, { gender: GenderLabel; titles: readonly string[] }> = new Map([
  ['wife', { gender: 'female', titles: ['mrs', 'lady'] }],
  // "said his lady": his wife, in the older novels' usage.
  ['lady', { gender: 'female', titles: ['mrs', 'lady'] }],
  ['mother', { gender: 'female', titles: ['mrs', 'lady'] }],
  ['husband', { gender: 'male', titles: ['mr', 'sir', 'lord'] }],
  ['father', { gender: 'male', titles: ['mr', 'sir', 'lord'] }],
]);

/** Title and surname of a name: "Mrs. Bennet" → [mrs, bennet]; "Elizabeth Bennet" → ['', bennet]. */
function parts(name: string): { title: string; surname: string } | undefined {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w.length > 0);
  if (words.length < 2) return undefined;
  return { title: words[0]!, surname: words[words.length - 1]! };
}

function surnamesOf(c: Character): Set<string> {
  const out = new Set<string>();
  for (const n of [c.name, ...c.aliases]) {
    const p = parts(n);
    if (p) out.add(p.surname);
  }
  return out;
}

/** The one character who is `relation` ("wife", "father") of character `owner`, or -1. */
export function relativeOf(characters: readonly Character[], owner: number, relation: string): number {
  const kin = KIN.get(relation);
  const who = characters[owner];
  if (!kin || !who) return -1;
  const surnames = surnamesOf(who);
  if (surnames.size === 0) return -1;
  let found = -1;
  for (let c = 0; c < characters.length; c++) {
    if (c === owner) continue;
    const other = characters[c]!;
    if (other.gender.label !== kin.gender) continue;
    const titled = [other.name, ...other.aliases].some((n) => {
      const p = parts(n);
      return p !== undefined && kin.titles.includes(p.title) && surnames.has(p.surname);
    });
    if (!titled) continue;
    if (found >= 0) return -1;
    found = c;
  }
  return found;
}
