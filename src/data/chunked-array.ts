/**
 * A growable typed array made of chunks. Growing never copies what is already stored (a doubling
 * buffer would briefly hold the old and the new copy). When the final length is known in advance
 * (`expected`, e.g. from counting the lines of a file), the first chunk has exactly that size and
 * `toArray` hands it over without any copy; otherwise `toArray` copies the chunks into one array.
 * `start` leaves room in front of the values in that first array (see appendInPlace); `shared`
 * puts that array in a SharedArrayBuffer, which the reader of the rows in front adopts (see adopt).
 */
const CHUNK_SIZE = 65536;

export type TypedArrayConstructor<T> = { new (length: number): T; new (buffer: ArrayBufferLike): T; readonly BYTES_PER_ELEMENT: number };

export class ChunkedArray<T extends Float32Array | Int32Array> {
  private readonly make: TypedArrayConstructor<T>;
  private chunks: T[] = [];
  private current: T;
  private position = 0;
  /** Where `current` is full: its length, or the room an adopted array has for these values. */
  private limit = 0;
  private stored = 0;
  /** Where the values start in the first array (chunks[0], or current while there are no chunks). */
  private start = 0;

  /** `start` (at most `expected`) leaves that many slots empty in front of the values. */
  constructor(make: TypedArrayConstructor<T>, expected = 0, start = 0, shared = false) {
    this.make = make;
    this.current = shared ? new make(new SharedArrayBuffer(expected * make.BYTES_PER_ELEMENT)) : new make(expected);
    this.limit = expected;
    this.position = this.start = Math.min(start, expected);
  }

  /** The array the values are stored in while it is the only one (e.g. to share it); else undefined. */
  get storage(): T | undefined {
    return this.chunks.length === 0 ? this.current : undefined;
  }

  /**
   * Moves the values into `whole` (an array another reader fills from index `room` on, see
   * TablePart) and goes on storing there: every value up to `room` lands in place, and
   * appendInPlace then takes the other reader's values over without copying this one's. Returns
   * false (nothing done) when this one leaves room in front itself or already holds more than `room`.
   */
  adopt(whole: T, room: number): boolean {
    if (this.start !== 0 || this.stored > room || whole.length < room) return false;
    let offset = 0;
    for (const chunk of [...this.chunks, this.current.subarray(0, this.position)]) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    this.chunks = [];
    this.current = whole;
    this.position = this.stored;
    this.limit = room;
    return true;
  }

  get length(): number {
    return this.stored;
  }

  push(value: number): void {
    if (this.position === this.limit) {
      if (this.position > 0) this.chunks.push(this.current.subarray(0, this.position) as T);
      this.current = new this.make(CHUNK_SIZE);
      this.position = 0;
      this.limit = CHUNK_SIZE;
    }
    this.current[this.position++] = value;
    this.stored++;
  }

  /**
   * Appends `values`, taking the array over (the caller does not use it again): copied into the
   * current array when they all fit in its room (a presized first array), else kept as a chunk of
   * its own after the values so far, with no copy.
   */
  append(values: T): void {
    this.stored += values.length;
    if (values.length <= this.limit - this.position) {
      this.current.set(values, this.position);
      this.position += values.length;
      return;
    }
    if (this.position > 0) this.chunks.push(this.current.subarray(0, this.position) as T);
    this.chunks.push(values);
    // NOTE: an empty current array: the next push starts a new chunk.
    this.current = new this.make(0);
    this.position = this.limit = 0;
  }

  /**
   * Appends `values`, a view into a longer array at an offset past this one's values (a part
   * built with `start`, see TablePart), by taking that array over: this one's values (one array
   * or many chunks) are copied in front of them, and they move down if there is a gap. False
   * (nothing done) when there is no room in front, or this one leaves room in front itself.
   */
  appendInPlace(values: T): boolean {
    const at = values.byteOffset / values.BYTES_PER_ELEMENT;
    if (this.start !== 0 || at < this.stored) return false;
    // NOTE: after adopt(), this one's values are already in front of them: nothing to copy.
    const current = this.current;
    const inPlace = this.chunks.length === 0 && current.byteOffset === 0 && current.length >= at + values.length && sameMemory(current, values, at);
    const whole = inPlace ? this.current : new this.make(values.buffer);
    let offset = 0;
    for (const chunk of inPlace ? [] : [...this.chunks, this.current.subarray(0, this.position)]) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    if (at !== this.stored) whole.copyWithin(this.stored, at, at + values.length);
    this.chunks = [];
    this.current = whole;
    this.stored += values.length;
    this.position = this.limit = this.stored;
    return true;
  }

  /**
   * The stored values as the arrays that hold them (no copy; the first and last may be views of
   * longer ones), e.g. to transfer them to another thread; empties this.
   */
  takeChunks(): T[] {
    const arrays = [...this.chunks, this.current];
    const chunks = arrays.map((array, i) => array.subarray(i === 0 ? this.start : 0, i === arrays.length - 1 ? this.position : array.length) as T);
    this.chunks = [];
    this.current = new this.make(0);
    this.position = this.stored = this.start = this.limit = 0;
    return chunks;
  }

  /** Calls `visit(value, index)` for every stored value in order. */
  forEach(visit: (value: number, index: number) => void): void {
    let index = 0;
    const arrays = [...this.chunks, this.current];
    arrays.forEach((chunk, n) => {
      const end = n === arrays.length - 1 ? this.position : chunk.length;
      for (let i = n === 0 ? this.start : 0; i < end; i++) visit(chunk[i], index++);
    });
  }

  /** The values as one exact-length array (copied unless `expected` was right); empties this. */
  toArray(): T {
    if (this.chunks.length === 0 && this.start === 0 && this.position === this.current.length) {
      const whole = this.current;
      this.current = new this.make(0);
      this.position = this.stored = this.limit = 0;
      return whole;
    }
    const out = new this.make(this.stored);
    const chunks: (T | undefined)[] = this.takeChunks();
    let offset = 0;
    for (let i = 0; i < chunks.length; i++) {
      out.set(chunks[i]!, offset);
      offset += chunks[i]!.length;
      // NOTE: each chunk is let go once copied, so the copy and the chunks never all coexist.
      chunks[i] = undefined;
    }
    return out;
  }
}

/**
 * Whether `values` is `whole`'s memory from index `at` on. NOTE: a SharedArrayBuffer posted from
 * a thread twice arrives as two objects over one memory, which no property tells apart; a byte
 * written through one view that shows through the other does (nothing else writes there now).
 */
function sameMemory(whole: Float32Array | Int32Array, values: Float32Array | Int32Array, at: number): boolean {
  if (whole.buffer === values.buffer) return values.byteOffset === at * whole.BYTES_PER_ELEMENT;
  if (typeof SharedArrayBuffer === 'undefined' || values.length === 0) return false;
  if (!(whole.buffer instanceof SharedArrayBuffer) || !(values.buffer instanceof SharedArrayBuffer)) return false;
  const mine = new Uint8Array(whole.buffer, at * whole.BYTES_PER_ELEMENT, 1);
  const theirs = new Uint8Array(values.buffer, values.byteOffset, 1);
  const original = mine[0];
  mine[0] = theirs[0] ^ 1;
  const same = theirs[0] === mine[0];
  mine[0] = original;
  return same;
}

/** Appends a part's arrays: in place when it is one view with room in front (see appendInPlace). */
export function appendAll<T extends Float32Array | Int32Array>(into: ChunkedArray<T>, arrays: readonly T[]): void {
  if (arrays.length === 1 && into.appendInPlace(arrays[0])) return;
  for (const array of arrays) into.append(array);
}
