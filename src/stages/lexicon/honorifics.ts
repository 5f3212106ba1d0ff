import type { GenderLabel } from '../../engine/types.js';
import { words } from './words.js';

/**
 * Honorifics and titles that precede a name ("Mr. Darcy", "Aunt Polly", "Captain Wentworth").
 * Keys are lower-case without the final full stop; the value is the gender the title implies.
 */
const FEMALE = words(`
  mrs miss ms lady madam madame mme mademoiselle mlle dame aunt auntie sister mother mistress
  duchess countess baroness princess queen empress marchioness viscountess signora signorina senora
  senorita señora señorita frau fraulein fräulein grandma granny grandmother nurse widow
`);
// (With the dialect spellings of "Mister" and "Master" that fiction writes into speech: "Mistah Frank".)
const MALE = words(`
  mr sir lord master uncle brother father monsieur m herr signor señor senor don duke count
  baron prince king emperor marquis marquess viscount earl grandpa grandfather mister squire
  abbé abbe friar fr mistah mistuh mista marse massa
`);
const NEUTRAL = words(`
  dr doctor professor prof captain capt colonel col major general gen lieutenant lt sergeant sgt
  corporal admiral commander inspector superintendent detective sheriff judge justice reverend rev parson
  pastor bishop cardinal dean mx saint st officer constable governor president senator
  chancellor agent private coach comrade citizen
`);

export const HONORIFIC_GENDER: ReadonlyMap<string, GenderLabel> = new Map([
  ...FEMALE.map((t) => [t, 'female'] as const),
  ...MALE.map((t) => [t, 'male'] as const),
  ...NEUTRAL.map((t) => [t, 'unknown'] as const),
]);

/** Lower-case honorific without its full stop ("Mrs." → "mrs"), or undefined. */
export function honorificKey(word: string): string | undefined {
  // Called for every token by the name matchers: no regular expression, and no new string for the
  // common case of a lower-case word without a full stop.
  let key = word.toLowerCase();
  if (key.charCodeAt(key.length - 1) === 46) key = key.slice(0, -1);
  return HONORIFIC_GENDER.has(key) ? key : undefined;
}

/** The canonical written form of an honorific, for matching "Mr" with "Mr.". */
export function canonicalHonorific(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * Titles the lexicon leaves ungendered that fiction before the late twentieth century gives to men
 * only: military, naval and police ranks, church offices, doctors, professors and officials. A weaker cue than "Mr." or "Mrs.".
 */
export const CUSTOMARILY_MALE_TITLES: ReadonlySet<string> = new Set(
  words(`
  captain capt colonel col major general gen lieutenant lt sergeant sgt corporal admiral commander
  inspector superintendent detective reverend rev parson pastor bishop cardinal dean sheriff constable dr doctor
  professor prof judge governor president senator chancellor
  `),
);

/**
 * Titles of rank that English writes after "the" before a surname: "the Marchioness Manson". (Not
 * "Prince": after "the" it is mostly an office, "the Prince Regent", "the Princess Royal".)
 */
export const PEER_TITLES: ReadonlySet<string> = new Set([
  'count',
  'countess',
  'duke',
  'duchess',
  'marquis',
  'marquess',
  'marchioness',
  'baron',
  'baroness',
  'viscount',
  'viscountess',
  'earl',
  'reverend',
  'rev',
]);
