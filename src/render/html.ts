import type { AnalysisResult, QuoteResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';
import { type InlineElement, markUp } from './markup.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const h = escapeHtml;
type Id = string | number;

/**
 * The report: one self-contained HTML file (inline CSS and SVG, no script, no external resource)
 * that opens offline. Key figures; the emotional arc; scenes as a strip along the story; the cast;
 * the character network; writing statistics; and the text with every quotation in its speaker's
 * colour, its speaker, addressees, confidence and deciding cue on hover.
 *
 * Speaker colours are CSS classes and the hover text a `title` attribute, so a 600,000-word novel
 * costs about a hundred bytes per quotation on top of its text, not a script per quotation.
 */
/** `1 chapter`, `4 scenes`. */
function counted(n: number, noun: string): string {
  return `<b>${n}</b> ${noun}${n === 1 ? '' : 's'}`;
}

/** `1 scene`, `2 scenes`: a count in running text and tooltips. */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The story's title: the one its metadata gives (AO3, EPUB, Gutenberg), else a heading that opens
 * the text (a plain-text story's title line), else the file name without its folders.
 */
export function titleOf(result: AnalysisResult, text: string): string {
  if (result.meta.title) return result.meta.title;
  const first = result.paragraphs[0];
  // (Not a first chapter's heading: "Chapter One" names the chapter, not the story.)
  const chapterHeading = result.chapters[0]?.heading;
  const opensChapter = chapterHeading != null && chapterHeading[0] === first?.start;
  if (first?.kind === 'heading' && !opensChapter && first.start < 200 && first.end - first.start <= 120) {
    const heading = text.slice(first.start, first.end).trim();
    if (heading) return heading;
  }
  return result.source.name.split(/[\\/]/).pop() || result.source.name;
}

export function renderHtml(result: AnalysisResult, options: RenderOptions): string {
  const title = titleOf(result, options.sourceText);
  const palette = new Map<Id, number>(result.characters.map((c, i) => [c.id, i] as const));
  const names = new Map<Id, string>(result.characters.map((c) => [c.id, c.name] as const));
  const nameOf = (id: Id) => names.get(id) ?? String(id);
  const colourRules = result.characters
    .map(
      (_, i) =>
        `.s${i}{background:${colour(i, 86)}}.d${i}{background:${colour(i, 60)};fill:${colour(i, 60)}}`,
    )
    .join('');

  const sections = [
    summarySection(result),
    arcSection(result),
    scenesSection(result, nameOf),
    castSection(result, palette),
    networkSection(result, palette, nameOf),
    writingSection(result, nameOf),
    textSection(result, options.sourceText, palette, nameOf),
  ];

  return `<!doctype html>
<html lang="${h(result.meta.language ?? 'en')}"><head><meta charset="utf-8"><title>${h(title)} — storylens</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.55 Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;color:#222;background:#fff}
h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;font:600 1.15em system-ui,sans-serif}
.figures{font:14px system-ui,sans-serif;color:#444;display:flex;flex-wrap:wrap;gap:.3em 1.4em;padding:0;list-style:none}
.figures b{color:#111}
table{border-collapse:collapse;font:13px system-ui,sans-serif;margin:.5em 0}td,th{padding:.2em .6em;border-bottom:1px solid #e4e4e4;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.sw{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border-radius:2px;vertical-align:baseline}
svg{display:block;max-width:100%;height:auto;font:11px system-ui,sans-serif}
svg text{fill:#555}.axis{stroke:#bbb;stroke-width:1}.arc{fill:none;stroke:#b03a2e;stroke-width:2}
.pos{fill:#d6eadf}.neg{fill:#f5d5d0}.edge{fill:none;stroke:#666}.co{stroke:#ccc}
.note{font:13px system-ui,sans-serif;color:#666}
mark.q{border-radius:3px;padding:0 1px;color:inherit}mark.su{background:#eee}
p.break{text-align:center;color:#888}.scene{border-top:1px dashed #ccc;margin-top:1.5em;font:12px system-ui,sans-serif;color:#888}
${colourRules}
</style></head><body>
<h1>${h(title)}</h1>
${result.meta.author ? `<p class="note">by ${h(result.meta.author)}</p>` : ''}
${workTags(result)}
${sections.filter((s) => s.length > 0).join('\n')}
<p class="note">storylens ${h(result.engine.version)} · schema ${h(result.schemaVersion)} · stages: ${h(result.engine.stages.join(', '))}</p>
</body></html>
`;
}

function colour(i: number, lightness: number): string {
  return `hsl(${((i * 137.508) % 360).toFixed(1)} 65% ${lightness}%)`;
}

function fixed(x: number, digits = 2): string {
  return (Math.round(x * 10 ** digits) / 10 ** digits).toString();
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Whole percentages for parts of one whole that add up to what the parts add up to (100 for
 * shares summing to 1): each part's floor, then the points left over to the largest remainders
 * (ties to the earlier part), so 0.655 and 0.345 show as 66% and 34%, not 66% and 35%.
 */
export function wholePercents(shares: readonly number[]): number[] {
  const exact = shares.map((x) => Math.max(0, x) * 100);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  const target = Math.round(exact.reduce((a, b) => a + b, 0));
  let left = target - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((_, i) => i)
    .sort((a, b) => exact[b]! - floors[b]! - (exact[a]! - floors[a]!) || a - b);
  for (let k = 0; left > 0 && k < order.length; k++, left--) floors[order[k]!]!++;
  return floors;
}

/** Each speaker's share of speech as a whole percentage, the shown shares adding up to 100. */
function speechPercents(result: AnalysisResult): Map<Id, number> {
  const speech = result.stats?.speech ?? [];
  const whole = wholePercents(speech.map((s) => s.share));
  return new Map(speech.map((s, i) => [s.character, whole[i]!] as const));
}

function summarySection(result: AnalysisResult): string {
  const s = result.stats;
  const items: string[] = [];
  if (s) {
    items.push(`<b>${s.words.toLocaleString('en-US')}</b> words (${h(s.lengthTerm)})`);
    items.push(`<b>${Math.max(1, Math.round(s.readingMinutes))}</b> min to read`);
    items.push(`<b>${percent(s.dialogueShare)}</b> dialogue`);
  }
  items.push(counted(result.characters.length, 'character'));
  items.push(counted(result.quotes.length, 'quotation'));
  if (result.chapters.length > 0) items.push(counted(result.chapters.length, 'chapter'));
  if (result.scenes.length > 0) items.push(counted(result.scenes.length, 'scene'));
  if (result.emotion) items.push(`arc: <b>${h(result.emotion.shape)}</b>`);
  return `<ul class="figures">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** Narrative time (0–1) of a source offset, by sentence index as the arc measures it. */
function narrativeTime(result: AnalysisResult): (offset: number) => number {
  const sentences = result.emotion?.sentences ?? [];
  const length = Math.max(1, result.source.length);
  if (sentences.length === 0) return (offset) => offset / length;
  return (offset) => {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]![0] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo / sentences.length;
  };
}

const ARC_W = 720;
const ARC_H = 200;

function arcSection(result: AnalysisResult): string {
  const emotion = result.emotion;
  if (!emotion) return '';
  const arc = emotion.arc;
  const pad = { left: 44, right: 10, top: 12, bottom: 24 };
  const w = ARC_W - pad.left - pad.right;
  const hgt = ARC_H - pad.top - pad.bottom;
  // Symmetric around zero so that above the line is always positive feeling.
  const extent = Math.max(0.05, ...arc.map((v) => Math.abs(v)));
  const xOf = (i: number) => pad.left + (i / Math.max(1, arc.length - 1)) * w;
  const yOf = (v: number) => pad.top + (1 - (v + extent) / (2 * extent)) * hgt;
  const zero = yOf(0);
  const points = arc.map((v, i) => `${fixed(xOf(i), 1)},${fixed(yOf(v), 1)}`);
  const line = `M${points.join('L')}`;
  const area = `M${fixed(xOf(0), 1)},${fixed(zero, 1)}L${points.join('L')}L${fixed(xOf(arc.length - 1), 1)},${fixed(zero, 1)}Z`;
  const time = narrativeTime(result);
  const ticks = result.chapters
    .map((c, i) => {
      const x = fixed(pad.left + time(c.start) * w, 1);
      return `<line class="axis" x1="${x}" x2="${x}" y1="${pad.top}" y2="${pad.top + hgt}" stroke-dasharray="2 3"><title>${h(c.title || `Chapter ${i + 1}`)}</title></line>`;
    })
    .join('');
  return `<h2>Emotional arc</h2>
<svg viewBox="0 0 ${ARC_W} ${ARC_H}" width="${ARC_W}" height="${ARC_H}" role="img" aria-label="Emotional arc: ${h(emotion.shape)}">
<title>Emotional arc (${h(emotion.shape)}, fit ${fixed(emotion.shapeFit)})</title>
<clipPath id="above"><rect x="0" y="0" width="${ARC_W}" height="${fixed(zero, 1)}"/></clipPath>
<clipPath id="below"><rect x="0" y="${fixed(zero, 1)}" width="${ARC_W}" height="${ARC_H}"/></clipPath>
<path class="pos" d="${area}" clip-path="url(#above)"/><path class="neg" d="${area}" clip-path="url(#below)"/>
${ticks}
<line class="axis" x1="${pad.left}" x2="${pad.left + w}" y1="${fixed(zero, 1)}" y2="${fixed(zero, 1)}"/>
<path class="arc" d="${line}"/>
<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end">+${fixed(extent)}</text>
<text x="${pad.left - 4}" y="${fixed(zero + 4, 1)}" text-anchor="end">0</text>
<text x="${pad.left - 4}" y="${pad.top + hgt}" text-anchor="end">−${fixed(extent)}</text>
<text x="${pad.left}" y="${ARC_H - 6}">beginning</text><text x="${pad.left + w}" y="${ARC_H - 6}" text-anchor="end">end</text>
</svg>
<p class="note">Sentence valence (VADER) smoothed with a discrete-cosine low-pass filter over narrative time; shape after Reagan et al. (2016): <b>${h(emotion.shape)}</b> (fit ${fixed(emotion.shapeFit)}).${result.chapters.length > 1 ? ' Dashed lines mark chapters.' : ''}</p>`;
}

function scenesSection(result: AnalysisResult, nameOf: (id: Id) => string): string {
  const pacing = result.stats?.pacing ?? [];
  const units =
    result.scenes.length > 0
      ? result.scenes.map((s, i) => {
          const p = pacing.find((u) => u.unit === 'scene' && u.index === i);
          const who = s.characters.slice(0, 5).map(nameOf).join(', ');
          return {
            start: s.start,
            end: s.end,
            label: `Scene ${i + 1} (${s.boundary.kind}${s.boundary.cue ? `: ${s.boundary.cue}` : ''})${who ? ` — ${who}` : ''}`,
            share: p?.dialogueShare ?? null,
            words: p?.words ?? null,
            anchor: `scene-${i + 1}`,
          };
        })
      : pacing
          .filter((p) => p.unit !== 'text')
          .map((p) => ({
            start: p.start,
            end: p.end,
            label: `${p.unit === 'chapter' ? 'Chapter' : 'Part'} ${p.index + 1}`,
            share: p.dialogueShare,
            words: p.words,
            anchor: '',
          }));
  if (units.length === 0) return '';
  const total = Math.max(1, result.source.length);
  const first = units[0]!.start;
  const span = Math.max(1, units[units.length - 1]!.end - first, total - first);
  const rects = units
    .map((u) => {
      const x = ((u.start - first) / span) * ARC_W;
      const width = Math.max(1, ((u.end - u.start) / span) * ARC_W - 1);
      const lightness = u.share === null ? 85 : Math.round(92 - u.share * 55);
      const tip = `${u.label}${u.words !== null ? ` · ${plural(u.words, 'word')}` : ''}${u.share !== null ? ` · ${percent(u.share)} dialogue` : ''}`;
      const rect = `<rect x="${fixed(x, 1)}" y="0" width="${fixed(width, 1)}" height="28" fill="hsl(210 55% ${lightness}%)"><title>${h(tip)}</title></rect>`;
      return u.anchor ? `<a href="#${u.anchor}">${rect}</a>` : rect;
    })
    .join('');
  return `<h2>Scenes</h2>
<svg viewBox="0 0 ${ARC_W} 28" width="${ARC_W}" height="28" role="img" aria-label="Scenes along the story">${rects}</svg>
<p class="note">${plural(units.length, result.scenes.length > 0 ? 'scene' : 'part')} along the story, width by length, darker with more dialogue. Hover for details${result.scenes.length > 0 ? ', click to jump to the text' : ''}.</p>`;
}

/** An AO3 download's fandom, relationship and rating tags, as a note under the byline. */
function workTags(result: AnalysisResult): string {
  const meta = result.meta;
  const parts: string[] = [];
  if (meta.fandoms?.length) parts.push(`fandom: ${h(meta.fandoms.join(', '))}`);
  if (meta.relationships?.length) parts.push(`relationships: ${h(meta.relationships.join(', '))}`);
  if (meta.rating) parts.push(`rating: ${h(meta.rating)}`);
  return parts.length ? `<p class="note">${parts.join(' · ')}</p>` : '';
}

function castSection(result: AnalysisResult, palette: Map<Id, number>): string {
  if (result.characters.length === 0) return '';
  const speech = new Map(result.stats?.speech.map((s) => [s.character, s] as const) ?? []);
  const shares = speechPercents(result);
  const feeling = new Map(result.emotion?.characters.map((c) => [c.character, c] as const) ?? []);
  const valence = (v: number | null | undefined) => (v === null || v === undefined ? '' : fixed(v));
  const rows = result.characters
    .map((c) => {
      const s = speech.get(c.id);
      const f = feeling.get(c.id);
      return (
        `<tr><td><span class="sw d${palette.get(c.id)}"></span>${h(c.name)}</td>` +
        `<td>${h(c.aliases.filter((a) => a !== c.name).join(', '))}${c.epithets.length ? `${c.aliases.some((a) => a !== c.name) ? '; ' : ''}<i>${h(c.epithets.join(', '))}</i>` : ''}</td><td>${c.gender.label}</td>` +
        `<td class="n">${c.mentions}</td><td class="n">${s?.quotes ?? 0}</td><td class="n">${s?.words ?? 0}</td>` +
        `<td class="n">${s ? `${shares.get(c.id) ?? 0}%` : ''}</td><td class="n">${valence(f?.speech)}</td>` +
        `<td class="n">${valence(f?.narration)}</td></tr>`
      );
    })
    .join('\n');
  return `<h2>Cast</h2>
<table><thead><tr><th>Character</th><th>Also called</th><th>Gender</th><th class="n">Mentions</th><th class="n">Quotations</th><th class="n">Words spoken</th><th class="n">Share of speech</th><th class="n">Speech valence</th><th class="n">Narration valence</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

const NET_W = 640;
const NET_H = 460;
const NET_MAX_NODES = 24;

function networkSection(
  result: AnalysisResult,
  palette: Map<Id, number>,
  nameOf: (id: Id) => string,
): string {
  const network = result.network;
  if (!network || result.characters.length < 2) return '';
  const degree = new Map<Id, number>();
  for (const e of network.conversation) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + e.quotes);
    degree.set(e.to, (degree.get(e.to) ?? 0) + e.quotes);
  }
  const nodes = [...result.characters]
    .sort((a, b) => b.mentions + (degree.get(b.id) ?? 0) - (a.mentions + (degree.get(a.id) ?? 0)))
    .slice(0, NET_MAX_NODES);
  const shown = new Set(nodes.map((n) => n.id));
  const centre = NET_W / 2;
  const middle = NET_H / 2;
  const radius = NET_H / 2 - 50;
  const at = new Map<Id, [number, number]>();
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    at.set(n.id, [centre + radius * Math.cos(angle), middle + radius * Math.sin(angle)]);
  });
  const maxMentions = Math.max(1, ...nodes.map((n) => n.mentions));
  const radiusOf = new Map(nodes.map((n) => [n.id, 5 + 11 * Math.sqrt(n.mentions / maxMentions)] as const));
  const maxQuotes = Math.max(1, ...network.conversation.map((e) => e.quotes));
  const maxTogether = Math.max(1, ...network.cooccurrence.map((e) => e.paragraphs + e.scenes));
  const co = network.cooccurrence
    .filter((e) => shown.has(e.from) && shown.has(e.to))
    .map((e) => {
      const [x1, y1] = at.get(e.from)!;
      const [x2, y2] = at.get(e.to)!;
      const width = 0.5 + (3 * (e.paragraphs + e.scenes)) / maxTogether;
      return `<line class="co" x1="${fixed(x1, 1)}" y1="${fixed(y1, 1)}" x2="${fixed(x2, 1)}" y2="${fixed(y2, 1)}" stroke-width="${fixed(width, 1)}"><title>${h(`${nameOf(e.from)} and ${nameOf(e.to)}: ${plural(e.paragraphs, 'paragraph')}, ${plural(e.scenes, 'scene')} together`)}</title></line>`;
    })
    .join('');
  const talk = network.conversation
    .filter((e) => shown.has(e.from) && shown.has(e.to))
    .map((e) => {
      const [x1, y1] = at.get(e.from)!;
      const [x2, y2] = at.get(e.to)!;
      // Bend every edge to its right, so A→B and B→A do not lie on top of each other.
      const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15;
      const my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
      // End the arrow at the rim of the addressee's circle, along the curve's last tangent.
      const back = (radiusOf.get(e.to) ?? 8) + 2;
      const tx = x2 - mx;
      const ty = y2 - my;
      const len = Math.max(1, Math.hypot(tx, ty));
      const ex = x2 - (tx / len) * back;
      const ey = y2 - (ty / len) * back;
      const width = 1 + (4 * e.quotes) / maxQuotes;
      return `<path class="edge" d="M${fixed(x1, 1)},${fixed(y1, 1)}Q${fixed(mx, 1)},${fixed(my, 1)} ${fixed(ex, 1)},${fixed(ey, 1)}" stroke-width="${fixed(width, 1)}" marker-end="url(#arrow)"><title>${h(`${nameOf(e.from)} → ${nameOf(e.to)}: ${plural(e.quotes, 'quotation')}, ${plural(e.words, 'word')}`)}</title></path>`;
    })
    .join('');
  const circles = nodes
    .map((n) => {
      const [x, y] = at.get(n.id)!;
      const r = radiusOf.get(n.id)!;
      const outward = x >= centre ? 'start' : 'end';
      const lx = x + (x >= centre ? r + 4 : -r - 4);
      return `<circle class="d${palette.get(n.id)}" cx="${fixed(x, 1)}" cy="${fixed(y, 1)}" r="${fixed(r, 1)}" stroke="#fff"><title>${h(`${n.name}: ${plural(n.mentions, 'mention')}`)}</title></circle><text x="${fixed(lx, 1)}" y="${fixed(y + 4, 1)}" text-anchor="${outward}">${h(n.name)}</text>`;
    })
    .join('');
  const more =
    result.characters.length > nodes.length
      ? ` The ${nodes.length} most present of ${result.characters.length} characters are shown.`
      : '';
  return `<h2>Character network</h2>
<svg viewBox="0 0 ${NET_W} ${NET_H}" width="${NET_W}" height="${NET_H}" role="img" aria-label="Character network">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M0,0L10,5L0,10z" fill="#666"/></marker></defs>
${co}${talk}${circles}
</svg>
<p class="note">Arrows: who speaks to whom, thicker with more quotations. Grey lines: characters present together. Circles by mentions.${more}</p>`;
}

function writingSection(result: AnalysisResult, nameOf: (id: Id) => string): string {
  const s = result.stats;
  if (!s) return '';
  const parts: string[] = ['<h2>Writing</h2>'];
  parts.push(
    `<ul class="figures"><li>sentences: <b>${s.sentences.toLocaleString('en-US')}</b></li><li>mean length <b>${s.sentenceLengths.mean}</b> words</li><li>median <b>${s.sentenceLengths.median}</b></li><li>90% under <b>${s.sentenceLengths.p90}</b></li><li>longest <b>${s.sentenceLengths.max}</b></li></ul>`,
  );
  // Sentence-length histogram.
  const bins = s.sentenceLengths.histogram;
  const maxBin = Math.max(1, ...bins.map((b) => b.count));
  const bw = ARC_W / Math.max(1, bins.length);
  const bars = bins
    .map((b, i) => {
      const height = (b.count / maxBin) * 90;
      const label = b.to < 0 ? `${b.from}+` : `${b.from}–${b.to}`;
      return `<rect x="${fixed(i * bw + 4, 1)}" y="${fixed(100 - height, 1)}" width="${fixed(bw - 8, 1)}" height="${fixed(height, 1)}" fill="#8fa9c9"><title>${label} words: ${plural(b.count, 'sentence')}</title></rect><text x="${fixed(i * bw + bw / 2, 1)}" y="114" text-anchor="middle">${label}</text>`;
    })
    .join('');
  parts.push(
    `<svg viewBox="0 0 ${ARC_W} 120" width="${ARC_W}" height="120" role="img" aria-label="Sentence lengths">${bars}</svg><p class="note">Sentences by length in words.</p>`,
  );
  // Dialogue tags.
  const t = s.tagSummary;
  if (t.tagged > 0) {
    const rows = s.tags
      .slice(0, 15)
      .map(
        (tag) =>
          `<tr><td>${h(tag.verb)}</td><td class="n">${tag.count}</td><td>${tag.plain ? 'plain' : ''}</td></tr>`,
      )
      .join('');
    const adverbs = s.tagAdverbs
      .slice(0, 15)
      .map((a) => `${h(a.adverb)} (${a.count})`)
      .join(', ');
    parts.push(
      `<p class="note">${plural(t.tagged, 'tagged quotation')}: ${t.plain} with “said”/“asked”, ${t.other} with other verbs, ${t.withAdverb} with an adverb on the tag.</p><table><thead><tr><th>Tag</th><th class="n">Uses</th><th></th></tr></thead><tbody>${rows}</tbody></table>${adverbs ? `<p class="note">Adverbs on tags: ${adverbs}.</p>` : ''}`,
    );
  }
  // Share of speech.
  if (s.speech.length > 0) {
    const shares = speechPercents(result);
    parts.push(
      `<p class="note">Share of speech: ${s.speech
        .slice(0, 10)
        .map((c) => `${h(nameOf(c.character))} ${shares.get(c.character) ?? 0}%`)
        .join(', ')}.</p>`,
    );
  }
  // Pacing: words per unit, the dialogue part darker.
  if (s.pacing.length > 1) {
    const maxWords = Math.max(1, ...s.pacing.map((p) => p.words));
    const pw = ARC_W / s.pacing.length;
    const columns = s.pacing
      .map((p, i) => {
        const total = (p.words / maxWords) * 90;
        const talk = total * p.dialogueShare;
        const x = fixed(i * pw + Math.min(1, pw * 0.1), 1);
        const width = fixed(Math.max(0.5, pw - Math.min(2, pw * 0.2)), 1);
        const label = `${p.unit === 'scene' ? 'Scene' : 'Chapter'} ${p.index + 1}: ${plural(p.words, 'word')}, ${percent(p.dialogueShare)} dialogue, ${plural(p.quotes, 'quotation')}`;
        return `<g><title>${h(label)}</title><rect x="${x}" y="${fixed(100 - total, 1)}" width="${width}" height="${fixed(total - talk, 1)}" fill="#c9d6e6"/><rect x="${x}" y="${fixed(100 - talk, 1)}" width="${width}" height="${fixed(talk, 1)}" fill="#4f77a8"/></g>`;
      })
      .join('');
    parts.push(
      `<svg viewBox="0 0 ${ARC_W} 100" width="${ARC_W}" height="100" role="img" aria-label="Pacing">${columns}</svg><p class="note">Pacing: words per ${s.pacing[0]!.unit}, dialogue in dark blue.</p>`,
    );
  }
  return parts.join('\n');
}

function textSection(
  result: AnalysisResult,
  text: string,
  palette: Map<Id, number>,
  nameOf: (id: Id) => string,
): string {
  const marks: InlineElement[] = [];
  for (const q of result.quotes) {
    const open = `<mark class="q ${q.speaker !== null && palette.has(q.speaker) ? `s${palette.get(q.speaker)}` : 'su'}" title="${h(tipOf(q, nameOf))}">`;
    for (const [s, e] of q.spans) marks.push({ start: s, end: e, open, close: '</mark>' });
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const sceneAt = result.scenes.map((s) => s.start);
  const body: string[] = [];
  let mi = 0;
  let si = 0;
  for (const p of result.paragraphs) {
    while (si < sceneAt.length && sceneAt[si]! < p.end) {
      const scene = result.scenes[si]!;
      body.push(`<div class="scene" id="scene-${si + 1}">Scene ${si + 1} · ${h(scene.boundary.kind)}</div>`);
      si++;
    }
    while (mi < marks.length && marks[mi]!.end <= p.start) mi++;
    const here: InlineElement[] = [];
    for (let k = mi; k < marks.length && marks[k]!.start < p.end; k++) {
      const m = marks[k]!;
      const start = Math.max(m.start, p.start);
      const end = Math.min(m.end, p.end);
      if (end > start) here.push({ ...m, start, end });
    }
    const html = markUp(text, p.start, p.end, here, h);
    const tag = p.kind === 'heading' ? 'h3' : 'p';
    body.push(`<${tag} class="${p.kind}">${html}</${tag}>`);
  }
  return `<h2>Text</h2>\n<p class="note">Quotations are coloured by speaker (grey: not attributed); hover for speaker, addressees, confidence and cue.</p>\n${body.join('\n')}`;
}

function tipOf(q: QuoteResult, nameOf: (id: Id) => string): string {
  const who = q.speaker !== null ? nameOf(q.speaker) : 'unknown speaker';
  const to = q.addressees.length > 0 ? ` → ${q.addressees.map(nameOf).join(', ')}` : '';
  return `${who}${to} · ${q.kind} · confidence ${q.confidence} · cue: ${q.method}`;
}
