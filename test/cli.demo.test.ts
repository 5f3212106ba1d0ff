import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisResult, validateAnalysis } from '../src/index.js';
import { ROOT, storylens, tempDir } from './cli.helper.js';

describe('cli: demo (npm start)', () => {
  it('demo: npm start runs `storylens demo`, which analyses the bundled sample story', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.equal(pkg.scripts.start, 'node bin/storylens.js demo');
  });

  it('demo: writes sample.json (schema-valid) and sample.html, and prints the summary', async () => {
    const out = join(tempDir(), 'out');
    const r = await storylens(['demo', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const result = JSON.parse(readFileSync(join(out, 'sample.json'), 'utf8')) as AnalysisResult;
    assert.deepEqual(validateAnalysis(result), []);
    assert.match(result.source.name, /the-lighthouse-keepers-daughter\.txt$/);
    assert.ok(existsSync(join(out, 'sample.html')));
    assert.match(readFileSync(join(out, 'sample.html'), 'utf8'), /^<!DOCTYPE html>/i);
    // The summary: characters, quotations, scenes and words, then where the files went.
    const words = result.stats?.words.toLocaleString('en-US');
    assert.ok(
      r.stdout.includes(
        `${words} words · ${result.characters.length} characters · ${result.quotes.length} quotations · ${result.scenes.length} scenes`,
      ),
      r.stdout,
    );
    assert.match(r.stdout, /wrote .*sample\.json and .*sample\.html/);
  });
});
