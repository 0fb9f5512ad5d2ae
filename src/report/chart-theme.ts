import type { Config } from 'vega-lite';

/**
 * The report's chart look: system fonts only (nothing to download), light grids, titles at the
 * left like the page's headings. Colors name roles so every chart uses the same ones.
 */
export const colors = {
  training: '#4c78a8',
  validation: '#f58518',
  curve: '#4c78a8',
  reference: '#9a9a9a',
  marker: '#d62728',
  text: '#333333',
  precision: '#4c78a8',
  recall: '#f58518',
  f1: '#54a24b',
} as const;

/** Tableau 10: one color per class, in class-index order. */
export const classPalette: readonly string[] = [
  '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2',
  '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac',
];

export const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const chartConfig: Config = {
  font: fontFamily,
  // NOTE: no per-mark ARIA labels: they would repeat every data point as text (and triple the page
  // size); each chart carries one accessible name on its <svg> and a caption under it.
  aria: false,
  background: 'white',
  padding: 8,
  view: { stroke: '#dddddd' },
  title: { anchor: 'start', fontSize: 13, fontWeight: 600, color: colors.text, offset: 10 },
  axis: {
    labelColor: '#555555',
    titleColor: '#444444',
    titleFontWeight: 500,
    labelFontSize: 11,
    titleFontSize: 11,
    gridColor: '#eeeeee',
    domainColor: '#bbbbbb',
    tickColor: '#bbbbbb',
  },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'horizontal' },
  header: { labelFontSize: 12, titleFontSize: 12, labelColor: colors.text },
  line: { strokeWidth: 2 },
};
