import type { GenderLabel } from '../../engine/types.js';

export type PronounPerson = 1 | 2 | 3;

export interface PronounInfo {
  person: PronounPerson;
  gender: GenderLabel;
  plural: boolean;
  /** subject (he), object (him), possessive determiner (his), possessive pronoun (hers), reflexive. */
  case: 'subject' | 'object' | 'possessive' | 'independent' | 'reflexive';
}

const p = (
  person: PronounPerson,
  gender: GenderLabel,
  plural: boolean,
  c: PronounInfo['case'],
): PronounInfo => ({
  person,
  gender,
  plural,
  case: c,
});

/** Personal pronouns by lower-case form. "her" is listed as object; its possessive use is told by POS. */
export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map([
  ['he', p(3, 'male', false, 'subject')],
  ['him', p(3, 'male', false, 'object')],
  ['his', p(3, 'male', false, 'possessive')],
  ['himself', p(3, 'male', false, 'reflexive')],
  ['she', p(3, 'female', false, 'subject')],
  ['her', p(3, 'female', false, 'object')],
  ['hers', p(3, 'female', false, 'independent')],
  ['herself', p(3, 'female', false, 'reflexive')],
  ['they', p(3, 'unknown', true, 'subject')],
  ['them', p(3, 'unknown', true, 'object')],
  ['their', p(3, 'unknown', true, 'possessive')],
  ['theirs', p(3, 'unknown', true, 'independent')],
  ['themselves', p(3, 'unknown', true, 'reflexive')],
  ['themself', p(3, 'nonbinary', false, 'reflexive')],
  ['i', p(1, 'unknown', false, 'subject')],
  ['me', p(1, 'unknown', false, 'object')],
  ['my', p(1, 'unknown', false, 'possessive')],
  ['mine', p(1, 'unknown', false, 'independent')],
  ['myself', p(1, 'unknown', false, 'reflexive')],
  ['we', p(1, 'unknown', true, 'subject')],
  ['us', p(1, 'unknown', true, 'object')],
  ['our', p(1, 'unknown', true, 'possessive')],
  ['you', p(2, 'unknown', false, 'subject')],
  ['your', p(2, 'unknown', false, 'possessive')],
  ['yourself', p(2, 'unknown', false, 'reflexive')],
]);
