import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thresholdSweepSpec } from './threshold-sweep.js';

interface Layer { data: { values: Record<string, unknown>[] }; mark: { type: string; clip?: boolean }; encoding: { x: { scale: { domain: number[] } } } }

const sweep = {
  thresholds: [0.34, 0.2, 0.1, 0.01],
  precision: [0, 0.3, 0.2, 0.06],
  recall: [0, 0.2, 0.5, 1],
  f1: [0, 0.24, 0.29, 0.11],
  chosen: 0.1,
  rule: 'max F1 on the validation rows',
};

test('the threshold chart spans the axis it is given, with lines clipped to it', () => {
  const spec = thresholdSweepSpec(sweep, { domain: [0, 0.36], step: 0.02 }) as unknown as { layer: Layer[]; title: { subtitle: string } };
  for (const layer of spec.layer) assert.deepEqual(layer.encoding.x.scale.domain, [0, 0.36]);
  assert.equal(spec.layer[0].mark.clip, true);
  assert.equal(spec.layer[0].data.values.length, 3 * sweep.thresholds.length, 'precision, recall and F1 at every threshold');
});

test('the threshold chart marks the chosen threshold and says how it was chosen', () => {
  const spec = thresholdSweepSpec(sweep, { domain: [0, 0.36], step: 0.02 }) as unknown as { layer: Layer[]; title: { subtitle: string } };
  assert.equal(spec.title.subtitle, 'threshold chosen by max F1 on the validation rows');
  const rule = spec.layer.find((layer) => layer.mark.type === 'rule');
  assert.deepEqual(rule?.data.values, [{ threshold: 0.1, label: 'chosen 0.1' }]);
});
