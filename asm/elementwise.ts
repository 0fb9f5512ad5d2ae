// AssemblyScript: bias, activations and their gradients, column sums. Every loop works on four
// floats at a time; the last 1-3 values of a row go through the same vector code by way of a
// partial load/store, so results never depend on where a value sits in the row.

import { sigmoidV, tanhV } from './math';

export const LINEAR: i32 = 0;
export const RELU: i32 = 1;
export const SIGMOID: i32 = 2;
export const TANH: i32 = 3;

/** Loads `count` (1-3) floats into the low lanes of a vector; the other lanes are 0. */
// @ts-ignore: decorator
@inline
export function loadPartial(p: usize, count: i32): v128 {
  let v = f32x4.splat(0);
  v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (count > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (count > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}

/** Stores the low `count` (1-3) lanes of a vector. */
// @ts-ignore: decorator
@inline
export function storePartial(p: usize, v: v128, count: i32): void {
  store<f32>(p, f32x4.extract_lane(v, 0));
  if (count > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (count > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
}

/** Four floats at p, or the low `count` (1-3) of them with the other lanes 0. */
// @ts-ignore: decorator
@inline
export function loadLanes(p: usize, count: i32): v128 {
  return count == 4 ? v128.load(p) : loadPartial(p, count);
}

/** Stores four lanes at p, or the low `count` (1-3) of them. */
// @ts-ignore: decorator
@inline
export function storeLanes(p: usize, v: v128, count: i32): void {
  if (count == 4) v128.store(p, v);
  else storePartial(p, v, count);
}

// @ts-ignore: decorator
@inline
function activate(v: v128, activation: i32): v128 {
  // NOTE: wasm defines pmax(a, b) as `a < b ? b : a`, so pmax(v, 0) is 0 for negative v and v
  // otherwise, NaN included: relu never hides a NaN. (It is also one instruction, unlike max.)
  if (activation == RELU) return f32x4.pmax(v, f32x4.splat(0));
  if (activation == SIGMOID) return sigmoidV(v);
  if (activation == TANH) return tanhV(v);
  return v;
}

// x (m, n) ← act(x + bias (n)); bias 0 means no bias. `activation` is a literal at every call
// site, so after inlining each activation gets its own loop.
// @ts-ignore: decorator
@inline
function biasActivationLoop(x: usize, bias: usize, m: i32, n: i32, activation: i32): void {
  if (n == 1) {
    // NOTE: one column (a one-unit output layer): run down it as one flat array with the bias as
    // a scalar, instead of a partial vector per row.
    const b = bias != 0 ? f32x4.splat(load<f32>(bias)) : f32x4.splat(0);
    const whole = m & ~3;
    for (let i = 0; i < whole; i += 4) {
      const p = x + <usize>i * 4;
      v128.store(p, activate(f32x4.add(v128.load(p), b), activation));
    }
    if (m > whole) {
      const p = x + <usize>whole * 4;
      storePartial(p, activate(f32x4.add(loadPartial(p, m - whole), b), activation), m - whole);
    }
    return;
  }
  const full = n & ~3;
  const tail = n - full;
  for (let i = 0; i < m; i++) {
    const row = x + <usize>(i * n) * 4;
    for (let j = 0; j < full; j += 4) {
      const p = row + <usize>j * 4;
      let v = v128.load(p);
      if (bias != 0) v = f32x4.add(v, v128.load(bias + <usize>j * 4));
      v128.store(p, activate(v, activation));
    }
    if (tail > 0) {
      const p = row + <usize>full * 4;
      let v = loadPartial(p, tail);
      if (bias != 0) v = f32x4.add(v, loadPartial(bias + <usize>full * 4, tail));
      storePartial(p, activate(v, activation), tail);
    }
  }
}

function biasRelu(x: usize, bias: usize, m: i32, n: i32): void {
  biasActivationLoop(x, bias, m, n, RELU);
}
function biasSigmoid(x: usize, bias: usize, m: i32, n: i32): void {
  biasActivationLoop(x, bias, m, n, SIGMOID);
}
function biasTanh(x: usize, bias: usize, m: i32, n: i32): void {
  biasActivationLoop(x, bias, m, n, TANH);
}
function biasLinear(x: usize, bias: usize, m: i32, n: i32): void {
  biasActivationLoop(x, bias, m, n, LINEAR);
}

export function biasActivation(x: usize, bias: usize, m: i32, n: i32, activation: i32): void {
  if (activation == RELU) biasRelu(x, bias, m, n);
  else if (activation == SIGMOID) biasSigmoid(x, bias, m, n);
  else if (activation == TANH) biasTanh(x, bias, m, n);
  else biasLinear(x, bias, m, n);
}

// dx (size) = dy (size) · act'(y); y is the activation's output. dx may be dy.
// @ts-ignore: decorator
@inline
function derivative(dy: v128, y: v128, activation: i32): v128 {
  if (activation == RELU) return v128.and(dy, f32x4.gt(y, f32x4.splat(0)));
  if (activation == SIGMOID) return f32x4.mul(dy, f32x4.mul(y, f32x4.sub(f32x4.splat(1), y)));
  if (activation == TANH) return f32x4.mul(dy, f32x4.sub(f32x4.splat(1), f32x4.mul(y, y)));
  return dy;
}

// @ts-ignore: decorator
@inline
function backwardLoop(dy: usize, y: usize, dx: usize, size: i32, activation: i32): void {
  const full = size & ~3;
  for (let i = 0; i < full; i += 4) {
    const offset = <usize>i * 4;
    v128.store(dx + offset, derivative(v128.load(dy + offset), v128.load(y + offset), activation));
  }
  const tail = size - full;
  if (tail > 0) {
    const offset = <usize>full * 4;
    const v = derivative(loadPartial(dy + offset, tail), loadPartial(y + offset, tail), activation);
    storePartial(dx + offset, v, tail);
  }
}

export function activationBackward(
  dy: usize, y: usize, dx: usize, size: i32, activation: i32,
): void {
  if (activation == RELU) backwardLoop(dy, y, dx, size, RELU);
  else if (activation == SIGMOID) backwardLoop(dy, y, dx, size, SIGMOID);
  else if (activation == TANH) backwardLoop(dy, y, dx, size, TANH);
  else if (dx != dy) memory.copy(dx, dy, <usize>size * 4);
}

// x (m, n) → out (n): column sums. Sixteen columns at a time are summed down all rows in
// registers, then four at a time, then the tail.
export function sumRows(x: usize, out: usize, m: i32, n: i32): void {
  const stride = <usize>n * 4;
  let j = 0;
  for (; j + 16 <= n; j += 16) {
    let s0 = f32x4.splat(0);
    let s1 = f32x4.splat(0);
    let s2 = f32x4.splat(0);
    let s3 = f32x4.splat(0);
    let p = x + <usize>j * 4;
    for (let i = 0; i < m; i++) {
      s0 = f32x4.add(s0, v128.load(p));
      s1 = f32x4.add(s1, v128.load(p, 16));
      s2 = f32x4.add(s2, v128.load(p, 32));
      s3 = f32x4.add(s3, v128.load(p, 48));
      p += stride;
    }
    const o = out + <usize>j * 4;
    v128.store(o, s0);
    v128.store(o, s1, 16);
    v128.store(o, s2, 32);
    v128.store(o, s3, 48);
  }
  for (; j < n; j += 4) {
    const count = min(4, n - j);
    let s = f32x4.splat(0);
    let p = x + <usize>j * 4;
    for (let i = 0; i < m; i++) {
      s = f32x4.add(s, count == 4 ? v128.load(p) : loadPartial(p, count));
      p += stride;
    }
    if (count == 4) v128.store(out + <usize>j * 4, s);
    else storePartial(out + <usize>j * 4, s, count);
  }
}

// out (m, n) += bias (n) broadcast over rows
export function addBias(out: usize, bias: usize, m: i32, n: i32): void {
  biasActivationLoop(out, bias, m, n, LINEAR);
}
