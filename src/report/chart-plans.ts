import type { TopLevelSpec } from 'vega-lite';
import type { ReportData } from './report-data.js';
import { calibrationPanelSpecs } from './charts/calibration-panels.js';
import { confusionMatrixSpec } from './charts/confusion-matrix.js';
import { importanceSpec } from './charts/importance.js';
import { learningCurvesSpecs } from './charts/learning-curves.js';
import { operatingPoint } from './charts/operating-point.js';
import { prCurveSpec } from './charts/pr-curve.js';
import { reliabilitySpec } from './charts/reliability.js';
import { rocCurveSpec } from './charts/roc-curve.js';
import { scoreAxis, type ScoreAxis } from './charts/score-axis.js';
import { scoreDistributionSpec } from './charts/score-distribution.js';
import { thresholdSweepSpec } from './charts/threshold-sweep.js';
import { formatCount } from './format-number.js';

/** The part of the report's data that its charts draw. */
export type ChartData = Pick<ReportData, 'task' | 'training' | 'confusion' | 'roc' | 'pr' | 'thresholdSweep' | 'reliability' | 'scores' | 'calibration' | 'importance'>;

/** The report's chart ids, in the order chartPlans lists them. */
export type ChartId = 'learning-curves' | 'confusion' | 'roc' | 'pr' | 'threshold' | 'reliability' | 'calibration' | 'scores' | 'importance';

/** A chart to draw: its Vega-Lite specs, accessible name and the sentence under it that says how to read it. */
export interface ChartPlan {
  /** Unique in a page. */
  readonly id: ChartId;
  readonly label: string;
  /** One spec, or one per panel (learning curves), laid out side by side or stacked. */
  readonly specs: readonly TopLevelSpec[];
  readonly caption: string;
  /** Spans the whole page width. */
  readonly wide: boolean;
}

export interface ChartPlanOptions {
  /**
   * The axis of the score histogram and the threshold chart. Default: zoomed to the scores and
   * holding the threshold (scoreAxis). A page that moves the threshold passes one fixed axis.
   */
  readonly axis?: ScoreAxis;
}

/**
 * Every chart that applies to the data, in page order, as Vega-Lite specs: the HTML report
 * renders them to SVG in Node, nnkit/vis draws them into a page.
 */
export function chartPlans(data: ChartData, options: ChartPlanOptions = {}): ChartPlan[] {
  const plans: ChartPlan[] = [];
  const point = data.task === 'binary' ? operatingPoint(data.confusion) : undefined;
  // NOTE: the score histogram and the threshold chart share one axis, zoomed to where the scores
  // are and holding the decision threshold, so a threshold reads the same on both.
  const threshold = data.thresholdSweep?.chosen ?? data.confusion.threshold;
  const axis = options.axis ?? scoreAxis(
    data.scores?.scores.flatMap((scores) => Array.from(scores)) ?? data.thresholdSweep?.thresholds ?? [],
    threshold === undefined ? [] : [threshold],
  );
  if (data.training !== undefined) {
    plans.push({
      id: 'learning-curves',
      label: 'Learning curves: training and validation metrics per epoch',
      specs: learningCurvesSpecs(data.training),
      caption: trainingCaption(data.training),
      wide: true,
    });
  }
  plans.push({
    id: 'confusion',
    label: 'Confusion matrix heatmap',
    specs: [confusionMatrixSpec(data.confusion)],
    caption: 'Rows are actual classes, columns predicted; each cell shows its count and its share of the row.',
    wide: false,
  });
  if (data.roc !== undefined) {
    plans.push({
      id: 'roc',
      label: 'ROC curve',
      specs: [rocCurveSpec(data.roc, point)],
      caption: 'Each point is a threshold; the dashed diagonal is guessing. The red point is the model\u2019s threshold.',
      wide: false,
    });
  }
  if (data.pr !== undefined) {
    plans.push({
      id: 'pr',
      label: 'Precision-recall curve',
      specs: [prCurveSpec(data.pr, point)],
      caption: 'The dashed line is the prevalence: the precision of a model with no skill.',
      wide: false,
    });
  }
  if (data.thresholdSweep !== undefined) {
    plans.push({
      id: 'threshold',
      label: 'Precision, recall and F1 against the decision threshold',
      specs: [thresholdSweepSpec(data.thresholdSweep, axis)],
      caption: 'A row is predicted positive when its score is above the threshold.',
      wide: false,
    });
  }
  if (data.reliability !== undefined) {
    plans.push({
      id: 'reliability',
      label: 'Reliability (calibration) plot',
      specs: [reliabilitySpec(data.reliability, data.task)],
      caption:
        'Rows binned by predicted probability: each point is a bin\u2019s mean prediction against the fraction ' +
        (data.task === 'binary' ? 'that was positive' : 'predicted correctly') +
        ', with its row count and 95% interval. Points on the diagonal, or whose interval crosses it, ' +
        'mean the probabilities can be read as frequencies.',
      wide: false,
    });
  }
  if (data.calibration !== undefined) {
    const { calibration } = data;
    plans.push({
      id: 'calibration',
      label: 'Reliability before and after calibration',
      specs: calibrationPanelSpecs(calibration, data.task),
      caption:
        `The same reliability plot of ${calibration.measuredOn}, with the model\u2019s own probabilities and then ` +
        `calibrated by ${calibration.method}, which was fitted on ${calibration.fittedOn}. Lower ECE, Brier score and ` +
        'log loss are better calibrated.',
      wide: true,
    });
  }
  if (data.scores !== undefined) {
    plans.push({
      id: 'scores',
      label: 'Score distribution per actual class',
      specs: [scoreDistributionSpec(data.scores, data.task, axis, data.task === 'binary' ? threshold : undefined)],
      caption:
        'Each bar is the share of its class\u2019s rows (a rare class is drawn as tall as a common one); ' +
        'well-separated histograms mean the model ranks the classes apart.' +
        (data.task === 'multiclass' ? ' Each panel has its own vertical scale.' : ''),
      wide: false,
    });
  }
  if (data.importance !== undefined) {
    plans.push({
      id: 'importance',
      label: 'Permutation importance of the input columns',
      specs: [importanceSpec(data.importance)],
      caption:
        'Each bar is how much the score drops when that column\u2019s values are shuffled among the rows ' +
        '(a categorical column\u2019s one-hot units move together), mean \u00b1 sd over the shuffles. ' +
        'A bar near zero is a column the model does not rely on; correlated columns can hide each other.',
      wide: false,
    });
  }
  return plans;
}

/** The sentence under the learning curves: epochs run, early stopping, the weights kept. */
export function trainingCaption(training: NonNullable<ReportData['training']>): string {
  const epochs = Math.max(0, ...Object.values(training.history).map((values) => values.length));
  const parts = [`${formatCount(epochs)} epochs.`];
  const monitor = training.monitor === undefined ? '' : ` (monitoring ${training.monitor})`;
  if (training.stoppedEpoch !== undefined) {
    parts.push(`Early stopping${monitor} ended training after epoch ${training.stoppedEpoch + 1}.`);
  }
  if (training.bestEpoch !== undefined) {
    parts.push(`The weights kept are those of epoch ${training.bestEpoch + 1} (dashed line).`);
  }
  const nonFinite = Object.values(training.history).flat().filter((value) => !Number.isFinite(value)).length;
  if (nonFinite > 0) parts.push(`${formatCount(nonFinite)} non-finite values (NaN or Infinity) are not drawn.`);
  return parts.join(' ');
}
