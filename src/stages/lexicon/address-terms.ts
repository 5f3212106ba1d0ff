import type { GenderLabel } from '../../engine/types.js';
import { words } from './words.js';

/**
 * Words used to address someone whose gender they imply ("Yes, sir." / "Thank you, ma'am." /
 * "Come here, my boy."). Only counted in vocative position inside a quotation.
 */
const TO_MALE = words(`
  sir sirs mister monsieur signor señor herr lord sire master boy lad laddie fellow chap son
  father papa papá pa dad daddy uncle brother gentleman gentlemen man sonny mate squire
`);
const TO_FEMALE = words(`
  madam madame ma'am ma’am mam miss missus mistress lady ladies girl lass lassie daughter
  mother mamma mama mamá ma mum mummy mom aunt auntie sister signora señora frau mademoiselle
`);

export const ADDRESS_GENDER: ReadonlyMap<string, GenderLabel> = new Map([
  ...TO_MALE.map((w) => [w, 'male'] as const),
  ...TO_FEMALE.map((w) => [w, 'female'] as const),
]);

/**
 * Terms of address for a parent ("Yes, papa." / "Oh, mother, …"): whom they call is the speaker's
 * father or mother, in the cast most often the one titled "Mr." or "Mrs." of the family.
 */
export const PARENT_ADDRESS: ReadonlyMap<string, 'father' | 'mother'> = new Map([
  ...words('father papa papá pa dad daddy').map((w) => [w, 'father'] as const),
  ...words('mother mamma mama mamá ma mum mummy mom').map((w) => [w, 'mother'] as const),
]);
