/**
 * A growable typed array made of fixed-size chunks. Growing never copies what is already stored
 * (a doubling buffer would briefly hold the old and the new copy), and `toArray` frees each chunk
 * as soon as it is copied, so the peak stays near one final array plus one chunk.
 */
const CHUNK_SIZE = 65536;

type TypedArrayConstructor<T> = { new (length: number): T };

export class ChunkedArray<T extends Float32Array | Int32Array> {
  private readonly make: TypedArrayConstructor<T>;
  private chunks: T[] = [];
  private current: T;
  private position = 0;
  private stored = 0;

  constructor(make: TypedArrayConstructor<T>) {
    this.make = make;
    this.current = new make(0);
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

  /** Calls `visit(value, index)` for every stored value in order. */
  forEach(visit: (value: number, index: number) => void): void {
    let index = 0;
    for (const chunk of [...this.chunks, this.current]) {
      const end = chunk === this.current ? this.position : chunk.length;
      for (let i = 0; i < end; i++) visit(chunk[i], index++);
    }
  }

  /** Copies the values into one exact-length array and empties this buffer. */
  toArray(): T {
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
