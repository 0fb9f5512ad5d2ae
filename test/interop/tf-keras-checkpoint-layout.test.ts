// tf.keras 2.13–2.15 wrote .keras files whose weights sit at
// `_layer_checkpoint_dependencies/<layer name>/vars/<i>`, numbered with gaps. No such file has a
// licence we can ship, so this one is made from an nnkit export with its weights moved there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import * as nn from '../../src/node/index.js';
import { writeHdf5 } from '../../src/node/hdf5-file-writer.js';
import { randomRows, sequentialModel } from './models-to-export.js';

test('a tf.keras 2.13-2.15 .keras (_layer_checkpoint_dependencies) imports with its weights', async () => {
  const model = sequentialModel();
  const entries = unzipSync([...(await nn.exportModel(model, 'keras')).files.values()][0]);
  const groups = ['_layer_checkpoint_dependencies'];
  const datasets: { path: string; shape: readonly number[]; data: Float32Array }[] = [];
  for (const layer of model.layers) {
    const group = `_layer_checkpoint_dependencies/${layer.name}`;
    groups.push(group, `${group}/vars`);
    // NOTE: gaps in the numbering (0, 2, 4, ...), as tf.keras left them; the order is what counts.
    layer.weights.forEach((v, i) => datasets.push({ path: `${group}/vars/${i * 2}`, shape: v.shape, data: v.value }));
  }
  const bytes = zipSync({
    'metadata.json': new TextEncoder().encode(JSON.stringify({ keras_version: '2.15.0', date_saved: '2024-01-01@00:00:00' })),
    'config.json': entries['config.json'],
    'model.weights.h5': await writeHdf5({ groups, datasets }),
  });
  const back = await nn.importModel(bytes);
  const rows = nn.tensor(randomRows(6, 5, 9));
  assert.deepEqual(Array.from(back.predict(rows).data), Array.from(model.predict(rows).data));
  assert.equal((back.metadata.importedFrom as { kerasVersion: string }).kerasVersion, '2.15.0');
});
