/**
 * Helpers for the CLI tests: run `node bin/storylens.js` as a user would, and small story files
 * written for these tests (an EPUB builder included).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeZip, type ZipEntrySpec } from './fixtures/ingest/helpers.js';

/** The package root, from dist/test/. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'storylens.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `args`; `stdin` is piped in when given (else stdin is empty). */
export function storylens(
  args: string[],
  options: { stdin?: string | Buffer; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    // The CLI may stop reading stdin early (over --max-size): that is not a test failure.
    child.stdin.on('error', () => {});
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * A user error: the exit code, exactly one line on stderr that matches `reason`, no stack trace,
 * nothing on stdout.
 */
export function assertUserError(run: Run, code: 2 | 3, reason: RegExp): void {
  assert.equal(run.code, code, `exit code (stderr: ${run.stderr})`);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0]!, /^storylens: /);
  assert.match(lines[0]!, reason);
  assert.doesNotMatch(run.stderr, /\n\s+at |Error:|internal error/);
  assert.equal(run.stdout, '');
}

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix = 'storylens-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

/**
 * A one-chapter EPUB 3 whose chapter body is `bodyHtml`; `extra` entries are added to the archive,
 * and `chapter` replaces the chapter's own entry fields (its data, a false declared size).
 */
export function epubOf(
  bodyHtml: string,
  extra: ZipEntrySpec[] = [],
  chapter: Partial<ZipEntrySpec> = {},
): Buffer {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:11111111-2222-3333-4444-555555555555</dc:identifier>
    <dc:title>The Salt Road</dc:title>
    <dc:language>en</dc:language>
  </metadata>
  <manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="c1"/></spine>
</package>`;
  const page = `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body>${bodyHtml}</body></html>`;
  return makeZip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/book.opf', data: opf },
    { name: 'OEBPS/c1.xhtml', data: page, ...chapter },
    ...extra,
  ]);
}

/** A short story written for the CLI tests: two speakers, tags, one action beat. */
export const STORY = `The Salt Road

"You took the long way," said Nell Hardy, without looking up from the fire.

Owen Marsh dropped his pack by the door. "The bridge is out."

"Since when?"

"Since the storm," he said. "We'll need the ferry tomorrow, Nell."
`;
