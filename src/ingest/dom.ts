/** Small, iterative (stack-safe) helpers over the htmlparser2/domhandler DOM. */
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { AnyNode, Element };

/** Parses HTML or XHTML leniently; entities are decoded, tag and attribute names lower-cased. */
export function parseHtml(html: string): AnyNode[] {
  return parseDocument(html, { decodeEntities: true, recognizeSelfClosing: true }).children;
}

/** Parses XML (OPF, NCX, container.xml): names keep their case and prefix (`dc:title`). */
export function parseXml(xml: string): AnyNode[] {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true }).children;
}

/** Element name without a namespace prefix, lower-cased: `dc:Title` → `title`. */
export function localName(el: Element): string {
  const n = el.name;
  const colon = n.lastIndexOf(':');
  return (colon === -1 ? n : n.slice(colon + 1)).toLowerCase();
}

export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  if (v !== undefined) return v;
  // XML mode keeps attribute case; try a case-insensitive match.
  const lower = name.toLowerCase();
  for (const key of Object.keys(el.attribs)) if (key.toLowerCase() === lower) return el.attribs[key];
  return undefined;
}

export function hasClass(el: Element, cls: string): boolean {
  const c = el.attribs.class;
  if (c === undefined) return false;
  return c.split(/\s+/).includes(cls);
}

/** Depth-first pre-order walk over elements; `visit` returns false to skip an element's children. */
export function walkElements(nodes: readonly AnyNode[], visit: (el: Element) => boolean | undefined): void {
  const stack: AnyNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (visit(node) === false) continue;
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

export function findAll(nodes: readonly AnyNode[], pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkElements(nodes, (el) => {
    if (pred(el)) out.push(el);
    return true;
  });
  return out;
}

export function findFirst(nodes: readonly AnyNode[], pred: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walkElements(nodes, (el) => {
    if (found) return false;
    if (pred(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

/** Concatenated text of a subtree, whitespace collapsed and trimmed. */
export function textOf(node: AnyNode | readonly AnyNode[]): string {
  const parts: string[] = [];
  const stack: AnyNode[] = Array.isArray(node) ? [...node].reverse() : [node as AnyNode];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if (isTag(n)) {
      if (n.name === 'script' || n.name === 'style') continue;
      if (n.name === 'br') parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    } else if ('children' in n) {
      const kids = (n as { children: AnyNode[] }).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return collapse(parts.join(''));
}

export function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
