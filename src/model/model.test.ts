// The model's public entry points: 'accuracy' resolved as Keras 3 resolves it, predictClasses,
// and the typed errors every entry point throws for wrong input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binaryData } from '../../test/helpers/toy-data.js';
import { activationNames } from '../activations/activations.js';
import { ConfigError, NnkitError, StateError, type ErrorKind } from '../errors.js';
import type { Dense } from '../layers/dense.js';
import { layers } from '../layers/registry.js';
import { lossNames } from '../losses/get-loss.js';
import { optimizerNames } from '../optimizers/get-optimizer.js';
import type { Model } from './model.js';
import { sequential } from './sequential.js';

/** A one-layer model with weights set by hand. */
function fixedModel(
  inputs: number, units: number, activation: string, kernel: number[], loss: string,
): Model {
  const m = sequential([layers.dense({ units, activation, inputShape: [inputs] })]);
  const dense = m.layers[0] as Dense;
  m.compile({ optimizer: 'sgd', loss, metrics: ['accuracy'] });
  dense.kernel!.value.set(kernel);
  dense.bias!.value.fill(0);
  return m;
}

const IDENTITY_3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
// Rows whose argmax is 0, 1, 2, 1.
const THREE_CLASS_ROWS = [[3, 0, 0], [0, 2, 0], [0, 0, 1], [1, 2, 0]];

/** Asserts `run` throws an nnkit error of `kind` whose message matches every pattern. */
function assertNnkitError(run: () => unknown, kind: ErrorKind, ...patterns: RegExp[]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof NnkitError, `an NnkitError, not ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

async function assertRejectsNnkit(
  run: () => Promise<unknown>, kind: ErrorKind, ...patterns: RegExp[]
): Promise<void> {
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof NnkitError, `an NnkitError, not ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe("'accuracy' resolves as in Keras 3", () => {
  it('to binary accuracy (p > 0.5) for a one-unit sigmoid output', () => {
    // p = sigmoid(x0): predicted classes 1, 0, 1, 0 against labels 1, 1, 1, 0 → 3/4.
    // (A categorical reading would give 1, a sparse one 1/4.)
    const m = fixedModel(2, 1, 'sigmoid', [1, 0], 'binary_crossentropy');
    const scores = m.evaluate([[2, 0], [-1, 0], [0.5, 0], [-3, 0]], [1, 1, 1, 0]);
    assert.equal(scores.accuracy, 0.75);
  });

  it('to categorical accuracy for a softmax output with one-hot labels', () => {
    // Predicted 0, 1, 2, 1 against one-hot 0, 1, 1, 0 → 1/2
    // (a sparse reading of column 0 gives 1/4).
    const m = fixedModel(3, 3, 'softmax', IDENTITY_3, 'categorical_crossentropy');
    const scores = m.evaluate(THREE_CLASS_ROWS, [[1, 0, 0], [0, 1, 0], [0, 1, 0], [1, 0, 0]]);
    assert.equal(scores.accuracy, 0.5);
  });

  it('to sparse categorical accuracy for a softmax output with integer labels', () => {
    const m = fixedModel(3, 3, 'softmax', IDENTITY_3, 'sparse_categorical_crossentropy');
    assert.equal(m.evaluate(THREE_CLASS_ROWS, [0, 1, 1, 1]).accuracy, 0.75);
  });

  it('and is logged as accuracy / val_accuracy during fit', async () => {
    const { x, y } = binaryData(20, 2, 3);
    const m = fixedModel(2, 1, 'sigmoid', [1, 1], 'binary_crossentropy');
    const history = await m.fit(x, y, { epochs: 1, validationSplit: 0.25, verbose: 0 });
    const keys = Object.keys(history.history).sort();
    assert.deepEqual(keys, ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  });
});

describe('predictClasses', () => {
  it('thresholds a one-unit output at 0.5 or the given threshold', () => {
    const m = fixedModel(1, 1, 'sigmoid', [1], 'binary_crossentropy');
    const x = [[2], [0.5], [-1]]; // p ≈ 0.88, 0.62, 0.27
    assert.deepEqual([...m.predictClasses(x)], [1, 1, 0]);
    assert.deepEqual([...m.predictClasses(x, { threshold: 0.7 })], [1, 0, 0]);
  });

  it('applies the sigmoid to logits when the loss is fromLogits', () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    const loss = { className: 'binary_crossentropy' as const, config: { fromLogits: true } };
    m.compile({ optimizer: 'sgd', loss });
    (m.layers[0] as Dense).kernel!.value.set([1]);
    assert.deepEqual([...m.predictClasses([[2], [-0.1]])], [1, 0]);
    const p = m.predictProbabilities([[0]]).data[0];
    assert.equal(p, 0.5);
  });

  it('takes the argmax of a softmax output', () => {
    const m = fixedModel(3, 3, 'softmax', IDENTITY_3, 'categorical_crossentropy');
    assert.deepEqual([...m.predictClasses(THREE_CLASS_ROWS)], [0, 1, 2, 1]);
  });
});

describe('errors', () => {
  const { x, y } = binaryData(8, 3, 4);
  const compiled = () => {
    const m = sequential([
      layers.dense({ units: 2, activation: 'relu', inputShape: [3] }),
      layers.dense({ units: 1, activation: 'sigmoid' }),
    ]);
    m.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
    return m;
  };

  it('fit and evaluate before compile are StateErrors that say to compile', async () => {
    const m = sequential([layers.dense({ units: 1, activation: 'sigmoid', inputShape: [3] })]);
    const saysCompile = (error: unknown) =>
      error instanceof StateError && /compile/.test(error.message);
    await assert.rejects(m.fit(x, y, { verbose: 0 }), saysCompile);
    assert.throws(() => m.evaluate(x, y), StateError);
  });

  it('a wrong feature count names the expected and received counts', async () => {
    const wide = x.map((row) => [...row, 0]);
    assertNnkitError(() => compiled().predict(wide), 'shape', /3/, /4/);
    await assertRejectsNnkit(() => compiled().fit(wide, y, { verbose: 0 }), 'shape', /3/, /4/);
  });

  it('mismatched row counts name both counts', async () => {
    const fewer = y.slice(0, 5);
    await assertRejectsNnkit(() => compiled().fit(x, fewer, { verbose: 0 }), 'shape', /8/, /5/);
    assertNnkitError(() => compiled().evaluate(x.slice(0, 6), y), 'shape', /6/, /8/);
  });

  it('NaN in inputs or labels is a data error naming the row', async () => {
    const holed = x.map((row, i) => (i === 2 ? [row[0], Number.NaN, row[2]] : row));
    const fitHoled = () => compiled().fit(holed, y, { verbose: 0 });
    await assertRejectsNnkit(fitHoled, 'data', /NaN/, /row 2/);
    assertNnkitError(() => compiled().predict(holed), 'data', /NaN/, /row 2/);
    const holedLabels = y.map((v, i) => (i === 5 ? Number.NaN : v));
    await assertRejectsNnkit(() => compiled().fit(x, holedLabels, { verbose: 0 }), 'data', /row 5/);
  });

  it('unknown optimizer, loss and activation names list the known ones', () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [3] })]);
    const listsAll = (names: readonly string[]) => (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      for (const name of names) {
        assert.ok(error.message.includes(name), `lists ${name}: ${error.message}`);
      }
      return true;
    };
    assert.throws(() => m.compile({ optimizer: 'adamax', loss: 'mse' }), listsAll(optimizerNames));
    assert.throws(() => m.compile({ optimizer: 'adam', loss: 'kld' }), listsAll(lossNames));
    assert.throws(() => layers.dense({ units: 1, activation: 'mish' }), listsAll(activationNames));
  });

  it('sampleWeight of the wrong length is a shape error', async () => {
    const fit = () => compiled().fit(x, y, { sampleWeight: [1, 2], verbose: 0 });
    await assertRejectsNnkit(fit, 'shape', /2/, /8/);
  });

  describe('labels that do not fit the loss', () => {
    const rows = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    const oneHot = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    interface LabelCase {
      readonly title: string;
      readonly loss: string;
      readonly units: number;
      readonly labels: number[] | number[][];
      readonly kind: ErrorKind;
      readonly pattern: RegExp;
    }
    const cases: LabelCase[] = [
      {
        title: 'binary_crossentropy with a label 2',
        loss: 'binary_crossentropy', units: 1, labels: [0, 2, 1],
        kind: 'data', pattern: /binary_crossentropy/,
      },
      {
        title: 'binary_focal_crossentropy with a label −1',
        loss: 'binary_focal_crossentropy', units: 1, labels: [0, -1, 1],
        kind: 'data', pattern: /binary_focal_crossentropy/,
      },
      {
        title: 'binary_crossentropy with two label columns for one unit',
        loss: 'binary_crossentropy', units: 1, labels: [[0, 1], [1, 0], [0, 1]],
        kind: 'shape', pattern: /column/,
      },
      {
        title: 'categorical_crossentropy with integer labels',
        loss: 'categorical_crossentropy', units: 3, labels: [0, 1, 2],
        kind: 'shape', pattern: /toCategorical/,
      },
      {
        title: 'categorical_crossentropy with values above 1',
        loss: 'categorical_crossentropy', units: 3, labels: [[2, 0, 0], [0, 1, 0], [0, 0, 1]],
        kind: 'data', pattern: /between 0 and 1/,
      },
      {
        title: 'sparse_categorical_crossentropy with a fractional label',
        loss: 'sparse_categorical_crossentropy', units: 3, labels: [0, 1.5, 2],
        kind: 'data', pattern: /1\.5/,
      },
      {
        title: 'sparse_categorical_crossentropy with a label past the last unit',
        loss: 'sparse_categorical_crossentropy', units: 3, labels: [0, 3, 2],
        kind: 'data', pattern: /0\.\.2/,
      },
      {
        title: 'sparse_categorical_crossentropy with one-hot labels',
        loss: 'sparse_categorical_crossentropy', units: 3, labels: oneHot, kind: 'shape',
        pattern: /categorical_crossentropy/,
      },
      {
        title: 'mean_squared_error with the wrong number of columns',
        loss: 'mean_squared_error', units: 2, labels: [1, 2, 3], kind: 'shape', pattern: /column/,
      },
      {
        title: 'hinge with the wrong number of columns',
        loss: 'hinge', units: 1, labels: [[1, 0], [0, 1], [1, 1]], kind: 'shape', pattern: /column/,
      },
    ];
    const activationFor = (loss: string) =>
      loss.startsWith('binary') ? 'sigmoid' : loss.includes('categorical') ? 'softmax' : 'linear';
    for (const c of cases) {
      it(`${c.title} is a ${c.kind} error, in fit and in evaluate`, async () => {
        const activation = activationFor(c.loss);
        const m = sequential([layers.dense({ units: c.units, activation, inputShape: [3] })]);
        m.compile({ optimizer: 'sgd', loss: c.loss });
        await assertRejectsNnkit(() => m.fit(rows, c.labels, { verbose: 0 }), c.kind, c.pattern);
        assertNnkitError(() => m.evaluate(rows, c.labels), c.kind, c.pattern);
      });
    }
  });
});
