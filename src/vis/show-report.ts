import type { ReportData } from '../report/report-data.js';
import { chartPlans } from '../report/chart-plans.js';
import { chartFigure } from './chart-figure.js';
import { LiveChart } from './live-chart.js';
import { ThresholdExplorer } from './threshold-explorer.js';

/** A report's charts in a page (showReport from nnkit/vis). */
export interface ReportView {
  readonly element: HTMLElement;
  /** The threshold slider and the charts it moves: binary reports only. */
  readonly explorer: ThresholdExplorer | undefined;
  destroy(): void;
}

/**
 * Every chart of a report's data (nn.trainingReport(classifier, ...) or nn.evaluationReport(...))
 * drawn into `container`: the learning curves, and for a binary classifier the threshold explorer
 * over its evaluated rows (the charts move with the slider); for a multi-class one the confusion
 * matrix, reliability and score distributions.
 */
export async function showReport(container: HTMLElement, report: ReportData): Promise<ReportView> {
  const element = container.ownerDocument.createElement('div');
  element.className = 'nnkit-report-charts';
  element.style.cssText = 'display:flex;flex-direction:column;gap:16px';
  container.append(element);
  const charts: LiveChart[] = [];
  const grid = container.ownerDocument.createElement('div');
  grid.style.cssText = 'display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start';
  const binary = report.task === 'binary' && report.scores !== undefined ? report.scores : undefined;
  const drawing: Promise<void>[] = [];
  for (const plan of chartPlans(report)) {
    if (binary !== undefined && plan.id !== 'learning-curves') continue;
    const figure = chartFigure(plan.id === 'learning-curves' ? element : grid, plan.id, plan.label, plan.caption, plan.specs.length);
    plan.specs.forEach((spec, index) => {
      const chart = new LiveChart(figure.panels[index]);
      charts.push(chart);
      drawing.push(chart.draw(spec));
    });
  }
  let explorer: ThresholdExplorer | undefined;
  if (binary !== undefined) {
    // NOTE: the report keeps the scores grouped by actual class; the rows' order does not change
    // any metric, so the labels are rebuilt class by class.
    const labels = binary.scores.flatMap((scores, k) => Array.from(scores, () => k));
    const scores = binary.scores.flatMap((scores) => Array.from(scores));
    explorer = new ThresholdExplorer(element, labels, scores, {
      threshold: report.confusion.threshold ?? 0.5,
      classNames: binary.classNames,
      ...(report.thresholdSweep?.rule === undefined ? {} : { rule: report.thresholdSweep.rule }),
    });
    drawing.push(explorer.redraw());
  } else {
    element.append(grid);
  }
  await Promise.all(drawing);
  return {
    element,
    explorer,
    destroy() {
      explorer?.destroy();
      for (const chart of charts) chart.destroy();
      element.remove();
    },
  };
}
