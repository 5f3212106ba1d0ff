import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A self-contained HTML report (no external resources): the cast, and the text with every
 * quotation highlighted in its speaker's colour.
 */
export function renderHtml(result: AnalysisResult, options: RenderOptions): string {
  const title = escapeHtml(result.meta.title ?? result.source.name);
  const colour = new Map<string | number, string>();
  result.characters.forEach((c, i) => colour.set(c.id, `hsl(${(i * 137.5) % 360} 70% 85%)`));
  const names = new Map(result.characters.map((c) => [c.id, c.name] as const));

  const cast = result.characters
    .map(
      (c) =>
        `<tr><td><span class="sw" style="background:${colour.get(c.id)}"></span>${escapeHtml(c.name)}</td>` +
        `<td>${escapeHtml(c.aliases.join(', '))}</td><td>${c.gender.label}</td><td>${c.mentions}</td></tr>`,
    )
    .join('\n');

  // The text, paragraph by paragraph, with quotation spans wrapped.
  const text = options.sourceText;
  const spans = result.quotes
    .flatMap((q) => q.spans.map(([s, e]) => ({ s, e, q })))
    .sort((a, b) => a.s - b.s);
  const body: string[] = [];
  let si = 0;
  for (const p of result.paragraphs) {
    let html = '';
    let at = p.start;
    while (si < spans.length && spans[si]!.e <= p.start) si++;
    for (let k = si; k < spans.length && spans[k]!.s < p.end; k++) {
      const { s, e, q } = spans[k]!;
      const from = Math.max(s, p.start);
      const to = Math.min(e, p.end);
      if (from < at) continue;
      html += escapeHtml(text.slice(at, from));
      const who = q.speaker !== null ? (names.get(q.speaker) ?? String(q.speaker)) : 'unknown';
      const to_ = q.addressees.map((a) => names.get(a) ?? String(a)).join(', ');
      const tip = `${who}${to_ ? ` → ${to_}` : ''} · ${q.kind} · ${q.method} · ${q.confidence}`;
      const bg = q.speaker !== null ? (colour.get(q.speaker) ?? '#eee') : '#eee';
      html += `<mark style="background:${bg}" title="${escapeHtml(tip)}">${escapeHtml(text.slice(from, to))}</mark>`;
      at = to;
    }
    html += escapeHtml(text.slice(at, p.end));
    const tag = p.kind === 'heading' ? 'h3' : 'p';
    body.push(`<${tag} class="${p.kind}">${html}</${tag}>`);
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} — storylens</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font:14px system-ui,sans-serif}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}
.sw{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border-radius:2px}
mark{border-radius:3px;padding:0 1px}p.break{text-align:center}
</style></head><body>
<h1>${title}</h1>
<h2>Cast</h2>
<table><thead><tr><th>Character</th><th>Aliases</th><th>Gender</th><th>Mentions</th></tr></thead>
<tbody>${cast}</tbody></table>
<h2>Text</h2>
${body.join('\n')}
</body></html>
`;
}
