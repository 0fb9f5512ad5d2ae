import { join } from 'node:path';
import type { Model } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Saves a model directory: model.json (architecture, training config, threshold, metadata,
 * weight list with sizes and checksums) and weights.bin (little-endian float32), plus
 * optimizer.bin with includeOptimizer. Each file is written atomically; model.json goes last,
 * so a crash mid-save leaves a directory whose checksums reveal the mismatch on load.
 */
export async function saveModel(model: Model, dir: string, options: { includeOptimizer?: boolean } = {}): Promise<void> {
  const { json, weights, optimizerState } = serializeModel(model, options);
  await writeFileAtomic(join(dir, 'weights.bin'), weights);
  if (optimizerState) await writeFileAtomic(join(dir, 'optimizer.bin'), optimizerState);
  await writeFileAtomic(join(dir, 'model.json'), JSON.stringify(json, null, 2) + '\n');
}
