/** Universal POS tags as small integers, so the token layer can keep them in a Uint8Array. */
export const POS_TAGS = [
  'X',
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'SPACE',
] as const;

export type PosTag = (typeof POS_TAGS)[number];

export const POS = Object.freeze(
  Object.fromEntries(POS_TAGS.map((tag, i) => [tag, i])) as Record<PosTag, number>,
);

const byName = new Map<string, number>(POS_TAGS.map((tag, i) => [tag, i]));

export function posId(tag: string): number {
  return byName.get(tag) ?? 0;
}
