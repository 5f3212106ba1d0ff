/**
 * Pairs the quotation marks of one family within one paragraph (or within one quotation, for the
 * marks nested inside it).
 *
 * Each mark may open, close, be skipped as a stray (or an apostrophe), or — for outer marks —
 * "reopen": close an earlier quotation that was never closed and open a new one. A small dynamic
 * programme over the marks, with two states (inside or outside a quotation), picks the reading
 * that agrees best with what the characters around each mark say about its orientation. With
 * balanced, well-formed marks it reduces to plain alternation; with one stray mark it drops that
 * mark instead of flipping every later quotation. Linear in the number of marks; the buffers are
 * reused from paragraph to paragraph.
 */

export const SKIP = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const REOPEN = 3;

const NEG = -1e9;

export class MarkPairing {
  /** Number of marks. */
  count = 0;
  /** Offset of each mark in the text. */
  pos: Int32Array;
  /** Score for reading the mark as an opening mark. */
  openScore: Float64Array;
  /** Score for reading the mark as a closing mark. */
  closeScore: Float64Array;
  /** Cost of treating the mark as a stray or an apostrophe. */
  skipCost: Float64Array;
  /** The chosen reading of each mark after `solve`. */
  action: Int8Array;
  private dp: Float64Array;
  private back: Int8Array;

  constructor(capacity = 64) {
    this.pos = new Int32Array(capacity);
    this.openScore = new Float64Array(capacity);
    this.closeScore = new Float64Array(capacity);
    this.skipCost = new Float64Array(capacity);
    this.action = new Int8Array(capacity);
    this.dp = new Float64Array(2 * (capacity + 1));
    this.back = new Int8Array(2 * (capacity + 1));
  }

  reset(): void {
    this.count = 0;
  }

  add(pos: number, openScore: number, closeScore: number, skipCost: number): void {
    if (this.count === this.pos.length) this.grow();
    const k = this.count++;
    this.pos[k] = pos;
    this.openScore[k] = openScore;
    this.closeScore[k] = closeScore;
    this.skipCost[k] = skipCost;
  }

  /** Puts the marks back in text order after marks of another kind were added (insertion sort: few marks). */
  sortByPosition(): void {
    for (let k = 1; k < this.count; k++) {
      const pos = this.pos[k]!;
      const open = this.openScore[k]!;
      const close = this.closeScore[k]!;
      const skip = this.skipCost[k]!;
      let j = k - 1;
      for (; j >= 0 && this.pos[j]! > pos; j--) {
        this.pos[j + 1] = this.pos[j]!;
        this.openScore[j + 1] = this.openScore[j]!;
        this.closeScore[j + 1] = this.closeScore[j]!;
        this.skipCost[j + 1] = this.skipCost[j]!;
      }
      this.pos[j + 1] = pos;
      this.openScore[j + 1] = open;
      this.closeScore[j + 1] = close;
      this.skipCost[j + 1] = skip;
    }
  }

  /**
   * Chooses a reading of every mark. `endOpenCost` is what it costs to leave a quotation open at
   * the end (0 when the next paragraph continues it); `reopenCost` is the extra cost of a reopen
   * (Infinity forbids it). Returns whether the best reading ends inside a quotation.
   */
  solve(endOpenCost: number, reopenCost: number): boolean {
    const n = this.count;
    const dp = this.dp;
    const back = this.back;
    dp[0] = 0;
    dp[1] = NEG;
    for (let k = 0; k < n; k++) {
      const out = dp[2 * k]!;
      const inside = dp[2 * k + 1]!;
      const skip = this.skipCost[k]!;
      const open = this.openScore[k]!;
      const close = this.closeScore[k]!;
      // Next state "outside": skip while outside, or close.
      let best = out - skip;
      let act = SKIP;
      if (inside + close > best) {
        best = inside + close;
        act = CLOSE;
      }
      dp[2 * k + 2] = best;
      back[2 * k + 2] = act;
      // Next state "inside": open, skip while inside, or reopen.
      best = out + open;
      act = OPEN;
      if (inside - skip > best) {
        best = inside - skip;
        act = SKIP;
      }
      if (inside + open - reopenCost > best) {
        best = inside + open - reopenCost;
        act = REOPEN;
      }
      dp[2 * k + 3] = best;
      back[2 * k + 3] = act;
    }
    let state = dp[2 * n + 1]! - endOpenCost > dp[2 * n]! ? 1 : 0;
    const endsOpen = state === 1;
    for (let k = n - 1; k >= 0; k--) {
      const act = back[2 * k + 2 + state]!;
      this.action[k] = act;
      if (state === 0) state = act === CLOSE ? 1 : 0;
      else state = act === OPEN ? 0 : 1;
    }
    return endsOpen;
  }

  private grow(): void {
    const size = this.pos.length * 2;
    const grow32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.pos = grow32(this.pos);
    this.openScore = grow64(this.openScore);
    this.closeScore = grow64(this.closeScore);
    this.skipCost = grow64(this.skipCost);
    this.action = new Int8Array(size);
    this.dp = new Float64Array(2 * (size + 1));
    this.back = new Int8Array(2 * (size + 1));
  }
}
