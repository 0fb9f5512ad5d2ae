// What fit's column checks (target leakage, identifiers) cost next to one epoch, on the
// classifier's path: a table of 100,000 rows × 32 numeric columns, the checks over its training
// rows in raw file order, against one epoch of the classifier's default MLP (32-16, dropout 0.2,
// batch 32, adam) on the same rows. Prints the median of 5 rounds of each and their ratio.
//
//   npx tsx bench/doctor-columns.ts            (about a minute)
//   npx tsx bench/doctor-columns.ts --classes 10
import { parseArgs } from 'node:util';
import { mlpClassifier } from '../src/classifier/mlp-classifier.js';
import { tableInputColumns } from '../src/classifier/table-input-columns.js';
import { libraryHint } from '../src/data/option-hint.js';
import type { Table } from '../src/data/table.js';
import { inputColumnDiagnostics } from '../src/doctor/check-input-columns.js';
import { scanInputColumns } from '../src/doctor/input-columns.js';
import { Random } from '../src/random/random.js';
import { Tensor } from '../src/tensor/tensor.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, classes: { type: 'string', default: '2' } } });
const rows = Number(values.rows);
const classCount = Number(values.classes);
const cols = 32;
const random = new Random(1);
const labels = Int32Array.from({ length: rows }, () => random.int(classCount));
const columns = Array.from({ length: cols }, (_, j) => ({
  name: `x${j}`, kind: 'numeric' as const, missing: 0,
  values: Float32Array.from(labels, (label) => (j < 4 ? 0.5 * label : 0) + random.normal()),
}));
const table: Table = { rows, columns };
const train = Int32Array.from({ length: rows }, (_, i) => i);
random.shuffle(train);
const classes = Int32Array.from(train, (row) => labels[row]);
const x = new Tensor(Float32Array.from({ length: rows * cols }, (_, k) => columns[k % cols].values[train[Math.floor(k / cols)]]), [rows, cols]);

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const checks: number[] = [];
const epochs: number[] = [];
for (let round = 0; round < 5; round++) {
  const start = performance.now();
  const input = tableInputColumns(table, train, [], libraryHint);
  inputColumnDiagnostics(scanInputColumns(input, classes, classCount), input, classCount);
  checks.push(performance.now() - start);
  const { model, loss } = mlpClassifier({ features: cols, classes: classCount, hidden: [32, 16], dropout: 0.2 });
  model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'], silence: ['target-leakage', 'identifier-column'] });
  let begin = 0;
  const timer = { onEpochBegin: () => void (begin = performance.now()), onEpochEnd: () => void epochs.push(performance.now() - begin) };
  await model.fit(x, classes, { epochs: 1, batchSize: 32, verbose: 0, callbacks: [timer] });
}
const c = median(checks);
const e = median(epochs);
console.log(`${rows} rows × ${cols} columns, ${classCount} classes: column checks ${c.toFixed(0)} ms, ` +
  `one epoch ${e.toFixed(0)} ms (median of 5): ${(100 * c / e).toFixed(1)}% of an epoch.`);
