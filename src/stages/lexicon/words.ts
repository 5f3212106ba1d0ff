/** Splits a whitespace-separated word list (kept as one string so it stays compact and readable). */
export function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

/** Determiners and possessives that open a noun phrase ("the", "his", "that"): where a description begins. */
export const DETERMINERS: ReadonlySet<string> = new Set(
  words('the a an his her their my our your this that its'),
);

/**
 * The possessives that stand for one man or one woman ("his", "her"), with the sex they point at:
 * "said her mother", "his answer". (Wider lists — with "their", "my" — are kept where a rule means them.)
 */
export const PERSONAL_POSSESSIVES: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['his', 'male'],
  ['her', 'female'],
]);
