import type { GenderLabel } from '../../engine/types.js';
import { words } from './words.js';

/**
 * Head nouns of descriptive references to people ("his wife", "the old man", "the girl"), with the
 * gender they imply. Used for speech tags such as "cried his wife" and for unnamed characters.
 */
const FEMALE = words(`
  woman women lady ladies girl girls wife mother mama mamá mamma mum mummy mom mommy aunt sister daughter
  grandma gran nan nana nanna
  niece grandmother granny widow bride queen princess duchess countess maid maiden housekeeper
  landlady hostess governess nurse mistress matron spinster heroine actress waitress damsel lass
  lassie gal dame sweetheart fiancee fiancée stepmother stepdaughter godmother girlfriend
`);
const MALE = words(`
  man men gentleman gentlemen boy boys husband father papa papá pa dad daddy uncle brother son nephew
  grandfather grandpa grandad granddad gramps widower groom king prince duke count earl lord butler footman landlord host
  master squire lad fellow chap bachelor hero actor waiter sir stepfather stepson godfather
  boyfriend fiance fiancé monk priest vicar curate rector
`);
const NEUTRAL = words(`
  person child stranger visitor guest friend companion doctor stranger servant officer captain
  colonel major inspector detective driver clerk cook coachman porter guard soldier sailor
  cousin parent neighbour neighbor traveller traveler speaker figure youth elder other newcomer
  professor teacher student lawyer judge secretary partner
`);

export const NOMINAL_GENDER: ReadonlyMap<string, GenderLabel> = new Map([
  ...NEUTRAL.map((w) => [w, 'unknown'] as const),
  ...FEMALE.map((w) => [w, 'female'] as const),
  ...MALE.map((w) => [w, 'male'] as const),
]);

/**
 * Kinship words a family writes as names ("Mum is in the kitchen", "says Dad"), by the role they
 * name: the words of one role are one person.
 */
export const KIN_NAME_ROLES: ReadonlyMap<string, string> = new Map([
  ...words('mum mummy mom mommy mother ma mama mamá mamma').map((w) => [w, 'mother'] as const),
  ...words('dad daddy father pa papa papá').map((w) => [w, 'father'] as const),
  ...words('gran granny grandma grandmother nan nana nanna').map((w) => [w, 'grandmother'] as const),
  ...words('grandpa grandad granddad grandfather gramps').map((w) => [w, 'grandfather'] as const),
]);
