import { ShapeError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { BaseLayerArgs, LayerConfig } from './base-layer.js';
import { MergeLayer } from './merge-layer.js';
import { formatShape, type Shape } from './shape.js';

/** Joins inputs along the last axis (features), like Keras' `Concatenate()` with axis -1. */
export class Concatenate extends MergeLayer {
  readonly className = 'Concatenate';
  private widths: number[] = [];

  constructor(args: BaseLayerArgs = {}) {
    super(args, 'concatenate');
  }

  computeOutputShape(inputShapes: Shape[]): Shape {
    for (const shape of inputShapes) {
      if (shape.length !== 2) {
        throw new ShapeError(
          'shape/concatenate-rank',
          `Concatenate "${this.name}" joins 2-D inputs (batch, features) but got ${inputShapes.map(formatShape).join(' and ')}.`,
        );
      }
    }
    const total = inputShapes.reduce((sum, s) => sum + (s[1] as number), 0);
    return [null, total];
  }

  // xs[k] (batch, c_k) → (batch, Σ c_k)
  call(inputs: Tensor[]): Tensor {
    this.widths = inputs.map((t) => t.cols);
    const rows = inputs[0].rows;
    const total = this.widths.reduce((a, b) => a + b, 0);
    const y = this.scratch('y', rows * total);
    let offset = 0;
    for (const t of inputs) {
      const c = t.cols;
      for (let i = 0; i < rows; i++) y.set(t.data.subarray(i * c, (i + 1) * c), i * total + offset);
      offset += c;
    }
    return new Tensor(y, [rows, total]);
  }

  callBackward(dy: Tensor): (Tensor | null)[] {
    const rows = dy.rows;
    const total = dy.cols;
    let offset = 0;
    return this.widths.map((c, k) => {
      const dx = this.scratch(`dx${k}`, rows * c);
      for (let i = 0; i < rows; i++) dx.set(dy.data.subarray(i * total + offset, i * total + offset + c), i * c);
      offset += c;
      return new Tensor(dx, [rows, c]);
    });
  }

  getConfig(): LayerConfig {
    return { className: this.className, config: { ...this.getBaseConfig(), axis: -1 } };
  }
}
