import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';
import { type InlineElement, markUp, escapeXml as x, xmlName } from './markup.js';

/**
 * TEI P5: the cast as `<listPerson>` in the header and `<castList>` in the front matter, the text
 * in `<div type="chapter">`s of `<p>`s, every quotation a `<said who="#id" toWhom="#id">` (speech
 * aloud, thought not), written text and mentions as `<q type="…">`, names as
 * `<persName ref="#id">`, scene breaks as `<milestone unit="scene">`.
 */
export function renderTei(result: AnalysisResult, options: RenderOptions): string {
  const text = options.sourceText;
  const ids = teiIds(result);
  const ref = (id: string | number) => `#${ids.get(id) ?? xmlName(id, 'c')}`;
  const names = new Map(result.characters.map((c) => [c.id, c.name] as const));
  const spoken = new Map<string | number, number>();
  for (const q of result.quotes)
    if (q.speaker !== null) spoken.set(q.speaker, (spoken.get(q.speaker) ?? 0) + 1);

  const persons = result.characters
    .map((c) => {
      const aliases = c.aliases
        .filter((a) => a !== c.name)
        .map((a) => `<persName type="alias">${x(a)}</persName>`)
        .join('');
      const epithets = c.epithets.map((e) => `<addName type="epithet">${x(e)}</addName>`).join('');
      const gender =
        c.gender.label !== 'unknown' ? `<trait type="gender"><desc>${c.gender.label}</desc></trait>` : '';
      const narrator = c.narrator ? '<note type="role">narrator</note>' : '';
      return `          <person xml:id="${ids.get(c.id)}"><persName>${x(c.name)}</persName>${aliases}${epithets}${gender}${narrator}<note type="mentions">${c.mentions}</note></person>`;
    })
    .join('\n');
  const castItems = result.characters
    .map(
      (c) =>
        `          <castItem><role corresp="${ref(c.id)}">${x(c.name)}</role><roleDesc>${spoken.get(c.id) ?? 0} quotations, ${c.mentions} mentions</roleDesc></castItem>`,
    )
    .join('\n');

  // Inline elements: quotation spans and proper-name mentions, in source offsets.
  const inline: InlineElement[] = [];
  for (const q of result.quotes) {
    const attrs =
      q.kind === 'speech' || q.kind === 'thought' || q.kind === 'reported' || q.kind === 'imagined'
        ? `said${q.speaker !== null ? ` who="${ref(q.speaker)}"` : ''}${
            q.addressees.length > 0 ? ` toWhom="${q.addressees.map(ref).join(' ')}"` : ''
          }${q.kind === 'reported' ? '' : ` aloud="${q.kind === 'speech'}"`} direct="${q.kind !== 'reported'}"`
        : `q type="${q.kind}"`;
    const tag = attrs.startsWith('said') ? 'said' : 'q';
    q.spans.forEach(([s, e], i) => {
      const part =
        q.spans.length > 1 ? ` part="${i === 0 ? 'I' : i === q.spans.length - 1 ? 'F' : 'M'}"` : '';
      inline.push({ start: s, end: e, open: `<${attrs}${part} n="${x(q.id)}">`, close: `</${tag}>` });
    });
  }
  for (const m of result.mentions) {
    if (m.kind !== 'proper' || m.character === null || !names.has(m.character)) continue;
    inline.push({
      start: m.start,
      end: m.end,
      open: `<persName ref="${ref(m.character)}">`,
      close: '</persName>',
    });
  }
  inline.sort((a, b) => a.start - b.start || b.end - a.end);

  const body = bodyDivs(result, text, inline);
  const title = result.meta.title ?? result.source.name;
  const author = result.meta.author ? `\n        <author>${x(result.meta.author)}</author>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>${x(title)}</title>${author}
      </titleStmt>
      <publicationStmt>
        <p>Annotated by storylens ${x(result.engine.version)} (schema ${x(result.schemaVersion)}); quotations, speakers and addressees are automatic.</p>
      </publicationStmt>
      <sourceDesc>
        <p>${x(result.source.name)} (${x(result.source.format)}, ${x(result.source.encoding)})</p>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc>
        <listPerson>
${persons || '          <person><persName/></person>'}
        </listPerson>
      </particDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <front>
      <castList>
${castItems || '          <castItem><role/></castItem>'}
      </castList>
    </front>
    <body>
${body}
    </body>
  </text>
</TEI>
`;
}

/** Unique xml:ids for the cast (external ids need not be XML names, nor stay unique once made so). */
function teiIds(result: AnalysisResult): Map<string | number, string> {
  const ids = new Map<string | number, string>();
  const used = new Set<string>();
  for (const c of result.characters) {
    let id = xmlName(c.id, 'c');
    for (let k = 2; used.has(id); k++) id = `${xmlName(c.id, 'c')}-${k}`;
    used.add(id);
    ids.set(c.id, id);
  }
  return ids;
}

function bodyDivs(result: AnalysisResult, text: string, inline: readonly InlineElement[]): string {
  const chapters = result.chapters;
  const scenes = result.scenes;
  const out: string[] = [];
  let chapter = -1;
  let open = false;
  // A division needs at least one paragraph after its head.
  let hasHead = false;
  let hasParagraph = false;
  const close = () => out.push(hasParagraph ? '      </div>' : '        <p/>\n      </div>');
  let ei = 0;
  let si = 1;
  for (const p of result.paragraphs) {
    // The chapter this paragraph opens or belongs to; paragraphs before the first chapter form an
    // untyped division of their own.
    let c = chapter;
    while (c + 1 < chapters.length && chapters[c + 1]!.start <= p.start) c++;
    if (!open || c !== chapter) {
      if (open) close();
      out.push(`      <div${c >= 0 ? ` type="chapter" n="${c + 1}"` : ''}>`);
      open = true;
      hasHead = false;
      hasParagraph = false;
      chapter = c;
    }
    while (si < scenes.length && scenes[si]!.start < p.end) {
      out.push(`        <milestone unit="scene" n="${si + 1}" type="${x(scenes[si]!.boundary.kind)}"/>`);
      si++;
    }
    if (p.kind === 'break') {
      out.push('        <milestone unit="section" type="break"/>');
      continue;
    }
    while (ei < inline.length && inline[ei]!.end <= p.start) ei++;
    const here: InlineElement[] = [];
    for (let k = ei; k < inline.length && inline[k]!.start < p.end; k++) {
      const e = inline[k]!;
      const start = Math.max(e.start, p.start);
      const end = Math.min(e.end, p.end);
      if (end > start) here.push({ ...e, start, end });
    }
    const content = markUp(text, p.start, p.end, here, x);
    if (p.kind === 'heading' && !hasHead && !hasParagraph) {
      out.push(`        <head>${content}</head>`);
      hasHead = true;
    } else {
      out.push(
        p.kind === 'heading' ? `        <p rend="heading">${content}</p>` : `        <p>${content}</p>`,
      );
      hasParagraph = true;
    }
  }
  if (open) close();
  else out.push('      <div>\n        <p/>\n      </div>');
  return out.join('\n');
}
