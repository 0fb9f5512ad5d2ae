// AssemblyScript: counting NaN and ±Infinity, the model doctor's check on every input value
// before fit, predict and evaluate. x − x is 0 for a finite x and NaN otherwise, so a lane is
// non-finite exactly when x − x ≠ 0; the comparison's all-ones lanes (−1) are subtracted from
// four running counts.

// x (size) → how many values are NaN or infinite
export function countNonFinite(x: usize, size: i32): i32 {
  const full = size & ~3;
  const zero = f32x4.splat(0);
  let counts = i32x4.splat(0);
  let p = x;
  const end = x + <usize>full * 4;
  while (p < end) {
    const v = v128.load(p);
    counts = i32x4.sub(counts, f32x4.ne(f32x4.sub(v, v), zero));
    p += 16;
  }
  let count = i32x4.extract_lane(counts, 0) + i32x4.extract_lane(counts, 1);
  count += i32x4.extract_lane(counts, 2) + i32x4.extract_lane(counts, 3);
  for (let i = full; i < size; i++) {
    const value = load<f32>(x + <usize>i * 4);
    if (value - value != 0) count++;
  }
  return count;
}
