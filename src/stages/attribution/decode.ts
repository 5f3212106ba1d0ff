/**
 * Exact inference over the speakers of one conversation, a second-order chain: the speaker of a
 * turn depends on the two before it (so A-B-A alternation, a third voice, and one person speaking
 * twice are all scored), and on the turn's own evidence.
 *
 * Forward-backward over pair states (speaker two turns back, speaker one turn back) gives each
 * turn's posterior over candidates; decoding takes the most probable speaker per turn, and the
 * posterior is its confidence before calibration.
 */
export interface ChainModel {
  /** Number of candidate speakers. */
  candidates: number;
  /** Number of turns. */
  turns: number;
  /** Log score of candidate c speaking turn i (evidence). */
  emit(i: number, c: number): number;
  /**
   * Log score of c speaking turn i after `prev` spoke turn i-1 and `prev2` turn i-2; a value of
   * `candidates` for prev or prev2 means "no turn" (the conversation's start).
   */
  transition(i: number, prev2: number, prev: number, c: number): number;
}

/** Returns posteriors as a flat array: turn i, candidate c at [i * candidates + c]. */
export function posteriors(model: ChainModel): Float64Array {
  const C = model.candidates;
  const T = model.turns;
  const S = C + 1; // candidate index C = start
  const out = new Float64Array(T * C);
  if (T === 0 || C === 0) return out;
  // alpha[i][a * S + b]: log score of turns 0..i with speaker a at i-1 and b at i.
  const alpha: Float64Array[] = [];
  const emit = new Float64Array(T * C);
  for (let i = 0; i < T; i++) for (let c = 0; c < C; c++) emit[i * C + c] = model.emit(i, c);

  const a0 = new Float64Array(S * S).fill(-Infinity);
  for (let b = 0; b < C; b++) a0[C * S + b] = emit[b]! + model.transition(0, C, C, b);
  alpha.push(a0);
  for (let i = 1; i < T; i++) {
    const prev = alpha[i - 1]!;
    const cur = new Float64Array(S * S).fill(-Infinity);
    for (let a = 0; a < C; a++) {
      for (let b = 0; b < C; b++) {
        // sum over z (speaker at i-2, or start) of prev[z, a] + trans(z, a, b)
        let acc = -Infinity;
        for (let z = 0; z <= C; z++) {
          const p = prev[z * S + a]!;
          if (p === -Infinity) continue;
          acc = logAdd(acc, p + model.transition(i, z, a, b));
        }
        cur[a * S + b] = acc + emit[i * C + b]!;
      }
    }
    alpha.push(cur);
  }
  // beta[i][a * S + b]: log score of turns i+1.. given a at i-1 and b at i.
  const beta: Float64Array[] = new Array(T);
  beta[T - 1] = new Float64Array(S * S).fill(0);
  for (let i = T - 2; i >= 0; i--) {
    const next = beta[i + 1]!;
    const cur = new Float64Array(S * S).fill(-Infinity);
    for (let a = 0; a <= C; a++) {
      for (let b = 0; b < C; b++) {
        let acc = -Infinity;
        for (let c = 0; c < C; c++) {
          acc = logAdd(acc, model.transition(i + 1, a, b, c) + emit[(i + 1) * C + c]! + next[b * S + c]!);
        }
        cur[a * S + b] = acc;
      }
    }
    beta[i] = cur;
  }
  for (let i = 0; i < T; i++) {
    const al = alpha[i]!;
    const be = beta[i]!;
    const marg = new Float64Array(C).fill(-Infinity);
    for (let a = 0; a <= C; a++) {
      for (let b = 0; b < C; b++) {
        const v = al[a * S + b]! + be[a * S + b]!;
        if (v !== -Infinity) marg[b] = logAdd(marg[b]!, v);
      }
    }
    let z = -Infinity;
    for (let c = 0; c < C; c++) z = logAdd(z, marg[c]!);
    for (let c = 0; c < C; c++) out[i * C + c] = z === -Infinity ? 1 / C : Math.exp(marg[c]! - z);
  }
  return out;
}

export function logAdd(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}
