import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reliabilityCurve } from '../../metrics/evaluation/reliability-curve.js';
import type { ReliabilityCurve } from '../report-data.js';
import { reliabilitySpec } from './reliability.js';

interface Layer {
  data?: { values: Record<string, number | string>[] };
  layer?: Layer[];
  mark: { type: string };
  encoding: Record<string, { field?: string; scale?: { domain: number[] } }>;
}

/** The report's curve from the library's bins, as the classifier fills it. */
function curveOf(labels: number[], scores: number[]): ReliabilityCurve {
  const bins = reliabilityCurve(labels, scores);
  return {
    meanPredicted: bins.map((bin) => bin.meanPredicted),
    fractionPositive: bins.map((bin) => bin.fractionPositive),
    count: bins.map((bin) => bin.count),
    intervalLower: bins.map((bin) => bin.interval.lower),
    intervalUpper: bins.map((bin) => bin.interval.upper),
    expectedCalibrationError: 0.05,
  };
}

const points = (spec: unknown) => (spec as { layer: Layer[] }).layer[1];

test('the reliability plot draws each bin with its Wilson interval and its row count', () => {
  // 6 rows: bin [0.1, 0.2) holds 0.12, 0.15, 0.18 (1 positive); bin [0.8, 0.9) holds 3 positives.
  const curve = curveOf([0, 1, 0, 1, 1, 1], [0.12, 0.15, 0.18, 0.82, 0.85, 0.88]);
  const group = points(reliabilitySpec(curve, 'binary'));
  const values = group.data?.values ?? [];
  assert.deepEqual(values.map((value) => value.rows), [3, 3]);
  assert.deepEqual(values.map((value) => value.label), ['3', '3']);
  assert.deepEqual(values.map((value) => [value.lower, value.upper]), curve.intervalLower.map((lower, i) => [lower, curve.intervalUpper[i]]));
  assert.ok(Number(values[1].lower) > 0.4 && values[1].upper === 1, '3 of 3 is [0.44, 1], not a point at 1');
  const bar = group.layer?.find((layer) => layer.mark.type === 'rule');
  assert.equal(bar?.encoding.y.field, 'lower');
  assert.equal(bar?.encoding.y2.field, 'upper');
  assert.equal(group.layer?.some((layer) => layer.mark.type === 'line'), false, 'bins are not joined into a zig-zag');
});

test('the reliability plot zooms both axes alike to low probabilities, from 0', () => {
  const scores = Array.from({ length: 200 }, (_, i) => 0.01 + (0.3 * i) / 200);
  const curve = curveOf(scores.map((_, i) => Number(i % 10 === 0)), scores);
  const group = points(reliabilitySpec(curve, 'binary'));
  const circle = group.layer?.find((layer) => layer.mark.type === 'circle');
  const [low, high] = circle?.encoding.x.scale?.domain ?? [];
  assert.equal(low, 0);
  assert.ok(high < 0.5 && high >= Math.max(...curve.meanPredicted), `x domain ends at ${high}`);
  assert.deepEqual(circle?.encoding.y.scale?.domain, circle?.encoding.x.scale?.domain);
});

test('the reliability plot keeps [0, 1] when the bins spread across it', () => {
  const curve = curveOf([0, 0, 1, 1], [0.05, 0.3, 0.7, 0.95]);
  const circle = points(reliabilitySpec(curve, 'binary')).layer?.find((layer) => layer.mark.type === 'circle');
  assert.deepEqual(circle?.encoding.x.scale?.domain, [0, 1]);
});
