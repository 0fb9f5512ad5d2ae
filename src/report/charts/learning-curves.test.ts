import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curvePanels } from './learning-curves.js';

test('curvePanels pairs each Keras key with its val_ twin and puts loss first', () => {
  const panels = curvePanels({ accuracy: [0.5], val_accuracy: [0.4], loss: [1], val_loss: [2], val_auc: [0.7] });
  assert.deepEqual(panels, [
    { metric: 'loss', training: [1], validation: [2] },
    { metric: 'accuracy', training: [0.5], validation: [0.4] },
    { metric: 'auc', training: undefined, validation: [0.7] },
  ]);
});

test('curvePanels gives a training-only metric a panel without validation', () => {
  assert.deepEqual(curvePanels({ loss: [1, 0.5] }), [{ metric: 'loss', training: [1, 0.5], validation: undefined }]);
});
