/** Tabular exports: BookNLP-style .tokens and .quotes, and the quotations as CSV. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../src/engine/engine.js';
import { renderBooknlpQuotes, renderBooknlpTokens } from '../src/render/booknlp.js';
import { renderCsv } from '../src/render/csv.js';
import { RENDERERS } from '../src/render/index.js';
import { sourceOf } from './layers.helper.js';
import { analysedStory, STORY } from './render.fixture.js';

const options = { sourceText: STORY };

function tsv(s: string): { header: string[]; rows: string[][] } {
  const lines = s.trimEnd().split('\n');
  return { header: lines[0]!.split('\t'), rows: lines.slice(1).map((l) => l.split('\t')) };
}

describe('render: BookNLP tokens', () => {
  const { header, rows } = tsv(renderBooknlpTokens(analysedStory(), options));

  it('render: the tokens file has BookNLP 1.0 columns', () => {
    assert.deepEqual(header, [
      'paragraph_ID',
      'sentence_ID',
      'token_ID_within_sentence',
      'token_ID_within_document',
      'word',
      'lemma',
      'byte_onset',
      'byte_offset',
      'POS_tag',
      'fine_POS_tag',
      'dependency_relation',
      'syntactic_head_ID',
      'event',
    ]);
    for (const row of rows) assert.equal(row.length, header.length);
  });

  it('render: every token row names its word and its offsets slice that word out of the source', () => {
    rows.forEach((row, i) => {
      assert.equal(Number(row[3]), i);
      assert.equal(STORY.slice(Number(row[6]), Number(row[7])), row[4]);
    });
    const words = rows.map((r) => r[4]);
    assert.ok(words.includes('dreadful'));
    assert.ok(words.includes('&'));
    assert.ok(words.includes('“'));
  });

  it('render: token ids restart in each sentence and sentence ids follow the text', () => {
    const firstOfSentence = rows.filter((r) => r[2] === '0');
    const sentenceIds = firstOfSentence.map((r) => Number(r[1]));
    assert.deepEqual(
      sentenceIds,
      sentenceIds.map((_, i) => i),
    );
    assert.ok(sentenceIds.length >= 8);
  });
});

describe('render: BookNLP quotes', () => {
  const result = analysedStory();
  const tokens = tsv(renderBooknlpTokens(result, options)).rows;
  const { header, rows } = tsv(renderBooknlpQuotes(result, options));

  it('render: the quotes file has BookNLP columns and one row per quotation piece', () => {
    assert.deepEqual(header, [
      'quote_start',
      'quote_end',
      'mention_start',
      'mention_end',
      'mention_phrase',
      'char_id',
      'quote',
    ]);
    // Tom's line (two pieces), Ada's line, Ada's thought, the unattributed sign.
    assert.equal(rows.length, 5);
  });

  it('render: quote token ranges are inclusive and take in the quotation marks', () => {
    const [start, end, , , , speaker, quote] = rows[0]!;
    assert.equal(tokens[Number(start)]![4], '“');
    assert.equal(tokens[Number(end)]![4], '”');
    assert.equal(speaker, 'C0');
    assert.equal(quote, '“ Good morning , Ada , ”');
  });

  it("render: the mention columns point at the speaker's nearest name outside the quotation", () => {
    const [, , mentionStart, mentionEnd, phrase] = rows[0]!;
    assert.equal(phrase, 'Tom');
    assert.equal(mentionStart, mentionEnd);
    assert.equal(tokens[Number(mentionStart)]![4], 'Tom');
    const unattributed = rows[4]!;
    assert.deepEqual(unattributed.slice(2, 6), ['-1', '-1', '', '-1']);
  });

  it("render: a pronoun or descriptive tag's subject is the mention, as in BookNLP, not -1", () => {
    const text = [
      'Mara Lane walked into the kitchen. Jonah Reed sat at the table, and the old man slept by the fire.',
      '“Well,” he said. “You took your time.”',
      '“I did,” said the old man, who had been asleep by the fire.',
      'She shrugged and said, “Hush.”',
    ].join('\n\n');
    const result = createEngine().analyze(sourceOf(text));
    const methods = result.quotes.map((q) => q.method);
    assert.deepEqual(methods, ['pronoun-tag', 'descriptive-tag', 'pronoun-tag']);
    const words = tsv(renderBooknlpTokens(result, { sourceText: text })).rows.map((r) => r[4]);
    const quoteRows = tsv(renderBooknlpQuotes(result, { sourceText: text })).rows;
    const mentions = quoteRows.map(([, , ms, me, phrase, speaker]) => {
      assert.notEqual(speaker, '-1');
      return [words.slice(Number(ms), Number(me) + 1).join(' '), phrase];
    });
    assert.deepEqual(mentions, [
      ['he', 'he'],
      ['he', 'he'],
      ['the old man', 'the old man'],
      ['She', 'She'],
    ]);
  });
});

describe('render: CSV', () => {
  it('render: one CSV row per quotation, RFC 4180 quoting, CRLF line ends', () => {
    const csv = renderCsv(analysedStory(), options);
    const lines = csv.split('\r\n');
    assert.equal(lines[lines.length - 1], '');
    assert.equal(
      lines[0],
      'id,start,end,kind,mark,speaker,speaker_name,addressees,addressee_names,confidence,method,text',
    );
    assert.equal(lines.length - 2, 4);
    assert.equal(
      lines[1],
      'Q0,14,67,speech,double,C0,Tom,C1,Ada,0.9,explicit-tag,"Good morning, Ada, Lovely weather!"',
    );
  });

  it('render: a field with quotes is doubled and a formula-like field is defused', () => {
    const result = analysedStory();
    result.quotes[0] = { ...result.quotes[0]!, text: 'She said "no"' };
    result.quotes[1] = { ...result.quotes[1]!, text: '=HYPERLINK("x")' };
    const lines = renderCsv(result, options).split('\r\n');
    assert.ok(lines[1]!.endsWith(',"She said ""no"""'));
    assert.ok(lines[2]!.endsWith(',"\'=HYPERLINK(""x"")"'));
  });
});

describe('render: registry', () => {
  it('render: every output format is registered for `analyze --format`', () => {
    for (const format of [
      'json',
      'html',
      'text',
      'tei',
      'gexf',
      'graphml',
      'csv',
      'booknlp-tokens',
      'booknlp-quotes',
    ]) {
      assert.ok(format in RENDERERS, format);
    }
  });
});
