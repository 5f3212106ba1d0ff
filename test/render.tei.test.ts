/** TEI P5 export: cast in the header and front matter, chapters, quotations as <said>. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTei } from '../src/render/tei.js';
import { analysedStory, STORY } from './render.fixture.js';
import { findAll, parseXml } from './xml.helper.js';

describe('render: TEI', () => {
  const result = analysedStory();
  const tei = parseXml(renderTei(result, { sourceText: STORY }));

  it('render: TEI is well-formed XML in the TEI namespace', () => {
    assert.equal(tei.name, 'TEI');
    assert.equal(tei.attributes.xmlns, 'http://www.tei-c.org/ns/1.0');
  });

  it('render: the cast is a listPerson with an xml:id per character, and a castList', () => {
    const persons = findAll(tei, 'person');
    assert.deepEqual(
      persons.map((p) => p.attributes['xml:id']),
      ['C0', 'C1'],
    );
    assert.deepEqual(
      findAll(tei, 'role').map((r) => r.attributes.corresp),
      ['#C0', '#C1'],
    );
  });

  it('render: each chapter is a div type="chapter" opened by its heading', () => {
    const chapters = findAll(tei, 'div').filter((d) => d.attributes.type === 'chapter');
    assert.equal(chapters.length, 2);
    assert.equal(chapters[0]!.children[0]!.name, 'head');
    assert.equal(chapters[1]!.children.find((c) => c.name === 'head')!.text, 'Chapter Two');
  });

  it('render: speech is <said who toWhom aloud="true">, in parts when a tag interrupts it', () => {
    const said = findAll(tei, 'said');
    const tom = said.filter((s) => s.attributes.who === '#C0');
    assert.deepEqual(
      tom.map((s) => [s.text, s.attributes.toWhom, s.attributes.aloud, s.attributes.part]),
      [
        ['Good morning, Ada,', '#C1', 'true', 'I'],
        ['Lovely weather!', '#C1', 'true', 'F'],
      ],
    );
    const ada = said.find((s) => s.attributes.who === '#C1' && s.attributes.aloud === 'true')!;
    assert.equal(ada.text, 'It is dreadful & cold,');
  });

  it('render: thought is <said aloud="false">; an unattributed quotation has no who', () => {
    const said = findAll(tei, 'said');
    const thought = said.find((s) => s.attributes.aloud === 'false')!;
    assert.equal(thought.text, 'I wonder where Tom went,');
    assert.ok(said.some((s) => s.attributes.who === undefined));
  });

  it('render: reported speech is <said direct="false"> with its speaker and no aloud', () => {
    const reported = structuredClone(result);
    const q = reported.quotes.find((x) => x.kind === 'speech' && x.speaker !== null)!;
    q.kind = 'reported';
    const said = findAll(parseXml(renderTei(reported, { sourceText: STORY })), 'said');
    const indirect = said.filter((s) => s.attributes.direct === 'false');
    assert.ok(indirect.length >= 1);
    for (const s of indirect) {
      assert.equal(s.attributes.aloud, undefined);
      assert.ok(s.attributes.who);
    }
  });

  it('render: names in the text point at the cast, and every pointer resolves', () => {
    const ids = new Set(findAll(tei, 'person').map((p) => `#${p.attributes['xml:id']}`));
    const names = findAll(tei, 'persName').filter((p) => p.attributes.ref);
    assert.ok(names.length >= 3);
    for (const p of names) assert.ok(ids.has(p.attributes.ref!), p.attributes.ref);
    for (const s of findAll(tei, 'said')) {
      for (const ref of [s.attributes.who, ...(s.attributes.toWhom ?? '').split(' ')].filter(Boolean)) {
        assert.ok(ids.has(ref!), ref);
      }
    }
  });

  it('render: the scene break and the second scene are milestones', () => {
    const milestones = findAll(tei, 'milestone');
    assert.ok(milestones.some((m) => m.attributes.unit === 'section'));
    assert.ok(milestones.some((m) => m.attributes.unit === 'scene' && m.attributes.n === '2'));
  });

  it('render: ids that are not XML names (numbers) become valid, unique xml:ids', () => {
    const numbered = analysedStory();
    numbered.characters = numbered.characters.map((c, i) => ({ ...c, id: i + 1 }));
    numbered.quotes = numbered.quotes.map((q) => ({
      ...q,
      speaker: q.speaker === 'C0' ? 1 : q.speaker === 'C1' ? 2 : null,
      addressees: q.addressees.map((a) => (a === 'C0' ? 1 : 2)),
    }));
    numbered.mentions = [];
    const doc = parseXml(renderTei(numbered, { sourceText: STORY }));
    const ids = findAll(doc, 'person').map((p) => p.attributes['xml:id']!);
    for (const id of ids) assert.match(id, /^[A-Za-z_][A-Za-z0-9._-]*$/);
    assert.equal(findAll(doc, 'said')[0]!.attributes.who, `#${ids[0]}`);
  });

  it('render: the XML reader these tests use rejects what a parser rejects', () => {
    assert.throws(() => parseXml('<a><b></a></b>'));
    assert.throws(() => parseXml('<a>fish & chips</a>'));
    assert.throws(() => parseXml('<a x="1" x="2"/>'));
    assert.throws(() => parseXml('<a/><b/>'));
    assert.throws(() => parseXml('<a>'));
    assert.equal(parseXml('<a t="&lt;">x &amp; y</a>').text, 'x & y');
  });
});
