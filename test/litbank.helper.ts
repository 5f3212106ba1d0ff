/**
 * A tiny corpus in LitBank's layout, written to a temporary directory for the evaluation tests:
 * the untokenised novel in original/, its tokenised excerpt (one sentence a line) and the brat
 * annotations of the quotation and coreference layers in quotations/tsv/ and coref/tsv/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One tab-separated annotation row: `row('QUOTE', 'Q1', 2, 0, 2, 5, '“ Yes ”')`. */
export const row = (...cells: (string | number)[]): string => cells.join('\t');

export interface LitbankFiles {
  /** The book's name without extension ("1_the_mill"). */
  name: string;
  original: string;
  /** The excerpt's tokenised sentences, tokens separated by spaces. */
  tokens: readonly string[];
  quotations: readonly string[];
  coref: readonly string[];
}

/** Writes the files and returns the corpus root. */
export function litbankCorpus(files: LitbankFiles): string {
  const root = mkdtempSync(join(tmpdir(), 'storylens-litbank-'));
  for (const dir of ['original', 'quotations/tsv', 'coref/tsv'])
    mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'original', `${files.name}.txt`), files.original);
  for (const [dir, rows] of [
    ['quotations/tsv', files.quotations],
    ['coref/tsv', files.coref],
  ] as const) {
    writeFileSync(join(root, dir, `${files.name}_brat.txt`), files.tokens.join('\n'));
    writeFileSync(join(root, dir, `${files.name}_brat.ann`), rows.join('\n'));
  }
  return root;
}
