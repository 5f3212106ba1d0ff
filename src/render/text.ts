import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';

/** A short plain-text summary for the terminal. */
export function renderText(result: AnalysisResult, _options: RenderOptions): string {
  const stats = result.stats;
  const lines: string[] = [];
  const title = result.meta.title ?? result.source.name.split(/[/]/).pop() ?? result.source.name;
  lines.push(`${title}`);
  lines.push(
    `  ${fmt(stats?.words ?? 0)} words · ${result.characters.length} characters · ` +
      `${result.quotes.length} quotations · ${result.scenes.length} scenes`,
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
          `${c.mentions} mentions, ${speech.get(c.id) ?? 0} quotations`,
      );
    }
  }
  const warnings = result.messages.filter((m) => m.severity !== 'info');
  if (warnings.length > 0) lines.push(`  ${warnings.length} warnings (see "messages" in the JSON output)`);
  return lines.join('\n') + '\n';
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
