/**
 * Realistic ReportData for the report's tests: made-up scores from a seeded generator, with every
 * curve, matrix and table computed from those same scores by the library's evaluation, so the
 * numbers agree with each other the way a real run's do.
 */
import { expectedCalibrationError } from '../../src/metrics/evaluation/expected-calibration-error.js';
import { reliabilityCurve } from '../../src/metrics/evaluation/reliability-curve.js';
import { Random } from '../../src/random/random.js';
import type { ReportData } from '../../src/report/report-data.js';
import { binaryReportSections } from './binary-report-sections.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A breast-cancer-like binary run: 569 rows, 114 test rows, early stopping after 32 epochs. */
export function binaryReportFixture(overrides: Partial<ReportData> = {}): ReportData {
  const random = new Random(7);
  const labels = [...Array<number>(72).fill(0), ...Array<number>(42).fill(1)];
  const scores = labels.map((label) => sigmoid((label === 1 ? 1.9 : -2.2) + 1.3 * random.normal()));
  const classNames = ['benign', 'malignant'];
  return {
    title: 'breast_cancer.csv → diagnosis',
    task: 'binary',
    data: {
      file: 'data/breast_cancer.csv',
      rows: 569,
      columns: 31,
      target: 'diagnosis',
      classNames,
      classCounts: [357, 212],
      featureNames: ['mean radius', 'mean texture', 'mean perimeter', 'mean area', 'mean smoothness', 'worst concavity'],
      split: { train: 364, validation: 91, test: 114 },
    },
    model: {
      summaryText: kerasSummary(30, [32, 16], 1),
      totalParams: 30 * 32 + 32 + 32 * 16 + 16 + 16 + 1,
      trainableParams: 30 * 32 + 32 + 32 * 16 + 16 + 16 + 1,
      nonTrainableParams: 0,
      optimizer: 'adam (learning_rate 0.001)',
      loss: 'binary_crossentropy',
    },
    training: trainingHistory(new Random(11), 32, 21),
    ...binaryReportSections(labels, scores, classNames),
    warnings: [
      {
        code: 'data/feature-scale',
        severity: 'warning',
        message:
          'Feature "mean area" ranges up to 2501 while "mean smoothness" stays below 0.17.\n' +
          'Unscaled features slow training and can stall it.\nStandardization was applied in the model.',
      },
      { code: 'threshold/tuned', severity: 'info', message: 'The threshold was tuned on validation rows, never on test rows.' },
    ],
    ...overrides,
  };
}

/**
 * A caravan-insurance-like run: 1,964 test rows, 6% positive, every score below about 0.4 (a
 * model that never gets confident), the threshold well under 0.5.
 */
export function imbalancedReportFixture(): ReportData {
  const random = new Random(18);
  const labels = [...Array<number>(1847).fill(0), ...Array<number>(117).fill(1)];
  const scores = labels.map((label) => sigmoid((label === 1 ? -2.4 : -3.5) + 0.7 * random.normal()));
  const classNames = ['noinsurance', 'insurance'];
  const base = binaryReportFixture();
  return {
    ...base,
    title: 'caravan_insurance.csv → label',
    data: {
      file: '../shared/datasets/caravan_insurance.csv',
      rows: 9822,
      columns: 86,
      target: 'label',
      classNames,
      classCounts: [9236, 586],
      featureNames: ['STYPE', 'MAANTHUI', 'MGEMOMV', 'MGEMLEEF', 'MOSHOOFD', 'PPERSAUT', 'APERSAUT'],
      split: { train: 5893, validation: 1965, test: 1964 },
    },
    ...binaryReportSections(labels, scores, classNames),
    warnings: [],
  };
}

/** A 3-class iris-like run (or K classes), with softmax-style probabilities. */
export function multiclassReportFixture(classNames = ['setosa', 'versicolor', 'virginica']): ReportData {
  const random = new Random(3);
  const classes = classNames.length;
  const counts = classNames.map(() => classNames.map(() => 0));
  const ownScores: number[][] = classNames.map(() => []);
  const correct: number[] = [];
  const confidence: number[] = [];
  for (let row = 0; row < 30 * classes; row++) {
    const actual = row % classes;
    const logits = classNames.map((_, k) => (k === actual ? 2.2 : 0) + random.normal() * (actual === 0 ? 0.5 : 1.2));
    const total = logits.reduce((sum, logit) => sum + Math.exp(logit), 0);
    const probabilities = logits.map((logit) => Math.exp(logit) / total);
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    counts[actual][predicted] += 1;
    ownScores[actual].push(probabilities[actual]);
    correct.push(Number(predicted === actual));
    confidence.push(probabilities[predicted]);
  }
  const rows = 30 * classes;
  const bins = reliabilityCurve(correct, confidence);
  return {
    title: 'iris.csv → species',
    createdAt: '2025-01-31T12:00:00Z',
    task: 'multiclass',
    data: {
      file: 'data/iris.csv',
      rows: 5 * rows,
      columns: 5,
      target: 'species',
      classNames,
      classCounts: classNames.map(() => 5 * 30),
      featureNames: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
    },
    model: {
      summaryText: kerasSummary(4, [16], classes),
      totalParams: 4 * 16 + 16 + 16 * classes + classes,
      trainableParams: 4 * 16 + 16 + 16 * classes + classes,
      nonTrainableParams: 0,
    },
    training: trainingHistory(new Random(5), 60, undefined),
    metrics: {
      rows: [{ name: 'accuracy', value: correct.reduce((sum, value) => sum + value, 0) / rows }],
      baselineAccuracy: 1 / classes,
      evaluatedRows: rows,
    },
    confusion: { classNames, counts },
    reliability: {
      meanPredicted: bins.map((bin) => bin.meanPredicted),
      fractionPositive: bins.map((bin) => bin.fractionPositive),
      count: bins.map((bin) => bin.count),
      intervalLower: bins.map((bin) => bin.interval.lower),
      intervalUpper: bins.map((bin) => bin.interval.upper),
      expectedCalibrationError: expectedCalibrationError(correct, confidence).value,
    },
    scores: { classNames, scores: ownScores },
    warnings: [],
  };
}

/** Loss falling towards a floor, validation turning up after `bestEpoch` (overfitting). */
function trainingHistory(random: Random, epochs: number, bestEpoch: number | undefined): NonNullable<ReportData['training']> {
  const turn = bestEpoch ?? epochs;
  const noise = () => 0.006 * random.normal();
  const loss = Array.from({ length: epochs }, (_, e) => 0.06 + 0.6 * Math.exp(-e / 6) + noise());
  const valLoss = Array.from({ length: epochs }, (_, e) => 0.09 + 0.55 * Math.exp(-e / 6) + 0.004 * Math.max(0, e - turn) + noise());
  const accuracy = loss.map((value) => Math.min(1, 1.02 - 0.55 * value + noise()));
  const valAccuracy = valLoss.map((value) => Math.min(1, 1.01 - 0.55 * value + noise()));
  const history = { loss, accuracy, val_loss: valLoss, val_accuracy: valAccuracy };
  if (bestEpoch === undefined) return { history };
  return { history, bestEpoch, stoppedEpoch: epochs - 1, monitor: 'val_loss' };
}

function kerasSummary(inputs: number, hidden: number[], outputs: number): string {
  const units = [...hidden, outputs];
  const lines = ['Model: "sequential"', '┏━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓'];
  lines.push('┃ Layer (type)             ┃ Output Shape       ┃    Param # ┃');
  units.forEach((unit, index) => {
    const fanIn = index === 0 ? inputs : units[index - 1];
    const name = `dense_${index} (Dense)`.padEnd(24);
    lines.push(`│ ${name} │ ${`(None, ${unit})`.padEnd(18)} │ ${String(fanIn * unit + unit).padStart(10)} │`);
  });
  const total = units.reduce((sum, unit, index) => sum + (index === 0 ? inputs : units[index - 1]) * unit + unit, 0);
  lines.push('└──────────────────────────┴────────────────────┴────────────┘', ` Total params: ${total}`);
  return lines.join('\n');
}
