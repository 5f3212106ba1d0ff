/** GEXF and GraphML exports of the character network, for Gephi and NetworkX. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderGexf, renderGraphml } from '../src/render/graph.js';
import { analysedStory, STORY } from './render.fixture.js';
import { findAll, parseXml } from './xml.helper.js';

const options = { sourceText: STORY };

describe('render: GEXF', () => {
  const result = analysedStory();
  const gexf = parseXml(renderGexf(result, options));

  it('render: GEXF parses as XML with one node per character, labelled by name', () => {
    assert.equal(gexf.name, 'gexf');
    assert.equal(gexf.attributes.version, '1.2');
    const nodes = findAll(gexf, 'node');
    assert.deepEqual(
      nodes.map((n) => [n.attributes.id, n.attributes.label]),
      [
        ['C0', 'Tom'],
        ['C1', 'Ada'],
      ],
    );
  });

  it('render: GEXF has a directed conversation edge per speaker → addressee pair and one mutual co-occurrence edge', () => {
    const edges = findAll(gexf, 'edge');
    const talk = edges.filter((e) => e.attributes.label === 'conversation');
    assert.deepEqual(
      talk.map((e) => [e.attributes.source, e.attributes.target, e.attributes.weight]),
      [
        ['C0', 'C1', '1'],
        ['C1', 'C0', '1'],
      ],
    );
    const together = edges.filter((e) => e.attributes.label === 'cooccurrence');
    assert.equal(together.length, 1);
    assert.equal(together[0]!.attributes.type, 'mutual');
    assert.equal(new Set(edges.map((e) => e.attributes.id)).size, edges.length, 'edge ids are unique');
  });

  it('render: every GEXF attribute value refers to a declared attribute', () => {
    const declared = new Set(findAll(gexf, 'attribute').map((a) => a.attributes.id));
    for (const v of findAll(gexf, 'attvalue')) assert.ok(declared.has(v.attributes.for), v.attributes.for);
    const words = findAll(gexf, 'edge')[0]!.children[0]!.children.find((v) => v.attributes.for === 'words');
    assert.equal(words?.attributes.value, '5');
  });
});

describe('render: GraphML', () => {
  it('render: GraphML parses as XML, declares every data key it uses, and has all edges', () => {
    const result = analysedStory();
    const graphml = parseXml(renderGraphml(result, options));
    assert.equal(findAll(graphml, 'graph')[0]!.attributes.edgedefault, 'directed');
    const keys = new Set(findAll(graphml, 'key').map((k) => k.attributes.id));
    for (const d of findAll(graphml, 'data')) assert.ok(keys.has(d.attributes.key), d.attributes.key);
    assert.equal(findAll(graphml, 'node').length, 2);
    assert.equal(
      findAll(graphml, 'edge').length,
      result.network!.conversation.length + result.network!.cooccurrence.length,
    );
  });

  it('render: names with XML metacharacters survive escaping in both formats', () => {
    const result = analysedStory();
    result.characters[0] = { ...result.characters[0]!, name: '<Tom & "Tommy">' };
    const gexf = parseXml(renderGexf(result, options));
    assert.equal(findAll(gexf, 'node')[0]!.attributes.label, '<Tom & "Tommy">');
    const graphml = parseXml(renderGraphml(result, options));
    const label = findAll(graphml, 'data').find((d) => d.attributes.key === 'label')!;
    assert.equal(label.text, '<Tom & "Tommy">');
  });

  it('render: a result without a network still gives a valid graph of the cast', () => {
    const { network: _, ...result } = analysedStory();
    const graphml = parseXml(renderGraphml(result, options));
    assert.equal(findAll(graphml, 'node').length, 2);
    assert.equal(findAll(graphml, 'edge').length, 0);
    assert.equal(findAll(parseXml(renderGexf(result, options)), 'edge').length, 0);
  });
});
