import { words } from '../lexicon/words.js';

/**
 * Words that begin with an apostrophe standing for dropped letters: `'tis`, `'em`, `rock 'n' roll`.
 * An apostrophe before them does not open a single-quoted quotation. Matched case-insensitively.
 */
export const LEADING_ELISIONS: ReadonlySet<string> = new Set(
  words(`
    tis twas twere twill twould tisn twasn twon em n nt til cause cos coz bout gainst mongst midst
    neath twixt tween cept nuff fraid spose sposin scuse kay ello allo s t d ll ve re m
  `),
);

/**
 * Dialect spellings with a dropped h or a dropped first syllable (`'e said`, `'is 'at`). They only
 * count as elisions in lower case: a capital after the apostrophe is far likelier to open speech.
 */
export const LOWERCASE_ELISIONS: ReadonlySet<string> = new Set(
  words(`
    e im is er em ad ave as ere ow ome ouse oo alf eard ead ands ell appen un ee ope urt eart igh
    orse oss ang ung ard ardly umble
  `),
);
