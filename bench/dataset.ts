// The benchmark's data set: seeded standard-normal features and a binary label, written once by
// the parent to raw float32 files that every child (PyTorch included) reads, so all peers train
// on the same rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '../src/random/random.js';
import { FEATURES } from './workload.js';

export interface Dataset {
  /** (rows, 32) */
  readonly x: Float32Array;
  /** (rows) of 0 and 1 */
  readonly y: Float32Array;
  readonly rows: number;
}

/**
 * Standard-normal features and a label from a fixed linear teacher with noise, so the loss has
 * somewhere to go: y = [x · w + 0.5 · ε > 0].
 */
export function makeDataset(rows: number, seed = 6): Dataset {
  const random = new Random(seed);
  const teacher = Array.from({ length: FEATURES }, () => random.normal());
  const x = new Float32Array(rows * FEATURES);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let col = 0; col < FEATURES; col++) {
      const value = random.normal();
      x[row * FEATURES + col] = value;
      sum += value * teacher[col];
    }
    y[row] = sum + 0.5 * random.normal() > 0 ? 1 : 0;
  }
  return { x, y, rows };
}

function bytes(array: Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Writes x.f32 and y.f32 into `dir`. */
export function writeDataset(data: Dataset, dir: string): void {
  // NOTE: raw little-endian float32 (the byte order of every machine Node runs on here), which
  // numpy reads with fromfile(dtype='<f4').
  writeFileSync(join(dir, 'x.f32'), bytes(data.x));
  writeFileSync(join(dir, 'y.f32'), bytes(data.y));
}

/** The first `rows` rows of the files writeDataset wrote. */
export function readDataset(dir: string, rows: number): Dataset {
  const read = (name: string, length: number) => {
    const file = readFileSync(join(dir, name));
    const copy = new Float32Array(length);
    copy.set(new Float32Array(file.buffer, file.byteOffset, length));
    return copy;
  };
  return { x: read('x.f32', rows * FEATURES), y: read('y.f32', rows), rows };
}
