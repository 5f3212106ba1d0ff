/**
 * A strict, small XML reader for the renderer tests: it rejects what a conforming parser rejects
 * in the files we write (unbalanced or crossing tags, a bare `&` or `<`, duplicate attributes,
 * unquoted values, text or a second element outside the root) and returns a tree to query.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text content of the element and its descendants, entities decoded. */
  text: string;
}

const NAME = '[A-Za-z_:][A-Za-z0-9_:.\\-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;

function decode(s: string, where: string): string {
  if (s.includes('<')) throw new Error(`"<" in ${where}`);
  if (s.replace(ENTITY, '').includes('&')) throw new Error(`bare "&" in ${where}: ${s.slice(0, 60)}`);
  return s.replace(ENTITY, (e) => {
    const named: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&apos;': "'",
    };
    if (named[e]) return named[e]!;
    const code = e[2] === 'x' ? Number.parseInt(e.slice(3, -1), 16) : Number.parseInt(e.slice(2, -1), 10);
    return String.fromCodePoint(code);
  });
}

export function parseXml(xml: string): XmlElement {
  const token = new RegExp(
    `<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|</(${NAME})\\s*>|<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>|<`,
    'g',
  );
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  const text = (s: string) => {
    if (s.length === 0) return;
    const decoded = decode(s, 'text');
    if (stack.length === 0) {
      if (decoded.trim().length > 0) throw new Error(`text outside the root: ${s.slice(0, 40)}`);
      return;
    }
    for (const e of stack) e.text += decoded;
  };
  for (const m of xml.matchAll(token)) {
    text(xml.slice(at, m.index));
    at = m.index + m[0].length;
    const [whole, closing, opening, attrs, selfClosing] = m;
    if (whole === '<') throw new Error(`malformed tag at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (whole.startsWith('<![CDATA[')) {
      for (const e of stack) e.text += whole.slice(9, -3);
      continue;
    }
    if (closing !== undefined) {
      const open = stack.pop();
      if (!open || open.name !== closing)
        throw new Error(`</${closing}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
      const key = a[1]!;
      if (key in attributes) throw new Error(`duplicate attribute ${key} on <${opening}>`);
      attributes[key] = decode(a[2] ?? a[3] ?? '', `attribute ${key}`);
    }
    const element: XmlElement = { name: opening!, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error(`second root element <${opening}>`);
    else root = element;
    if (selfClosing !== '/') stack.push(element);
  }
  text(xml.slice(at));
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** All descendants (and the element itself) with the given name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(element);
  return out;
}
