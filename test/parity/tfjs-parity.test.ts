// nnkit side by side with TensorFlow.js 4.22 (pure-JS 'cpu' backend): the same network, the same
// initial weights (copied from nnkit into TF.js), the same batches (shuffle off, batch size 32,
// so the last batch is a partial one), trained with the same optimizer. Both must end with the
// same weights and the same per-epoch loss.
//
// Tolerance: 1e-4 ABSOLUTE, on every kernel and bias value and on each epoch's loss.
// Measured agreement is around 1e-7 (float32 rounding); every test prints its figures.
import assert from 'node:assert/strict';
import { after, describe, test, type TestContext } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import * as nn from '../../src/index.js';
import { backendName, setBackend, type BackendName } from '../../src/kernels/backend.js';
import { oneHot, prepareSplit } from '../learning/datasets.js';
import { describe as summarize, trainTwins, type DenseSpec, type ParityCase, type ParityResult } from './tfjs-twin.js';

// NOTE: silences TF.js' one-time "install the node backend" console banner in test output.
tf.env().set('PROD', true);

const TOLERANCE = 1e-4;

/** Asserts the twins agree within TOLERANCE, and that training moved the weights enough to matter. */
function assertAgreement(t: TestContext, name: string, r: ParityResult): void {
  t.diagnostic(`${summarize(name, r)} [nnkit kernels: ${backendName()}]`);
  assert.ok(r.maxWeightDifference <= TOLERANCE, `weights differ by ${r.maxWeightDifference} (> ${TOLERANCE})`);
  assert.ok(r.maxLossDifference <= TOLERANCE, `losses differ: ours ${r.ourLosses}, TF.js ${r.theirLosses}`);
  // A comparison is only meaningful when the weights really moved (≥ 500× the tolerance).
  assert.ok(r.maxWeightMovement >= 0.05, `training moved the weights only ${r.maxWeightMovement}`);
}

// Breast cancer, 80% training rows, standardized: 455 rows → 14 full batches and one of 7.
const cancer = prepareSplit('breast_cancer', 7);
const binaryLayers: DenseSpec[] = [
  { units: 16, activation: 'relu' }, { units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' },
];
const binaryCase = (optimizers: Pick<ParityCase, 'ours' | 'theirs' | 'beforeTheirBatch'>, epochs = 1): ParityCase => ({
  features: 30, layers: binaryLayers, loss: 'binary_crossentropy',
  x: cancer.xTrain.data, rows: cancer.xTrain.rows, y: Float32Array.from(cancer.yTrain), labelCols: 1,
  batchSize: 32, epochs, seed: 3, ...optimizers,
});

describe('a 30 → 16 relu → 8 tanh → 1 sigmoid network with binary_crossentropy trains as in TensorFlow.js', () => {
  test('with SGD (learning rate 0.1)', async (t) => {
    const r = await trainTwins(binaryCase({ ours: () => nn.optimizers.sgd({ learningRate: 0.1 }), theirs: () => tf.train.sgd(0.1) }));
    assertAgreement(t, 'sgd', r);
    // NOTE: the fused sigmoid + cross-entropy gradient p − y equals TF.js' gradient through the
    // 1e-7 clip only where p is not clipped; the data keeps every prediction inside the clip.
    assert.ok(r.predictionRange[0] > 1e-7 && r.predictionRange[1] < 1 - 1e-7, `predictions ${r.predictionRange} reach the clip`);
  });

  test('with SGD and momentum 0.9, over two epochs (the velocity carries across epochs)', async (t) => {
    const r = await trainTwins(binaryCase({
      ours: () => nn.optimizers.sgd({ learningRate: 0.05, momentum: 0.9 }), theirs: () => tf.train.momentum(0.05, 0.9),
    }, 2));
    assertAgreement(t, 'sgd momentum 0.9, 2 epochs', r);
    assert.equal(r.ourLosses.length, 2);
  });

  test('with SGD and Nesterov momentum 0.9', async (t) => {
    const r = await trainTwins(binaryCase({
      ours: () => nn.optimizers.sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }), theirs: () => tf.train.momentum(0.05, 0.9, true),
    }));
    assertAgreement(t, 'sgd nesterov 0.9', r);
  });

  test('with RMSprop (learning rate 0.01, rho 0.9, epsilon 1e-7 inside the root in both)', async (t) => {
    const r = await trainTwins(binaryCase({
      ours: () => nn.optimizers.rmsprop({ learningRate: 0.01 }), theirs: () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7),
    }));
    assertAgreement(t, 'rmsprop', r);
  });

  test('with RMSprop and momentum 0.5', async (t) => {
    const r = await trainTwins(binaryCase({
      ours: () => nn.optimizers.rmsprop({ learningRate: 0.01, momentum: 0.5 }), theirs: () => tf.train.rmsprop(0.01, 0.9, 0.5, 1e-7),
    }));
    assertAgreement(t, 'rmsprop momentum 0.5', r);
  });

  test('with centered RMSprop, matching TF.js given the opposite epsilon sign (see NOTE)', async (t) => {
    // NOTE: Keras 3 (the reference) divides by sqrt(v − a² + ε). TF.js 4.22 computes
    // sqrt(v − (a² + ε)) = sqrt(v − a² − ε): the epsilon is subtracted. Any exactly-zero gradient
    // (a dead relu unit) then gives sqrt(−ε) = NaN on the first step, and TF.js' weights become
    // NaN. TF.js with epsilon −ε computes Keras' formula, so that is what we compare against.
    const ours = () => nn.optimizers.rmsprop({ learningRate: 0.01, centered: true });
    const r = await trainTwins(binaryCase({ ours, theirs: () => tf.train.rmsprop(0.01, 0.9, 0, -1e-7, true) }));
    assertAgreement(t, 'centered rmsprop (TF.js epsilon −1e-7)', r);
    const shipped = await trainTwins(binaryCase({ ours, theirs: () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true) }));
    t.diagnostic(summarize('centered rmsprop (TF.js as shipped, epsilon +1e-7)', shipped));
  });

  // NOTE: Keras 3's Adam folds the bias corrections into the step size and adds ε to sqrt(v):
  //   w −= lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε).
  // TF.js adds ε to the bias-corrected root: w −= lr · m̂ / (√v̂ + ε). The two are equal when TF.js
  // uses ε_t = ε / √(1−β2^t) at step t, so the TF.js twin gets that epsilon before each batch.
  const kerasEpsilon = (epsilon: number) => (optimizer: tf.Optimizer) => {
    // NOTE: TF.js reads the (protected) epsilon field at every step.
    (optimizer as unknown as { epsilon: number }).epsilon = epsilon / Math.sqrt(1 - 0.999 ** (optimizer.iterations + 1));
  };

  test('with Adam, matching TF.js once its epsilon is placed as Keras 3 places it (see NOTE)', async (t) => {
    const ours = () => nn.optimizers.adam({ learningRate: 0.01 });
    const theirs = () => tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    const r = await trainTwins(binaryCase({ ours, theirs, beforeTheirBatch: kerasEpsilon(1e-7) }));
    assertAgreement(t, 'adam (TF.js epsilon placed as Keras)', r);
    const shipped = await trainTwins(binaryCase({ ours, theirs }));
    t.diagnostic(summarize('adam (TF.js as shipped, epsilon 1e-7)', shipped));
  });

  test('with Adam at epsilon 1e-3, where the epsilon placement visibly changes the result', async (t) => {
    const ours = () => nn.optimizers.adam({ learningRate: 0.01, epsilon: 1e-3 });
    const theirs = () => tf.train.adam(0.01, 0.9, 0.999, 1e-3);
    const r = await trainTwins(binaryCase({ ours, theirs, beforeTheirBatch: kerasEpsilon(1e-3) }));
    assertAgreement(t, 'adam epsilon 1e-3 (TF.js epsilon placed as Keras)', r);
    const shipped = await trainTwins(binaryCase({ ours, theirs }));
    t.diagnostic(summarize('adam epsilon 1e-3 (TF.js as shipped)', shipped));
    assert.ok(shipped.maxWeightDifference > 100 * TOLERANCE, 'the TF.js placement should end measurably elsewhere');
  });
});

// Digits, 80% training rows, pixels / 16: 1438 rows → 44 full batches and one of 30.
const digits = prepareSplit('digits', 7, { scale: 16 });
const softmaxCase = (
  loss: 'categorical_crossentropy' | 'sparse_categorical_crossentropy',
  optimizers: Pick<ParityCase, 'ours' | 'theirs'>,
): ParityCase => ({
  features: 64, layers: [{ units: 32, activation: 'relu' }, { units: 10, activation: 'softmax' }], loss,
  x: digits.xTrain.data, rows: digits.xTrain.rows,
  y: loss === 'categorical_crossentropy' ? oneHot(digits.yTrain, 10) : Float32Array.from(digits.yTrain),
  labelCols: loss === 'categorical_crossentropy' ? 10 : 1,
  batchSize: 32, epochs: 1, seed: 5, ...optimizers,
});

describe('a 64 → 32 relu → 10 softmax network trains as in TensorFlow.js', () => {
  for (const loss of ['categorical_crossentropy', 'sparse_categorical_crossentropy'] as const) {
    test(`with ${loss} and SGD`, async (t) => {
      const r = await trainTwins(softmaxCase(loss, { ours: () => nn.optimizers.sgd({ learningRate: 0.1 }), theirs: () => tf.train.sgd(0.1) }));
      assertAgreement(t, `${loss}, sgd`, r);
    });

    test(`with ${loss} and SGD with momentum 0.9`, async (t) => {
      const r = await trainTwins(softmaxCase(loss, {
        ours: () => nn.optimizers.sgd({ learningRate: 0.02, momentum: 0.9 }), theirs: () => tf.train.momentum(0.02, 0.9),
      }));
      assertAgreement(t, `${loss}, sgd momentum 0.9`, r);
    });

    test(`with ${loss} and RMSprop`, async (t) => {
      const r = await trainTwins(softmaxCase(loss, {
        ours: () => nn.optimizers.rmsprop({ learningRate: 0.005 }), theirs: () => tf.train.rmsprop(0.005, 0.9, 0, 1e-7),
      }));
      assertAgreement(t, `${loss}, rmsprop`, r);
    });
  }
});

// The tests above run on the automatic kernel choice; the same training must agree with TF.js
// whichever kernel set nnkit runs on.
describe('the agreement holds on every nnkit kernel backend', () => {
  after(() => setBackend('auto'));
  for (const backend of ['wasm', 'js', 'reference'] as const satisfies readonly BackendName[]) {
    test(`${backend}: binary network with SGD momentum, and softmax network with RMSprop`, async (t) => {
      setBackend(backend);
      assert.equal(backendName(), backend);
      const binary = await trainTwins(binaryCase({
        ours: () => nn.optimizers.sgd({ learningRate: 0.05, momentum: 0.9 }), theirs: () => tf.train.momentum(0.05, 0.9),
      }));
      assertAgreement(t, 'sgd momentum 0.9', binary);
      const softmax = await trainTwins(softmaxCase('categorical_crossentropy', {
        ours: () => nn.optimizers.rmsprop({ learningRate: 0.005 }), theirs: () => tf.train.rmsprop(0.005, 0.9, 0, 1e-7),
      }));
      assertAgreement(t, 'categorical_crossentropy, rmsprop', softmax);
    });
  }
});
