import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/engine.js';
import { ingestFile } from '../ingest/index.js';
import { renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';

/** The package root (dist/src/cli → ../../..). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SAMPLE_STORY = join(PACKAGE_ROOT, 'samples', 'the-lighthouse-keepers-daughter.txt');

/**
 * `npm start`: analyses the bundled sample story, writes out/sample.json and out/sample.html, and
 * prints a short summary.
 */
export async function demoCommand(args: string[]): Promise<void> {
  const outDir = args[0] ?? 'out';
  const source = await ingestFile(SAMPLE_STORY);
  const result = createEngine().analyze(source);
  mkdirSync(outDir, { recursive: true });
  const jsonPath = join(outDir, 'sample.json');
  const htmlPath = join(outDir, 'sample.html');
  writeFileSync(jsonPath, renderJson(result, { sourceText: source.text }));
  writeFileSync(htmlPath, renderHtml(result, { sourceText: source.text }));
  process.stdout.write(renderText(result, { sourceText: source.text }));
  process.stdout.write(
    `\nwrote ${relative(process.cwd(), jsonPath)} and ${relative(process.cwd(), htmlPath)}\n`,
  );
}
