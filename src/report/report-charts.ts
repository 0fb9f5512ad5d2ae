import type { ReportData } from './report-data.js';
import { chartPlans } from './chart-plans.js';
import { renderChart } from './render-chart.js';

/** A chart rendered to inline SVG, with the sentence under it that says how to read it. */
export interface RenderedChart {
  /** Unique in the page: `learning-curves`, `roc`, `pr`, `confusion`, `threshold`, `reliability`, `scores`. */
  readonly id: string;
  /** One SVG, or one per panel (learning curves), which the page lays out side by side or stacked. */
  readonly svgs: readonly string[];
  readonly caption: string;
  /** Spans the whole page width. */
  readonly wide: boolean;
}

/** Every chart that applies to the data, in page order, each rendered to SVG. */
export async function renderReportCharts(data: ReportData): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  // NOTE: one at a time, as renderChart requires (Vega's id counters are process-wide).
  for (const plan of chartPlans(data)) {
    const svgs: string[] = [];
    for (const [index, spec] of plan.specs.entries()) {
      const single = plan.specs.length === 1;
      const label = single ? plan.label : `${plan.label} (${index + 1} of ${plan.specs.length})`;
      svgs.push(await renderChart(spec, single ? plan.id : `${plan.id}-${index + 1}`, label));
    }
    rendered.push({ id: plan.id, svgs, caption: plan.caption, wide: plan.wide });
  }
  return rendered;
}
