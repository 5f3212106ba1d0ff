import type { AnalysisResult } from '../engine/result.js';
import { titleOf } from './html.js';
import type { RenderOptions } from './index.js';

/** A short plain-text summary for the terminal. */
export function renderText(result: AnalysisResult, options: RenderOptions): string {
  const stats = result.stats;
  const lines: string[] = [];
  // The same title as the HTML report's: metadata, else an opening heading, else the file name.
  const title = titleOf(result, options.sourceText);
  lines.push(`${title}`);
  lines.push(
    `  ${count(stats?.words ?? 0, 'word')} · ${count(result.characters.length, 'character')} · ` +
      `${count(result.quotes.length, 'quotation')} · ${count(result.scenes.length, 'scene')}`,
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
          `${count(c.mentions, 'mention')}, ${count(speech.get(c.id) ?? 0, 'quotation')}`,
      );
    }
  }
  const warnings = result.messages.filter((m) => m.severity !== 'info');
  if (warnings.length > 0)
    lines.push(`  ${count(warnings.length, 'warning')} (see "messages" in the JSON output)`);
  return lines.join('\n') + '\n';
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 quotation`, `3 quotations`, `0 scenes`. */
function count(n: number, noun: string): string {
  return `${fmt(n)} ${noun}${n === 1 ? '' : 's'}`;
}
