import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart } from './render-chart.js';

// NOTE: `clip: true` makes Vega emit a <clipPath id="clip1"> referenced by url(#clip1).
const clipped: TopLevelSpec = {
  data: { values: [{ x: 0, y: 0 }, { x: 2, y: 3 }] },
  mark: { type: 'line', clip: true },
  encoding: {
    x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1] } },
    y: { field: 'y', type: 'quantitative' },
  },
};

test('renderChart returns an inline <svg> with an accessible name and no namespace URLs', async () => {
  const svg = await renderChart(clipped, 'first', 'A "line" <chart>');
  assert.match(svg, /^<svg role="img" aria-label="A &quot;line&quot; &lt;chart&gt;" /);
  assert.doesNotMatch(svg, /xmlns|https?:/);
  assert.match(svg, /<\/svg>$/);
});

test('renderChart prefixes internal ids with the chart id so charts in one page never share one', async () => {
  const first = await renderChart(clipped, 'first', 'first');
  const second = await renderChart(clipped, 'second', 'second');
  const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(ids(first).length > 0, 'the spec should produce a clip path');
  assert.ok(ids(first).every((id) => id.startsWith('first-')));
  assert.ok(ids(second).every((id) => id.startsWith('second-')));
  for (const [, target] of first.matchAll(/url\(#([^)]+)\)/g)) assert.ok(ids(first).includes(target), target);
});

test('renderChart output is reproducible: the same spec and id give the same SVG', async () => {
  assert.equal(await renderChart(clipped, 'same', 'same'), await renderChart(clipped, 'same', 'same'));
});
