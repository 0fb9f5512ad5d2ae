import { ShapeError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import type { BaseLayer } from './base-layer.js';
import { formatShape } from './shape.js';

/** Checks that a batch reaching a layer has the feature count the layer was built for. */
export function checkFeatures(layer: BaseLayer, x: Tensor, expected: number): void {
  if (x.cols !== expected) {
    throw new ShapeError(
      'shape/feature-count',
      `${layer.className} "${layer.name}" expects ${expected} input features but got ${x.cols} ` +
        `(input shape ${formatShape([null, ...x.shape.slice(1)])}).`,
    );
  }
}
