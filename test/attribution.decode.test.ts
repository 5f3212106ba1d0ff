/**
 * The attribution chain's exact inference against brute force: every speaker sequence of a small
 * conversation scored by the model's definition (the same voice as turn i-1, the voice of turn i-2,
 * a new voice), summed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChainModel, forwardBackward } from '../src/stages/attribution/decode.js';

/** A deterministic pseudo-random model: C candidates, T turns. */
function randomModel(C: number, T: number, seed: number): ChainModel {
  let x = seed;
  const rand = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648 - 0.5;
  };
  const emit = Array.from({ length: T * C }, () => 3 * rand());
  const tr = Array.from({ length: T * 3 }, () => 2 * rand());
  const bonus = Array.from({ length: T * C }, () => (rand() > 0.2 ? 0 : 2 * rand()));
  const stay = Array.from({ length: T * C }, () => (rand() > 0.3 ? 0 : 2 * rand()));
  // Where a stay applies, its weight may be zero (as at the start of training): such stays are
  // still counted.
  const applies = stay.map((v) => v !== 0 || rand() > 0.8);
  const fresh = Array.from({ length: T * C }, () => (rand() > 0.3 ? 0 : 2 * rand()));
  return {
    candidates: C,
    turns: T,
    emit: (i, c) => emit[i * C + c]!,
    same: (i) => tr[i * 3]!,
    alternate: (i) => tr[i * 3 + 1]!,
    fresh: (i) => tr[i * 3 + 2]!,
    bonus: (i, c) => bonus[i * C + c]!,
    stay: (i, a) => stay[i * C + a]!,
    stayApplies: (i, a) => applies[i * C + a]!,
    freshBonus: (i, c) => fresh[i * C + c]!,
  };
}

/** Kind of the transition into turn i of a sequence: 0 same, 1 the voice of turn i-2, 2 new voice. */
function kindAt(seq: readonly number[], i: number): number {
  if (seq[i] === seq[i - 1]) return 0;
  return i >= 2 && seq[i] === seq[i - 2] ? 1 : 2;
}

function bruteForce(m: ChainModel) {
  const { candidates: C, turns: T } = m;
  const marginals = new Float64Array(T * C);
  const kinds = new Float64Array(T * 3);
  const stays = new Float64Array(T);
  const freshTo = new Float64Array(T * C);
  let Z = 0;
  const seq = new Array<number>(T).fill(0);
  const visit = (i: number): void => {
    if (i === T) {
      let score = 0;
      for (let t = 0; t < T; t++) {
        score += m.emit(t, seq[t]!);
        if (t === 0) continue;
        const k = kindAt(seq, t);
        score += k === 0 ? m.same(t) + (m.stay?.(t, seq[t]!) ?? 0) : k === 1 ? m.alternate(t) : m.fresh(t);
        if (k !== 0) score += m.bonus(t, seq[t]!);
        if (k === 2) score += m.freshBonus?.(t, seq[t]!) ?? 0;
      }
      const p = Math.exp(score);
      Z += p;
      for (let t = 0; t < T; t++) {
        marginals[t * C + seq[t]!]! += p;
        if (t > 0) kinds[t * 3 + kindAt(seq, t)]! += p;
        const applies = m.stayApplies ? m.stayApplies(t, seq[t]!) : (m.stay?.(t, seq[t]!) ?? 0) !== 0;
        if (t > 0 && kindAt(seq, t) === 0 && applies) stays[t]! += p;
        if (t > 0 && kindAt(seq, t) === 2) freshTo[t * C + seq[t]!]! += p;
      }
      return;
    }
    for (let c = 0; c < C; c++) {
      seq[i] = c;
      visit(i + 1);
    }
  };
  visit(0);
  return {
    logZ: Math.log(Z),
    marginals: marginals.map((v) => v / Z),
    kinds: kinds.map((v) => v / Z),
    stays: stays.map((v) => v / Z),
    freshTo: freshTo.map((v) => v / Z),
  };
}

describe('attribution: chain inference', () => {
  for (const [C, T] of [
    [2, 5],
    [3, 5],
    [4, 4],
  ] as const) {
    it(`decode: ${C} candidates over ${T} turns match brute force (log Z, marginals, transition kinds, stays, new voices)`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const m = randomModel(C, T, seed * 7919);
        const got = forwardBackward(m);
        const want = bruteForce(m);
        assert.ok(Math.abs(got.logZ - want.logZ) < 1e-9, `logZ ${got.logZ} vs ${want.logZ}`);
        for (let k = 0; k < T * C; k++) assert.ok(Math.abs(got.marginals[k]! - want.marginals[k]!) < 1e-9);
        for (let t = 1; t < T; t++) {
          for (let k = 0; k < 3; k++) {
            assert.ok(
              Math.abs(got.transitions[t * 4 + k]! - want.kinds[t * 3 + k]!) < 1e-9,
              `turn ${t} kind ${k}: ${got.transitions[t * 4 + k]} vs ${want.kinds[t * 3 + k]}`,
            );
          }
          assert.ok(Math.abs(got.stays[t]! - want.stays[t]!) < 1e-9, `turn ${t} stays`);
          for (let c = 0; c < C; c++)
            assert.ok(
              Math.abs(got.freshTo[t * C + c]! - want.freshTo[t * C + c]!) < 1e-9,
              `turn ${t} new voice ${c}`,
            );
        }
      }
    });
  }
});

describe('attribution: the reply bonus while its weight is zero', () => {
  it('still counts how often the addressed candidate takes over, so training can move the weight', () => {
    const model: ChainModel = {
      candidates: 2,
      turns: 2,
      emit: () => 0,
      same: () => 0,
      alternate: () => 0,
      fresh: () => 0,
      bonus: () => 0,
      bonusApplies: (_i, c) => c === 1,
    };
    const { transitions } = forwardBackward(model);
    // Uniform chain: half the time the voice changes, and half of those changes go to candidate 1.
    assert.ok(Math.abs(transitions[1 * 4 + 3]! - 0.25) < 1e-9, String(transitions[1 * 4 + 3]));
  });
});
