/**
 * `storylens analyze` on good input: JSON on stdout by default, the other formats, -o, standard
 * input, and a given cast and quotations. The runs start together and the tests await them.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisResult, SCHEMA_VERSION, validateAnalysis } from '../src/index.js';
import { type Run, STORY, storylens, tempDir } from './cli.helper.js';

const dir = tempDir();
const story = join(dir, 'salt-road.txt');
writeFileSync(story, STORY);
const at = (needle: string): [number, number] => {
  const s = STORY.indexOf(needle);
  return [s, s + needle.length];
};
const cast = join(dir, 'cast.json');
writeFileSync(
  cast,
  JSON.stringify([
    { id: 101, name: 'Nell Hardy', aliases: ['Nell'] },
    { id: 'owen', name: 'Owen Marsh', aliases: ['Owen'] },
  ]),
);
const quotesJsonl = join(dir, 'quotes.jsonl');
writeFileSync(
  quotesJsonl,
  [
    { id: 'long-way', spans: [at('You took the long way,')] },
    { id: 'storm', spans: [at('Since the storm,'), at("We'll need the ferry tomorrow, Nell.")] },
  ]
    .map((q) => JSON.stringify(q))
    .join('\n'),
);
const quotesJson = join(dir, 'quotes.json');
writeFileSync(quotesJson, JSON.stringify([{ id: 7, spans: [at('The bridge is out.')] }]));
const outJson = join(dir, 'out', 'nested', 'result.json');
const outHtml = join(dir, 'report.html');

const runs = {
  json: storylens(['analyze', story]),
  stdin: storylens(['analyze', '-'], { stdin: STORY }),
  output: storylens(['analyze', story, '-o', outJson]),
  html: storylens(['analyze', story, '--format', 'html', '-o', outHtml]),
  text: storylens(['analyze', story, '--format', 'text']),
  explicitJson: storylens(['analyze', story, '-f', 'json', '--compact']),
  given: storylens(['analyze', story, '--characters', cast, '--quotes', quotesJsonl]),
  givenJson: storylens(['analyze', story, '--quotes', quotesJson]),
  until: storylens(['analyze', story, '--until', 'quotes']),
};

function parse(r: Run): AnalysisResult {
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const result = JSON.parse(r.stdout) as AnalysisResult;
  assert.deepEqual(validateAnalysis(result), []);
  return result;
}

describe('cli: analyze', () => {
  it('cli: JSON on stdout by default, schema-valid, with the source described', async () => {
    const result = parse(await runs.json);
    assert.equal(result.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(result.source, { name: story, format: 'txt', encoding: 'utf-8', length: STORY.length });
    assert.equal(result.quotes.length, 4);
    for (const q of result.quotes) {
      assert.equal(q.text, q.spans.map(([s, e]) => STORY.slice(s, e)).join(' '));
    }
    const nell = result.characters.find((c) => c.name === 'Nell Hardy');
    assert.ok(nell);
    assert.equal(result.quotes[0]!.speaker, nell.id);
  });

  it('cli: - reads the story from standard input and gives the same result, named -', async () => {
    const fromStdin = parse(await runs.stdin);
    const fromFile = parse(await runs.json);
    assert.equal(fromStdin.source.name, '-');
    assert.deepEqual({ ...fromStdin, source: fromFile.source }, fromFile);
  });

  it('cli: -o writes the result to the file (creating its folders) and nothing to stdout', async () => {
    const r = await runs.output;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const written = JSON.parse(readFileSync(outJson, 'utf8')) as AnalysisResult;
    assert.deepEqual(validateAnalysis(written), []);
    assert.deepEqual(written, parse(await runs.json));
  });

  it('cli: --format html writes a self-contained HTML report', async () => {
    const r = await runs.html;
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(outHtml));
    const html = readFileSync(outHtml, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes('Nell'));
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href="http/i, 'no external resources');
  });

  it('cli: --format text prints the one-screen summary', async () => {
    const r = await runs.text;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /salt-road\.txt|The Salt Road/);
    assert.match(r.stdout, /\d+ words · \d+ characters? · 4 quotations · \d+ scenes?/);
  });

  it('cli: -f json --compact prints the same result on one line', async () => {
    const r = await runs.explicitJson;
    assert.equal(r.stdout.trimEnd().split('\n').length, 1);
    assert.deepEqual(parse(r), parse(await runs.json));
  });

  it('cli: --characters and --quotes (JSON Lines): the output uses the given ids and spans', async () => {
    const result = parse(await runs.given);
    assert.deepEqual(
      result.characters.map((c) => c.id),
      [101, 'owen'],
    );
    assert.deepEqual(
      result.quotes.map((q) => [q.id, q.spans]),
      [
        ['long-way', [at('You took the long way,')]],
        ['storm', [at('Since the storm,'), at("We'll need the ferry tomorrow, Nell.")]],
      ],
    );
    assert.equal(result.quotes[0]!.speaker, 101);
    assert.equal(result.quotes[1]!.speaker, 'owen');
    assert.deepEqual(result.quotes[1]!.addressees, [101]);
  });

  it('cli: --quotes as a JSON array with a numeric id keeps the id (as a string)', async () => {
    const result = parse(await runs.givenJson);
    assert.deepEqual(
      result.quotes.map((q) => [q.id, q.spans]),
      [['7', [at('The bridge is out.')]]],
    );
  });

  it('cli: --until quotes stops after the quotes stage', async () => {
    const result = parse(await runs.until);
    assert.deepEqual(result.engine.stages, ['segment', 'quotes']);
    assert.equal(result.quotes.length, 4);
    assert.deepEqual(result.characters, []);
  });
});
