import type { TopLevelSpec } from 'vega-lite';
import type { ReportTask, ScoreDistributions } from '../report-data.js';
import { classPalette } from '../chart-theme.js';

/**
 * Histograms of the model's scores per actual class (binned by Vega-Lite, 20 bins on [0, 1]).
 * Binary: both classes overlaid on the positive-class probability, so their overlap shows.
 * Multi-class: one small panel per class, of the probability given to the row's own class.
 */
export function scoreDistributionSpec(distributions: ScoreDistributions, task: ReportTask): TopLevelSpec {
  const names = [...distributions.classNames];
  const values = distributions.scores.flatMap((scores, classIndex) =>
    Array.from(scores, (score) => ({ actual: names[classIndex], score })),
  );
  const positive = names[names.length - 1];
  const x = {
    field: 'score', type: 'quantitative', bin: { extent: [0, 1], step: 0.05 }, axis: { format: '.1f' },
    title: task === 'binary' ? `predicted probability of ${positive}` : 'probability given to the actual class',
  } as const;
  const color = {
    field: 'actual', type: 'nominal', title: 'actual class',
    scale: { domain: names, range: classPalette.slice(0, names.length) },
  } as const;
  if (task === 'binary') {
    return {
      title: 'Score distribution by actual class',
      width: 340,
      height: 220,
      data: { values },
      mark: { type: 'bar', opacity: 0.6, binSpacing: 0 },
      encoding: { x, y: { aggregate: 'count', type: 'quantitative', title: 'rows', stack: null }, color },
    };
  }
  return {
    title: 'Score distribution by actual class',
    data: { values },
    facet: { row: { field: 'actual', type: 'nominal', sort: names, title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
    spec: {
      width: 300,
      height: names.length <= 4 ? 60 : 36,
      mark: { type: 'bar', binSpacing: 0 },
      encoding: {
        x,
        y: { aggregate: 'count', type: 'quantitative', title: null, axis: { tickCount: 2 } },
        color: { ...color, legend: null },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}
