import { FormatError } from '../errors.js';
import type { KerasWeights, WeightArray } from './keras-graph.js';
import { shortWeightName } from './legacy-h5-weights.js';

/** One entry of a TF.js `weightsManifest`. */
export interface TfjsWeightGroup {
  readonly paths: readonly string[];
  readonly weights: readonly { readonly name: string; readonly shape: readonly number[]; readonly dtype?: string; readonly quantization?: unknown }[];
}

/**
 * The weights of a TF.js layers model: each manifest group's shards joined in order, its weights
 * little-endian float32 one after another. Named `<…>/<layer>/<weight>`, so matched by name (TF.js
 * saves BatchNormalization's moving statistics after all trainable weights).
 */
export function tfjsWeights(manifest: readonly TfjsWeightGroup[], shard: (path: string) => Uint8Array, file: string): KerasWeights {
  const weights = new Map<string, Map<string, WeightArray>>();
  for (const group of manifest) {
    const parts = group.paths.map(shard);
    const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    for (const w of group.weights) {
      const dtype = w.dtype ?? 'float32';
      // NOTE: int32 is how the converter writes Keras' int64 variables (Normalization's count).
      if (w.quantization !== undefined || (dtype !== 'float32' && dtype !== 'int32')) {
        throw new FormatError('format/unsupported', `${file}: weight "${w.name}" is ${w.quantization ? 'quantized' : w.dtype}; nnkit imports float32 (and int32) weights. Convert without quantization.`, file);
      }
      const size = w.shape.reduce((a, b) => a * b, 1);
      if (offset + size * 4 > bytes.length) {
        throw new FormatError('format/truncated', `${file}: the shards ${group.paths.join(', ')} hold ${bytes.length} bytes, too few for weight "${w.name}"; a shard is missing or truncated.`, file);
      }
      const data = new Float32Array(size);
      for (let i = 0; i < size; i++) data[i] = dtype === 'int32' ? view.getInt32(offset + i * 4, true) : view.getFloat32(offset + i * 4, true);
      offset += size * 4;
      const parts = w.name.replace(/:\d+$/, '').split('/');
      const layer = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
      if (!weights.has(layer)) weights.set(layer, new Map());
      weights.get(layer)!.set(shortWeightName(w.name), { shape: [...w.shape], data });
    }
  }
  return weights;
}
