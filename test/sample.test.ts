/**
 * The bundled sample story against its ground-truth key (samples/README.md), read from the key's
 * quotation table so that the key stays the one place the truth is written down.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type AnalysisResult, createEngine, ingestFile, validateAnalysis } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STORY = join(ROOT, 'samples', 'the-lighthouse-keepers-daughter.txt');
const KEY = join(ROOT, 'samples', 'README.md');

interface KeyQuote {
  id: string;
  speaker: string;
  addressees: string[];
  kind: string;
  cue: string;
  spans: [number, number][];
}

/** Rows of the key's quotation table: `| Q0 | 6 | 1 | first words | Margaret | Daniel | speech | cue | [a,b) |`. */
function readKey(): KeyQuote[] {
  return readFileSync(KEY, 'utf8')
    .split('\n')
    .filter((line) => /^\| Q\d+ \|/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const [id, , , , speaker, addressees, kind, cue, spans] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      return {
        id,
        speaker,
        addressees: addressees === '—' ? [] : addressees.split(', '),
        kind,
        cue,
        spans: [...spans.matchAll(/\[(\d+),(\d+)\)/g)].map(
          (m) => [Number(m[1]), Number(m[2])] as [number, number],
        ),
      };
    });
}

/** The key names people by their short names. */
const KEY_NAME: Record<string, string> = {
  Margaret: 'Margaret',
  Daniel: 'Daniel',
  'Mrs. Pender': 'Mrs. Pender',
  Arthur: 'Arthur',
};

describe('sample story against its key', () => {
  const key = readKey();
  let result: AnalysisResult;
  /** Character id → the key's name for that person. */
  const personOf = new Map<string | number, string>();

  before(async () => {
    result = createEngine().analyze(await ingestFile(STORY));
    for (const c of result.characters) {
      const names = [c.name, ...c.aliases];
      const person = Object.keys(KEY_NAME).find((k) => names.some((n) => n === k || n.startsWith(`${k} `)));
      if (person) personOf.set(c.id, person);
    }
  });

  const quote = (id: string) => {
    const q = result.quotes.find((x) => x.id === id);
    assert.ok(q, `${id} found`);
    return q;
  };
  const speakerOf = (id: string) => {
    const s = quote(id).speaker;
    return s === null ? '—' : (personOf.get(s) ?? String(s));
  };
  const addresseesOf = (id: string) => quote(id).addressees.map((a) => personOf.get(a) ?? String(a));

  it('sample: the key lists 55 quotations and the result is schema-valid', () => {
    assert.equal(key.length, 55);
    assert.deepEqual(validateAnalysis(result), []);
  });

  it('sample: the cast is Margaret, Daniel, Mrs. Pender and Arthur with their genders; Maggie is Margaret', () => {
    const byPerson = new Map(result.characters.map((c) => [personOf.get(c.id), c]));
    assert.deepEqual([...byPerson.keys()].sort(), ['Arthur', 'Daniel', 'Margaret', 'Mrs. Pender']);
    assert.equal(result.characters.length, 4);
    assert.equal(byPerson.get('Margaret')!.gender.label, 'female');
    assert.equal(byPerson.get('Mrs. Pender')!.gender.label, 'female');
    assert.equal(byPerson.get('Daniel')!.gender.label, 'male');
    assert.equal(byPerson.get('Arthur')!.gender.label, 'male');
    assert.ok(byPerson.get('Margaret')!.aliases.includes('Maggie'));
    assert.ok(byPerson.get('Margaret')!.epithets.includes('love'), 'Mrs. Pender calls her “love”');
    assert.ok(
      result.characters.every((c) => !c.narrator),
      'third person: no narrator',
    );
  });

  it('sample: every quotation of the key is found, in order, with exactly its spans', () => {
    assert.deepEqual(
      result.quotes.map((q) => [q.id, q.spans]),
      key.map((k) => [k.id, k.spans]),
    );
  });

  it('sample: each interrupted quotation (“…,” she said, “…”) is one quotation of two spans', () => {
    const interrupted = key.filter((k) => k.cue.includes('interrupted'));
    assert.deepEqual(
      interrupted.map((k) => k.id),
      ['Q4', 'Q6', 'Q15', 'Q20', 'Q46', 'Q49', 'Q54'],
    );
    for (const k of interrupted) assert.deepEqual(quote(k.id).spans, k.spans, k.id);
  });

  it('sample: the quotation over two paragraphs (the first left open) is one quotation, one span each', () => {
    const q = quote('Q18');
    assert.equal(q.spans.length, 2);
    assert.deepEqual(q.spans, key.find((k) => k.id === 'Q18')!.spans);
    assert.ok(!result.quotes.some((x) => x.id !== 'Q18' && x.start < q.end && q.start < x.end));
  });

  it('sample: every quotation with a named speech tag is attributed to the named speaker', () => {
    const tagged = key.filter((k) => k.cue.startsWith('explicit-tag'));
    assert.equal(tagged.length, 18);
    for (const k of tagged) {
      assert.equal(speakerOf(k.id), k.speaker, `${k.id} (${k.cue})`);
      assert.equal(quote(k.id).method, 'explicit-tag', k.id);
    }
  });

  it('sample: every quotation with a pronoun tag (she said, he said) is attributed to its speaker', () => {
    const tagged = key.filter((k) => k.cue.startsWith('pronoun-tag'));
    assert.equal(tagged.length, 9);
    for (const k of tagged) assert.equal(speakerOf(k.id), k.speaker, `${k.id} (${k.cue})`);
  });

  it('sample: a vocative makes its person an addressee, and the quotation goes to the other speaker', () => {
    const vocative = key.filter((k) => /vocative “/.test(k.cue) && !/NOT a vocative/.test(k.cue));
    assert.deepEqual(
      vocative.map((k) => k.id),
      ['Q8', 'Q10', 'Q11', 'Q15', 'Q34', 'Q38', 'Q50', 'Q51'],
    );
    for (const k of vocative) {
      const got = addresseesOf(k.id);
      for (const a of k.addressees) assert.ok(got.includes(a), `${k.id}: ${a} among ${got.join(', ')}`);
      assert.equal(speakerOf(k.id), k.speaker, k.id);
    }
  });

  it('sample: the title is a heading, the * * * line a break, and every other block prose', () => {
    assert.equal(result.paragraphs.length, 81);
    result.paragraphs.forEach((p, block) => {
      const expected = block === 0 ? 'heading' : block === 60 ? 'break' : 'prose';
      assert.equal(p.kind, expected, `block ${block}`);
    });
  });

  it('sample: scenes open at the time skip (block 34) and after the * * * break (block 61)', () => {
    const at = (block: number) => result.scenes.find((s) => s.start === result.paragraphs[block]!.start);
    assert.equal(at(34)?.boundary.kind, 'time');
    assert.match(at(34)!.boundary.cue, /next morning/i);
    assert.equal(at(61)?.boundary.kind, 'break');
    assert.equal(result.scenes[0]!.boundary.kind, 'start');
  });

  it('sample: the story is told in the third person', () => {
    assert.equal(result.pov?.person, 'third');
  });
});
