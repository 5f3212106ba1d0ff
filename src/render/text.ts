import type { AnalysisResult } from '../engine/result.js';
import { plural, titleOf } from './html.js';
import type { RenderOptions } from './index.js';

/** A short plain-text summary for the terminal. */
export function renderText(result: AnalysisResult, options: RenderOptions): string {
  const stats = result.stats;
  const lines: string[] = [];
  // The same title as the HTML report's: metadata, else an opening heading, else the file name.
  const title = titleOf(result, options.sourceText);
  lines.push(`${title}`);
  // An AO3 download's work tags: what a fan-fiction reader looks for first.
  const meta = result.meta;
  if (meta.author) lines.push(`  by ${meta.author}`);
  if (meta.fandoms?.length) lines.push(`  fandom: ${meta.fandoms.join(', ')}`);
  if (meta.relationships?.length) lines.push(`  relationships: ${meta.relationships.join(', ')}`);
  lines.push(
    `  ${plural(stats?.words ?? 0, 'word')} · ${plural(result.characters.length, 'character')} · ` +
      `${plural(result.quotes.length, 'quotation')} · ${plural(result.scenes.length, 'scene')}`,
  );
  if (stats) {
    lines.push(
      `  ${stats.lengthTerm} · about ${Math.max(1, Math.round(stats.readingMinutes))} min to read · ` +
        `${Math.round(stats.dialogueShare * 100)}% dialogue` +
        (result.emotion ? ` · emotional arc: ${result.emotion.shape}` : ''),
    );
  }
  const speech = new Map<string | number, number>();
  for (const q of result.quotes)
    if (q.speaker !== null) speech.set(q.speaker, (speech.get(q.speaker) ?? 0) + 1);
  const cast = [...result.characters].sort((a, b) => b.mentions - a.mentions).slice(0, 12);
  if (cast.length > 0) {
    lines.push('  characters:');
    for (const c of cast) {
      const aka = c.aliases.filter((a) => a !== c.name);
      lines.push(
        `    ${c.name}${aka.length ? ` (${aka.join(', ')})` : ''} — ${c.gender.label}, ` +
          `${plural(c.mentions, 'mention')}, ${plural(speech.get(c.id) ?? 0, 'quotation')}` +
          (c.epithets.length ? `; called ${c.epithets.join(', ')}` : ''),
      );
    }
  }
  const warnings = result.messages.filter((m) => m.severity !== 'info');
  if (warnings.length > 0)
    lines.push(`  ${plural(warnings.length, 'warning')} (see "messages" in the JSON output)`);
  return lines.join('\n') + '\n';
}
