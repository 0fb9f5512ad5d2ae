// Fuzzing fit / predict / evaluate with bad input: random shapes, NaN and Infinity, values that
// overflow float32 arithmetic, strings, null, nested garbage and wrong option types. Each call
// must succeed or throw one of nnkit's typed errors; a success must not hide a NaN.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as nn from '../../src/index.js';
import { fuzzParameters, onlyTypedErrors, onlyTypedErrorsAsync, outcomes, summary, type Outcomes } from './fuzz-config.js';

type Setup = 'binary' | 'sparse' | 'categorical' | 'logits' | 'unbuilt';

/** A small compiled model of each kind; `unbuilt` learns its input width from the first fit. */
function makeModel(setup: Setup): nn.Model {
  const first = (units: number, activation: string) =>
    nn.layers.dense({ units, activation, ...(setup === 'unbuilt' ? {} : { inputShape: [3] }) });
  const out = setup === 'binary' || setup === 'unbuilt' ? nn.layers.dense({ units: 1, activation: 'sigmoid' })
    : setup === 'logits' ? nn.layers.dense({ units: 1 })
      : nn.layers.dense({ units: 3, activation: 'softmax' });
  const model = nn.sequential([first(4, 'relu'), out]);
  const loss = setup === 'sparse' ? 'sparse_categorical_crossentropy'
    : setup === 'categorical' ? 'categorical_crossentropy'
      : setup === 'logits' ? nn.losses.binaryCrossentropy({ fromLogits: true }) : 'binary_crossentropy';
  model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'] });
  return model;
}

const extreme = fc.constantFrom(NaN, Infinity, -Infinity, 3e38, -3e38, 1e30, 1e-45, -0, 0, 1, -1);
const numberish = fc.oneof({ weight: 60, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) }, { weight: 1, arbitrary: extreme });
const junk = fc.oneof(fc.constantFrom<unknown>(null, undefined, true, '1', 'abc', [], [1], {}, { length: 3 }), fc.string({ maxLength: 4 }));
const cell = fc.oneof({ weight: 80, arbitrary: numberish }, { weight: 1, arbitrary: junk });

/** Rows of `cols` values, occasionally ragged or holding a non-number. */
const matrix = (rows: number, cols: number) =>
  fc.array(fc.oneof({ weight: 60, arbitrary: fc.array(cell, { minLength: cols, maxLength: cols }) }, { weight: 1, arbitrary: fc.array(cell, { maxLength: 5 }) }),
    { minLength: rows, maxLength: rows });

const features = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }).chain((rows) => matrix(rows, 3)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5 })).chain(([rows, cols]) => matrix(rows, cols)) },
  { weight: 2, arbitrary: fc.tuple(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }), fc.array(numberish, { maxLength: 40 }))
    .map(([shape, values]) => ({ shape, values })) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
).map((x) => (typeof x === 'object' && x !== null && 'shape' in x && 'values' in x && Array.isArray(x.shape)
  ? tensorOrJunk(x.shape as number[], x.values as number[]) : x));

/** A Tensor when the shape fits the values, else the raw pieces (which must be refused). */
function tensorOrJunk(shape: number[], values: number[]): unknown {
  const size = shape.reduce((a, b) => a * b, 1);
  return size === values.length ? nn.tensor(Float32Array.from(values), shape) : { shape, values };
}

const labelValue = fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 4, arbitrary: fc.integer({ min: -1, max: 3 }) }, { weight: 2, arbitrary: numberish }, { weight: 1, arbitrary: junk });
const labels = fc.oneof(
  { weight: 6, arbitrary: fc.array(labelValue, { maxLength: 14 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }).chain((rows) => fc.array(fc.array(labelValue, { minLength: 3, maxLength: 3 }), { minLength: rows, maxLength: rows })) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const optionValue = fc.oneof(fc.constantFrom<unknown>(undefined, null, 0, -1, 1, 2, 0.5, 1.5, 1e12, NaN, Infinity, 'x', '2', true, [], {}), fc.anything({ maxDepth: 1 }));
const fitOptions = fc.record({
  epochs: fc.oneof(fc.constantFrom(1, 2, 3), optionValue.filter((v) => typeof v !== 'number' || !(v > 3))),
  batchSize: fc.oneof(fc.constantFrom(1, 2, 4, 32), optionValue),
  validationSplit: fc.oneof(fc.constantFrom(undefined, 0.25, 0.5), optionValue),
  validationData: fc.oneof(fc.constant(undefined), fc.tuple(features, labels), optionValue),
  shuffle: fc.oneof(fc.boolean(), optionValue),
  classWeight: fc.oneof(fc.constant(undefined), fc.constant({ 0: 1, 1: 2, 2: 1 }), optionValue),
  sampleWeight: fc.oneof(fc.constant(undefined), fc.array(numberish, { maxLength: 14 }), optionValue),
  initialEpoch: fc.oneof(fc.constant(undefined), fc.constantFrom(0, 1), optionValue.filter((v) => typeof v !== 'number' || !(v > 3))),
  callbacks: fc.oneof(fc.constant(undefined), fc.constant([]), fc.array(fc.oneof(optionValue, fc.record({ onEpochEnd: optionValue })), { maxLength: 2 }), optionValue),
}, { requiredKeys: [] }).map((o) => ({ ...o, verbose: 0 as const }));

/** Features and labels, mostly with matching rows so the checks past the shapes get exercised. */
const dataset = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(
  fc.oneof({ weight: 10, arbitrary: matrix(n, 3) }, { weight: 3, arbitrary: features }),
  fc.oneof(
    { weight: 6, arbitrary: fc.array(labelValue, { minLength: n, maxLength: n }) },
    { weight: 3, arbitrary: fc.array(fc.array(labelValue, { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }) },
    { weight: 2, arbitrary: labels },
  ),
));

const inferenceOptions = fc.record({
  batchSize: fc.oneof(fc.constantFrom(1, 3, 1024), optionValue),
  sampleWeight: fc.oneof(fc.constant(undefined), fc.array(numberish, { maxLength: 14 }), optionValue),
  threshold: fc.oneof(fc.constantFrom(0.3, 0.5), optionValue),
  confidence: fc.oneof(fc.constant(undefined), fc.constantFrom(0.9, 0.95), optionValue),
  resamples: fc.oneof(fc.constant(undefined), fc.constantFrom(10, 50), optionValue.filter((v) => typeof v !== 'number' || !(v > 200))),
  seed: fc.oneof(fc.constant(undefined), fc.integer(), optionValue),
}, { requiredKeys: [] }).map((o) => ({ ...o, verbose: 0 as const }));

const setup = fc.constantFrom<Setup>('binary', 'sparse', 'categorical', 'logits', 'unbuilt');

function assertFiniteOutput(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) assert.ok(Number.isFinite(values[i]), `${what} returned ${values[i]} at ${i} without an error`);
}

async function exercise(seen: Outcomes, kind: Setup, x: unknown, y: unknown, options: unknown, inference: Record<string, unknown>): Promise<void> {
  const model = makeModel(kind);
  const history = await onlyTypedErrorsAsync(seen, () => model.fit(x as nn.TensorLike, y as nn.LabelsLike, options as nn.FitOptions));
  if (history) {
    for (const [key, values] of Object.entries(history.history)) {
      if (!values.every(Number.isFinite)) {
        assert.ok(history.diagnostics.some((d) => d.code === 'loss-not-finite'), `history.${key} holds ${values} without a loss-not-finite diagnostic`);
      }
    }
  }
  const predicted = onlyTypedErrors(seen, () => model.predict(x as nn.TensorLike, inference as nn.PredictOptions));
  if (predicted) assertFiniteOutput(predicted.data, 'predict');
  const classes = onlyTypedErrors(seen, () => model.predictClasses(x as nn.TensorLike, inference as nn.PredictOptions));
  if (classes) {
    assert.ok(classes.every((c) => Number.isInteger(c) && c >= 0));
    const threshold = inference.threshold;
    assert.ok(threshold === undefined || (typeof threshold === 'number' && Number.isFinite(threshold)), `a threshold of type ${typeof threshold} was accepted`);
  }
  const scores = onlyTypedErrors(seen, () => model.evaluate(x as nn.TensorLike, y as nn.LabelsLike, inference as nn.EvaluateOptions));
  if (scores) assertFiniteOutput(Object.values(scores), 'evaluate');
}

test('fit, predict and evaluate on random bad input succeed or throw typed errors, never a silent NaN', { timeout: 300_000 }, async (t) => {
  const seen = outcomes();
  await fc.assert(
    fc.asyncProperty(setup, dataset, fitOptions, inferenceOptions, async (kind, [x, y], options, inference) => exercise(seen, kind, x, y, options, inference)),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.accepted > 0 && seen.rejected > 0);
});

test('well-shaped data with extreme values trains, or stops with a diagnosis, or is refused', { timeout: 300_000 }, async (t) => {
  const seen = outcomes();
  const rows = fc.integer({ min: 1, max: 12 });
  const data = rows.chain((n) => fc.tuple(
    fc.array(fc.array(numberish, { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
    fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
  ));
  const optimizer = fc.constantFrom('adam', 'sgd', 'rmsprop');
  const rate = fc.constantFrom(1e-3, 0.1, 10, 1e6);
  await fc.assert(
    fc.asyncProperty(data, optimizer, rate, async ([x, y], name, learningRate) => {
      const model = nn.sequential([nn.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }), nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
      model.compile({ optimizer: { className: name, config: { learningRate } }, loss: 'binary_crossentropy' });
      const history = await onlyTypedErrorsAsync(seen, () => model.fit(x, y, { epochs: 3, batchSize: 2, verbose: 0 }));
      if (history && !history.history.loss.every(Number.isFinite)) {
        assert.ok(history.diagnostics.some((d) => d.code === 'loss-not-finite'));
        assert.ok(model.getWeights().every((w) => w.every(Number.isFinite)), 'the last good weights were not restored');
      }
      const out = onlyTypedErrors(seen, () => model.predict(x, { verbose: 0 }));
      if (out) assertFiniteOutput(out.data, 'predict');
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.accepted > 0);
});

test('compile with random losses, optimizers, metrics and silence lists compiles or fails with a typed error', { timeout: 300_000 }, async (t) => {
  const seen = outcomes();
  const lossName = fc.constantFrom('binary_crossentropy', 'binaryCrossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy', 'mse', 'mae', 'hinge', 'binary_focal_crossentropy', 'toString', '__proto__', '');
  const optimizerName = fc.constantFrom('adam', 'sgd', 'rmsprop', 'adamw', 'adagrad', 'Adam', 'constructor', 'valueOf');
  const metricName = fc.constantFrom('accuracy', 'auc', 'precision', 'recall', 'f1_score', 'top_k_categorical_accuracy', 'binary_accuracy', 'mse', 'hasOwnProperty');
  const config = (name: fc.Arbitrary<string>) => fc.record({ className: fc.oneof(name, optionValue), config: fc.oneof(fc.dictionary(fc.constantFrom('fromLogits', 'labelSmoothing', 'learningRate', 'momentum', 'beta1', 'numThresholds', 'k', 'thresholds', 'name'), optionValue, { maxKeys: 3 }), optionValue) });
  const options = fc.record({
    loss: fc.oneof({ weight: 8, arbitrary: lossName }, { weight: 2, arbitrary: config(lossName) }, { weight: 1, arbitrary: optionValue }),
    optimizer: fc.oneof({ weight: 8, arbitrary: optimizerName }, { weight: 2, arbitrary: config(optimizerName) }, { weight: 1, arbitrary: optionValue }),
    metrics: fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 8, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: metricName }, { weight: 1, arbitrary: config(metricName) }, { weight: 1, arbitrary: optionValue }), { maxLength: 3 }) },
      { weight: 1, arbitrary: optionValue },
    ),
    silence: fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom('unscaled-features', 'overfitting', 'nonfinite-features', 'nope'), { maxLength: 2 }), optionValue),
  }, { requiredKeys: ['loss', 'optimizer'] });
  await fc.assert(
    fc.asyncProperty(setup, options, async (kind, compileOptions) => {
      const model = makeModel(kind);
      const compiled = onlyTypedErrors(seen, () => model.compile(compileOptions as never) ?? true);
      if (!compiled) return;
      const y = kind === 'sparse' ? [0, 1, 2] : kind === 'categorical' ? [[1, 0, 0], [0, 1, 0], [0, 0, 1]] : [0, 1, 1];
      await onlyTypedErrorsAsync(seen, () => model.fit([[0, 1, 2], [1, 0, 1], [2, 2, 0]], y, { epochs: 1, verbose: 0 }));
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.accepted > 0 && seen.rejected > 0);
});
