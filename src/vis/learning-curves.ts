import type { Callback, Logs } from '../callbacks/callback.js';
import { trainingCaption } from '../report/chart-plans.js';
import { curvePanels, learningCurvesSpecs } from '../report/charts/learning-curves.js';
import { chartFigure, type ChartFigure } from './chart-figure.js';
import { LiveChart } from './live-chart.js';

export interface LearningCurvesOptions {
  /** The logged quantities to draw (`loss`, `val_loss`, `accuracy`, ...). Default: every one. */
  readonly metrics?: readonly string[];
}

/**
 * Live learning curves, a Keras-style callback: pass it to `fit` (or trainClassifier's
 * `callbacks`) and the report's learning-curve charts grow in `container` at the end of every
 * epoch, one panel per metric with its `val_` twin. fit waits for each epoch's drawing (a few
 * milliseconds: only the values change). Passed to `nn.worker()`'s fit or trainClassifier it runs
 * on the page from the logs the worker posts. Each training (onTrainBegin) starts afresh.
 */
export class LearningCurves implements Callback {
  /** What has been drawn: one value per epoch for each logged quantity, as Keras' History. */
  history: Record<string, number[]> = {};
  private readonly container: HTMLElement;
  private readonly metrics: readonly string[] | undefined;
  private epochs = 0;
  private figure: ChartFigure | undefined;
  private charts: LiveChart[] = [];
  private panelNames = '';

  constructor(container: HTMLElement, options: LearningCurvesOptions = {}) {
    this.container = container;
    this.metrics = options.metrics;
  }

  onTrainBegin(): void {
    this.history = {};
    this.epochs = 0;
    this.clear();
  }

  async onEpochEnd(_epoch: number, logs: Logs): Promise<void> {
    for (const [key, value] of Object.entries(logs)) {
      if (this.metrics !== undefined && !this.metrics.includes(key)) continue;
      // NOTE: a quantity first logged after some epochs (validation every few epochs) is padded
      // with NaN, which is not drawn, so that every value stays at its own epoch.
      this.history[key] ??= new Array<number>(this.epochs).fill(Number.NaN);
    }
    for (const [key, values] of Object.entries(this.history)) values.push(logs[key] ?? Number.NaN);
    this.epochs += 1;
    await this.draw();
  }

  /** Removes the charts from the page. */
  clear(): void {
    for (const chart of this.charts) chart.destroy();
    this.figure?.figure.remove();
    this.figure = undefined;
    this.charts = [];
    this.panelNames = '';
  }

  private async draw(): Promise<void> {
    const training = { history: this.history };
    const names = curvePanels(this.history).map((panel) => panel.metric).join('\n');
    if (names !== this.panelNames) {
      this.clear();
      const specs = names === '' ? 0 : names.split('\n').length;
      this.figure = chartFigure(this.container, 'learning-curves', 'Learning curves: training and validation metrics per epoch', '', specs);
      this.charts = this.figure.panels.map((panel) => new LiveChart(panel));
      this.panelNames = names;
    }
    this.figure!.caption.textContent = trainingCaption(training);
    const specs = learningCurvesSpecs(training);
    await Promise.all(specs.map((spec, index) => this.charts[index].draw(spec)));
  }
}
