import type { TopLevelSpec } from 'vega-lite';
import type { ReportData } from './report-data.js';
import { confusionMatrixSpec } from './charts/confusion-matrix.js';
import { learningCurvesSpec } from './charts/learning-curves.js';
import { operatingPoint } from './charts/operating-point.js';
import { prCurveSpec } from './charts/pr-curve.js';
import { reliabilitySpec } from './charts/reliability.js';
import { rocCurveSpec } from './charts/roc-curve.js';
import { scoreDistributionSpec } from './charts/score-distribution.js';
import { thresholdSweepSpec } from './charts/threshold-sweep.js';
import { formatCount } from './format-number.js';
import { renderChart } from './render-chart.js';

/** A chart rendered to inline SVG, with the sentence under it that says how to read it. */
export interface RenderedChart {
  /** Unique in the page: `learning-curves`, `roc`, `pr`, `confusion`, `threshold`, `reliability`, `scores`. */
  readonly id: string;
  readonly svg: string;
  readonly caption: string;
  /** Spans the whole page width. */
  readonly wide: boolean;
}

interface ChartPlan {
  readonly id: string;
  readonly label: string;
  readonly spec: TopLevelSpec;
  readonly caption: string;
  readonly wide?: boolean;
}

/** Every chart that applies to the data, in page order, each rendered to SVG. */
export async function renderReportCharts(data: ReportData): Promise<RenderedChart[]> {
  const plans: ChartPlan[] = [];
  const point = data.task === 'binary' ? operatingPoint(data.confusion) : undefined;
  if (data.training !== undefined) {
    plans.push({
      id: 'learning-curves',
      label: 'Learning curves: training and validation metrics per epoch',
      spec: learningCurvesSpec(data.training),
      caption: trainingCaption(data.training),
      wide: true,
    });
  }
  plans.push({
    id: 'confusion',
    label: 'Confusion matrix heatmap',
    spec: confusionMatrixSpec(data.confusion),
    caption: 'Rows are actual classes, columns predicted; each cell shows its count and its share of the row.',
  });
  if (data.roc !== undefined) {
    plans.push({
      id: 'roc',
      label: 'ROC curve',
      spec: rocCurveSpec(data.roc, point),
      caption: 'Each point is a threshold; the dashed diagonal is guessing. The red point is the model\u2019s threshold.',
    });
  }
  if (data.pr !== undefined) {
    plans.push({
      id: 'pr',
      label: 'Precision-recall curve',
      spec: prCurveSpec(data.pr, point),
      caption: 'The dashed line is the prevalence: the precision of a model with no skill.',
    });
  }
  if (data.thresholdSweep !== undefined) {
    plans.push({
      id: 'threshold',
      label: 'Precision, recall and F1 against the decision threshold',
      spec: thresholdSweepSpec(data.thresholdSweep),
      caption: 'A row is predicted positive when its score is above the threshold.',
    });
  }
  if (data.reliability !== undefined) {
    plans.push({
      id: 'reliability',
      label: 'Reliability (calibration) plot',
      spec: reliabilitySpec(data.reliability, data.task),
      caption: 'Points on the diagonal mean the predicted probabilities can be read as frequencies.',
    });
  }
  if (data.scores !== undefined) {
    plans.push({
      id: 'scores',
      label: 'Score distribution per actual class',
      spec: scoreDistributionSpec(data.scores, data.task),
      caption:
        'Bar heights count rows; well-separated histograms mean the model ranks the classes apart.' +
        (data.task === 'multiclass' ? ' Each panel has its own vertical scale.' : ''),
    });
  }
  const rendered: RenderedChart[] = [];
  // NOTE: one at a time, as renderChart requires (Vega's id counters are process-wide).
  for (const plan of plans) {
    const svg = await renderChart(plan.spec, plan.id, plan.label);
    rendered.push({ id: plan.id, svg, caption: plan.caption, wide: plan.wide ?? false });
  }
  return rendered;
}

function trainingCaption(training: NonNullable<ReportData['training']>): string {
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
