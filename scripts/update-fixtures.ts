/**
 * Regenerates the golden fixtures (`npm run fixtures:update`): analyses every case in
 * test/fixtures/golden, validates the result against the schema, and writes it as expected.json.
 * A result that does not validate is not written: the script exits 1 naming the problems.
 * Review the diff of expected.json before committing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { validateAnalysis } from '../src/index.js';
import { analyseCase, formatGolden, goldenCases, hasExpected } from '../test/golden.helper.js';

async function main(): Promise<number> {
  let failed = 0;
  for (const c of goldenCases()) {
    const result = await analyseCase(c);
    const problems = validateAnalysis(result);
    if (problems.length > 0) {
      process.stderr.write(
        `fixtures: ${c.name}: the result does not satisfy the schema:\n  ${problems.join('\n  ')}\n`,
      );
      failed++;
      continue;
    }
    const text = formatGolden(result);
    const before = hasExpected(c) ? readFileSync(c.expected, 'utf8') : undefined;
    if (before === text) {
      process.stdout.write(`fixtures: ${c.name}: unchanged\n`);
      continue;
    }
    writeFileSync(c.expected, text);
    process.stdout.write(
      `fixtures: ${c.name}: ${before === undefined ? 'written' : 'updated'} ${relative(process.cwd(), c.expected)}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fixtures: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
