// The column and split checks stay quiet on real tables: the bundled data/*.csv and the public
// tables of ../shared/datasets (README there), split as trainClassifier splits them, over
// several seeds. Their strongest honest columns come close (iris petal length 0.998 between
// versicolor and virginica on some splits, house votes' physician_fee_freeze 0.98, breast
// cancer's worst_perimeter 0.986), digits' pixels are whole numbers 0..16, musk's 166 columns
// whole numbers with repeats, and musk is sorted by class: none is a leak or an identifier.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv, type CsvTable } from '../data/parse-csv.js';
import { libraryHint } from '../data/option-hint.js';
import { inputColumnDiagnostics } from '../doctor/check-input-columns.js';
import { scanInputColumns } from '../doctor/input-columns.js';
import { CLASSIFIER_DEFAULTS } from './classifier-options.js';
import { splitRowCounts } from './split-row-counts.js';
import { splitRows } from './split-rows.js';
import { tableInputColumns } from './table-input-columns.js';
import { trainClassifier } from './train-classifier.js';

const SHARED = new URL('../../../shared/datasets/', import.meta.url);
const BUNDLED = new URL('../../data/', import.meta.url);

interface Listed {
  readonly file: string;
  readonly categorical_columns?: readonly string[];
}

function read(folder: URL, file: string, categorical: readonly string[] = []): CsvTable {
  const columnTypes = Object.fromEntries(categorical.map((name) => [name, 'categorical' as const]));
  return parseCsv(readFileSync(new URL(file, folder), 'utf8'), { target: 'label', columnTypes, file });
}

function tables(): CsvTable[] {
  const listed = JSON.parse(readFileSync(new URL('datasets.json', SHARED), 'utf8')) as Record<string, Listed>;
  return [
    ...['breast_cancer.csv', 'digits.csv', 'iris.csv'].map((file) => read(BUNDLED, file)),
    ...Object.values(listed).map((entry) => read(SHARED, entry.file, entry.categorical_columns)),
  ];
}

/** The column checks' and the split check's findings on one table, split with `seed`. */
function findings(table: CsvTable, seed: number): string[] {
  const target = table.target!;
  const split = splitRows(target, { ...CLASSIFIER_DEFAULTS, seed }, table.file, (name) => name);
  const input = tableInputColumns(table.features, split.train, target.classes, libraryHint);
  const classes = Int32Array.from(split.train, (row) => target.labels[row]);
  const columns = inputColumnDiagnostics(scanInputColumns(input, classes, target.classes.length), input, target.classes.length);
  const rows = splitRowCounts(split, target, { testSplit: 'testSplit', validationSplit: 'validationSplit' });
  return [...columns, ...rows].map((d) => `${table.file} seed ${seed}: ${d.code}: ${d.message}`);
}

test('no target-leakage, identifier-column or too-few-rows on the bundled and public tables, over ten splits', () => {
  const all = tables();
  assert.equal(all.length, 11, 'the three bundled tables and the eight of ../shared/datasets');
  const found = all.flatMap((table) => Array.from({ length: 10 }, (_, seed) => findings(table, seed)).flat());
  assert.deepEqual(found, []);
});

test('the checks do fire on those tables once a leak is added: the label copied, a row number kept', () => {
  const table = read(BUNDLED, 'breast_cancer.csv');
  const labels = Float32Array.from(table.target!.labels);
  const rowNumbers = Float32Array.from(labels.keys(), (i) => i + 1);
  const leaky: CsvTable = {
    ...table,
    features: {
      ...table.features,
      columns: [
        ...table.features.columns,
        { name: 'diagnosis_code', kind: 'numeric', values: labels, missing: 0 },
        { name: 'row', kind: 'numeric', values: rowNumbers, missing: 0 },
      ],
    },
  };
  const codes = findings(leaky, 42).map((line) => line.split(': ')[1]);
  assert.deepEqual(codes, ['identifier-column', 'target-leakage']);
});

test('trainClassifier on the bundled tables reports none of the new warnings', async () => {
  for (const file of ['breast_cancer.csv', 'iris.csv', 'digits.csv']) {
    const classifier = await trainClassifier(read(BUNDLED, file), { epochs: 15 });
    const codes = classifier.trainingRun!.warnings.map((w) => w.code);
    for (const code of ['doctor/target-leakage', 'doctor/identifier-column', 'doctor/too-few-rows', 'doctor/stuck-one-class']) {
      assert.ok(!codes.includes(code), `${file}: ${code} in ${codes.join(', ')}`);
    }
  }
});
