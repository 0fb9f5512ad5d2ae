// AssemblyScript: optimizer updates over whole flat parameter buffers, in the order of operations
// Keras 3 uses. Scalars that depend on the step (Adam's bias-corrected rate) are computed once per
// step in float64 by the caller and passed in rounded to float32.

import { loadLanes, storeLanes } from './elementwise';

// One Adam step on `count` (1-4) parameters at byte offset o; `count` is a literal 4 in the main
// loop, so the partial paths fold away there.
// @ts-ignore: decorator
@inline
function adamAt(
  w: usize, g: usize, m: usize, v: usize, o: usize, count: i32,
  alpha: v128, oneMinusBeta1: v128, oneMinusBeta2: v128, epsilon: v128,
): void {
  const gv = loadLanes(g + o, count);
  let mv = loadLanes(m + o, count);
  let vv = loadLanes(v + o, count);
  mv = f32x4.add(mv, f32x4.mul(f32x4.sub(gv, mv), oneMinusBeta1));
  vv = f32x4.add(vv, f32x4.mul(f32x4.sub(f32x4.mul(gv, gv), vv), oneMinusBeta2));
  const step = f32x4.div(f32x4.mul(mv, alpha), f32x4.add(f32x4.sqrt(vv), epsilon));
  storeLanes(m + o, mv, count);
  storeLanes(v + o, vv, count);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), step), count);
}

// Keras 3 Adam over w, g, m, v (size each):
//   m += (g - m)(1 - beta1);  v += (g² - v)(1 - beta2);  w -= alpha · m / (√v + epsilon)
// with alpha = lr · √(1 - beta2^t) / (1 - beta1^t) computed by the caller.
export function adam(
  w: usize, g: usize, m: usize, v: usize, size: i32,
  alpha: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, epsilon: f32,
): void {
  const a = f32x4.splat(alpha);
  const b1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(oneMinusBeta2);
  const eps = f32x4.splat(epsilon);
  const full = size & ~3;
  for (let i = 0; i < full; i += 4) adamAt(w, g, m, v, <usize>i * 4, 4, a, b1, b2, eps);
  if (size > full) adamAt(w, g, m, v, <usize>full * 4, size - full, a, b1, b2, eps);
}

// One SGD step on `count` (1-4) parameters at byte offset o.
// @ts-ignore: decorator
@inline
function sgdAt(
  w: usize, g: usize, velocity: usize, o: usize, count: i32,
  rate: v128, momentum: v128, useMomentum: bool, nesterov: bool,
): void {
  const scaled = f32x4.mul(loadLanes(g + o, count), rate);
  const wv = loadLanes(w + o, count);
  if (!useMomentum) {
    storeLanes(w + o, f32x4.sub(wv, scaled), count);
    return;
  }
  const vel = f32x4.sub(f32x4.mul(loadLanes(velocity + o, count), momentum), scaled);
  storeLanes(velocity + o, vel, count);
  const delta = nesterov ? f32x4.sub(f32x4.mul(vel, momentum), scaled) : vel;
  storeLanes(w + o, f32x4.add(wv, delta), count);
}

// Keras 3 SGD over w, g (and velocity when momentum ≠ 0), size each:
//   momentum 0:  w -= lr · g
//   otherwise:   velocity = momentum · velocity - lr · g; w += velocity
//   nesterov:    velocity as above; w += momentum · velocity - lr · g
export function sgd(
  w: usize, g: usize, velocity: usize, size: i32,
  learningRate: f32, momentum: f32, nesterov: bool,
): void {
  const rate = f32x4.splat(learningRate);
  const mom = f32x4.splat(momentum);
  const useMomentum = momentum != 0;
  const full = size & ~3;
  for (let i = 0; i < full; i += 4) {
    sgdAt(w, g, velocity, <usize>i * 4, 4, rate, mom, useMomentum, nesterov);
  }
  if (size > full) {
    sgdAt(w, g, velocity, <usize>full * 4, size - full, rate, mom, useMomentum, nesterov);
  }
}
