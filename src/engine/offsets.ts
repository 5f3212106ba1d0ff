/**
 * Maps offsets of the normalised working text back to the decoded source text.
 *
 * The map is a sorted list of pieces. Each piece says: working text [w, w + wl) came from source
 * [s, s + sl). Copied text has wl === sl; a replacement (CRLF → LF) has wl !== sl and maps every
 * offset inside it to the piece's start or end. Text dropped from the source (Gutenberg licence)
 * simply has no piece. A working text that equals its source is one piece: the identity.
 */
export class OffsetMap {
  private readonly w: Int32Array;
  private readonly s: Int32Array;
  private readonly wl: Int32Array;
  private readonly sl: Int32Array;
  /** Length of the source text, the image of the working text's end. */
  readonly sourceLength: number;

  private constructor(w: Int32Array, s: Int32Array, wl: Int32Array, sl: Int32Array, sourceLength: number) {
    this.w = w;
    this.s = s;
    this.wl = wl;
    this.sl = sl;
    this.sourceLength = sourceLength;
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap(
      Int32Array.of(0),
      Int32Array.of(0),
      Int32Array.of(length),
      Int32Array.of(length),
      length,
    );
  }

  /** Number of pieces; 1 for the identity. */
  get pieces(): number {
    return this.w.length;
  }

  /** Source offset of a working-text offset (a start or an end: both map monotonically). */
  toSource(offset: number): number {
    const w = this.w;
    // Binary search for the last piece starting at or before `offset`.
    let lo = 0;
    let hi = w.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (w[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const into = offset - w[lo]!;
    const wl = this.wl[lo]!;
    const sl = this.sl[lo]!;
    if (wl === sl) return this.s[lo]! + Math.min(into, sl);
    // A replacement: its start maps to the start, anything later to the end.
    return this.s[lo]! + (into <= 0 ? 0 : into >= wl ? sl : Math.min(into, sl));
  }

  /**
   * Working offset of a source offset (the inverse, for input given in source offsets such as
   * `--quotes`). Source text that was dropped maps to the next kept working offset.
   */
  toWorking(offset: number): number {
    const s = this.s;
    let lo = 0;
    let hi = s.length - 1;
    if (offset < s[0]!) return this.w[0]!;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const into = offset - s[lo]!;
    const wl = this.wl[lo]!;
    const sl = this.sl[lo]!;
    if (into >= sl) return this.w[lo]! + wl;
    if (wl === sl) return this.w[lo]! + into;
    return this.w[lo]! + (into <= 0 ? 0 : wl);
  }

  /** Source range of a working-text range. */
  spanToSource(start: number, end: number): [number, number] {
    return [this.toSource(start), this.toSource(end)];
  }

  /** Builds a map piece by piece while a normaliser writes the working text. */
  static builder(sourceLength: number): OffsetMapBuilder {
    return new OffsetMapBuilder(sourceLength, (w, s, wl, sl) => new OffsetMap(w, s, wl, sl, sourceLength));
  }
}

export class OffsetMapBuilder {
  private readonly w: number[] = [];
  private readonly s: number[] = [];
  private readonly wl: number[] = [];
  private readonly sl: number[] = [];
  private working = 0;
  private readonly sourceLength: number;
  private readonly make: (w: Int32Array, s: Int32Array, wl: Int32Array, sl: Int32Array) => OffsetMap;

  constructor(
    sourceLength: number,
    make: (w: Int32Array, s: Int32Array, wl: Int32Array, sl: Int32Array) => OffsetMap,
  ) {
    this.sourceLength = sourceLength;
    this.make = make;
  }

  /** Length of the working text written so far. */
  get length(): number {
    return this.working;
  }

  /** Working text gets source [sourceStart, sourceEnd) unchanged. */
  copy(sourceStart: number, sourceEnd: number): void {
    this.piece(sourceStart, sourceEnd - sourceStart, sourceEnd - sourceStart);
  }

  /** Working text gets `workingLength` characters standing for source [sourceStart, sourceEnd). */
  replace(sourceStart: number, sourceEnd: number, workingLength: number): void {
    this.piece(sourceStart, workingLength, sourceEnd - sourceStart);
  }

  private piece(s: number, wl: number, sl: number): void {
    if (wl === 0 && sl === 0) return;
    const n = this.w.length;
    // Merge with the previous piece when both are plain copies and adjacent in both texts.
    if (n > 0 && wl === sl) {
      const pw = this.wl[n - 1]!;
      const ps = this.sl[n - 1]!;
      if (pw === ps && this.s[n - 1]! + ps === s) {
        this.wl[n - 1] = pw + wl;
        this.sl[n - 1] = ps + sl;
        this.working += wl;
        return;
      }
    }
    this.w.push(this.working);
    this.s.push(s);
    this.wl.push(wl);
    this.sl.push(sl);
    this.working += wl;
  }

  build(): OffsetMap {
    if (this.w.length === 0) return OffsetMap.identity(0);
    void this.sourceLength;
    return this.make(
      Int32Array.from(this.w),
      Int32Array.from(this.s),
      Int32Array.from(this.wl),
      Int32Array.from(this.sl),
    );
  }
}
