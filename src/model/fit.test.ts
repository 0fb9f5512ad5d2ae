// fit with Keras 3 semantics: validationSplit (the last rows, floor rounding, before shuffling,
// class weights for training only), validationData, initialEpoch, classWeight / sampleWeight,
// setSeed reproducibility, and callbacks (plain objects, async hooks, early stopping,
// learning-rate reduction, NaN termination) inside a real training loop.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertBitIdentical, assertClose } from '../../test/helpers/close.js';
import { bce, binaryData } from '../../test/helpers/toy-data.js';
import type { Callback, Logs, TrainingModel } from '../callbacks/callback.js';
import { callbacks } from '../callbacks/index.js';
import { ConfigError } from '../errors.js';
import { layers } from '../layers/registry.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { optimizers } from '../optimizers/get-optimizer.js';
import { setSeed } from '../random/random.js';
import { l2 } from '../regularizers/regularizers.js';
import type { Model } from './model.js';
import { sequential } from './sequential.js';

const { x, y } = binaryData(40, 3, 1);

function binaryModel(options: { dropout?: number; optimizer?: string | Optimizer } = {}): Model {
  const m = sequential([
    layers.dense({ units: 4, activation: 'tanh', inputShape: [3] }),
    ...(options.dropout ? [layers.dropout({ rate: options.dropout })] : []),
    layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  const optimizer = options.optimizer ?? 'adam';
  m.compile({ optimizer, loss: 'binary_crossentropy', metrics: ['accuracy'] });
  return m;
}

/** A plain-object callback that keeps each epoch's weights. */
function weightRecorder(): Callback & { weights: Float32Array[][] } {
  let model: TrainingModel | undefined;
  const recorder = {
    weights: [] as Float32Array[][],
    setModel: (m: TrainingModel) => {
      model = m;
    },
    onEpochEnd: () => {
      recorder.weights.push(model!.getWeights());
    },
  };
  return recorder;
}

function assertSameWeights(actual: Float32Array[], expected: Float32Array[], what: string): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((w, i) => assertBitIdentical(w, expected[i], `${what}: weight ${i}`));
}

/** The loss of the first training batch, as reported to onBatchEnd. */
function firstBatchLoss(): Callback & { loss?: number } {
  const probe: Callback & { loss?: number } = {
    onBatchEnd: (_batch: number, logs: Logs) => {
      probe.loss ??= logs.loss;
    },
  };
  return probe;
}

describe('fit: validationSplit', () => {
  it('trains on the first floor(rows·(1 − split)) rows, validates on the last', async () => {
    setSeed(1);
    const m = binaryModel();
    const rows = x.slice(0, 10);
    const labels = y.slice(0, 10);
    const history = await m.fit(rows, labels, { epochs: 2, validationSplit: 0.25, verbose: 0 });
    assert.equal(history.params.samples, 7, 'floor(10 · 0.75) = 7 training rows (Keras floors)');
    const lastRows = m.evaluate(rows.slice(7), labels.slice(7));
    assert.equal(history.history.val_loss[1], lastRows.loss, 'val_loss is the last 3 rows\' loss');
    assert.equal(history.history.val_accuracy[1], lastRows.accuracy);
    const firstRows = m.evaluate(rows.slice(0, 3), labels.slice(0, 3));
    assert.notEqual(history.history.val_loss[1], firstRows.loss);
  });

  it('takes the validation rows before shuffling', async () => {
    setSeed(2);
    const m = binaryModel();
    const options = { epochs: 3, validationSplit: 0.2, shuffle: true, verbose: 0 as const };
    const history = await m.fit(x, y, options);
    assert.equal(history.params.samples, 32);
    assert.equal(history.history.val_loss[2], m.evaluate(x.slice(32), y.slice(32)).loss);
  });

  it('rejects fractions outside (0, 1) and splits that leave no training rows', async () => {
    const tooLarge = () => binaryModel().fit(x, y, { validationSplit: 1.5, verbose: 0 });
    await assert.rejects(tooLarge, ConfigError);
    const oneRow = () =>
      binaryModel().fit(x.slice(0, 1), y.slice(0, 1), { validationSplit: 0.5, verbose: 0 });
    await assert.rejects(oneRow, ConfigError);
  });

  it('applies class weights to the training rows only, as Keras does', async () => {
    setSeed(3);
    const m = binaryModel();
    const classWeight = { 0: 1, 1: 5 };
    const options = { epochs: 1, validationSplit: 0.25, classWeight, verbose: 0 as const };
    const history = await m.fit(x, y, options);
    const unweighted = m.evaluate(x.slice(30), y.slice(30)).loss;
    assert.equal(history.history.val_loss[0], unweighted, 'val_loss is unweighted');
  });
});

describe('fit: validationData', () => {
  it('logs val_ metrics each epoch, equal to evaluate on the same rows', async () => {
    setSeed(4);
    const m = binaryModel();
    const validation = binaryData(12, 3, 99);
    const validationData = [validation.x, validation.y] as const;
    const history = await m.fit(x, y, { epochs: 2, validationData, verbose: 0 });
    const keys = Object.keys(history.history).sort();
    assert.deepEqual(keys, ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    assert.equal(history.history.val_loss.length, 2);
    const scores = m.evaluate(validation.x, validation.y);
    assert.equal(history.history.val_loss[1], scores.loss);
    assert.equal(history.history.val_accuracy[1], scores.accuracy);
  });

  it('weights validation rows by the third element', async () => {
    setSeed(5);
    const m = binaryModel();
    const validation = binaryData(12, 3, 98);
    const weights = validation.y.map((_, i) => 1 + (i % 3));
    const validationData = [validation.x, validation.y, weights] as const;
    const history = await m.fit(x, y, { epochs: 1, validationData, verbose: 0 });
    const weighted = m.evaluate(validation.x, validation.y, { sampleWeight: weights }).loss;
    assert.equal(history.history.val_loss[0], weighted);
  });
});

describe('fit: sample and class weights', () => {
  const rows = x.slice(0, 8);
  const labels = y.slice(0, 8);

  /** The first batch's loss, and the loss expected for row weights w from the initial outputs. */
  async function firstLoss(
    options: { sampleWeight?: number[]; classWeight?: Record<number, number> },
  ): Promise<{ loss: number; expected: (w: number[]) => number }> {
    setSeed(6);
    const m = binaryModel({ optimizer: 'sgd' });
    const p = m.predict(rows).data;
    const probe = firstBatchLoss();
    const fitOptions = { epochs: 1, batchSize: rows.length, shuffle: false, verbose: 0 as const };
    await m.fit(rows, labels, { ...fitOptions, callbacks: [probe], ...options });
    const expected = (w: number[]) =>
      labels.reduce((sum, label, i) => sum + w[i] * bce(p[i], label), 0) / rows.length;
    return { loss: probe.loss!, expected };
  }

  it('sampleWeight scales each row\'s loss: Σ w·loss / rows', async () => {
    const sampleWeight = [1, 2, 0.5, 0, 3, 1, 1, 2];
    const { loss, expected } = await firstLoss({ sampleWeight });
    assertClose(loss, expected(sampleWeight), { rtol: 1e-6 });
    const unweighted = expected(sampleWeight.map(() => 1));
    assert.ok(Math.abs(loss - unweighted) > 1e-3, 'differs from the unweighted loss');
  });

  it('classWeight gives each row its class\'s weight', async () => {
    const classWeight = { 0: 1, 1: 4 };
    const { loss, expected } = await firstLoss({ classWeight });
    assertClose(loss, expected(labels.map((label) => classWeight[label as 0 | 1])), { rtol: 1e-6 });
  });

  it('classWeight trains exactly as the equivalent sampleWeight', async () => {
    const run = async (options: object) => {
      setSeed(7);
      const m = binaryModel();
      const history = await m.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, ...options });
      return { weights: m.getWeights(), history: history.history };
    };
    const byClass = await run({ classWeight: { 0: 0.5, 1: 2 } });
    const bySample = await run({ sampleWeight: y.map((label) => (label === 1 ? 2 : 0.5)) });
    assertSameWeights(byClass.weights, bySample.weights, 'classWeight vs sampleWeight');
    assert.deepEqual(byClass.history, bySample.history);
  });

  it('evaluate weighs rows by sampleWeight', () => {
    setSeed(8);
    const m = binaryModel();
    const p = m.predict(rows).data;
    const weights = [3, 1, 1, 0, 2, 1, 0.5, 1];
    const total = labels.reduce((sum, label, i) => sum + weights[i] * bce(p[i], label), 0);
    const expected = total / rows.length;
    assertClose(m.evaluate(rows, labels, { sampleWeight: weights }).loss, expected, { rtol: 1e-6 });
  });

  it('refuses classWeight and sampleWeight together, and a class without a weight', async () => {
    const both = { classWeight: { 0: 1, 1: 1 }, sampleWeight: y, verbose: 0 as const };
    await assert.rejects(binaryModel().fit(x, y, both), ConfigError);
    const missingClass = { classWeight: { 0: 1 }, verbose: 0 as const };
    await assert.rejects(binaryModel().fit(x, y, missingClass), ConfigError);
  });
});

describe('fit: the logged loss', () => {
  it('is the mean of batch losses with regularization, weighted by batch size', async () => {
    // NOTE: as Keras' loss tracker computes it.
    setSeed(10);
    const m = sequential([
      layers.dense({ units: 4, activation: 'tanh', inputShape: [3], kernelRegularizer: l2(0.1) }),
      layers.dense({ units: 1, activation: 'sigmoid' }),
    ]);
    m.compile({ optimizer: optimizers.sgd({ learningRate: 0.5 }), loss: 'binary_crossentropy' });
    const batches: { loss: number; size: number }[] = [];
    const history = await m.fit(x, y, {
      epochs: 1, batchSize: 16, shuffle: false, verbose: 0,
      callbacks: [{ onBatchEnd: (_batch, { loss, size }) => void batches.push({ loss, size }) }],
    });
    assert.deepEqual(batches.map((b) => b.size), [16, 16, 8]);
    const expected = batches.reduce((s, b) => s + b.size * b.loss, 0) / x.length;
    assertClose(history.history.loss[0], expected, { rtol: 1e-12 });
  });
});

describe('fit: reproducibility and epochs', () => {
  async function seededRun(seed: number) {
    setSeed(seed);
    const m = binaryModel({ dropout: 0.3 });
    const options = { epochs: 3, batchSize: 8, validationSplit: 0.2, verbose: 0 as const };
    const history = await m.fit(x, y, options);
    return { weights: m.getWeights(), history: history.history };
  }

  it('setSeed makes two runs bit-identical: initialization, shuffling and dropout', async () => {
    const first = await seededRun(42);
    const second = await seededRun(42);
    assertSameWeights(second.weights, first.weights, 'same seed');
    assert.deepEqual(second.history, first.history);
    const other = await seededRun(43);
    assert.notDeepEqual(other.weights, first.weights, 'another seed gives other weights');
  });

  it('initialEpoch starts the epoch count there and runs up to epochs', async () => {
    const seen: number[] = [];
    const history = await binaryModel().fit(x, y, {
      epochs: 5, initialEpoch: 3, verbose: 0,
      callbacks: [{ onEpochBegin: (epoch) => void seen.push(epoch) }],
    });
    assert.deepEqual(history.epoch, [3, 4]);
    assert.equal(history.history.loss.length, 2);
    assert.deepEqual(seen, [3, 4]);
  });
});

describe('fit: callbacks', () => {
  it('accepts plain objects and awaits async hooks in order', async () => {
    const events: string[] = [];
    const pause = () => new Promise((resolve) => setTimeout(resolve, 2));
    const hooks: Callback = {
      onTrainBegin: async () => {
        await pause();
        events.push('train begin');
      },
      onEpochBegin: (epoch) => void events.push(`epoch ${epoch} begin`),
      onBatchEnd: async (batch, logs) => {
        await pause();
        assert.equal(typeof logs.loss, 'number');
        events.push(`batch ${batch} end`);
      },
      onEpochEnd: async (epoch, logs) => {
        await pause();
        events.push(`epoch ${epoch} end, loss ${typeof logs.loss}`);
      },
      onTrainEnd: async () => {
        await pause();
        events.push('train end');
      },
    };
    const options = { epochs: 2, batchSize: 8, verbose: 0 as const };
    const fitOptions = { ...options, callbacks: [callbacks.lambda(hooks)] };
    await binaryModel().fit(x.slice(0, 16), y.slice(0, 16), fitOptions);
    assert.deepEqual(events, [
      'train begin',
      'epoch 0 begin', 'batch 0 end', 'batch 1 end', 'epoch 0 end, loss number',
      'epoch 1 begin', 'batch 0 end', 'batch 1 end', 'epoch 1 end, loss number',
      'train end',
    ]);
  });

  it('earlyStopping restores the best weights when later epochs are worse', async () => {
    // Validation labels are the opposite of the training labels: the better the model fits
    // the training rows, the worse its validation loss, so epoch 0 is the best.
    setSeed(9);
    const m = binaryModel({ optimizer: optimizers.sgd({ learningRate: 0.5 }) });
    const recorder = weightRecorder();
    const stopper = callbacks.earlyStopping({ patience: 2, restoreBestWeights: true });
    const history = await m.fit(x, y, {
      epochs: 20, batchSize: 40, shuffle: false, verbose: 0,
      validationData: [x, y.map((label) => 1 - label)], callbacks: [recorder, stopper],
    });
    const valLoss = history.history.val_loss;
    const worse = valLoss[1] > valLoss[0] && valLoss[2] > valLoss[1];
    assert.ok(worse, `later epochs are worse: ${valLoss.join(', ')}`);
    assert.equal(valLoss.length, 3, 'stopped after patience epochs without improvement');
    assertSameWeights(m.getWeights(), recorder.weights[0], 'restored weights');
    assert.notDeepEqual(m.getWeights(), recorder.weights[2]);
  });

  it('earlyStopping restores a best epoch in the middle of training', async () => {
    const script = [0.5, 0.3, 0.4, 0.45, 0.1, 0.1];
    const scripted: Callback = { onEpochEnd: (epoch, logs) => void (logs.score = script[epoch]) };
    const recorder = weightRecorder();
    const m = binaryModel();
    const history = await m.fit(x, y, {
      epochs: script.length, verbose: 0,
      callbacks: [
        scripted, recorder,
        callbacks.earlyStopping({
          monitor: 'score', mode: 'min', patience: 2, restoreBestWeights: true,
        }),
      ],
    });
    assert.deepEqual(history.history.score, [0.5, 0.3, 0.4, 0.45]);
    assertSameWeights(m.getWeights(), recorder.weights[1], 'weights of epoch 1');
  });

  it('reduceLROnPlateau lowers the optimizer\'s rate and logs learning_rate', async () => {
    const m = binaryModel({ optimizer: optimizers.sgd({ learningRate: 0.1 }) });
    // minDelta 10: no epoch ever counts as an improvement after the first.
    const reducer = callbacks.reduceLROnPlateau({
      monitor: 'loss', patience: 1, factor: 0.5, minDelta: 10,
    });
    const history = await m.fit(x, y, { epochs: 3, verbose: 0, callbacks: [reducer] });
    assert.deepEqual(history.history.learning_rate, [0.1, 0.1, 0.05]);
    assert.equal(m.optimizer!.learningRate, 0.025);
  });

  it('terminateOnNaN stops training in the batch where the loss stops being finite', async () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [3] })]);
    m.compile({ optimizer: optimizers.sgd({ learningRate: 1e20 }), loss: 'mean_squared_error' });
    const terminate = callbacks.terminateOnNaN();
    const log = console.log;
    console.log = () => {};
    let history;
    try {
      const options = { epochs: 3, batchSize: 1, shuffle: false, verbose: 0 as const };
      history = await m.fit(x, y.map(() => 1e3), { ...options, callbacks: [terminate] });
    } finally {
      console.log = log;
    }
    const batch = terminate.terminatedAtBatch;
    assert.ok(batch !== undefined && batch < x.length, 'stopped within the first epoch');
    assert.deepEqual(history.epoch, [0]);
  });
});
