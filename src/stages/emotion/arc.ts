import type { ArcShape } from '../../engine/types.js';

/** Points of the arc over narrative time 0…100. */
export const ARC_POINTS = 101;

/**
 * Cosine components kept by the low-pass filter. Five (the mean plus four slow waves) is the
 * setting Jockers used for whole novels in Syuzhet: enough for three turns of fortune, too few for
 * chapter-level noise.
 */
export const DEFAULT_LOW_PASS = 5;

/**
 * The first `count` coefficients of the type-II discrete cosine transform of `values`:
 * X_k = Σ_n x_n · cos(π/N · (n + ½) · k). O(N · count); a novel has tens of thousands of
 * sentences and only a handful of coefficients are wanted, so no FFT is needed.
 */
export function cosineCoefficients(values: ArrayLike<number>, count: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(count);
  if (n === 0) return out;
  for (let k = 0; k < count; k++) {
    // cos(θ(n+½)k) by the angle-addition recurrence: c_{m+1} = 2cos(φ)c_m − c_{m−1}, φ = πk/N.
    const step = (Math.PI * k) / n;
    const twoCos = 2 * Math.cos(step);
    let previous = Math.cos(-0.5 * step);
    let current = Math.cos(0.5 * step);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += values[i]! * current;
      const next = twoCos * current - previous;
      previous = current;
      current = next;
    }
    out[k] = sum;
  }
  return out;
}

/**
 * The arc: the low-pass inverse transform evaluated at `points` evenly spaced moments of
 * narrative time. With the DCT-III inverse x(t) = X₀/N + 2/N · Σ_{k≥1} X_k · cos(πkt), where t ∈ [0, 1]
 * runs from the first sentence's start to the last one's end, every kept component is reproduced at
 * its true amplitude, so the arc stays on the valence scale of the sentences (a gloomy novel's arc
 * lies below zero) instead of being stretched to [-1, 1].
 */
export function smoothArc(
  values: ArrayLike<number>,
  lowPass = DEFAULT_LOW_PASS,
  points = ARC_POINTS,
): { arc: number[]; coefficients: Float64Array } {
  const n = values.length;
  const coefficients = cosineCoefficients(values, Math.min(lowPass, Math.max(n, 1)));
  const arc: number[] = new Array(points);
  for (let p = 0; p < points; p++) {
    const t = points === 1 ? 0 : p / (points - 1);
    let x = n > 0 ? coefficients[0]! / n : 0;
    for (let k = 1; k < coefficients.length; k++) x += (2 / n) * coefficients[k]! * Math.cos(Math.PI * k * t);
    arc[p] = x < -1 ? -1 : Math.min(x, 1);
  }
  return { arc, coefficients };
}

/**
 * One of the six emotional arcs of Reagan et al. (2016, "The emotional arcs of stories are
 * dominated by six basic shapes"). Their first three SVD modes are, up to sign, one, two and three
 * half-waves of a cosine: exactly the DCT components k = 1, 2, 3. Those components are orthogonal,
 * so the arc's correlation with each shape template is proportional to its coefficient, and the
 * shape is the mode with the largest one, read by its sign:
 *
 *   k = 1  cos(πt)  falls          → "fall";            negative → "rise"
 *   k = 2  cos(2πt) falls, rises   → "fall-rise";       negative → "rise-fall"
 *   k = 3  cos(3πt)                → "fall-rise-fall";  negative → "rise-fall-rise"
 *
 * `fit` is the chosen mode's share of the energy of the three (1 for a pure shape, about ⅓ when
 * none stands out, 0 for a flat arc).
 */
export function arcShape(coefficients: ArrayLike<number>): { shape: ArcShape; fit: number } {
  let best = 1;
  let energy = 0;
  for (let k = 1; k <= 3; k++) {
    const c = coefficients[k] ?? 0;
    energy += c * c;
    if (Math.abs(c) > Math.abs(coefficients[best] ?? 0)) best = k;
  }
  const c = coefficients[best] ?? 0;
  const fit = energy > 0 ? (c * c) / energy : 0;
  const falling = c > 0;
  const shape: ArcShape =
    best === 1
      ? falling
        ? 'fall'
        : 'rise'
      : best === 2
        ? falling
          ? 'fall-rise'
          : 'rise-fall'
        : falling
          ? 'fall-rise-fall'
          : 'rise-fall-rise';
  return { shape, fit };
}
