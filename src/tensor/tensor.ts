import { DataError, ShapeError, show } from '../errors.js';

/** Nested plain arrays, as `toArray()` returns them. */
export type NestedArray = number | NestedArray[];

/**
 * A dense float32 tensor: a flat row-major `Float32Array` and a shape. Tensors belong to the
 * garbage collector; there is nothing to dispose.
 */
export class Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];

  constructor(data: Float32Array, shape: readonly number[]) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new ShapeError('shape/invalid', `A tensor shape must hold non-negative integers but got [${shape.join(', ')}].`);
    }
    if (size !== data.length) {
      throw new ShapeError(
        'shape/size-mismatch',
        `Shape [${shape.join(', ')}] needs ${size} values but the data holds ${data.length}; ` +
          'pass a shape whose product equals the data length.',
      );
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
  }

  get rank(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.data.length;
  }

  /** Rows (the first dimension); 1 for a scalar. */
  get rows(): number {
    return this.shape.length === 0 ? 1 : this.shape[0];
  }

  /** Values per row (the product of every dimension after the first). */
  get cols(): number {
    // NOTE: from the shape, not data.length / rows, so a tensor of 0 rows still has its columns.
    let cols = 1;
    for (let d = 1; d < this.shape.length; d++) cols *= this.shape[d];
    return cols;
  }

  /** The values as nested plain arrays (a number for a scalar). */
  toArray(): NestedArray {
    if (this.shape.length === 0) return this.data[0];
    const build = (offset: number, dim: number): NestedArray[] => {
      const n = this.shape[dim];
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      const out: NestedArray[] = [];
      for (let i = 0; i < n; i++) {
        out.push(dim === this.shape.length - 1 ? this.data[offset + i] : build(offset + i * stride, dim + 1));
      }
      return out;
    };
    return build(0, 0);
  }

  /** Rows `start` to `end` (exclusive) as a view that shares this tensor's memory. */
  sliceRows(start: number, end: number): Tensor {
    const cols = this.cols;
    return new Tensor(this.data.subarray(start * cols, end * cols), [end - start, ...this.shape.slice(1)]);
  }

  toString(): string {
    return `Tensor(shape=[${this.shape.join(', ')}])`;
  }
}

/** Anything nnkit accepts as a 2-D input: nested arrays or a Tensor. */
export type TensorLike = Tensor | readonly (readonly number[])[];

/** Anything nnkit accepts as labels. */
export type LabelsLike = Tensor | readonly number[] | readonly (readonly number[])[] | Float32Array | Float64Array | Int32Array | Uint8Array;

/**
 * Creates a tensor. A Float32Array is wrapped without copying; nested arrays and other typed
 * arrays are copied. The shape defaults to the array's own shape.
 */
export function tensor(values: Float32Array | ArrayLike<number> | readonly (readonly number[])[], shape?: readonly number[]): Tensor {
  if (values instanceof Float32Array) return new Tensor(values, shape ?? [values.length]);
  if (Array.isArray(values) && values.length > 0 && Array.isArray(values[0])) {
    const t = fromRows(values as readonly (readonly number[])[], 'tensor()');
    return shape ? new Tensor(t.data, shape) : t;
  }
  const flat = Float32Array.from(values as ArrayLike<number>);
  return new Tensor(flat, shape ?? [flat.length]);
}

/** Converts rows of numbers to a 2-D tensor, checking that every row has the same length. */
export function fromRows(rows: readonly (readonly number[])[], what: string): Tensor {
  const n = rows.length;
  const first: unknown = rows[0];
  if (n > 0 && !Array.isArray(first) && !ArrayBuffer.isView(first)) {
    throw new ShapeError('shape/not-a-row', `${what}: row 0 should be an array of numbers but is ${show(first)}.`);
  }
  const cols = n === 0 ? 0 : rows[0].length;
  const data = new Float32Array(n * cols);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) {
      throw new ShapeError('shape/not-a-row', `${what}: row ${i} should be an array of numbers but is ${show(row)}.`);
    }
    if (row.length !== cols) {
      throw new ShapeError(
        'shape/ragged',
        `${what}: row ${i} has ${row.length} values but row 0 has ${cols}; every row needs the same number of features.`,
      );
    }
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
  }
  return new Tensor(data, [n, cols]);
}

/**
 * Converts user input to a 2-D tensor and rejects NaN or Infinity with the row and column.
 * A 1-D tensor becomes one column.
 */
export function toMatrix(x: TensorLike, what: string): Tensor {
  let t: Tensor;
  if (x instanceof Tensor) t = x.rank === 1 ? new Tensor(x.data, [x.shape[0], 1]) : x;
  else if (Array.isArray(x)) t = fromRows(x, what);
  else throw new ShapeError('shape/not-a-matrix', `${what} should be number[][] or an nnkit Tensor but got ${show(x)}.`);
  if (t.rank < 2) {
    throw new ShapeError('shape/rank', `${what} should be 2-D (rows, features) but has shape [${t.shape.join(', ')}].`);
  }
  assertFinite(t.data, t.cols, what);
  return t;
}

/** Throws a DataError naming the first non-finite value's row and column. */
export function assertFinite(data: ArrayLike<number>, cols: number, what: string): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) {
      const row = Math.floor(i / cols);
      const column = i % cols;
      throw new DataError(
        'data/not-finite',
        `${what} holds ${v} at row ${row}, column ${column}; models need finite numbers. ` +
          'Impute or drop missing values before training (nn.data preprocessing does this for CSV files).',
        { row, column: String(column) },
      );
    }
  }
}

/**
 * Converts labels to a 2-D float tensor: a flat list becomes one column, rows of numbers stay
 * as they are (one-hot or multi-column labels).
 */
export function toLabels(y: LabelsLike, what: string): Tensor {
  let t: Tensor;
  if (y instanceof Tensor) t = y.rank === 1 ? new Tensor(y.data, [y.shape[0], 1]) : y;
  else if (Array.isArray(y) && y.length > 0 && Array.isArray(y[0])) t = fromRows(y as readonly (readonly number[])[], what);
  else if (Array.isArray(y) || ArrayBuffer.isView(y)) {
    const flat = Float32Array.from(y as ArrayLike<number>);
    t = new Tensor(flat, [flat.length, 1]);
  } else {
    throw new ShapeError('shape/not-labels', `${what} should be number[], number[][], a typed array or a Tensor but got ${show(y)}.`);
  }
  assertFinite(t.data, t.cols, what);
  return t;
}
