/**
 * What `nnkit train` does, as a library call: one object that holds the preprocessing fitted on
 * the training rows, the model and its tuned threshold, takes raw rows and saves to bytes.
 * Run: npx tsx examples/pipeline.ts
 * (A Node application imports from 'nnkit', which resolves to the Node entry; the example imports
 * that entry's source so it runs unbuilt. In a browser the same code runs from 'nnkit' without
 * the folder save.)
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as nn from '../src/node/index.js';

// The CSV as text (a fetch, an upload or a file), read into typed columns; `label` is the target.
const text = await readFile(new URL('../data/breast_cancer.csv', import.meta.url), 'utf8');
const table = nn.data.parseCsv(text, { target: 'label', file: 'breast_cancer.csv' });

// Split stratified into train / validation / test, fit the preprocessing on the training rows,
// train with early stopping on val_loss, tune the threshold for F1 on the validation rows, test.
const clf = await nn.trainClassifier(table, { hidden: [32, 16], threshold: 'f1', seed: 42 });
const run = clf.trainingRun!;
console.log(`trained ${run.history.epoch.length} epochs, weights from epoch ${run.bestEpoch + 1}`);
console.log(`threshold ${clf.threshold.toFixed(4)}: ${run.threshold!.rule}`);
if (run.test.task === 'binary') {
  const e = run.test.evaluation;
  const ci = run.test.intervals.accuracy!;
  console.log(`test accuracy ${e.accuracy.toFixed(4)} [${ci.lower.toFixed(4)}, ${ci.upper.toFixed(4)}], ` +
    `ROC-AUC ${e.rocAuc!.toFixed(4)}, majority baseline ${e.baseline.accuracy.toFixed(4)}`);
}
for (const warning of run.warnings) console.log(`${warning.severity}: ${warning.message}`);

// Raw rows in, class names out: objects by column name, as an application holds them.
const [header, ...lines] = text.trimEnd().split('\n');
const names = header.split(',');
const rows = lines.slice(0, 3).map((line) => Object.fromEntries(line.split(',').map((cell, c) => [names[c], Number(cell)])));
console.log(`classes of the first rows: ${clf.predict(rows).join(', ')}`);
console.log(`probabilities: ${Array.from(clf.predictProbabilities(rows).data, (p) => p.toFixed(3)).join(', ')}`);

// One self-describing blob, in any runtime; and a folder in Node (what `nnkit predict --model` reads).
const bytes = clf.toBytes();
const fromBytes = await nn.loadClassifier(bytes);
const folder = await mkdtemp(join(tmpdir(), 'nnkit-example-'));
await clf.save(join(folder, 'breast-cancer'));
const fromFolder = await nn.loadClassifier(join(folder, 'breast-cancer'));
await rm(folder, { recursive: true, force: true });
const expected = clf.predictProbabilities(table).data;
const same = (other: nn.Classifier) => other.predictProbabilities(table).data.every((p, i) => p === expected[i]);
console.log(`${bytes.length} bytes; the same predictions after loading: ${same(fromBytes) && same(fromFolder)}`);
