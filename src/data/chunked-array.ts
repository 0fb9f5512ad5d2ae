/**
 * A growable typed array made of chunks. Growing never copies what is already stored (a doubling
 * buffer would briefly hold the old and the new copy). When the final length is known in advance
 * (`expected`, e.g. from counting the lines of a file), the first chunk has exactly that size and
 * `toArray` hands it over without any copy; otherwise `toArray` copies the chunks into one array.
 */
const CHUNK_SIZE = 65536;

type TypedArrayConstructor<T> = { new (length: number): T };

export class ChunkedArray<T extends Float32Array | Int32Array> {
  private readonly make: TypedArrayConstructor<T>;
  private chunks: T[] = [];
  private current: T;
  private position = 0;
  private stored = 0;

  constructor(make: TypedArrayConstructor<T>, expected = 0) {
    this.make = make;
    this.current = new make(expected);
  }

  get length(): number {
    return this.stored;
  }

  push(value: number): void {
    if (this.position === this.current.length) {
      if (this.current.length > 0) this.chunks.push(this.current);
      this.current = new this.make(CHUNK_SIZE);
      this.position = 0;
    }
    this.current[this.position++] = value;
    this.stored++;
  }

  /** Appends `values` (into the presized first chunk while it has room: one copy, no chunks). */
  append(values: T): void {
    const fits = Math.min(values.length, this.current.length - this.position);
    this.current.set(values.subarray(0, fits), this.position);
    this.position += fits;
    this.stored += fits;
    for (let i = fits; i < values.length; i++) this.push(values[i]);
  }

  /**
   * The stored values as the arrays that hold them (no copy; the last may be a view of a longer
   * one), e.g. to transfer them to another thread; empties this.
   */
  takeChunks(): T[] {
    const chunks = [...this.chunks, this.current.subarray(0, this.position) as T];
    this.chunks = [];
    this.current = new this.make(0);
    this.position = this.stored = 0;
    return chunks;
  }

  /** Calls `visit(value, index)` for every stored value in order. */
  forEach(visit: (value: number, index: number) => void): void {
    let index = 0;
    for (const chunk of [...this.chunks, this.current]) {
      const end = chunk === this.current ? this.position : chunk.length;
      for (let i = 0; i < end; i++) visit(chunk[i], index++);
    }
  }

  /** The values as one exact-length array (copied unless `expected` was right); empties this. */
  toArray(): T {
    if (this.chunks.length === 0 && this.position === this.current.length) {
      const whole = this.current;
      this.current = new this.make(0);
      this.position = this.stored = 0;
      return whole;
    }
    const out = new this.make(this.stored);
    let offset = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      out.set(this.chunks[i], offset);
      offset += this.chunks[i].length;
      (this.chunks as (T | undefined)[])[i] = undefined;
    }
    out.set(this.current.subarray(0, this.position), offset);
    this.chunks = [];
    this.current = new this.make(0);
    this.position = 0;
    this.stored = 0;
    return out;
  }
}
