// nnkit as a benchmark peer: the public API as a user calls it (sequential, compile, fit,
// predict) through the Node entry, which `import 'nnkit'` gives in Node (with the kernels' worker
// threads), on the backend chosen by name ('auto' is the default a user gets).
import * as nn from '../../src/node/index.js';
import type { Dataset } from '../dataset.js';
import { stopwatch, type Peer } from '../measure.js';
import { FEATURES, LEARNING_RATE, MODELS, PREDICT_BATCH, type ModelName } from '../workload.js';

const SEED = 42;
/** Rows the predicting model is trained on first. */
const FIT_ROWS = 2048;

function buildModel(name: ModelName): nn.Sequential {
  nn.setSeed(SEED);
  const hidden = MODELS[name].map((units, index) => nn.layers.dense(
    index === 0
      ? { units, activation: 'relu', inputShape: [FEATURES] }
      : { units, activation: 'relu' },
  ));
  const model = nn.sequential([...hidden, nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
  const optimizer = nn.optimizers.adam({ learningRate: LEARNING_RATE });
  model.compile({ optimizer, loss: 'binary_crossentropy' });
  return model;
}

export function nnkitPeer(backend: nn.BackendChoice, data: Dataset): Peer {
  nn.setBackend(backend);
  const x = nn.tensor(data.x, [data.rows, FEATURES]);
  const y = nn.tensor(data.y, [data.rows, 1]);
  return {
    version: `nnkit (${nn.backendName()} kernels: ${nn.kernels().description ?? 'no description'})`,
    trainer(name, batch) {
      const model = buildModel(name);
      return async (rows) => {
        const xs = x.sliceRows(0, rows);
        const ys = y.sliceRows(0, rows);
        const elapsed = stopwatch();
        const options = { epochs: 1, batchSize: batch, shuffle: false, verbose: 0 } as const;
        const history = await model.fit(xs, ys, options);
        const time = elapsed();
        return { ...time, loss: history.history.loss[0] };
      };
    },
    predictor(name) {
      const model = buildModel(name);
      // NOTE: a user predicts with a trained model, and only a trained model has the training
      // ranges that predict checks every input against (the doctor's drift check): a short fit
      // first, so that check is timed too. The other peers' predict does not depend on training.
      let trained: Promise<unknown> | undefined;
      return async (rows) => {
        trained ??= model.fit(x.sliceRows(0, FIT_ROWS), y.sliceRows(0, FIT_ROWS), {
          epochs: 1, batchSize: 256, shuffle: false, verbose: 0,
        });
        await trained;
        const xs = x.sliceRows(0, rows);
        const elapsed = stopwatch();
        const out = model.predict(xs, { batchSize: PREDICT_BATCH, verbose: 0 });
        const time = elapsed();
        if (out.data.length !== rows) {
          throw new Error(`nnkit predicted ${out.data.length} values for ${rows} rows.`);
        }
        return time;
      };
    },
  };
}
