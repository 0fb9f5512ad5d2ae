import { StateError } from '../errors.js';
import { Tensor, toMatrix, type TensorLike } from '../tensor/tensor.js';

/**
 * Standardizes features to mean 0 and standard deviation 1, as scikit-learn's StandardScaler:
 * `fit` on the training rows only, then `transform` any rows with those statistics. A constant
 * column (std 0) is only centred.
 */
export class StandardScaler {
  mean: Float64Array | undefined;
  scale: Float64Array | undefined;

  // x (rows, features) → mean (features), scale (features)
  fit(x: TensorLike): this {
    const t = toMatrix(x, 'StandardScaler.fit');
    const { rows, cols } = t;
    const mean = new Float64Array(cols);
    const scale = new Float64Array(cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += t.data[i * cols + j];
    for (let j = 0; j < cols; j++) mean[j] /= rows;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) scale[j] += (t.data[i * cols + j] - mean[j]) ** 2;
    for (let j = 0; j < cols; j++) {
      const std = Math.sqrt(scale[j] / rows);
      scale[j] = std === 0 ? 1 : std;
    }
    this.mean = mean;
    this.scale = scale;
    return this;
  }

  // x (rows, features) → (x − mean) / scale
  transform(x: TensorLike): Tensor {
    if (!this.mean || !this.scale) {
      throw new StateError('state/scaler-not-fitted', 'StandardScaler.transform needs fit(xTrain) first, on the training rows only.');
    }
    const t = toMatrix(x, 'StandardScaler.transform');
    if (t.cols !== this.mean.length) {
      throw new StateError(
        'state/scaler-features',
        `StandardScaler was fitted on ${this.mean.length} features but transform got ${t.cols}; pass the same columns.`,
      );
    }
    const out = new Float32Array(t.size);
    const cols = t.cols;
    for (let i = 0; i < t.size; i++) out[i] = (t.data[i] - this.mean[i % cols]) / this.scale[i % cols];
    return new Tensor(out, [t.rows, cols]);
  }

  fitTransform(x: TensorLike): Tensor {
    return this.fit(x).transform(x);
  }
}
