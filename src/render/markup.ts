/**
 * Helpers shared by the markup renderers (HTML, TEI, GEXF, GraphML): escaping, and writing a stretch
 * of the source text with inline elements around some of its ranges.
 */

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for XML content and attribute values, and drops characters XML 1.0 cannot carry
 * (C0 controls other than tab and newline, lone surrogates, U+FFFE/U+FFFF), which a decoded
 * source text may contain and which would make the whole file unreadable.
 */
export function escapeXml(s: string): string {
  return s
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** An element to wrap around text[start, end). */
export interface InlineElement {
  start: number;
  end: number;
  open: string;
  close: string;
}

/**
 * text[from, to) escaped, with the elements inserted. Elements must nest: one that starts inside
 * another and ends after it is left out (markup cannot cross), as is one outside [from, to).
 * Elements are taken by start, the longer first, so an outer one opens before an inner one.
 */
export function markUp(
  text: string,
  from: number,
  to: number,
  elements: readonly InlineElement[],
  escapeText: (s: string) => string,
): string {
  const sorted = elements
    .filter((e) => e.start >= from && e.end <= to && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = from;
  const open: InlineElement[] = [];
  const closeUntil = (offset: number) => {
    while (open.length > 0 && open[open.length - 1]!.end <= offset) {
      const e = open.pop()!;
      out += escapeText(text.slice(at, e.end)) + e.close;
      at = e.end;
    }
  };
  for (const e of sorted) {
    closeUntil(e.start);
    const parent = open[open.length - 1];
    if (parent && e.end > parent.end) continue;
    out += escapeText(text.slice(at, e.start)) + e.open;
    at = e.start;
    open.push(e);
  }
  closeUntil(to);
  out += escapeText(text.slice(at, to));
  return out;
}

/** An XML name (xml:id, GEXF/GraphML ids are free strings, TEI ids are not) for an external id. */
export function xmlName(id: string | number, prefix: string): string {
  const s = String(id);
  return /^[A-Za-z_][A-Za-z0-9._-]*$/.test(s) ? s : `${prefix}${s.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}
