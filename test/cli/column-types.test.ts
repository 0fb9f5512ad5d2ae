import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATA, FIXTURES, runCli, temporaryFolder, type CliOutcome } from './run-cli.js';

// column-types.csv: customer_id (an identifier), zip (codes written as digits), score (numbers
// with "n/a" and "unknown" in 30% of the rows), plan (one level, "legacy-gold", in a single
// row) and the target churned.
const FILE = join(FIXTURES, 'column-types.csv');
const LIBRARY_WORDS = /columnTypes|maxCategories|minFrequency|decimal: /;

describe('nnkit train takes column types, ignored columns and the category policy as flags', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let inferred: CliOutcome;
  let declared: CliOutcome;
  let model: string;
  before(async () => {
    folder = await temporaryFolder();
    model = join(folder.path, 'declared');
    // NOTE: one network (not --ensemble auto's ten) keeps this test of the column flags quick.
    const common = ['--epochs', '30', '--ensemble', '1', '--quiet'];
    inferred = await runCli(['train', FILE, '--out', join(folder.path, 'inferred'), ...common]);
    declared = await runCli([
      'train', FILE, '--out', model, '--ignore', 'customer_id', '--column-type', 'zip=categorical',
      '--column-type', 'score=categorical', '--max-categories', '4', ...common,
    ]);
  });
  after(() => folder.remove());

  test('inferred types: every surprise is named, with flags a CLI user can type', () => {
    assert.equal(inferred.code, 0, inferred.stderr);
    assert.match(inferred.stdout, /warning {2}Column "score" was read as categorical \(\d+ distinct values\), but \d+ of its 200 values are numbers, the others text such as "n\/a"\. If it holds numbers, fix the text values or mark them missing and declare --column-type score=numeric; if it holds categories, declare --column-type score=categorical to silence this warning\./);
    assert.match(inferred.stdout, /Column "customer_id" has 120 distinct values in 120 training rows \(it looks like an identifier: consider ignoring it, --ignore customer_id\)/);
    assert.match(inferred.stdout, /info {5}Categories seen in fewer than 3 training rows share their column's "<other>" one-hot column instead of one each: .*"plan" 1 \("legacy-gold"\)\. --min-frequency 1 gives every category its own column\./);
    assert.doesNotMatch(inferred.stdout, LIBRARY_WORDS);
  });

  test('declared types are used and silence the warnings they answer', async () => {
    assert.equal(declared.code, 0, declared.stderr);
    assert.doesNotMatch(declared.stdout, /read as categorical|"customer_id"/);
    assert.match(declared.stdout, /Column "zip" has 6 distinct values in 120 training rows; the 4 most frequent get their own column \(--max-categories 6 keeps all 6 seen in at least 3 rows\) and the rest share "zip=<other>"\./);
    assert.doesNotMatch(declared.stdout, LIBRARY_WORDS);
    const summary = await runCli(['summary', '--model', model]);
    assert.match(summary.stdout, /zip\s+categorical\s+one-hot over 4 \("\d{5}"/);
    assert.doesNotMatch(summary.stdout, /^\s+customer_id\s/m);
    assert.match(summary.stdout, /ignored columns: "customer_id"/);
    assert.match(summary.stdout, /categories: a one-hot column each when seen in at least 3 training rows, at most 4 per column/);
  });

  test('predict takes files that still hold the ignored column, and reads zip as categories', async () => {
    const predicted = await runCli(['predict', '--model', model, join(FIXTURES, 'column-types-new.csv')]);
    assert.equal(predicted.code, 0, predicted.stderr);
    assert.equal(predicted.stdout.trimEnd().split('\n').length, 4);
    assert.doesNotMatch(predicted.stderr, /customer_id/);
  });

  test('--min-frequency 1 gives the one-row plan its own column', async () => {
    const kept = await runCli(['train', FILE, '--out', join(folder.path, 'kept'), '--ignore', 'customer_id,score', '--min-frequency', '1', '--epochs', '2', '--quiet']);
    assert.equal(kept.code, 0, kept.stderr);
    const summary = await runCli(['summary', '--model', join(folder.path, 'kept'), '--json']);
    assert.ok(JSON.parse(summary.stdout).featureNames.includes('plan=legacy-gold'));
  });

  test('errors about column types name the flags', async () => {
    const out = ['--out', join(folder.path, 'never')];
    const unknown = await runCli(['train', FILE, '--column-type', 'zpi=categorical', ...out]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^nnkit train: .*column-types\.csv has no column "zpi", which --column-type zpi=categorical names .* its columns are "customer_id", "zip"/);
    const target = await runCli(['train', FILE, '--column-type', 'churned=numeric', ...out]);
    assert.equal(target.code, 1);
    assert.match(target.stderr, /--column-type churned=numeric names the target column/);
    const text = await runCli(['train', join(FIXTURES, 'text-in-numeric.csv'), ...out]);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /declare it: --column-type texture=categorical\.$/m);
    assert.doesNotMatch(unknown.stderr + target.stderr + text.stderr, LIBRARY_WORDS);
  });

  test('mistyped flags are usage errors (exit 2) saying what is accepted', async () => {
    const out = ['--out', join(folder.path, 'never')];
    const cases: [string[], RegExp][] = [
      [['--column-type', 'zip'], /--column-type takes a column and a type, name=numeric\|categorical\|boolean\|ignore .* but is "zip"/],
      [['--column-type', 'zip=text'], /but is "zip=text"/],
      [['--ignore', 'id,,x'], /--ignore takes column names separated by commas .* but is "id,,x"/],
      [['--ignore', 'zip', '--column-type', 'zip=numeric'], /gives column "zip" the type ignore, but another flag gave it numeric/],
      [['--max-categories', '0'], /--max-categories must be a whole number of 1 or more but is "0"/],
      [['--min-frequency', 'two'], /--min-frequency must be a whole number of 1 or more but is "two"/],
    ];
    for (const [flags, pattern] of cases) {
      const outcome = await runCli(['train', join(DATA, 'iris.csv'), ...flags, ...out]);
      assert.equal(outcome.code, 2, flags.join(' '));
      assert.match(outcome.stderr, pattern);
    }
  });
});
