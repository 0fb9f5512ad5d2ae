import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreAxis } from './score-axis.js';
import { scoreDistributionSpec } from './score-distribution.js';

interface Bar { actual: string; lower: number; upper: number; count: number; share: number }
interface Channel { field?: string; datum?: number; scale?: { domain: number[] } }
interface Layer { data: { values: Record<string, unknown>[] }; mark: { type: string }; encoding: Record<string, Channel> }

// 940 negatives around 0.03, 60 positives around 0.15: a 6%-positive model that never gets confident.
const negatives = Array.from({ length: 940 }, (_, i) => 0.005 + (0.1 * i) / 940);
const positives = Array.from({ length: 60 }, (_, i) => 0.05 + (0.25 * i) / 60);
const distributions = { classNames: ['no', 'yes'], scores: [negatives, positives] };
const axis = scoreAxis([...negatives, ...positives], [0.12]);
const layers = (scoreDistributionSpec(distributions, 'binary', axis, 0.12) as unknown as { layer: Layer[] }).layer;
const bars = layers[0].data.values as unknown as Bar[];

test('the binary score histogram draws each class as shares of its own rows, so 60 positives stand as tall as 940 negatives', () => {
  const byClass = (label: string) => bars.filter((bar) => bar.actual === label);
  assert.deepEqual([...new Set(bars.map((bar) => bar.actual))], ['no · 940 rows', 'yes · 60 rows']);
  for (const label of ['no · 940 rows', 'yes · 60 rows']) {
    assert.ok(Math.abs(byClass(label).reduce((sum, bar) => sum + bar.share, 0) - 1) < 1e-12, label);
  }
  const tallest = (label: string) => Math.max(...byClass(label).map((bar) => bar.share));
  // As counts the positives' tallest bar would be 60 / 940 of the scale or less; as shares it is a
  // sizeable part of the negatives' height.
  assert.ok(tallest('yes · 60 rows') > 0.25 * tallest('no · 940 rows'), `${tallest('yes · 60 rows')} vs ${tallest('no · 940 rows')}`);
  assert.equal(layers[0].encoding.y.field, 'share');
  assert.deepEqual(layers[0].encoding.y2, { datum: 0 }, 'bars rise from 0, upright');
});

test('the binary score histogram is drawn on the zoomed axis with the threshold marked', () => {
  assert.deepEqual(axis.domain, [0, 0.3]);
  assert.deepEqual(layers[0].encoding.x.scale?.domain, [0, 0.3]);
  assert.equal(Math.min(...bars.map((bar) => bar.lower)), 0);
  assert.equal(Math.max(...bars.map((bar) => bar.upper)), 0.3);
  const rule = layers.find((layer) => layer.mark.type === 'rule');
  assert.deepEqual(rule?.data.values, [{ threshold: 0.12, label: 'threshold 0.12' }]);
});

test('a multiclass score histogram has one panel per class, named with its row count', () => {
  const spec = scoreDistributionSpec(
    { classNames: ['a', 'b', 'c'], scores: [[0.9, 0.8], [0.5], [0.7, 0.6, 0.99]] },
    'multiclass',
    scoreAxis([0.9, 0.8, 0.5, 0.7, 0.6, 0.99]),
  ) as unknown as { facet: { row: { sort: string[] } }; data: { values: Bar[] } };
  assert.deepEqual(spec.facet.row.sort, ['a · 2 rows', 'b · 1 row', 'c · 3 rows']);
  assert.equal(spec.data.values.filter((bar) => bar.actual === 'c · 3 rows').reduce((sum, bar) => sum + bar.count, 0), 3);
});
