/**
 * Realistic ReportData for the report's tests: made-up scores from a seeded generator, with every
 * curve, matrix and table computed from those same scores, so the numbers agree with each other
 * the way a real run's do (the ROC point at the threshold matches the confusion matrix, ...).
 */
import { Random } from '../../src/random/random.js';
import type { ReportData } from '../../src/report/report-data.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** A made-up but plausible interval around a value, inside [0, 1]. */
const around = (value: number, width: number): [number, number] => [Math.max(0, value - width), Math.min(1, value + width / 2)];

/** A breast-cancer-like binary run: 569 rows, 114 test rows, early stopping after 32 epochs. */
export function binaryReportFixture(overrides: Partial<ReportData> = {}): ReportData {
  const random = new Random(7);
  const labels = [...Array<number>(72).fill(0), ...Array<number>(42).fill(1)];
  const scores = labels.map((label) => sigmoid((label === 1 ? 1.9 : -2.2) + 1.3 * random.normal()));
  const positives = 42;
  const negatives = 72;
  // Threshold sweep on a 0.01 grid; the chosen threshold maximizes F1 (score > threshold is positive).
  const grid = Array.from({ length: 99 }, (_, index) => (index + 1) / 100);
  const counts = (threshold: number) => {
    let tp = 0;
    let fp = 0;
    scores.forEach((score, index) => {
      if (score > threshold) labels[index] === 1 ? tp++ : fp++;
    });
    return { tp, fp, fn: positives - tp, tn: negatives - fp };
  };
  const sweep = grid.map((threshold) => {
    const { tp, fp, fn } = counts(threshold);
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { threshold, precision, recall, f1 };
  });
  const chosen = sweep.reduce((best, row) => (row.f1 > best.f1 ? row : best));
  const atChosen = counts(chosen.threshold);
  // ROC and PR in scikit-learn's form, from the distinct scores in decreasing order.
  const order = scores.map((score, index) => ({ score, label: labels[index] })).sort((a, b) => b.score - a.score);
  const fpr = [0];
  const tpr = [0];
  const rocThresholds = [Infinity];
  const precisionCurve: number[] = [];
  const recallCurve: number[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach(({ score, label }, index) => {
    label === 1 ? tp++ : fp++;
    if (index + 1 < order.length && order[index + 1].score === score) return;
    fpr.push(fp / negatives);
    tpr.push(tp / positives);
    rocThresholds.push(score);
    precisionCurve.push(tp / (tp + fp));
    recallCurve.push(tp / positives);
  });
  let auc = 0;
  for (let index = 1; index < fpr.length; index++) {
    auc += ((fpr[index] - fpr[index - 1]) * (tpr[index] + tpr[index - 1])) / 2;
  }
  let averagePrecision = 0;
  recallCurve.forEach((recall, index) => {
    averagePrecision += (recall - (index === 0 ? 0 : recallCurve[index - 1])) * precisionCurve[index];
  });
  // Reliability: 10 equal-width bins of the predicted probability.
  const bins = Array.from({ length: 10 }, () => ({ sum: 0, positives: 0, count: 0 }));
  scores.forEach((score, index) => {
    const bin = bins[Math.min(9, Math.floor(score * 10))];
    bin.sum += score;
    bin.positives += labels[index];
    bin.count += 1;
  });
  const expectedCalibrationError = bins.reduce(
    (sum, bin) => (bin.count === 0 ? sum : sum + (bin.count / scores.length) * Math.abs(bin.sum / bin.count - bin.positives / bin.count)),
    0,
  );
  const accuracy = (atChosen.tp + atChosen.tn) / scores.length;
  const precision = atChosen.tp / (atChosen.tp + atChosen.fp);
  const recall = atChosen.tp / positives;
  const logLoss = -scores.reduce((sum, score, index) => sum + Math.log(labels[index] === 1 ? score : 1 - score), 0) / scores.length;
  return {
    title: 'breast_cancer.csv → diagnosis',
    task: 'binary',
    data: {
      file: 'data/breast_cancer.csv',
      rows: 569,
      columns: 31,
      target: 'diagnosis',
      classNames: ['benign', 'malignant'],
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
    metrics: {
      rows: [
        { name: 'loss', value: logLoss },
        { name: 'accuracy', value: accuracy, ci: around(accuracy, 0.04) },
        { name: 'precision', value: precision, ci: around(precision, 0.07) },
        { name: 'recall', value: recall, ci: around(recall, 0.08) },
        { name: 'F1', value: chosen.f1, ci: around(chosen.f1, 0.06) },
        { name: 'ROC-AUC', value: auc, ci: around(auc, 0.02) },
      ],
      baselineAccuracy: negatives / scores.length,
      evaluatedRows: scores.length,
      confidenceLevel: 0.95,
      ciMethod: 'bootstrap, 1000 resamples, seed 42',
    },
    roc: { fpr, tpr, thresholds: rocThresholds, auc },
    pr: {
      precision: [...precisionCurve].reverse().concat(1),
      recall: [...recallCurve].reverse().concat(0),
      thresholds: rocThresholds.slice(1).reverse(),
      averagePrecision,
      prevalence: positives / scores.length,
    },
    confusion: {
      classNames: ['benign', 'malignant'],
      counts: [[atChosen.tn, atChosen.fp], [atChosen.fn, atChosen.tp]],
      threshold: chosen.threshold,
    },
    thresholdSweep: {
      thresholds: grid,
      precision: sweep.map((row) => row.precision),
      recall: sweep.map((row) => row.recall),
      f1: sweep.map((row) => row.f1),
      chosen: chosen.threshold,
      rule: 'max F1 on validation rows',
    },
    reliability: {
      meanPredicted: bins.map((bin) => (bin.count === 0 ? 0 : bin.sum / bin.count)),
      fractionPositive: bins.map((bin) => (bin.count === 0 ? 0 : bin.positives / bin.count)),
      count: bins.map((bin) => bin.count),
      expectedCalibrationError,
    },
    scores: {
      classNames: ['benign', 'malignant'],
      scores: [scores.filter((_, index) => labels[index] === 0), scores.filter((_, index) => labels[index] === 1)],
    },
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

/** A 3-class iris-like run (or K classes), with softmax-style probabilities. */
export function multiclassReportFixture(classNames = ['setosa', 'versicolor', 'virginica']): ReportData {
  const random = new Random(3);
  const classes = classNames.length;
  const counts = classNames.map(() => classNames.map(() => 0));
  const ownScores: number[][] = classNames.map(() => []);
  const bins = Array.from({ length: 10 }, () => ({ sum: 0, correct: 0, count: 0 }));
  for (let row = 0; row < 30 * classes; row++) {
    const actual = row % classes;
    const logits = classNames.map((_, k) => (k === actual ? 2.2 : 0) + random.normal() * (actual === 0 ? 0.5 : 1.2));
    const total = logits.reduce((sum, logit) => sum + Math.exp(logit), 0);
    const probabilities = logits.map((logit) => Math.exp(logit) / total);
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    counts[actual][predicted] += 1;
    ownScores[actual].push(probabilities[actual]);
    const bin = bins[Math.min(9, Math.floor(probabilities[predicted] * 10))];
    bin.sum += probabilities[predicted];
    bin.correct += Number(predicted === actual);
    bin.count += 1;
  }
  const rows = 30 * classes;
  const correct = counts.reduce((sum, row, k) => sum + row[k], 0);
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
      rows: [{ name: 'accuracy', value: correct / rows }],
      baselineAccuracy: 1 / classes,
      evaluatedRows: rows,
    },
    confusion: { classNames, counts },
    reliability: {
      meanPredicted: bins.map((bin) => (bin.count === 0 ? 0 : bin.sum / bin.count)),
      fractionPositive: bins.map((bin) => (bin.count === 0 ? 0 : bin.correct / bin.count)),
      count: bins.map((bin) => bin.count),
      expectedCalibrationError: bins.reduce(
        (sum, bin) => (bin.count === 0 ? sum : sum + (bin.count / rows) * Math.abs((bin.sum - bin.correct) / bin.count)),
        0,
      ),
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
