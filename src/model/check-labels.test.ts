import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticError, type DiagnosticCode } from '../doctor/diagnostic.js';
import * as nn from '../index.js';

/** Asserts the promise rejects with the diagnostic `code` and a message that names the fix. */
async function assertDiagnosis(action: Promise<unknown>, code: DiagnosticCode, fix: RegExp): Promise<DiagnosticError> {
  let caught: unknown;
  await action.catch((error: unknown) => (caught = error));
  assert.ok(caught instanceof DiagnosticError, `expected a DiagnosticError but got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.match(caught.message, fix);
  return caught;
}

function classifier(units: number, activation: string, loss: string | nn.Loss): nn.Model {
  const model = nn.sequential([nn.layers.dense({ units: 4, activation: 'relu', inputShape: [2] }), nn.layers.dense({ units, activation })]);
  model.compile({ optimizer: 'adam', loss });
  return model;
}

const x = [[0, 1], [1, 0], [1, 1], [0, 0]];

test('binary labels coded 1 and 2 are an error listing the offending rows and saying to subtract 1', async () => {
  const error = await assertDiagnosis(classifier(1, 'sigmoid', 'binary_crossentropy').fit(x, [1, 2, 2, 1], { verbose: 0 }),
    'binary-labels-out-of-range', /subtract 1/);
  assert.match(error.message, /row 1: 2, row 2: 2/);
  assert.deepEqual(error.diagnostic.details?.rows, [1, 2]);
  assert.equal(error.location.row, 1);
});

test('binary labels coded -1 and 1 are an error that gives the mapping (y + 1) / 2', async () => {
  await assertDiagnosis(classifier(1, 'sigmoid', 'binary_crossentropy').fit(x, [-1, 1, 1, -1], { verbose: 0 }),
    'binary-labels-out-of-range', /\(y \+ 1\) \/ 2/);
});

test('class indices 0..3 given to binary cross-entropy are an error that points to a softmax output', async () => {
  await assertDiagnosis(classifier(1, 'sigmoid', 'binary_crossentropy').fit(x, [0, 1, 2, 3], { verbose: 0 }),
    'binary-labels-out-of-range', /softmax output.*sparse_categorical_crossentropy/);
});

test('fractional binary labels train but warn, and the warning can be silenced for soft labels', async () => {
  const model = classifier(1, 'sigmoid', 'binary_crossentropy');
  const history = await model.fit(x, [0.2, 1, 0.9, 0], { verbose: 0 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'binary-labels-fractional');
  assert.match(warning.message, /row 0: 0\.2/);
  assert.match(warning.fix, /silence/);
  const soft = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })]);
  soft.compile({ optimizer: 'adam', loss: 'binary_crossentropy', silence: ['binary-labels-fractional'] });
  const quiet = await soft.fit(x, [0.2, 1, 0.9, 0], { verbose: 0 });
  assert.equal(quiet.diagnostics.filter((d) => d.code === 'binary-labels-fractional').length, 0);
});

test('one-hot labels given to a sparse loss are an error that names categorical_crossentropy', async () => {
  const oneHot = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]];
  await assertDiagnosis(classifier(3, 'softmax', 'sparse_categorical_crossentropy').fit(x, oneHot, { verbose: 0 }),
    'sparse-labels-one-hot', /loss: 'categorical_crossentropy'/);
});

test('integer labels given to a categorical loss are an error that names toCategorical and the sparse loss', async () => {
  await assertDiagnosis(classifier(3, 'softmax', 'categorical_crossentropy').fit(x, [0, 1, 2, 1], { verbose: 0 }),
    'categorical-labels-integer', /nn\.toCategorical\(y, 3\).*sparse_categorical_crossentropy/);
});

test('class indices past the output units are an error that suggests re-coding or more units', async () => {
  const error = await assertDiagnosis(classifier(3, 'softmax', 'sparse_categorical_crossentropy').fit(x, [1, 2, 3, 3], { verbose: 0 }),
    'sparse-label-range', /subtract 1 if they start at 1/);
  assert.match(error.message, /row 2: 3/);
});

test('one-hot labels outside 0 and 1 are an error', async () => {
  await assertDiagnosis(classifier(3, 'softmax', 'categorical_crossentropy').fit(x, [[2, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]], { verbose: 0 }),
    'categorical-labels-out-of-range', /nn\.toCategorical/);
});

test('labels with fewer rows than x are an error that says to split them together', async () => {
  await assertDiagnosis(classifier(1, 'sigmoid', 'binary_crossentropy').fit(x, [0, 1, 1], { verbose: 0 }),
    'label-row-mismatch', /split them together/);
});

test('labels with the wrong number of columns are an error naming both fixes', async () => {
  await assertDiagnosis(classifier(2, 'sigmoid', 'binary_crossentropy').fit(x, [[0, 1, 1], [1, 0, 0], [0, 0, 1], [1, 1, 0]], { verbose: 0 }),
    'label-columns-mismatch', /Give the last layer 3 units, or pass labels with 2 column/);
});

test('evaluate checks labels the same way, with the evaluate stage', async () => {
  const model = classifier(1, 'sigmoid', 'binary_crossentropy');
  await model.fit(x, [0, 1, 1, 0], { verbose: 0 });
  assert.throws(() => model.evaluate(x, [0, 1, 5, 0], { verbose: 0 }),
    (e: unknown) => e instanceof DiagnosticError && e.code === 'binary-labels-out-of-range' && e.diagnostic.stage === 'evaluate');
});
