// The contract every layer passes (in the spirit of Keras' run_layer_test): the output shape of a
// real batch equals computeOutputShape, the parameter counts are the expected ones, getConfig →
// layerFromConfig → getConfig round-trips exactly (and the rebuilt layer computes the same
// outputs), and the gradients with respect to every input and every trainable weight match
// central differences, in each requested mode (training and/or inference).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Layer, type BaseLayer, type LayerConfig } from '../../src/layers/base-layer.js';
import { MergeLayer } from '../../src/layers/merge-layer.js';
import { input } from '../../src/layers/input-layer.js';
import { layerFromConfig } from '../../src/layers/registry.js';
import type { SymbolicTensor } from '../../src/layers/base-layer.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { assertBitIdentical, type Tolerance } from './close.js';
import { checkGradients, project, uniformArray, type GradientTarget } from './gradient-check.js';

export interface LayerContractCase {
  /** A fresh, unbuilt layer; called more than once. */
  make: () => BaseLayer;
  /** Feature shape (without the batch) of each input: one entry for single-input layers. */
  inputShapes: readonly (readonly number[])[];
  /** Parameters the built layer must have. */
  params: { trainable: number; nonTrainable: number };
  /** Rows in the test batch (default 5). */
  rows?: number;
  /** Modes for the gradient check: true = training, false = inference (default both). */
  modes?: readonly boolean[];
  /** Input values for input k (default uniform in [-1.5, 1.5)). */
  inputValues?: (k: number, length: number) => Float32Array;
  /** Runs before every forward pass (e.g. setSeed so dropout draws the same mask). */
  beforeForward?: () => void;
  /** Sets the layer's weights to values worth checking (e.g. non-trivial moving statistics). */
  initialize?: (layer: BaseLayer) => void;
  step?: number;
  tolerance?: Tolerance;
}

/** Builds `layer` on symbolic inputs of the given shapes; returns the symbolic output. */
export function buildLayer(
  layer: BaseLayer, inputShapes: readonly (readonly number[])[],
): SymbolicTensor {
  const inputs = inputShapes.map((shape) => input({ shape }));
  if (layer instanceof MergeLayer) return layer.apply(inputs);
  if (layer instanceof Layer) {
    assert.equal(inputs.length, 1, `${layer.className} takes one input`);
    return layer.apply(inputs[0]);
  }
  throw new Error(`${layer.className} is neither a Layer nor a MergeLayer`);
}

function batchInputs(c: LayerContractCase, rows: number): Tensor[] {
  return c.inputShapes.map((shape, k) => {
    const size = rows * shape.reduce((a, b) => a * b, 1);
    const values = c.inputValues ? c.inputValues(k, size) : uniformArray(size, -1.5, 1.5, 1000 + k);
    return new Tensor(values, [rows, ...shape]);
  });
}

function forward(
  layer: BaseLayer, inputs: Tensor[], training: boolean, c: LayerContractCase,
): Tensor {
  c.beforeForward?.();
  return layer.call(inputs, training);
}

/** Checks output shape, parameter counts and the config round-trip; see `checkLayerGradients`. */
export function checkLayerShapeAndParams(c: LayerContractCase): void {
  const layer = c.make();
  const symbolic = buildLayer(layer, c.inputShapes);
  c.initialize?.(layer);
  const symbolicShapes = c.inputShapes.map((s) => [null, ...s]);
  const computed = layer.computeOutputShape(symbolicShapes);
  assert.deepEqual(computed, symbolic.shape, 'computeOutputShape equals the symbolic shape');
  const rows = c.rows ?? 5;
  for (const training of c.modes ?? [true, false]) {
    const y = forward(layer, batchInputs(c, rows), training, c);
    const expected = [rows, ...symbolic.shape.slice(1)];
    assert.deepEqual([...y.shape], expected, `output shape (training=${training})`);
  }
  assert.equal(layer.countParams(true), c.params.trainable, 'trainable parameters');
  assert.equal(layer.countParams(false), c.params.nonTrainable, 'non-trainable parameters');
  assert.equal(layer.countParams(), c.params.trainable + c.params.nonTrainable, 'total parameters');
}

/**
 * getConfig → (JSON) → layerFromConfig → getConfig gives the same config, and the rebuilt
 * layer, given the same weights, computes bit-identical outputs.
 */
export function checkLayerConfigRoundTrip(c: LayerContractCase): void {
  const layer = c.make();
  buildLayer(layer, c.inputShapes);
  c.initialize?.(layer);
  const config = layer.getConfig();
  const direct = layerFromConfig(config);
  assert.deepEqual(direct.getConfig(), config, 'getConfig → layerFromConfig → getConfig');
  const json = JSON.parse(JSON.stringify(config)) as LayerConfig;
  const rebuilt = layerFromConfig(json);
  const rebuiltJson = JSON.parse(JSON.stringify(rebuilt.getConfig()));
  assert.deepEqual(rebuiltJson, json, 'the JSON form round-trips too');
  assert.equal(rebuilt.className, layer.className);
  buildLayer(rebuilt, c.inputShapes);
  assert.equal(rebuilt.weights.length, layer.weights.length, 'the rebuilt layer\'s weight count');
  rebuilt.weights.forEach((w, i) => {
    assert.deepEqual(w.shape, layer.weights[i].shape, `weight ${w.name} shape`);
    w.value.set(layer.weights[i].value);
  });
  const rows = c.rows ?? 5;
  for (const training of c.modes ?? [true, false]) {
    const expected = forward(layer, batchInputs(c, rows), training, c).data.slice();
    const actual = forward(rebuilt, batchInputs(c, rows), training, c).data.slice();
    assertBitIdentical(actual, expected, `rebuilt layer output (training=${training})`);
  }
}

/** Gradients with respect to every input and trainable weight match central differences. */
export function checkLayerGradients(c: LayerContractCase): void {
  const layer = c.make();
  const symbolic = buildLayer(layer, c.inputShapes);
  c.initialize?.(layer);
  const rows = c.rows ?? 5;
  const outputSize = rows * symbolic.shape.slice(1).reduce((a: number, b) => a * (b as number), 1);
  const r = uniformArray(outputSize, -1, 1, 77);
  for (const training of c.modes ?? [true, false]) {
    const inputs = batchInputs(c, rows);
    const y = forward(layer, inputs, training, c);
    const dxs = layer.callBackward(new Tensor(r, y.shape)).map((dx) => dx?.data.slice());
    const trainable = layer.trainable ? layer.weights.filter((w) => w.trainable) : [];
    const targets: GradientTarget[] = [
      ...inputs.map((x, k) => {
        const analytic = dxs[k];
        assert.ok(analytic !== undefined, `backward returns a gradient for input ${k}`);
        return { name: `input ${k} (training=${training})`, values: x.data, analytic };
      }),
      ...trainable.map((w) => ({
        name: `${w.name} (training=${training})`, values: w.value, analytic: w.grad.slice(),
      })),
    ];
    const objective = () => project(forward(layer, inputs, training, c).data, r);
    checkGradients(objective, targets, { step: c.step, tolerance: c.tolerance });
  }
}

/** Registers the contract as node:test cases under `title`. */
export function describeLayerContract(title: string, c: LayerContractCase): void {
  describe(`${title} (layer contract)`, () => {
    it('produces outputs of the computed shape and has the expected parameter counts', () => {
      checkLayerShapeAndParams(c);
    });
    it('round-trips its config through layerFromConfig and computes the same outputs after', () => {
      checkLayerConfigRoundTrip(c);
    });
    it('has gradients that match central differences with respect to inputs and weights', () => {
      checkLayerGradients(c);
    });
  });
}
