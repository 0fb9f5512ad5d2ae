import { ConfigError, show } from '../errors.js';
import { binaryEvaluation } from '../metrics/evaluation/binary-evaluation.js';
import type { Numbers } from '../metrics/evaluation/inputs.js';
import { majorityBaseline } from '../metrics/evaluation/majority-baseline.js';
import { binaryChartData, type BinaryChartData } from '../report/binary-chart-data.js';
import { chartPlans, type ChartId } from '../report/chart-plans.js';
import { scoreAxis, type ScoreAxis } from '../report/charts/score-axis.js';
import { formatShort } from '../report/format-number.js';
import { chartFigure } from './chart-figure.js';
import { LiveChart } from './live-chart.js';
import { MetricsPanel } from './metrics-panel.js';
import { thresholdMetrics, type ThresholdMetrics } from './threshold-metrics.js';

/** The charts a threshold explorer can draw (all but the learning curves). */
export type ExplorerChart = Exclude<ChartId, 'learning-curves'>;

export const EXPLORER_CHARTS: readonly ExplorerChart[] = ['confusion', 'roc', 'pr', 'threshold', 'scores', 'reliability'];

export interface ThresholdExplorerOptions {
  /** The starting decision threshold: a row is positive when its score is above it. Default 0.5. */
  readonly threshold?: number;
  /** [negative, positive]. Default ['0', '1']. */
  readonly classNames?: readonly string[];
  /** How the starting threshold was chosen (e.g. 'max F1 on the validation rows'), shown while it holds. */
  readonly rule?: string;
  /** Which charts, in this order. Default: all of EXPLORER_CHARTS. */
  readonly charts?: readonly ExplorerChart[];
  /** Called with the new results every time the threshold moves, before the charts are redrawn. */
  readonly onChange?: (metrics: ThresholdMetrics) => void;
}

/**
 * A binary classifier's evaluation charts with a threshold slider: moving it updates the metrics
 * table and the confusion matrix at once, and moves the operating point on the ROC and PR
 * curves and the cut on the threshold and score charts. The numbers are those of
 * nn.evaluation.confusionMatrix and precisionRecallFscoreSupport at that threshold. Create it
 * with thresholdExplorer from nnkit/vis.
 */
export class ThresholdExplorer {
  readonly element: HTMLElement;
  /** The slider, on the score axis the charts share. */
  readonly input: HTMLInputElement;
  /** The results at the current threshold. */
  metrics: ThresholdMetrics;
  private readonly labels: Int32Array;
  private readonly scores: Float64Array;
  private readonly base: BinaryChartData;
  private readonly axis: ScoreAxis;
  private readonly options: ThresholdExplorerOptions;
  private readonly panel: MetricsPanel;
  private readonly output: HTMLOutputElement;
  private readonly charts: Map<ExplorerChart, LiveChart>;
  private drawing: Promise<void> | undefined;
  private dirty = true;

  constructor(container: HTMLElement, yTrue: Numbers, yScore: Numbers, options: ThresholdExplorerOptions = {}) {
    const threshold = options.threshold ?? 0.5;
    const classNames = options.classNames ?? ['0', '1'];
    if (classNames.length !== 2) {
      throw new ConfigError('config/class-names', `thresholdExplorer: classNames must name the two classes [negative, positive] but got ${show(classNames)}.`);
    }
    // NOTE: binaryEvaluation checks the inputs (labels 0 / 1, probabilities, equal lengths) and
    // its errors name what is wrong; the curves do not depend on the threshold.
    const evaluation = binaryEvaluation(yTrue, yScore, { threshold });
    this.labels = Int32Array.from(yTrue);
    this.scores = Float64Array.from(yScore);
    this.options = options;
    this.base = binaryChartData(this.labels, this.scores, evaluation, classNames, options.rule);
    this.axis = scoreAxis(this.scores, [threshold]);
    this.metrics = thresholdMetrics(this.labels, this.scores, threshold);

    const document = container.ownerDocument;
    this.element = document.createElement('div');
    this.element.className = 'nnkit-threshold-explorer';
    const control = document.createElement('label');
    control.className = 'nnkit-threshold-control';
    control.style.cssText = 'display:flex;flex-wrap:wrap;align-items:center;gap:8px;font:14px system-ui,sans-serif';
    this.input = document.createElement('input');
    this.input.type = 'range';
    this.input.min = String(this.axis.domain[0]);
    this.input.max = String(this.axis.domain[1]);
    this.input.step = String(this.axis.step / 10);
    this.input.value = String(threshold);
    this.input.style.flex = '1 1 200px';
    this.output = document.createElement('output');
    const rule = document.createElement('span');
    rule.textContent = `a row is predicted ${classNames[1]} when its score is above the threshold`;
    rule.style.color = '#555555';
    control.append('decision threshold', this.input, this.output, rule);
    this.element.append(control);
    this.panel = new MetricsPanel(this.element, classNames, majorityBaseline(this.labels).accuracy);
    const grid = document.createElement('div');
    grid.style.cssText = 'display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start';
    this.element.append(grid);
    const wanted = options.charts ?? EXPLORER_CHARTS;
    const plans = chartPlans(this.dataAt(threshold), { axis: this.axis }).filter((plan) => wanted.includes(plan.id as ExplorerChart));
    plans.sort((a, b) => wanted.indexOf(a.id as ExplorerChart) - wanted.indexOf(b.id as ExplorerChart));
    this.charts = new Map(plans.map((plan) => [plan.id as ExplorerChart, new LiveChart(chartFigure(grid, plan.id, plan.label, plan.caption).panels[0])]));
    container.append(this.element);
    this.input.addEventListener('input', () => void this.setThreshold(Number(this.input.value)));
    this.showMetrics();
  }

  /** The current decision threshold. */
  get threshold(): number {
    return this.metrics.threshold;
  }

  /**
   * Moves the threshold: the metrics and the slider change at once, the charts when the returned
   * promise resolves (a move made while they redraw is drawn right after, the last one winning).
   */
  setThreshold(threshold: number): Promise<void> {
    if (!Number.isFinite(threshold)) {
      throw new ConfigError('config/threshold', `setThreshold: the threshold must be a finite number but got ${show(threshold)}.`);
    }
    this.metrics = thresholdMetrics(this.labels, this.scores, threshold);
    if (Number(this.input.value) !== threshold) this.input.value = String(threshold);
    this.showMetrics();
    this.options.onChange?.(this.metrics);
    this.dirty = true;
    return this.redraw();
  }

  /** Resolves when the charts show the current threshold (drawing them the first time). */
  redraw(): Promise<void> {
    // NOTE: drawWhileDirty awaits before it ends, so `drawing` is set before it is cleared.
    if (this.drawing === undefined && this.dirty) this.drawing = this.drawWhileDirty();
    return this.drawing ?? Promise.resolve();
  }

  /** Removes the explorer from the page. */
  destroy(): void {
    for (const chart of this.charts.values()) chart.destroy();
    this.element.remove();
  }

  private showMetrics(): void {
    this.output.textContent = formatShort(this.threshold);
    this.panel.show(this.metrics);
  }

  private async drawWhileDirty(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const plans = chartPlans(this.dataAt(this.threshold), { axis: this.axis });
        await Promise.all(plans.flatMap((plan) => this.charts.get(plan.id as ExplorerChart)?.draw(plan.specs[0]) ?? []));
      }
    } finally {
      // NOTE: cleared in the same turn as the last check of `dirty`, so a move made after it
      // starts a new round instead of waiting on one that is ending.
      this.drawing = undefined;
    }
  }

  /** The charts' data at `threshold`: the matrix is the metrics' own, the curves never change. */
  private dataAt(threshold: number): BinaryChartData {
    const { base } = this;
    const sweep = base.thresholdSweep;
    const initial = threshold === (this.options.threshold ?? 0.5);
    return {
      ...base,
      confusion: { ...base.confusion, counts: this.metrics.confusionMatrix, threshold },
      ...(sweep === undefined
        ? {}
        : {
            thresholdSweep: {
              thresholds: sweep.thresholds, precision: sweep.precision, recall: sweep.recall, f1: sweep.f1,
              chosen: Math.min(1, Math.max(0, threshold)),
              ...(initial && sweep.rule !== undefined ? { rule: sweep.rule } : {}),
            },
          }),
    };
  }
}
