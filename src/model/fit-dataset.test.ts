// model.fitDataset: a source of { xs, ys } chunks, a seeded shuffle buffer, validation from
// held-out chunks or its own source, and the invariant that with every row in the buffer the
// weights are those of fit, bit for bit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertBitIdentical } from '../../test/helpers/close.js';
import { binaryData } from '../../test/helpers/toy-data.js';
import type { DataBatch } from '../data/batch-source.js';
import { ConfigError } from '../errors.js';
import { layers } from '../layers/registry.js';
import { setSeed } from '../random/random.js';
import type { Model } from './model.js';
import { sequential } from './sequential.js';

const { x, y } = binaryData(203, 3, 4);

function binaryModel(): Model {
  const m = sequential([
    layers.dense({ units: 8, activation: 'relu', inputShape: [3] }),
    layers.dropout({ rate: 0.3 }),
    layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  m.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  return m;
}

/** The rows from..to of x and y in chunks of `size`, as an async generator. */
async function* chunks(size: number, from = 0, to = x.length): AsyncGenerator<DataBatch> {
  for (let start = from; start < to; start += size) {
    const end = Math.min(to, start + size);
    yield { xs: x.slice(start, end), ys: y.slice(start, end) };
  }
}

function flat(m: Model): Float32Array {
  return Float32Array.from(m.getWeights().flatMap((w) => [...w]));
}

describe('fitDataset', () => {
  it('with every row in the shuffle buffer, trains to the weights of fit bit for bit', async () => {
    setSeed(5);
    const inMemory = binaryModel();
    const expected = await inMemory.fit(x, y, { epochs: 3, batchSize: 16, verbose: 0 });
    for (const source of [() => chunks(37), chunks(50)]) {
      setSeed(5);
      const streamed = binaryModel();
      const history = await streamed.fitDataset(source, { epochs: 3, batchSize: 16, verbose: 0, shuffleBuffer: 1000 });
      assertBitIdentical(flat(streamed), flat(inMemory), 'weights');
      assert.deepEqual(history.history, expected.history);
      assert.deepEqual(history.params, expected.params);
    }
  });

  it('shuffles windows of shuffleBuffer rows by the seed, every row once per epoch', async () => {
    const run = async (seed: number) => {
      setSeed(seed);
      const m = binaryModel();
      const sizes: number[] = [];
      await m.fitDataset(() => chunks(20), {
        epochs: 2, batchSize: 16, verbose: 0, shuffleBuffer: 50,
        callbacks: [{ onBatchEnd: (_b, logs) => void sizes.push(logs.size) }],
      });
      return { weights: flat(m), sizes };
    };
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    assertBitIdentical(b.weights, a.weights, 'same seed');
    assert.notDeepEqual(c.weights, a.weights);
    // Only the epoch's last batch is short: rows left in a window join the next one.
    assert.equal(a.sizes.reduce((s, n) => s + n, 0), 2 * x.length);
    const epoch = [...new Array(12).fill(16), 203 - 12 * 16];
    assert.deepEqual(a.sizes, [...epoch, ...epoch]);
  });

  it('holds out a share of the chunks for validation, or scores validationData', async () => {
    setSeed(3);
    const m = binaryModel();
    const sizes: number[] = [];
    // 11 chunks of 20 rows (the last of 3): 0.2 holds out chunks 4 and 9.
    const history = await m.fitDataset(() => chunks(20), {
      epochs: 2, batchSize: 1000, verbose: 0, shuffleBuffer: 60, validationSplit: 0.2,
      callbacks: [{ onBatchEnd: (_b, logs) => void sizes.push(logs.size) }],
    });
    assert.equal(sizes.reduce((s, n) => s + n, 0), 2 * (x.length - 40));
    assert.equal(history.history.val_loss.length, 2);
    const rows = [...x.slice(80, 100), ...x.slice(180, 200)];
    const labels = [...y.slice(80, 100), ...y.slice(180, 200)];
    const evaluated = m.evaluate(rows, labels, { batchSize: 20 });
    assert.ok(Math.abs(history.history.val_loss[1] - evaluated.loss) < 1e-6, `${history.history.val_loss[1]} vs ${evaluated.loss}`);

    const scored = await m.fitDataset(() => chunks(25, 0, 150), { epochs: 1, verbose: 0, validationData: () => chunks(25, 150) });
    assert.equal(typeof scored.history.val_accuracy[0], 'number');
  });

  it('asks for a function when a generator must be read again', async () => {
    setSeed(1);
    await assert.rejects(
      binaryModel().fitDataset(chunks(20), { epochs: 2, verbose: 0, shuffleBuffer: 50 }),
      (error: unknown) => error instanceof ConfigError && /function that returns a new generator/.test(error.message),
    );
    await assert.rejects(binaryModel().fitDataset(42 as never), ConfigError);
  });
});
