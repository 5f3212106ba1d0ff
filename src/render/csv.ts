import type { AnalysisResult } from '../engine/result.js';
import type { RenderOptions } from './index.js';

/**
 * The quotations as a CSV table (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break in double quotes), one row per quotation, with speaker and addressees by id
 * and by name. A field that would start with `=`, `+` or `@` gets a leading apostrophe so that a
 * spreadsheet shows it as text instead of running it as a formula.
 */
export function renderCsv(result: AnalysisResult, _options: RenderOptions): string {
  const names = new Map(result.characters.map((c) => [c.id, c.name] as const));
  const name = (id: string | number) => names.get(id) ?? String(id);
  const rows: (string | number)[][] = [
    [
      'id',
      'start',
      'end',
      'kind',
      'mark',
      'speaker',
      'speaker_name',
      'addressees',
      'addressee_names',
      'confidence',
      'method',
      'text',
    ],
  ];
  for (const q of result.quotes) {
    rows.push([
      q.id,
      q.start,
      q.end,
      q.kind,
      q.mark,
      q.speaker ?? '',
      q.speaker !== null ? name(q.speaker) : '',
      q.addressees.join(';'),
      q.addressees.map(name).join(';'),
      q.confidence,
      q.method,
      q.text,
    ]);
  }
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
