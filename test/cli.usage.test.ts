/**
 * The command line's usage contract: exit 0 for help and version, exit 2 with one line on stderr
 * for every mistake on the command line. The runs start together and the tests await them.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertUserError, ROOT, STORY, storylens, tempDir } from './cli.helper.js';

const dir = tempDir();
const story = join(dir, 'story.txt');
writeFileSync(story, STORY);
const badJson = join(dir, 'cast.json');
writeFileSync(badJson, '[{"id": 1, "name": "Nell"');
const notArray = join(dir, 'cast-object.json');
writeFileSync(notArray, '{"id": 1}');
const farQuotes = join(dir, 'far.jsonl');
writeFileSync(farQuotes, '{"id": "q1", "spans": [[10, 99999]]}\n');
const noSpans = join(dir, 'nospans.json');
writeFileSync(noSpans, '[{"id": "q1"}]');

const runs = {
  help: storylens(['--help']),
  version: storylens(['--version']),
  nothing: storylens([]),
  unknownCommand: storylens(['analyse', story]),
  unknownOption: storylens(['analyze', story, '--colour']),
  unknownFormat: storylens(['analyze', story, '--format', 'pdf']),
  noInput: storylens(['analyze']),
  twoInputs: storylens(['analyze', story, story]),
  unknownStage: storylens(['analyze', story, '--until', 'everything']),
  missingCast: storylens(['analyze', story, '--characters', join(dir, 'no-such-cast.json')]),
  badCast: storylens(['analyze', story, '--characters', badJson]),
  castNotArray: storylens(['analyze', story, '--characters', notArray]),
  quotesOutside: storylens(['analyze', story, '--quotes', farQuotes]),
  quotesNoSpans: storylens(['analyze', story, '--quotes', noSpans]),
  badSize: storylens(['analyze', story, '--max-size', 'huge']),
  unwritable: storylens(['analyze', story, '-o', join(story, 'out.json')]),
};

describe('cli: help, version and usage errors', () => {
  it('cli: --help prints the usage, with every analyze option, and exits 0', async () => {
    const r = await runs.help;
    assert.equal(r.code, 0);
    for (const option of ['--format', '--output', '--characters', '--quotes', '--until', '--max-size']) {
      assert.ok(r.stdout.includes(option), option);
    }
    assert.equal(r.stderr, '');
  });

  it('cli: --version prints package.json’s version and exits 0', async () => {
    const r = await runs.version;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('cli: no command at all prints the usage and exits 2', async () => {
    const r = await runs.nothing;
    assert.equal(r.code, 2);
    assert.match(r.stdout, /Usage:/);
  });

  it('cli: an unknown command exits 2 with one line', async () => {
    assertUserError(await runs.unknownCommand, 2, /unknown command "analyse"/);
  });

  it('cli: an unknown option exits 2 with one line naming it', async () => {
    assertUserError(await runs.unknownOption, 2, /--colour/);
  });

  it('cli: an unknown --format exits 2 and lists the formats', async () => {
    assertUserError(await runs.unknownFormat, 2, /unknown --format "pdf" \(choose from json, html, text/);
  });

  it('cli: analyze without an input, or with two, exits 2', async () => {
    assertUserError(await runs.noInput, 2, /exactly one input/);
    assertUserError(await runs.twoInputs, 2, /exactly one input/);
  });

  it('cli: an unknown --until stage exits 2 and lists the stages', async () => {
    assertUserError(await runs.unknownStage, 2, /unknown stage "everything".*segment, quotes/);
  });

  it('cli: a missing, malformed or non-array --characters file exits 2', async () => {
    assertUserError(
      await runs.missingCast,
      2,
      /--characters .*no-such-cast\.json: cannot read the file \(ENOENT\)/,
    );
    assertUserError(await runs.badCast, 2, /--characters .*cast\.json: not valid JSON/);
    assertUserError(await runs.castNotArray, 2, /expected a JSON array/);
  });

  it('cli: --quotes spans outside the text, or no spans at all, exit 2', async () => {
    assertUserError(await runs.quotesOutside, 2, /quotation "q1" has span \[10, 99999\] outside the text/);
    assertUserError(await runs.quotesNoSpans, 2, /quotation 0 needs "spans"/);
  });

  it('cli: a --max-size that is not a size exits 2', async () => {
    assertUserError(await runs.badSize, 2, /--max-size takes a size such as 500K, 16M or 1G, not "huge"/);
  });

  it('cli: an -o path that cannot be written exits 2 with one line', async () => {
    assertUserError(await runs.unwritable, 2, /cannot write -o ".*out\.json" \(ENOTDIR\)/);
  });
});
