// Test helper: train the same dense network in nnkit and in TensorFlow.js (pure-JS 'cpu'
// backend) from the same initial weights on the same batches, and measure how far apart they end.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as nn from '../../src/index.js';

/** One dense layer of the network under test. */
export interface DenseSpec {
  units: number;
  activation: 'relu' | 'tanh' | 'sigmoid' | 'softmax' | 'linear';
}

export type ParityLoss = 'binary_crossentropy' | 'categorical_crossentropy' | 'sparse_categorical_crossentropy';

/** Everything both libraries are given; x (rows, features), y (rows, labelCols). */
export interface ParityCase {
  features: number;
  layers: readonly DenseSpec[];
  loss: ParityLoss;
  x: Float32Array;
  y: Float32Array;
  rows: number;
  labelCols: number;
  batchSize: number;
  epochs: number;
  seed: number;
  ours: () => nn.Optimizer;
  theirs: () => tf.Optimizer;
  /** Called before every TF.js batch with the TF.js optimizer (to adjust it per step). */
  beforeTheirBatch?: (optimizer: tf.Optimizer) => void;
}

/** How far apart the two trained models end. */
export interface ParityResult {
  /** max |w_ours − w_tfjs| over every kernel and bias value after training */
  maxWeightDifference: number;
  /** max |w_after − w_before| in nnkit: how far training moved the weights at all */
  maxWeightMovement: number;
  /** the per-epoch training loss (History 'loss') of each library */
  ourLosses: number[];
  theirLosses: number[];
  /** max |loss_ours − loss_tfjs| over epochs */
  maxLossDifference: number;
  /** smallest and largest predicted value of nnkit's trained model on x */
  predictionRange: [number, number];
}

let backendReady: Promise<boolean> | undefined;

/** Trains both twins and compares them. */
export async function trainTwins(c: ParityCase): Promise<ParityResult> {
  backendReady ??= tf.setBackend('cpu');
  await backendReady;

  nn.setSeed(c.seed);
  const ours = nn.sequential(
    c.layers.map((spec, i) =>
      nn.layers.dense({ units: spec.units, activation: spec.activation, ...(i === 0 ? { inputShape: [c.features] } : {}) }),
    ),
  );
  ours.compile({ optimizer: c.ours(), loss: c.loss });
  const initial = ours.getWeights();

  const theirs = tfl.sequential({
    layers: c.layers.map((spec, i) =>
      tfl.layers.dense({ units: spec.units, activation: spec.activation, ...(i === 0 ? { inputShape: [c.features] } : {}) }),
    ),
  });
  // Keras' layout, kept by both: kernel (in, units) row-major, then bias (units), layer by layer.
  const shapes = theirs.getWeights().map((w) => w.shape);
  theirs.setWeights(initial.map((w, i) => tf.tensor(w, shapes[i])));
  const tfOptimizer = c.theirs();
  theirs.compile({ optimizer: tfOptimizer, loss: tfjsLossName(c.loss) });

  const x = nn.tensor(c.x, [c.rows, c.features]);
  const y = nn.tensor(c.y, [c.rows, c.labelCols]);
  const ourHistory = await ours.fit(x, y, { epochs: c.epochs, batchSize: c.batchSize, shuffle: false, verbose: 0 });

  const tx = tf.tensor2d(c.x, [c.rows, c.features]);
  const ty = tf.tensor2d(c.y, [c.rows, c.labelCols]);
  const hook = c.beforeTheirBatch;
  const theirHistory = await theirs.fit(tx, ty, {
    epochs: c.epochs, batchSize: c.batchSize, shuffle: false, verbose: 0,
    callbacks: hook ? { onBatchBegin: async () => hook(tfOptimizer) } : undefined,
  });

  const ourWeights = ours.getWeights();
  const theirWeights = theirs.getWeights().map((w) => w.dataSync() as Float32Array);
  const ourLosses = ourHistory.history.loss as number[];
  const theirLosses = theirHistory.history.loss as number[];
  const predictions = ours.predict(x).data;
  const result: ParityResult = {
    maxWeightDifference: maxDifference(ourWeights, theirWeights),
    maxWeightMovement: maxDifference(ourWeights, initial),
    ourLosses,
    theirLosses,
    maxLossDifference: Math.max(...ourLosses.map((loss, i) => Math.abs(loss - theirLosses[i]))),
    predictionRange: [Math.min(...predictions), Math.max(...predictions)],
  };
  tf.dispose([tx, ty]);
  theirs.dispose();
  tfOptimizer.dispose();
  return result;
}

function tfjsLossName(loss: ParityLoss): string {
  return { binary_crossentropy: 'binaryCrossentropy', categorical_crossentropy: 'categoricalCrossentropy',
    sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy' }[loss];
}

/** max |a − b| over arrays of arrays of equal shapes. */
export function maxDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  if (a.length !== b.length) throw new Error(`weight lists differ in length: ${a.length} vs ${b.length}`);
  let max = 0;
  a.forEach((values, i) => {
    if (values.length !== b[i].length) throw new Error(`weight ${i} differs in size: ${values.length} vs ${b[i].length}`);
    for (let k = 0; k < values.length; k++) max = Math.max(max, Math.abs(values[k] - b[i][k]));
  });
  return max;
}

/** One line for the test log: the agreement figures the lead quotes. */
export function describe(name: string, r: ParityResult): string {
  const losses = r.ourLosses.map((loss, i) => `${loss.toFixed(6)} vs ${r.theirLosses[i].toFixed(6)}`).join(', ');
  return `${name}: max |Δweight| ${r.maxWeightDifference.toExponential(2)} (weights moved up to ` +
    `${r.maxWeightMovement.toFixed(3)}), loss ${losses}, max |Δloss| ${r.maxLossDifference.toExponential(2)}`;
}
