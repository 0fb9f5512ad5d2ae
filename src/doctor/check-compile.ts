import type { Loss } from '../losses/loss.js';
import type { Metric } from '../metrics/metric.js';
import { diagnose, type Diagnostic } from './diagnostic.js';
import type { OutputHead } from './output-head.js';

const PROBABILITY_ACTIVATIONS = new Set(['sigmoid', 'hard_sigmoid', 'softmax']);
const PROBABILITY_LOSSES = new Set([
  'binary_crossentropy', 'binary_focal_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy',
]);
const BINARY_LOSSES = new Set(['binary_crossentropy', 'binary_focal_crossentropy']);
const CATEGORICAL_LOSSES = new Set(['categorical_crossentropy', 'sparse_categorical_crossentropy']);
const REGRESSION_LOSSES = new Set(['mean_squared_error', 'mean_absolute_error', 'hinge']);

type MetricFamily = 'binary' | 'categorical' | 'sparse_categorical' | 'top_k' | 'sparse_top_k' | 'other';

/**
 * Which accuracy a metric computes, from its class name, its configured kind and its name (the
 * registry may rename classes; any of the three identifies the family).
 */
function metricFamily(metric: Metric): { family: MetricFamily; k: number } {
  const config = metric.getConfig();
  const kind = typeof config.config.kind === 'string' ? config.config.kind : '';
  const k = typeof config.config.k === 'number' ? config.config.k : 5;
  const tokens = [`${config.className} ${kind}`, metric.name].map((t) => t.toLowerCase().replace(/[^a-z ]/g, ''));
  for (const token of tokens) {
    const words = token.replace(/ /g, '');
    if (words.includes('sparsetopk')) return { family: 'sparse_top_k', k };
    if (words.includes('topk')) return { family: 'top_k', k };
    if (words.includes('sparsecategorical')) return { family: 'sparse_categorical', k };
    if (words.includes('categoricalaccuracy') || token.endsWith(' categorical')) return { family: 'categorical', k };
    if (words.includes('binaryaccuracy') || token.endsWith(' binary')) return { family: 'binary', k };
  }
  return { family: 'other', k };
}

function checkMetric(metric: Metric, head: OutputHead, loss: Loss): Diagnostic | undefined {
  const { family, k } = metricFamily(metric);
  const units = head.units;
  const name = `'${metric.name}'`;
  const categorical = family !== 'binary' && family !== 'other';
  const fix = 'Compile with metrics: [\'accuracy\'] (it picks binary, categorical or sparse accuracy from the shapes), ' +
    'or name the metric that matches the output and labels.';
  if (categorical && units === 1) {
    return diagnose('metric-not-applicable', 'compile', {
      what: `The metric ${name} ranks classes, but the output has 1 unit.`,
      why: 'The argmax of one unit is always 0, so the metric reports the same value whatever ' +
        'the model learns.',
      fix: `Use 'accuracy' or 'binary_accuracy' (with 'precision', 'recall', 'auc') for a ` +
        `one-unit output. ${fix}`,
    }, { metric: metric.name, units });
  }
  if ((family === 'top_k' || family === 'sparse_top_k') && units !== undefined && k >= units) {
    return diagnose('metric-not-applicable', 'compile', {
      what: `The metric ${name} counts a hit when the true class is in the top ${k}, but the ` +
        `output has only ${units} units.`,
      why: 'Every class is always in the top k, so the metric is 1.0 whatever the model predicts.',
      fix: `Use a k below ${units} (e.g. topKCategoricalAccuracy({ k: ` +
        `${Math.max(1, Math.min(3, units - 1))} })), or plain 'accuracy'.`,
    }, { metric: metric.name, k, units });
  }
  const sparseMetric = family === 'sparse_categorical' || family === 'sparse_top_k';
  if (sparseMetric && loss.name === 'categorical_crossentropy') {
    return diagnose('metric-not-applicable', 'compile', {
      what: `The metric ${name} expects class indices, but categorical_crossentropy is trained ` +
        `on one-hot labels.`,
      why: 'It reads the first one-hot column as the class index, so it compares every ' +
        'prediction against class 0 or 1 and reports a meaningless accuracy.',
      fix: `Use 'categorical_accuracy' (or 'accuracy') with one-hot labels. ${fix}`,
    }, { metric: metric.name, loss: loss.name });
  }
  if ((family === 'categorical' || family === 'top_k') && loss.name === 'sparse_categorical_crossentropy') {
    return diagnose('metric-not-applicable', 'compile', {
      what: `The metric ${name} expects one-hot labels, but sparse_categorical_crossentropy is ` +
        `trained on class indices.`,
      why: 'The argmax of a one-column label is always 0, so the metric counts only the rows ' +
        'predicted as class 0.',
      fix: `Use 'sparse_categorical_accuracy' (or 'accuracy') with class-index labels. ${fix}`,
    }, { metric: metric.name, loss: loss.name });
  }
  if (family === 'binary' && head.activation === 'softmax' && units !== undefined && units > 1) {
    return diagnose('binary-accuracy-on-softmax', 'compile', {
      what: `The metric ${name} thresholds each of the ${units} softmax units on its own.`,
      why: `With one-hot labels most units are 0, so predicting nothing at all already scores ` +
        `about ${((units - 1) / units).toFixed(2)}: the number looks good while the model may ` +
        `not be.`,
      fix: "Use 'accuracy' or 'categorical_accuracy' (sparse_categorical_accuracy for class " +
        "indices) for a softmax output.",
    }, { metric: metric.name, units });
  }
  return undefined;
}

/**
 * The compile-time checks: does the loss fit the output activation and units, and can every
 * metric apply? Returns every finding in order; the caller throws errors and keeps warnings.
 */
export function compileDiagnostics(head: OutputHead, loss: Loss, metrics: readonly Metric[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { activation, units } = head;
  const details = { activation, units, loss: loss.name, fromLogits: loss.fromLogits };
  if (activation === 'softmax' && units === 1) {
    found.push(diagnose('softmax-one-unit', 'compile', {
      what: 'The output layer applies softmax to 1 unit.',
      why: 'Softmax divides each unit by the sum over all units, so one unit always outputs 1.0: ' +
        'every row is predicted positive and the model cannot learn.',
      fix: "For two classes use units: 1 with activation: 'sigmoid' and loss: " +
        "'binary_crossentropy'; for K classes use units: K with softmax.",
    }, details));
  }
  if (CATEGORICAL_LOSSES.has(loss.name) && units === 1) {
    found.push(diagnose('crossentropy-one-unit', 'compile', {
      what: `${loss.name} is compiled with a 1-unit output.`,
      why: 'Categorical cross-entropy compares a distribution over classes and one unit holds a ' +
        'single class, so the loss cannot tell the classes apart and nothing is learned.',
      fix: "For two classes use loss: 'binary_crossentropy' with one sigmoid unit; for K classes " +
        "give the last layer units: K with activation: 'softmax'.",
    }, details));
  }
  const probabilityLoss = PROBABILITY_LOSSES.has(loss.name);
  const probabilityOutput = activation !== undefined && PROBABILITY_ACTIVATIONS.has(activation);
  if (probabilityLoss && !loss.fromLogits && activation !== undefined && !probabilityOutput) {
    const wanted = CATEGORICAL_LOSSES.has(loss.name) ? 'softmax' : 'sigmoid';
    const factory = loss.name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
    found.push(diagnose('output-not-probability', 'compile', {
      what: `${loss.name} expects probabilities, but the output activation is '${activation}', ` +
        `which is not one.`,
      why: 'Outputs outside 0..1 are clipped to [1e-7, 1 - 1e-7] before the log, where the ' +
        'gradient is zero, so training stalls and the scores are not probabilities.',
      fix: `Use activation: '${wanted}' on the last layer, or make it linear and compile with ` +
        `loss: nn.losses.${factory}({ fromLogits: true }).`,
    }, details));
  }
  if (probabilityLoss && loss.fromLogits && probabilityOutput) {
    found.push(diagnose('from-logits-on-probabilities', 'compile', {
      what: `The loss has fromLogits: true, but the output already applies ${activation}.`,
      why: `The loss applies ${activation === 'softmax' ? 'softmax' : 'sigmoid'} a second time, ` +
        `so scores are squashed twice: they crowd together, gradients shrink and the 0.5 ` +
        `threshold no longer means what it says.`,
      fix: "Drop fromLogits (the output is already a probability), or make the last layer " +
        "activation: 'linear' and keep fromLogits: true.",
    }, details));
  }
  if (BINARY_LOSSES.has(loss.name) && activation === 'softmax' && units !== undefined && units > 1) {
    found.push(diagnose('softmax-binary-crossentropy', 'compile', {
      what: `${loss.name} is compiled with a ${units}-unit softmax output.`,
      why: 'Binary cross-entropy scores each unit as an independent yes/no while softmax makes ' +
        'the units compete, so the loss and any binary metric look better than the model is.',
      fix: "For one class per row use loss: 'categorical_crossentropy' (one-hot labels) or " +
        "'sparse_categorical_crossentropy' (class indices); for several labels per row use " +
        "sigmoid units.",
    }, details));
  }
  if (REGRESSION_LOSSES.has(loss.name) && (activation === 'sigmoid' || activation === 'softmax')) {
    const hinge = loss.name === 'hinge';
    found.push(diagnose('regression-loss-on-classifier', 'compile', {
      what: `${loss.name} is compiled with a ${activation} classification output.`,
      why: hinge
        ? 'Hinge expects unbounded scores with labels -1 and 1; a probability never goes below ' +
          '0, so the loss of a negative row never reaches 0 and the decision boundary is ' +
          'distorted.'
        : 'Squared or absolute error on a probability has tiny gradients exactly when the model ' +
          'is confidently wrong, so it learns slowly and its scores are poorly calibrated.',
      fix: activation === 'sigmoid'
        ? "Use loss: 'binary_crossentropy' with the sigmoid output (or keep hinge with a linear " +
          "output)."
        : "Use loss: 'categorical_crossentropy' (one-hot labels) or " +
          "'sparse_categorical_crossentropy' (class indices) with the softmax output.",
    }, details));
  }
  for (const metric of metrics) {
    const finding = checkMetric(metric, head, loss);
    if (finding) found.push(finding);
  }
  return found;
}
