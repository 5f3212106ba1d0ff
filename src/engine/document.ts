import type { OffsetMap } from './offsets.js';
import type { LayerName, Layers, Message, SourceText, StoryMeta } from './types.js';

/**
 * One story being analysed: the immutable source, the normalised working text, and the layers the
 * stages have attached so far. Stages read layers through `layer()` and never mutate them; the
 * engine attaches what a stage returns.
 */
export class StoryDocument {
  readonly source: SourceText;
  /** The normalised working text all layers index. */
  readonly text: string;
  /** Working-text offsets → source offsets. */
  readonly map: OffsetMap;
  /** Working-text range of the story body (Gutenberg header and licence excluded). */
  readonly body: { start: number; end: number };
  readonly messages: Message[];
  /** Metadata found while normalising (Gutenberg title, author, ebook number). */
  readonly meta: StoryMeta;
  private readonly layers: Partial<Layers> = {};

  constructor(
    source: SourceText,
    text: string,
    map: OffsetMap,
    body: { start: number; end: number },
    meta: StoryMeta = {},
  ) {
    this.source = source;
    this.meta = meta;
    this.text = text;
    this.map = map;
    this.body = body;
    this.messages = [];
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined;
  }

  /** A layer a stage declared in `requires`; asking for a missing one is a programming error. */
  layer<K extends LayerName>(name: K): Layers[K] {
    const value = this.layers[name];
    if (value === undefined) throw new Error(`layer "${name}" has not been provided by any stage yet`);
    return value as Layers[K];
  }

  /**
   * Attaches a layer; only the engine calls this. A layer is attached once. An array layer is
   * attached as a packed copy (same elements): V8 gives an array built by `.map` in optimised code a
   * holey hidden class and one built elsewhere a packed one, and every later stage that saw only one
   * kind would deoptimise and recompile when the other arrives.
   */
  attach<K extends LayerName>(name: K, value: Layers[K]): void {
    if (this.layers[name] !== undefined) throw new Error(`layer "${name}" is already attached`);
    this.layers[name] = (Array.isArray(value) ? packedCopy(value) : value) as Layers[K];
  }

  /** Reports a diagnostic about the text. */
  message(m: Message): void {
    this.messages.push(m);
  }
}

/** A copy of `items` whose hidden class is always the packed array of objects, even when empty. */
function packedCopy<T>(items: readonly T[]): T[] {
  const out: T[] = [null as T];
  out.length = 0;
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
  return out;
}
