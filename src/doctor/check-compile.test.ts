import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { DiagnosticError, type DiagnosticCode } from './diagnostic.js';

/** Asserts `action` throws the diagnostic `code` with a message that names the fix. */
function assertDiagnosis(action: () => unknown, code: DiagnosticCode, fix: RegExp): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof DiagnosticError, `expected a DiagnosticError but got ${String(error)}`);
    assert.ok(error instanceof nn.NnkitError);
    assert.equal(error.code, code);
    assert.equal(error.diagnostic.severity, 'error');
    assert.match(error.message, fix);
    assert.match(error.diagnostic.fix, fix);
    return true;
  });
}

function warningsOf(model: nn.Model, code: DiagnosticCode) {
  return model.diagnostics.filter((d) => d.code === code);
}

const binaryHead = (activation: string, units = 1) =>
  nn.sequential([nn.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }), nn.layers.dense({ units, activation })]);

test('softmax on a one-unit output is an error that points to sigmoid (Keras #6327)', () => {
  const model = binaryHead('softmax');
  assertDiagnosis(() => model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' }), 'softmax-one-unit', /activation: 'sigmoid'/);
  assert.equal(model.compiled, undefined, 'a failed compile leaves the model uncompiled');
});

test('softmax on one unit is found before the model is built (Sequential without inputShape)', () => {
  const model = nn.sequential([nn.layers.dense({ units: 8 }), nn.layers.dense({ units: 1 }), nn.layers.activation({ activation: 'softmax' })]);
  assertDiagnosis(() => model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' }), 'softmax-one-unit', /sigmoid/);
});

test('categorical or sparse cross-entropy on a one-unit output is an error that points to binary cross-entropy', () => {
  for (const loss of ['categorical_crossentropy', 'sparseCategoricalCrossentropy']) {
    assertDiagnosis(() => binaryHead('sigmoid').compile({ optimizer: 'adam', loss }), 'crossentropy-one-unit', /loss: 'binary_crossentropy'/);
  }
});

test('binary cross-entropy on a linear, relu or tanh output is an error that suggests sigmoid or fromLogits', () => {
  for (const activation of ['linear', 'relu', 'tanh']) {
    const model = binaryHead(activation);
    assertDiagnosis(() => model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' }), 'output-not-probability', /fromLogits: true/);
    assert.equal(model.compiled, undefined);
  }
  assertDiagnosis(() => binaryHead('linear', 3).compile({ optimizer: 'adam', loss: 'categorical_crossentropy' }), 'output-not-probability', /'softmax'/);
});

test('fromLogits on a sigmoid output is an error that says to drop it or make the layer linear', () => {
  const loss = nn.losses.binaryCrossentropy({ fromLogits: true });
  assertDiagnosis(() => binaryHead('sigmoid').compile({ optimizer: 'adam', loss }), 'from-logits-on-probabilities', /Drop fromLogits.*activation: 'linear'/);
});

test('a linear output with fromLogits, and sigmoid with binary cross-entropy, raise nothing', () => {
  const logits = binaryHead('linear');
  logits.compile({ optimizer: 'adam', loss: nn.losses.binaryCrossentropy({ fromLogits: true }), metrics: ['accuracy', 'auc'] });
  const probabilities = binaryHead('sigmoid');
  probabilities.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy', 'precision', 'recall'] });
  const classes = binaryHead('softmax', 10);
  classes.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy', 'sparse_top_k_categorical_accuracy'] });
  assert.deepEqual([...logits.diagnostics, ...probabilities.diagnostics, ...classes.diagnostics], []);
});

test('softmax with binary cross-entropy on several units warns and suggests categorical cross-entropy', () => {
  const model = binaryHead('softmax', 10);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const [warning] = warningsOf(model, 'softmax-binary-crossentropy');
  assert.equal(warning.severity, 'warning');
  assert.match(warning.fix, /'categorical_crossentropy'.*'sparse_categorical_crossentropy'/);
});

test('mean squared error or hinge on a sigmoid output warns and suggests binary cross-entropy', () => {
  for (const loss of ['mse', 'hinge']) {
    const model = binaryHead('sigmoid');
    model.compile({ optimizer: 'adam', loss });
    const [warning] = warningsOf(model, 'regression-loss-on-classifier');
    assert.ok(warning, `no warning for ${loss}`);
    assert.match(warning.message, /loss: 'binary_crossentropy'/);
  }
  const hingeOnLinear = binaryHead('linear');
  hingeOnLinear.compile({ optimizer: 'adam', loss: 'hinge' });
  assert.deepEqual(hingeOnLinear.diagnostics, [], 'hinge on a linear output is the intended use');
});

test('a metric that cannot apply to the output is an error naming the right metric', () => {
  assertDiagnosis(
    () => binaryHead('sigmoid').compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['categorical_accuracy'] }),
    'metric-not-applicable', /'accuracy' or 'binary_accuracy'/);
  assertDiagnosis(
    () => binaryHead('softmax', 3).compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['top_k_categorical_accuracy'] }),
    'metric-not-applicable', /k below 3/);
  assertDiagnosis(
    () => binaryHead('softmax', 10).compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['sparse_categorical_accuracy'] }),
    'metric-not-applicable', /'categorical_accuracy'/);
  assertDiagnosis(
    () => binaryHead('softmax', 10).compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['categorical_accuracy'] }),
    'metric-not-applicable', /'sparse_categorical_accuracy'/);
});

test('binary accuracy on a softmax output warns that it thresholds each unit', () => {
  const model = binaryHead('softmax', 10);
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['binary_accuracy'] });
  const [warning] = warningsOf(model, 'binary-accuracy-on-softmax');
  assert.match(warning.message, /about 0\.90/);
  assert.match(warning.fix, /'categorical_accuracy'/);
});

test('compile({ silence }) lets a silenced error through and keeps the code on the saved model', () => {
  const model = binaryHead('sigmoid');
  model.compile({ optimizer: 'adam', loss: 'mse', silence: ['regression-loss-on-classifier'] });
  assert.deepEqual(model.diagnostics, []);
  assert.deepEqual(model.doctor.silence, ['regression-loss-on-classifier']);
  assert.deepEqual(model.doctor.state()?.silence, ['regression-loss-on-classifier']);
  const forced = binaryHead('linear');
  forced.compile({ optimizer: 'adam', loss: 'binary_crossentropy', silence: ['output-not-probability'] });
  assert.ok(forced.compiled);
});

test('compile({ silence }) refuses unknown codes and codes that cannot be silenced', () => {
  assert.throws(() => binaryHead('sigmoid').compile({ optimizer: 'adam', loss: 'mse', silence: ['softmax-one-units' as DiagnosticCode] }),
    (e: unknown) => e instanceof nn.ConfigError && /not a diagnostic code/.test(e.message));
  assert.throws(() => binaryHead('sigmoid').compile({ optimizer: 'adam', loss: 'mse', silence: ['nonfinite-features'] }),
    (e: unknown) => e instanceof nn.ConfigError && /cannot be silenced/.test(e.message));
  assert.throws(() => binaryHead('sigmoid').compile({ optimizer: 'adam', loss: 'mse', silence: 'unscaled-features' as never }),
    (e: unknown) => e instanceof nn.ConfigError && e.code === 'config/silence');
});

test('a new compile replaces the warnings of the last one', () => {
  const model = binaryHead('sigmoid');
  model.compile({ optimizer: 'adam', loss: 'mse' });
  assert.equal(model.diagnostics.length, 1);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
  assert.deepEqual(model.diagnostics, []);
});
