import { Tensor } from '../tensor/tensor.js';

/** One converted chunk of a source: features, labels, and weights when any were given. */
export interface Chunk {
  readonly x: Tensor;
  readonly y: Tensor;
  readonly w: Float32Array | undefined;
}

/**
 * The shuffle buffer of `fitDataset`: rows copied in chunk by chunk (growing to the largest
 * window seen, about shuffleBuffer + one chunk), then read through a shuffled order. Rows of a
 * window that did not fill a batch move to the front and join the next window.
 */
export class RowBuffer {
  readonly xCols: number;
  readonly yCols: number;
  x = new Float32Array(0);
  y = new Float32Array(0);
  w: Float32Array | undefined;
  rows = 0;

  constructor(xCols: number, yCols: number, weighted: boolean) {
    this.xCols = xCols;
    this.yCols = yCols;
    this.w = weighted ? new Float32Array(0) : undefined;
  }

  append(chunk: Chunk): void {
    const need = this.rows + chunk.x.rows;
    if (need > this.x.length / this.xCols || this.x.length === 0) this.grow(Math.max(need, Math.ceil(this.rows * 1.5)));
    this.x.set(chunk.x.data, this.rows * this.xCols);
    this.y.set(chunk.y.data, this.rows * this.yCols);
    if (this.w) this.w.set(chunk.w ?? new Float32Array(chunk.x.rows).fill(1), this.rows);
    this.rows = need;
  }

  /** Keeps only the rows order[from…] (in that order) at the front of the buffer. */
  keep(order: Int32Array, from: number): void {
    const left = order.subarray(from, this.rows);
    const rows = left.length;
    const keptX = new Float32Array(rows * this.xCols);
    const keptY = new Float32Array(rows * this.yCols);
    const keptW = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
      const row = left[i];
      keptX.set(this.x.subarray(row * this.xCols, (row + 1) * this.xCols), i * this.xCols);
      keptY.set(this.y.subarray(row * this.yCols, (row + 1) * this.yCols), i * this.yCols);
      if (this.w) keptW[i] = this.w[row];
    }
    this.x.set(keptX);
    this.y.set(keptY);
    if (this.w) this.w.set(keptW);
    this.rows = rows;
  }

  private grow(rows: number): void {
    const x = new Float32Array(rows * this.xCols);
    const y = new Float32Array(rows * this.yCols);
    x.set(this.x.subarray(0, this.rows * this.xCols));
    y.set(this.y.subarray(0, this.rows * this.yCols));
    this.x = x;
    this.y = y;
    if (this.w) {
      const w = new Float32Array(rows);
      w.set(this.w.subarray(0, this.rows));
      this.w = w;
    }
  }
}

/** Chunks kept in memory while their rows stay within `limit` (then dropped: read them again). */
export class ChunkStore {
  private readonly limit: number;
  chunks: Chunk[] | undefined = [];
  private rows = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  add(chunk: Chunk): void {
    if (this.chunks === undefined) return;
    this.rows += chunk.x.rows;
    if (this.rows > this.limit) this.chunks = undefined;
    else this.chunks.push(chunk);
  }

  /** The kept chunks as one, when all were kept. */
  whole(): Chunk | undefined {
    if (this.chunks === undefined || this.chunks.length === 0) return undefined;
    return concat(this.chunks);
  }
}

function concat(chunks: readonly Chunk[]): Chunk {
  const buffer = new RowBuffer(chunks[0].x.cols, chunks[0].y.cols, chunks.some((c) => c.w !== undefined));
  for (const chunk of chunks) buffer.append(chunk);
  const rows = buffer.rows;
  return {
    x: new Tensor(buffer.x.subarray(0, rows * buffer.xCols), [rows, buffer.xCols]),
    y: new Tensor(buffer.y.subarray(0, rows * buffer.yCols), [rows, buffer.yCols]),
    w: buffer.w?.subarray(0, rows),
  };
}
