// Training on a file read in chunks: with every row in the shuffle buffer it is today's fit, bit
// for bit; trainClassifierFile trains a classifier that loads and predicts; mistakes are named.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBitIdentical } from '../../test/helpers/close.js';
import { loadClassifier } from '../classifier/load-classifier.js';
import { mlpClassifier } from '../classifier/mlp-classifier.js';
import { trainClassifierStream } from '../classifier/train-classifier-stream.js';
import { TableScan } from '../data/table-scan.js';
import { ConfigError } from '../errors.js';
import type { Model } from '../model/model.js';
import { Random, setSeed } from '../random/random.js';
import { readCsv } from './read-csv.js';
import { readCsvBatches } from './read-csv-batches.js';
import { trainClassifierFile, type StreamPassProgress } from './train-classifier-file.js';

let folder: string;
let file: string;
/** The same kind of data, with more distinct ages than a first pass counts (see TableScan). */
let longer: string;

function customers(rows: number): string {
  const random = new Random(11);
  const lines = ['age,plan,visits,churned'];
  for (let row = 0; row < rows; row++) {
    const age = 20 + 50 * random.uniform();
    const plan = ['basic', 'pro', 'team'][random.int(3)];
    const visits = random.uniform() < 0.05 ? '' : String(random.int(30));
    const churn = (age - 45) / 10 - (plan === 'team' ? 1 : 0) + 0.5 * random.normal() > 0;
    lines.push(`${age.toFixed(2)},${plan},${visits},${churn ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'nnkit-stream-'));
  file = join(folder, 'customers.csv');
  longer = join(folder, 'more-customers.csv');
  await writeFile(file, customers(700));
  await writeFile(longer, customers(2500));
});
after(() => rm(folder, { recursive: true, force: true }));

function weights(model: Model): Float32Array {
  return Float32Array.from(model.getWeights().flatMap((w) => [...w]));
}

describe('training on a file in chunks', () => {
  it('with every row in the shuffle buffer, gives the weights of fit on the file in memory, bit for bit', async () => {
    const scan = new TableScan({ exclude: ['churned'] });
    for await (const batch of readCsvBatches(file, { batchSize: 128 })) scan.add(batch);
    const preprocessor = scan.preprocessor();
    const table = await readCsv(file, { target: 'churned' });
    const classes = table.target!.classes;
    const build = () => {
      setSeed(3);
      const { model, loss } = mlpClassifier({ features: preprocessor.numFeatures, classes: 2, hidden: [16, 8], dropout: 0.2 });
      model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'] });
      return model;
    };
    const inMemory = build();
    const options = { epochs: 3, batchSize: 32, verbose: 0 as const };
    const expected = await inMemory.fit(preprocessor.transform(table.features).x, table.target!.labels, options);

    const streamed = build();
    const chunks = async function* () {
      for await (const batch of readCsvBatches(file, { batchSize: 128 })) {
        const labels = Int32Array.from(batch.columns[batch.names.indexOf('churned')], (label) => classes.indexOf(label));
        yield { xs: preprocessor.transformRaw(batch, { extraColumns: 'ignore' }).x, ys: labels };
      }
    };
    const history = await streamed.fitDataset(chunks, { ...options, shuffleBuffer: 1000 });
    assertBitIdentical(weights(streamed), weights(inMemory), 'weights');
    assert.deepEqual(history.history, expected.history);
  });

  it('trainClassifierFile trains over chunks and saves a classifier that loads and predicts', async () => {
    const passes: StreamPassProgress[] = [];
    const options = { target: 'churned', chunkRows: 50, shuffleBuffer: 200, epochs: 20, hidden: [8] };
    const classifier = await trainClassifierFile(file, { ...options, onPassProgress: (progress) => passes.push(progress) });
    const size = (await stat(file)).size;
    const seen = passes.map(({ pass, bytesRead, totalBytes, rows }) => [pass, bytesRead, totalBytes, rows]);
    assert.deepEqual(seen, [['scan', size, size, 700], ['score', size, size, 700]], 'the first and last passes: one chunk of bytes, 14 chunks of rows');
    assert.deepEqual(classifier.pipeline.split, { train: 450, validation: 150, test: 100, seed: 42 });
    assert.equal(classifier.pipeline.data.delimiter, ',');
    const run = classifier.trainingRun!;
    assert.ok(run.test.task === 'binary' && (run.test.evaluation.rocAuc ?? 0) > 0.85, 'learns the rule');
    const loaded = await loadClassifier(classifier.toBytes());
    assert.deepEqual(loaded.predict([{ age: 68, plan: 'basic', visits: 3 }, { age: 22, plan: 'team', visits: 3 }]), ['yes', 'no']);
  });

  it('reads its first pass from the bytes and the later ones typed, and trains what raw text passes train, bit for bit', async () => {
    const options = { target: 'churned', shuffleBuffer: 200, epochs: 2, hidden: [8], delimiter: ',', decimal: '.' as const, file: longer };
    const typed = await trainClassifierFile(longer, { ...options, chunkRows: 100 });
    const passes: string[] = [];
    const raw = await trainClassifierStream((reading) => {
      passes.push(reading === undefined ? 'first' : Object.entries(reading.columnTypes).join(' '));
      return readCsvBatches(longer, { batchSize: 100 });
    }, options);
    assert.equal(passes[0], 'first');
    assert.equal(passes[1], 'age,numeric plan,categorical visits,numeric');
    assert.deepEqual(typed.pipeline.preprocessor, raw.pipeline.preprocessor);
    assertBitIdentical(weights(typed.model), weights(raw.model), 'weights');
    assert.equal(typed.threshold, raw.threshold);
    assert.deepEqual(typed.trainingRun!.history.history, raw.trainingRun!.history.history);
  });

  it('names the chunk size when it is not a whole number of rows, or too large to split', async () => {
    await assert.rejects(trainClassifierFile(file, { chunkRows: 0 }), (error: unknown) => error instanceof ConfigError && /chunkRows should be a positive whole number of rows, e\.g\. 10000, but got 0/.test(error.message));
    await assert.rejects(
      trainClassifierFile(file, { target: 'churned', chunkRows: 200 }),
      (error: unknown) => error instanceof ConfigError && /was read as 4 chunks of rows, .* needs at least 5; read it in smaller chunks/.test(error.message),
    );
    await assert.rejects(trainClassifierFile(file, { target: 'churned', chunkRows: 50, calibrate: 'sigmoid' }), /calibrate needs the rows in memory/);
  });
});
