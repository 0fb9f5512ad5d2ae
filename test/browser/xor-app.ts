/**
 * The app the bundler tests build, as a user would write it: it imports 'nnkit', learns XOR with
 * fit, saves the model to bytes, loads them back and predicts again. `checkXorApp` holds what
 * the page must show.
 */
import assert from 'node:assert/strict';
import type { AppPage } from './run-app-page.js';

export const XOR_APP = `
import * as nn from 'nnkit';

/** Float32 values as their bit patterns, so the test compares them exactly. */
function bits(values: Float32Array): string[] {
  return Array.from(new Uint32Array(Float32Array.from(values).buffer), (b) => b.toString(16).padStart(8, '0'));
}

async function main() {
  const backend = await nn.ready();
  nn.setSeed(3);
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const y = [0, 1, 1, 0];
  const model = nn.sequential([
    nn.layers.dense({ units: 8, activation: 'tanh', inputShape: [2] }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(x, y, { epochs: 300, batchSize: 4, verbose: 0 });
  const bytes = model.toBytes();
  const loaded = await nn.loadModel(bytes);
  const saveError = await model.save('models/xor').then(() => 'saved', (error: Error) => error.message);
  return {
    backend,
    losses: history.history.loss,
    accuracy: model.evaluate(x, y, { verbose: 0 }).accuracy,
    classes: Array.from(model.predictClasses(x)),
    byteCount: bytes.length,
    predictions: bits(model.predict(x).data),
    loadedPredictions: bits(loaded.predict(x).data),
    saveError,
  };
}

(window as unknown as { nnkitResult: unknown }).nnkitResult = main();
`;

export interface XorResult {
  readonly backend: string;
  readonly losses: number[];
  readonly accuracy: number;
  readonly classes: number[];
  readonly byteCount: number;
  readonly predictions: string[];
  readonly loadedPredictions: string[];
  readonly saveError: string;
}

/** The page learned XOR on the wasm kernels, and the model loaded from its bytes predicts the same bits. */
export function checkXorApp(page: AppPage<XorResult>): void {
  const { result } = page;
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.refused, []);
  assert.match(result.backend, /^wasm/);
  assert.deepEqual(result.classes, [0, 1, 1, 0]);
  assert.equal(result.accuracy, 1);
  assert.ok(result.losses.at(-1)! < result.losses[0] / 4, `loss fell from ${result.losses[0]} to ${result.losses.at(-1)}`);
  assert.ok(result.byteCount > 0);
  assert.equal(result.predictions.length, 4);
  assert.deepEqual(result.loadedPredictions, result.predictions);
  // NOTE: a browser has no storage for paths; the error must point to bytes.
  assert.match(result.saveError, /toBytes\(\)/);
}
