import '../../test/browser/worker-bundle.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { prepareSplit } from '../../test/learning/datasets.js';
import * as nn from './index.js';
import { globalRandom } from '../random/random.js';

const data = prepareSplit('breast_cancer', 3);
const pool = nn.worker();
after(() => pool.terminate());

function network(): nn.Model {
  const model = nn.sequential([
    nn.layers.dense({ units: 16, activation: 'relu' }),
    nn.layers.dropout({ rate: 0.2 }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy', 'auc'] });
  return model;
}

const bits = (values: Float32Array) => Array.from(new Uint32Array(Float32Array.from(values).buffer));
const weightBits = (model: nn.Model) => model.getWeights().map(bits);

/** The callbacks and options of a fit that exercises early stopping, the plateau and shuffling. */
function fitOptions(events: string[]): nn.FitOptions {
  return {
    epochs: 6, batchSize: 64, validationSplit: 0.2, verbose: 0 as const,
    callbacks: [
      nn.callbacks.earlyStopping({ patience: 2, restoreBestWeights: true }),
      nn.callbacks.reduceLROnPlateau({ patience: 1, factor: 0.5 }),
      {
        onEpochEnd: (epoch: number, logs: nn.Logs) => void events.push(`epoch ${epoch} ${JSON.stringify(logs)}`),
        onBatchEnd: (batch: number, logs: nn.Logs) => void events.push(`batch ${batch} ${JSON.stringify(logs)}`),
      },
    ],
  };
}

describe('nn.worker() in a Node worker thread', () => {
  test('fit, fit again, predict and evaluate equal the in-thread calls bit for bit', async () => {
    nn.setSeed(7);
    const local = network();
    const localEvents: string[] = [];
    const localHistory = await local.fit(data.xTrain, data.yTrain, fitOptions(localEvents));
    const localAgain = await local.fit(data.xTrain, data.yTrain, { epochs: 2, verbose: 0 });
    const localRandom = globalRandom.state();

    nn.setSeed(7);
    const remote = network();
    const remoteEvents: string[] = [];
    const remoteHistory = await pool.fit(remote, data.xTrain, data.yTrain, fitOptions(remoteEvents));
    const remoteAgain = await pool.fit(remote, data.xTrain, data.yTrain, { epochs: 2, verbose: 0 });

    assert.deepEqual(remoteHistory.history, localHistory.history);
    assert.deepEqual(remoteHistory.epoch, localHistory.epoch);
    assert.deepEqual(remoteHistory.params, localHistory.params);
    assert.deepEqual(remoteAgain.history, localAgain.history);
    assert.deepEqual(weightBits(remote), weightBits(local));
    assert.equal(remote.optimizer!.iterations, local.optimizer!.iterations);
    assert.equal(remote.optimizer!.learningRate, local.optimizer!.learningRate);
    assert.deepEqual(globalRandom.state(), localRandom);
    assert.deepEqual(remoteEvents, localEvents);
    // The Keras logs: per batch the running loss and metrics, per epoch with val_ and the learning rate.
    assert.match(remoteEvents[0], /^batch 0 \{"loss":[0-9.]+,"size":64\}$/);
    assert.match(remoteEvents.find((e) => e.startsWith('epoch 0'))!, /"val_loss":.*"learning_rate":/);

    const probabilities = await pool.predict(remote, data.xTest);
    assert.deepEqual(bits(probabilities.data), bits(local.predict(data.xTest).data));
    assert.deepEqual(await pool.evaluate(remote, data.xTest, data.yTest), local.evaluate(data.xTest, data.yTest));
  });

  test('trainClassifier in the worker equals the in-thread pipeline: weights, history, predictions', async () => {
    const table = nn.data.parseCsv(readFileSync('data/breast_cancer.csv', 'utf8'), { target: 'label' });
    const options = { hidden: [8], epochs: 8, patience: 3, seed: 5, verbose: 0 as const };
    const local = await nn.trainClassifier(table, options);
    const plans: number[] = [];
    const remote = await pool.trainClassifier(table, { ...options, onPlan: (plan) => void plans.push(plan.rows.train) });
    assert.deepEqual(weightBits(remote.model), weightBits(local.model));
    assert.deepEqual(remote.trainingRun!.history.history, local.trainingRun!.history.history);
    assert.equal(remote.trainingRun!.bestEpoch, local.trainingRun!.bestEpoch);
    assert.equal(remote.model.threshold, local.model.threshold);
    assert.deepEqual(plans, [local.trainingRun!.split.train.length]);
    const rows = table.features;
    assert.deepEqual(bits(remote.predictProbabilities(rows).data), bits(local.predictProbabilities(rows).data));
  });

  test('an aborted fit rejects with the signal reason and leaves the model as before, still usable', async () => {
    const model = network();
    await pool.fit(model, data.xTrain, data.yTrain, { epochs: 1, verbose: 0 });
    const before = weightBits(model);
    const iterations = model.optimizer!.iterations;
    const controller = new AbortController();
    const abortAfterFirstEpoch = { onEpochEnd: () => controller.abort() };
    await assert.rejects(
      pool.fit(model, data.xTrain, data.yTrain, { epochs: 50, verbose: 0, callbacks: [abortAfterFirstEpoch], signal: controller.signal }),
      { name: 'AbortError' },
    );
    assert.deepEqual(weightBits(model), before);
    assert.equal(model.optimizer!.iterations, iterations);
    // The worker dropped the job and takes the next one; the model trains on.
    const history = await pool.fit(model, data.xTrain, data.yTrain, { epochs: 1, verbose: 0 });
    assert.equal(history.epoch.length, 1);
    assert.notDeepEqual(weightBits(model), before);
  });

  test("kernelThreadStats leaves the caller's random state as it was", async () => {
    nn.setSeed(11);
    await pool.fit(network(), data.xTrain, data.yTrain, { epochs: 1, verbose: 0 });
    nn.setSeed(12);
    const before = globalRandom.state();
    await pool.kernelThreadStats();
    assert.deepEqual(globalRandom.state(), before);
  });

  test("a caller's callback that sets stopTraining stops the worker; errors keep their class", async () => {
    const model = network();
    let seen: nn.TrainingModel | undefined;
    const stopper: nn.Callback = { setModel: (m) => void (seen = m), onEpochEnd: () => void (seen!.stopTraining = true) };
    const history = await pool.fit(model, data.xTrain, data.yTrain, { epochs: 30, verbose: 0, callbacks: [stopper] });
    assert.equal(seen, model);
    assert.ok(history.epoch.length < 30, `ran ${history.epoch.length} epochs`);
    const uncompiled = nn.sequential([nn.layers.dense({ units: 1, inputShape: [30] })]);
    await assert.rejects(pool.fit(uncompiled, data.xTrain, data.yTrain), nn.StateError);
    // Thrown in the worker (fit checks its epochs there), rethrown here with its class and code.
    await assert.rejects(
      pool.fit(network(), data.xTrain, data.yTrain, { epochs: 0 }),
      (error: unknown) => error instanceof nn.ConfigError && error.code === 'config/epochs',
    );
    await assert.rejects(
      pool.fit(network(), data.xTrain, data.yTrain, { callbacks: [nn.callbacks.modelCheckpoint({ filepath: 'x' })] }),
      (error: unknown) => error instanceof nn.ConfigError && error.code === 'config/worker-callback',
    );
  });
});
