// nnkit/vis: the report's charts drawn into a page with Vega. Its own entry point, not part of
// `nnkit`: Vega is most of a megabyte, which a page that only trains or predicts should not carry.
import type { TopLevelSpec } from 'vega-lite';
import type { Numbers } from '../metrics/evaluation/inputs.js';
import { LearningCurves, type LearningCurvesOptions } from './learning-curves.js';
import { LiveChart } from './live-chart.js';
import { ThresholdExplorer, type ThresholdExplorerOptions } from './threshold-explorer.js';

export { EXPLORER_CHARTS, ThresholdExplorer, type ExplorerChart, type ThresholdExplorerOptions } from './threshold-explorer.js';
export { LearningCurves, type LearningCurvesOptions } from './learning-curves.js';
export { LiveChart } from './live-chart.js';
export { showReport, type ReportView } from './show-report.js';
export type { ThresholdMetrics } from './threshold-metrics.js';

/** Live learning curves in `container`, as a callback for fit: `callbacks: [vis.learningCurves(el)]`. */
export function learningCurves(container: HTMLElement, options: LearningCurvesOptions = {}): LearningCurves {
  return new LearningCurves(container, options);
}

/**
 * A binary classifier's evaluation in `container` with a threshold slider: labels 0 / 1 and the
 * positive-class probabilities (`model.predictProbabilities(x).data`). Resolves once drawn.
 */
export async function thresholdExplorer(
  container: HTMLElement,
  yTrue: Numbers,
  yScore: Numbers,
  options: ThresholdExplorerOptions = {},
): Promise<ThresholdExplorer> {
  const explorer = new ThresholdExplorer(container, yTrue, yScore, options);
  await explorer.redraw();
  return explorer;
}

/** Any Vega-Lite spec drawn into `container` with the report's look; `chart.draw(spec)` redraws it. */
export async function drawChart(container: HTMLElement, spec: TopLevelSpec): Promise<LiveChart> {
  const chart = new LiveChart(container);
  await chart.draw(spec);
  return chart;
}
