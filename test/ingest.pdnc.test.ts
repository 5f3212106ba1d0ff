/**
 * The PDNC novels (Gutenberg-derived, hard-wrapped) must ingest to exactly the bytes of text.txt,
 * since the evaluation's gold offsets index that file, and normalise into sensible paragraphs.
 * Skipped when the shared data is not beside the repository.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingestFile, normalise } from '../src/ingest/index.js';
import { assertOffsetsRoundTrip, paragraphs } from './fixtures/ingest/helpers.js';

const PDNC = fileURLToPath(new URL('../../../shared/data/pdnc/', import.meta.url));
const novels = existsSync(PDNC) ? readdirSync(PDNC).filter((d) => existsSync(join(PDNC, d, 'text.txt'))) : [];

describe('ingest: PDNC novels', { skip: novels.length === 0 ? `no PDNC data at ${PDNC}` : false }, () => {
  it('ingest: every PDNC text.txt ingests to exactly its file contents', async () => {
    for (const novel of novels) {
      const path = join(PDNC, novel, 'text.txt');
      const src = await ingestFile(path);
      assert.equal(src.text, await readFile(path, 'utf8'), novel);
      assert.equal(src.format, 'txt');
      assert.equal(src.encoding, 'utf-8');
    }
  });

  it('ingest: every PDNC novel unwraps into plausible paragraphs with exact offsets', async () => {
    for (const novel of novels) {
      const src = await ingestFile(join(PDNC, novel, 'text.txt'));
      const n = normalise(src);
      assert.equal(n.paragraphMode, 'wrapped', novel);
      const paras = paragraphs(n);
      const avg = n.text.length / paras.length;
      assert.ok(paras.length >= 300, `${novel}: ${paras.length} paragraphs`);
      assert.ok(avg > 80 && avg < 800, `${novel}: ${Math.round(avg)} characters per paragraph`);
      assert.equal(
        n.text.length,
        src.text.trimEnd().length - (src.text.length - src.text.trimStart().length),
        novel,
      );
      assertOffsetsRoundTrip(src, n);
    }
  });
});
