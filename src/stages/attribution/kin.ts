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
  // "answered Daisy's mamma", "said his papa": the familiar words name the same relatives.
  ['mamma', { gender: 'female', titles: ['mrs', 'lady'] }],
  ['mama', { gender: 'female', titles: ['mrs', 'lady'] }],
  ['mum', { gender: 'female', titles: ['mrs', 'lady'] }],
  ['mom', { gender: 'female', titles: ['mrs', 'lady'] }],
  ['papa', { gender: 'male', titles: ['mr', 'sir', 'lord'] }],
  ['dad', { gender: 'male', titles: ['mr', 'sir', 'lord'] }],
]);

/** The words of a name in lower case, titles' full stops dropped ("Mrs. Bennet" → [mrs, bennet]). */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w.length > 0);
}

/** Title and surname of a name: "Mrs. Bennet" → [mrs, bennet]; "Elizabeth Bennet" → ['', bennet]. */
function parts(name: string): { title: string; surname: string } | undefined {
  const words = wordsOf(name);
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

/**
 * Whether a character is called by a title that befits `relation` ("Mrs. Bennet" for a mother or
 * a wife, "Sir Walter" for a father): where the owner's surname is unknown ("said her mother" of a
 * daughter the cast names by her first name only), parents and spouses are still the titled ones.
 */
export function titledAs(character: Character, relation: string): boolean {
  const kin = KIN.get(relation);
  if (!kin || character.gender.label !== kin.gender) return false;
  for (const n of [character.name, ...character.aliases]) {
    const p = parts(n);
    if (p !== undefined && kin.titles.includes(p.title)) return true;
  }
  return false;
}

/**
 * "Yes, papa": the candidates (indices into `among`) who may be the caller's parent's children —
 * untitled, or titled "Miss"/"Master", and sharing a surname with a candidate titled as the parent
 * called ("Emma Woodhouse" when "Mr. Woodhouse" is there).
 */
export function childrenOfTitled(
  characters: readonly Character[],
  among: readonly number[],
  relation: string,
): Set<number> {
  const parentSurnames = new Set<string>();
  for (const c of among) {
    const ch = characters[c]!;
    if (!titledAs(ch, relation)) continue;
    for (const s of surnamesOf(ch)) parentSurnames.add(s);
  }
  const out = new Set<number>();
  if (parentSurnames.size === 0) return out;
  for (const c of among) {
    const ch = characters[c]!;
    if (titledAs(ch, 'mother') || titledAs(ch, 'father')) continue;
    for (const s of surnamesOf(ch))
      if (parentSurnames.has(s)) {
        out.add(c);
        break;
      }
  }
  return out;
}

/**
 * Whether the one a possessive was read as ("her" in "said her mother") is more likely the relative
 * herself: a character called by a parent's title ("Mrs. Miller" for "her mother", "Mr. Weston"
 * for "his father") is a parent in the scene, and the pronoun was read back to the speaker.
 */
export function ownerLooksLikeRelative(character: Character, relation: string): boolean {
  if (relation !== 'mother' && relation !== 'father') return false;
  const kin = KIN.get(relation)!;
  if (character.gender.label !== kin.gender) return false;
  const p = parts(character.name);
  return p !== undefined && kin.titles.includes(p.title);
}

/** Titles a married woman goes by: her husband's surname, not her parents'. */
const MARRIED_TITLES = new Set(['mrs', 'lady']);

/**
 * The surnames of the owner that the relation follows. A woman called "Mrs. Fenn" bears her
 * husband's name: her husband is the "Mr. Fenn", but her father and mother are not "Fenns" (and
 * "Mrs. Fenn" is more likely the mother herself than her daughter). A "Miss Quill" or a "Rose
 * Quill" bears her father's name: the "Mr. Quill" is her father, not her husband.
 */
function ownerSurnames(who: Character, relation: string): Set<string> {
  const out = new Set<string>();
  const wifeOwned = relation === 'husband' && who.gender.label === 'female';
  const parental = relation === 'mother' || relation === 'father';
  for (const n of [who.name, ...who.aliases]) {
    const p = parts(n);
    if (!p) continue;
    if (wifeOwned && !MARRIED_TITLES.has(p.title)) continue;
    if (parental && p.title === 'mrs') continue;
    out.add(p.surname);
  }
  return out;
}

/**
 * Whether a woman is named as some man's wife ("Mrs. John Dashwood" beside "John Dashwood"): where
 * two "Mrs." of a surname compete for "her mother", the one named after a husband is his wife, and
 * the mother the plain "Mrs. Dashwood".
 */
function namedAsWife(characters: readonly Character[], who: Character): boolean {
  for (const n of [who.name, ...who.aliases]) {
    const w = wordsOf(n);
    if (w.length < 3 || w[0] !== 'mrs') continue;
    const husband = w.slice(1).join(' ');
    for (const c of characters)
      if (c !== who && c.gender.label === 'male')
        for (const m of [c.name, ...c.aliases]) {
          const mw = wordsOf(m);
          const bare = mw[0] === 'mr' ? mw.slice(1) : mw;
          if (bare.join(' ') === husband) return true;
        }
  }
  return false;
}

/**
 * relativeOf's answers by cast and `owner:relation`: tags and possessives ask the same questions
 * of one document's cast many times over, and each answer scans the whole cast's names. The cast is
 * settled by the time attribution asks (the characters stage has run), so the answers keep.
 */
const RELATIVES = new WeakMap<readonly Character[], Map<string, number>>();

/**
 * The one character who is `relation` ("wife", "father") of character `owner`, or -1: the one
 * titled for the relation who carries the owner's surname (see ownerSurnames).
 */
export function relativeOf(characters: readonly Character[], owner: number, relation: string): number {
  let known = RELATIVES.get(characters);
  if (!known) RELATIVES.set(characters, (known = new Map()));
  const key = `${owner}:${relation}`;
  let r = known.get(key);
  if (r === undefined) known.set(key, (r = findRelative(characters, owner, relation)));
  return r;
}

function findRelative(characters: readonly Character[], owner: number, relation: string): number {
  const kin = KIN.get(relation);
  const who = characters[owner];
  if (!kin || !who) return -1;
  const surnames = ownerSurnames(who, relation);
  if (surnames.size === 0) return -1;
  const found: number[] = [];
  for (let c = 0; c < characters.length; c++) {
    if (c === owner) continue;
    const other = characters[c]!;
    if (other.gender.label !== kin.gender) continue;
    const titled = [other.name, ...other.aliases].some((n) => {
      const p = parts(n);
      return p !== undefined && kin.titles.includes(p.title) && surnames.has(p.surname);
    });
    if (titled) found.push(c);
  }
  if (found.length === 1) return found[0]!;
  if (found.length > 1 && (relation === 'mother' || relation === 'father')) {
    const plain = found.filter((c) => !namedAsWife(characters, characters[c]!));
    if (plain.length === 1) return plain[0]!;
  }
  return -1;
}

/**
 * "said the mother", "the father cried": in a novel about one family the parent is the one
 * "Mrs." (or "Mr.") of the surname most of the cast shares — at least two others besides — or,
 * where no surname is shared so, the cast's one "Mrs." (or "Mr."). -1 when two parents tie.
 */
export function familyParentOf(characters: readonly Character[], relation: 'mother' | 'father'): number {
  const kin = KIN.get(relation)!;
  // How many characters carry each surname.
  const bearers = new Map<string, number>();
  for (const c of characters) for (const s of surnamesOf(c)) bearers.set(s, (bearers.get(s) ?? 0) + 1);
  let found = -1;
  let best = 2;
  let tie = false;
  for (let c = 0; c < characters.length; c++) {
    const other = characters[c]!;
    if (other.gender.label !== kin.gender) continue;
    for (const n of [other.name, ...other.aliases]) {
      const p = parts(n);
      if (!p || !kin.titles.includes(p.title)) continue;
      const family = (bearers.get(p.surname) ?? 0) - 1;
      if (family > best) {
        best = family;
        found = c;
        tie = false;
      } else if (family === best && found !== c) tie = true;
      break;
    }
  }
  if (found >= 0) return tie ? -1 : found;
  // No family shares a surname in the cast (a short story naming the children by first name):
  // the one "Mrs." (or "Mr.") there is.
  const plain = relation === 'mother' ? 'mrs' : 'mr';
  for (let c = 0; c < characters.length; c++) {
    const other = characters[c]!;
    if (other.gender.label !== kin.gender) continue;
    if (parts(other.name)?.title !== plain) continue;
    if (found >= 0) return -1;
    found = c;
  }
  return found;
}
