import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { logisticBaseline } from '../classifier/logistic-baseline.js';
import { trainClassifier } from '../classifier/train-classifier.js';
import { parseCsv } from '../data/parse-csv.js';
import { formatResults } from './format-results.js';

test('binary results print the majority and, when trained, the logistic-regression baseline', async () => {
  const table = parseCsv(readFileSync('test/fixtures/cli/customers.csv', 'utf8'), { target: 'churned' });
  const options = { epochs: 10, hidden: [8], seed: 4 };
  const clf = await trainClassifier(table, options);
  const lr = await logisticBaseline(table, clf, options);
  const run = clf.trainingRun!;
  const without = formatResults(run.test, clf.classNames, 'Test results').join('\n');
  const lines = formatResults(run.test, clf.classNames, 'Test results', lr!.trainingRun!.test).join('\n');
  assert.match(without, /^Baselines on the same \d+ rows:$/m);
  assert.match(without, /^ {2}majority \(always "no"\)\s+n\/a\s+0\.\d{4}\s+0\.0000\s+0\.5000$/m);
  assert.doesNotMatch(without, /logistic regression/);
  assert.match(lines, /^Baselines on the same \d+ rows \(the logistic regression: this pipeline with --hidden none, trained the same way\):$/m);
  assert.match(lines, /^ {2}logistic regression \(threshold 0\.\d{4}\)\s+\d\.\d{4}\s+0\.\d{4}\s+\d\.\d{4}\s+\d\.\d{4}$/m);
});
