/**
 * Exact inference over the speakers of one conversation: a second-order linear-chain CRF. The
 * speaker of a turn depends on its own evidence and on the two speakers before it, through three
 * kinds of transition — the same voice again, the voice before that (A-B-A alternation), or a new
 * voice — plus a per-candidate bonus on changes of voice (e.g. "the one just addressed replies").
 *
 * Because transitions only distinguish those three cases, the forward and backward recursions
 * collapse from O(C³) to O(C²) per turn (C candidates): the sum over the speaker two turns back
 * is a row total minus one term. Work is in probability space with per-turn scaling, so the inner
 * loops have no exp or log.
 */
export interface ChainModel {
  /** Number of candidate speakers. */
  candidates: number;
  /** Number of turns. */
  turns: number;
  /** Log score of candidate c speaking turn i (evidence). */
  emit(i: number, c: number): number;
  /** Log score of the same speaker as turn i-1 speaking turn i (i ≥ 1). */
  same(i: number): number;
  /** Log score of the speaker of turn i-2 (not of i-1) speaking turn i. */
  alternate(i: number): number;
  /** Log score of a speaker of neither turn i-1 nor i-2 speaking turn i. */
  fresh(i: number): number;
  /**
   * Optional: log score added to same(i) when it is candidate a who speaks turns i-1 and i (e.g. the
   * narration between made a its subject). Default 0.
   */
  stay?(i: number, a: number): number;
  /**
   * Optional: whether stay applies to a at turn i, whatever its weight (training needs its expected
   * count). Default: stay(i, a) ≠ 0.
   */
  stayApplies?(i: number, a: number): boolean;
  /** Log score added when c, not the speaker of turn i-1, speaks turn i. */
  bonus(i: number, c: number): number;
  /**
   * Optional: whether the bonus applies to c at turn i, whatever its weight (training needs its
   * expected count even while the weight is 0). Default: bonus(i, c) ≠ 0.
   */
  bonusApplies?(i: number, c: number): boolean;
  /**
   * Optional: log score added when c speaks turn i as a new voice (neither of the two speakers
   * before), e.g. the narration just before named c. Default 0.
   */
  freshBonus?(i: number, c: number): number;
  /**
   * Optional: turn i may only be spoken by candidate held[i]; -1 = any. Decoding holds turns to
   * the name in their tag, training to the labels.
   */
  held?: Int32Array | undefined;
  /** Optional: candidate c may not speak turn i where barred[i * candidates + c] is 1. */
  barred?: Uint8Array | undefined;
}

export interface ChainResult {
  /** Posterior of candidate c at turn i, at [i * candidates + c]. */
  marginals: Float64Array;
  /** Log partition function. */
  logZ: number;
  /**
   * Per turn i ≥ 1, the posterior probabilities of the transition kinds, at [i * 4 + k]:
   * k = 0 same, 1 alternate, 2 fresh, 3 bonus (Σ over c of P(change to c) · bonus(i, c) / …): the
   * expected bonus-weighted count is returned as Σ_c P(change to c) · [bonus(i,c) ≠ 0].
   */
  transitions: Float64Array;
  /** Per turn i ≥ 1: the posterior probability that the voice stays with a candidate for whom stay applies. */
  stays: Float64Array;
  /** Per turn i ≥ 1 and candidate c, at [i * candidates + c]: the posterior probability that c speaks turn i as a new voice. */
  freshTo: Float64Array;
}

export function forwardBackward(model: ChainModel): ChainResult {
  const C = model.candidates;
  const T = model.turns;
  const S = C + 1; // row C of the pair tables stands for "no previous turn"
  const marginals = new Float64Array(T * C);
  const transitions = new Float64Array(T * 4);
  const stays = new Float64Array(T);
  const freshTo = new Float64Array(T * C);
  if (T === 0 || C === 0) return { marginals, logZ: 0, transitions, stays, freshTo };

  // Scaled emission potentials and their log offsets.
  const e = new Float64Array(T * C);
  let logOffset = 0;
  for (let i = 0; i < T; i++) {
    const only = model.held ? model.held[i]! : -1;
    let max = -Infinity;
    for (let c = 0; c < C; c++) {
      const v = (only >= 0 && only !== c) || model.barred?.[i * C + c] === 1 ? -Infinity : model.emit(i, c);
      e[i * C + c] = v;
      if (v > max) max = v;
    }
    if (max === -Infinity) max = 0;
    for (let c = 0; c < C; c++) e[i * C + c] = Math.exp(e[i * C + c]! - max);
    logOffset += max;
  }
  // sTr[i * C + a]: the voice of a going on from turn i-1 into turn i.
  const sTr = new Float64Array(T * C);
  const stayOn = new Uint8Array(T * C);
  const aTr = new Float64Array(T);
  const nTr = new Float64Array(T);
  const r = new Float64Array(T * C);
  const bonusOn = new Uint8Array(T * C);
  // f[i * C + c]: the new voice's own factor (freshBonus).
  const f = new Float64Array(T * C).fill(1);
  for (let i = 1; i < T; i++) {
    const same = model.same(i);
    for (let a = 0; a < C; a++) {
      const st = model.stay ? model.stay(i, a) : 0;
      sTr[i * C + a] = Math.exp(same + st);
      const on = model.stayApplies ? model.stayApplies(i, a) : st !== 0;
      stayOn[i * C + a] = on ? 1 : 0;
    }
    aTr[i] = Math.exp(model.alternate(i));
    nTr[i] = Math.exp(model.fresh(i));
    for (let c = 0; c < C; c++) {
      const b = model.bonus(i, c);
      r[i * C + c] = Math.exp(b);
      const on = model.bonusApplies ? model.bonusApplies(i, c) : b !== 0;
      bonusOn[i * C + c] = on ? 1 : 0;
      if (model.freshBonus) f[i * C + c] = Math.exp(model.freshBonus(i, c));
    }
  }

  // Forward. alpha[i][a * C + b], a in 0..C (C = start), scaled to sum 1; scale[i] its log factor.
  // One buffer per conversation for all turns' tables (allocation per turn cost more than the maths).
  const SC = S * C;
  const alphaBuffer = new Float64Array(T * SC);
  const betaBuffer = new Float64Array(T * SC);
  // (Views pushed in a loop, not made by `Array.from` with a closure per call: the engine
  // recompiles such closures after each is collected.)
  const alpha: Float64Array[] = [];
  for (let i = 0; i < T; i++) alpha.push(alphaBuffer.subarray(i * SC, (i + 1) * SC));
  const logScale = new Float64Array(T);
  const rowTotal = new Float64Array(S);
  {
    const a0 = alpha[0]!;
    let z = 0;
    for (let b = 0; b < C; b++) z += a0[C * C + b] = e[b]!;
    normalise(a0, z);
    logScale[0] = Math.log(z || 1);
  }
  for (let i = 1; i < T; i++) {
    const prev = alpha[i - 1]!;
    const cur = alpha[i]!;
    for (let a = 0; a < C; a++) {
      let total = 0;
      for (let z = 0; z <= C; z++) total += prev[z * C + a]!;
      rowTotal[a] = total;
    }
    const al = aTr[i]!;
    const n = nTr[i]!;
    let zsum = 0;
    for (let a = 0; a < C; a++) {
      const R = rowTotal[a]!;
      if (R === 0) continue;
      for (let b = 0; b < C; b++) {
        const eb = e[i * C + b]!;
        if (eb === 0) continue;
        let v: number;
        if (b === a) v = eb * sTr[i * C + a]! * R;
        else {
          const back = prev[b * C + a]!;
          v = eb * r[i * C + b]! * (n * f[i * C + b]! * (R - back) + al * back);
        }
        cur[a * C + b] = v;
        zsum += v;
      }
    }
    normalise(cur, zsum);
    logScale[i] = Math.log(zsum || 1);
  }
  let logZ = logOffset;
  for (let i = 0; i < T; i++) logZ += logScale[i]!;

  // Backward, scaled by the same factors.
  const beta: Float64Array[] = [];
  for (let i = 0; i < T; i++) beta.push(betaBuffer.subarray(i * SC, (i + 1) * SC));
  beta[T - 1]!.fill(1);
  const g = new Float64Array(C);
  for (let i = T - 2; i >= 0; i--) {
    const next = beta[i + 1]!;
    const cur = beta[i]!;
    const j = i + 1;
    const al = aTr[j]!;
    const n = nTr[j]!;
    const inv = 1 / Math.exp(logScale[j]!);
    // G(b) = Σ_{c≠b} f(c) r(c) e(c) β(b, c)
    for (let b = 0; b < C; b++) {
      let acc = 0;
      for (let c = 0; c < C; c++)
        if (c !== b) acc += f[j * C + c]! * r[j * C + c]! * e[j * C + c]! * next[b * C + c]!;
      g[b] = acc;
    }
    for (let b = 0; b < C; b++) {
      const stay = sTr[j * C + b]! * e[j * C + b]! * next[b * C + b]!;
      for (let a = 0; a <= C; a++) {
        let v = stay + n * g[b]!;
        if (a < C && a !== b) {
          const back = r[j * C + a]! * e[j * C + a]! * next[b * C + a]!;
          v += (al - n * f[j * C + a]!) * back;
        }
        cur[a * C + b] = v * inv;
      }
    }
  }

  for (let i = 0; i < T; i++) {
    const al = alpha[i]!;
    const be = beta[i]!;
    let z = 0;
    for (let b = 0; b < C; b++) {
      let m = 0;
      for (let a = 0; a <= C; a++) m += al[a * C + b]! * be[a * C + b]!;
      marginals[i * C + b] = m;
      z += m;
    }
    for (let b = 0; b < C; b++) marginals[i * C + b] = z > 0 ? marginals[i * C + b]! / z : 1 / C;
  }

  // Expected transition kinds: P(z, a, b at i) ∝ alpha[i-1](z, a) t(z, a, b) e(b) beta[i](a, b).
  for (let i = 1; i < T; i++) {
    const prev = alpha[i - 1]!;
    const be = beta[i]!;
    let pSame = 0;
    let pAlt = 0;
    let pNew = 0;
    let pBonus = 0;
    let pStay = 0;
    for (let a = 0; a < C; a++) {
      let R = 0;
      for (let z = 0; z <= C; z++) R += prev[z * C + a]!;
      if (R === 0) continue;
      for (let b = 0; b < C; b++) {
        const eb = e[i * C + b]! * be[a * C + b]!;
        if (eb === 0) continue;
        if (b === a) {
          const v = R * sTr[i * C + a]! * eb;
          pSame += v;
          if (stayOn[i * C + a] === 1) pStay += v;
        } else {
          const back = prev[b * C + a]!;
          const alt = back * aTr[i]! * r[i * C + b]! * eb;
          const fresh = (R - back) * nTr[i]! * f[i * C + b]! * r[i * C + b]! * eb;
          pAlt += alt;
          pNew += fresh;
          freshTo[i * C + b]! += fresh;
          if (bonusOn[i * C + b] === 1) pBonus += alt + fresh;
        }
      }
    }
    const z = pSame + pAlt + pNew;
    if (z > 0) {
      transitions[i * 4] = pSame / z;
      transitions[i * 4 + 1] = pAlt / z;
      transitions[i * 4 + 2] = pNew / z;
      transitions[i * 4 + 3] = pBonus / z;
      stays[i] = pStay / z;
      for (let c = 0; c < C; c++) freshTo[i * C + c]! /= z;
    }
  }
  return { marginals, logZ, transitions, stays, freshTo };
}

function normalise(v: Float64Array, total: number): void {
  if (total <= 0) return;
  const inv = 1 / total;
  for (let k = 0; k < v.length; k++) v[k]! *= inv;
}

/** The candidate with the highest posterior at turn i (the first of a tie). */
export function bestAt(marginals: Float64Array, i: number, C: number): number {
  let b = 0;
  for (let k = 1; k < C; k++) if (marginals[i * C + k]! > marginals[i * C + b]!) b = k;
  return b;
}
