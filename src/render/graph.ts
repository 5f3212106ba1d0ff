import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';
import { escapeXml as x } from './markup.js';

/**
 * The character network for Gephi and NetworkX, as GEXF 1.2 or GraphML.
 *
 * Nodes are characters. Both edge kinds are in one directed graph, told apart by a `relation`
 * attribute: `conversation` edges go from speaker to addressee (weight = quotations), and
 * `cooccurrence` edges are listed once per pair (weight = paragraphs together; GEXF marks them
 * `type="mutual"`). One graph rather than a mixed one, because NetworkX refuses an undirected edge
 * in a directed graph, and Gephi filters by attribute easily.
 */

interface GraphNode {
  id: string;
  label: string;
  gender: string;
  mentions: number;
  quotes: number;
  words: number;
  speechValence: number | null;
  narrationValence: number | null;
}

interface GraphEdge {
  source: string;
  target: string;
  relation: 'conversation' | 'cooccurrence';
  weight: number;
  quotes: number;
  words: number;
  valence: number | null;
  scenes: number;
  paragraphs: number;
}

const NODE_KEYS = [
  ['gender', 'string'],
  ['mentions', 'integer'],
  ['quotes', 'integer'],
  ['words', 'integer'],
  ['speechValence', 'double'],
  ['narrationValence', 'double'],
] as const;

const EDGE_KEYS = [
  ['relation', 'string'],
  ['quotes', 'integer'],
  ['words', 'integer'],
  ['valence', 'double'],
  ['scenes', 'integer'],
  ['paragraphs', 'integer'],
] as const;

function graphOf(result: AnalysisResult): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const speech = new Map(result.stats?.speech.map((s) => [s.character, s] as const) ?? []);
  const feeling = new Map(result.emotion?.characters.map((c) => [c.character, c] as const) ?? []);
  const spokenQuotes = new Map<string | number, number>();
  for (const q of result.quotes)
    if (q.speaker !== null) spokenQuotes.set(q.speaker, (spokenQuotes.get(q.speaker) ?? 0) + 1);
  const nodes = result.characters.map((c) => ({
    id: String(c.id),
    label: c.name,
    gender: c.gender.label,
    mentions: c.mentions,
    quotes: spokenQuotes.get(c.id) ?? 0,
    words: speech.get(c.id)?.words ?? 0,
    speechValence: feeling.get(c.id)?.speech ?? null,
    narrationValence: feeling.get(c.id)?.narration ?? null,
  }));
  const known = new Set(nodes.map((n) => n.id));
  const pairValence = new Map(
    result.emotion?.pairs.map((p) => [`${p.from}\u0000${p.to}`, p.valence] as const) ?? [],
  );
  const edges: GraphEdge[] = [];
  for (const e of result.network?.conversation ?? []) {
    edges.push({
      source: String(e.from),
      target: String(e.to),
      relation: 'conversation',
      weight: e.quotes,
      quotes: e.quotes,
      words: e.words,
      valence: pairValence.get(`${e.from}\u0000${e.to}`) ?? null,
      scenes: 0,
      paragraphs: 0,
    });
  }
  for (const e of result.network?.cooccurrence ?? []) {
    edges.push({
      source: String(e.from),
      target: String(e.to),
      relation: 'cooccurrence',
      weight: e.paragraphs + e.scenes,
      quotes: 0,
      words: 0,
      valence: null,
      scenes: e.scenes,
      paragraphs: e.paragraphs,
    });
  }
  return { nodes, edges: edges.filter((e) => known.has(e.source) && known.has(e.target)) };
}

function value(v: string | number | null): string | undefined {
  return v === null ? undefined : typeof v === 'number' ? String(v) : x(v);
}

export function renderGexf(result: AnalysisResult, _options: RenderOptions): string {
  const { nodes, edges } = graphOf(result);
  const attributes = (cls: string, keys: readonly (readonly [string, string])[]) =>
    `    <attributes class="${cls}">\n${keys
      .map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`)
      .join('\n')}\n    </attributes>`;
  const attvalues = (
    o: Record<string, string | number | null>,
    keys: readonly (readonly [string, string])[],
  ) =>
    keys
      .map(([k]) => {
        const v = value(o[k] ?? null);
        return v === undefined ? '' : `<attvalue for="${k}" value="${v}"/>`;
      })
      .join('');
  const nodeXml = nodes
    .map(
      (n) =>
        `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues>${attvalues({ ...n }, NODE_KEYS)}</attvalues></node>`,
    )
    .join('\n');
  const edgeXml = edges
    .map(
      (e, i) =>
        `      <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}"` +
        `${e.relation === 'cooccurrence' ? ' type="mutual"' : ''} label="${e.relation}" weight="${e.weight}">` +
        `<attvalues>${attvalues({ ...e }, EDGE_KEYS)}</attvalues></edge>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta>
    <creator>storylens ${x(result.engine.version)}</creator>
    <description>${x(result.meta.title ?? result.source.name)}: character network</description>
  </meta>
  <graph mode="static" defaultedgetype="directed">
${attributes('node', NODE_KEYS)}
${attributes('edge', EDGE_KEYS)}
    <nodes>
${nodeXml}
    </nodes>
    <edges>
${edgeXml}
    </edges>
  </graph>
</gexf>
`;
}

export function renderGraphml(result: AnalysisResult, _options: RenderOptions): string {
  const { nodes, edges } = graphOf(result);
  const keys = [
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_KEYS.map(
      ([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${graphmlType(t)}"/>`,
    ),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    ...EDGE_KEYS.map(
      ([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${graphmlType(t)}"/>`,
    ),
  ].join('\n');
  const data = (
    prefix: string,
    o: Record<string, string | number | null>,
    list: readonly (readonly [string, string])[],
  ) =>
    list
      .map(([k]) => {
        const v = value(o[k] ?? null);
        return v === undefined ? '' : `<data key="${prefix}${k}">${v}</data>`;
      })
      .join('');
  const nodeXml = nodes
    .map(
      (n) =>
        `    <node id="${x(n.id)}"><data key="label">${x(n.label)}</data>${data('n_', { ...n }, NODE_KEYS)}</node>`,
    )
    .join('\n');
  const edgeXml = edges
    .map(
      (e, i) =>
        `    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}">` +
        `<data key="weight">${e.weight}</data>${data('e_', { ...e }, EDGE_KEYS)}</edge>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
${keys}
  <graph id="characters" edgedefault="directed">
${nodeXml}
${edgeXml}
  </graph>
</graphml>
`;
}

function graphmlType(t: string): string {
  return t === 'integer' ? 'int' : t;
}
