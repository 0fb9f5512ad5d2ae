import * as nn from '../../src/index.js';
import type { ToySet } from './state.js';

/** Rows of a toy set: two features per row (x1, x2) and a 0/1 label. */
export interface ToyData {
  readonly x: Float32Array;
  readonly y: Int32Array;
}

export const TOY_ROWS = 1000;
/** Fewer positives than this and no split could hold some in every part. */
const MIN_POSITIVES = 10;

type Draw = (random: nn.Random, label: 0 | 1) => [number, number];

const moons: Draw = (random, label) => {
  const angle = Math.PI * random.uniform();
  const [x, y] = label === 0 ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)];
  return [x - 0.5 + 0.12 * random.normal(), y - 0.25 + 0.12 * random.normal()];
};

const circles: Draw = (random, label) => {
  const angle = 2 * Math.PI * random.uniform();
  const radius = (label === 0 ? 1 : 0.45) + 0.1 * random.normal();
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
};

const xor: Draw = (random, label) => {
  const x = (0.05 + 0.95 * random.uniform()) * (random.uniform() < 0.5 ? -1 : 1);
  const y = (0.05 + 0.95 * random.uniform()) * Math.sign(x) * (label === 1 ? 1 : -1);
  return [x, y];
};

const blobs: Draw = (random, label) => {
  const centre = label === 1 ? 0.6 : -0.6;
  return [centre + 0.45 * random.normal(), centre + 0.45 * random.normal()];
};

const spiral: Draw = (random, label) => {
  const t = random.uniform();
  const angle = 3 * Math.PI * t + label * Math.PI;
  return [1.4 * t * Math.cos(angle) + 0.06 * random.normal(), 1.4 * t * Math.sin(angle) + 0.06 * random.normal()];
};

const DRAWS: Record<ToySet, Draw> = { moons, circles, xor, blobs, spiral };

/**
 * TOY_ROWS points of a 2-D set, a `prevalence` share of them positive (at least MIN_POSITIVES),
 * the classes interleaved in a seeded random order.
 */
export function toyData(set: ToySet, prevalence: number, seed: number): ToyData {
  const random = new nn.Random(seed);
  const positives = Math.max(MIN_POSITIVES, Math.round(TOY_ROWS * prevalence));
  const labels = new Int32Array(TOY_ROWS).map((_, i) => (i < positives ? 1 : 0));
  random.shuffle(labels);
  const x = new Float32Array(TOY_ROWS * 2);
  for (let i = 0; i < TOY_ROWS; i++) {
    const [a, b] = DRAWS[set](random, labels[i] as 0 | 1);
    x[2 * i] = a;
    x[2 * i + 1] = b;
  }
  return { x, y: labels };
}
