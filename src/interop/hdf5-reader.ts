import * as hdf5 from 'jsfive';
import { FormatError } from '../errors.js';
import type { WeightArray } from './keras-graph.js';

/**
 * An HDF5 file read with jsfive (pure JavaScript, so it works in browsers too): groups by path,
 * attributes as JavaScript values with fixed-length strings' NUL padding removed, float datasets
 * as float32 arrays. Every failure names the file and the path.
 */
export class Hdf5Reader {
  private readonly root: hdf5.File;
  readonly file: string;

  constructor(bytes: Uint8Array, file: string) {
    this.file = file;
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    try {
      this.root = new hdf5.File(buffer, file);
    } catch (error) {
      throw new FormatError('format/invalid', `${file} is not a readable HDF5 file (${(error as Error).message}).`, file, { cause: error });
    }
  }

  has(path: string): boolean {
    let node: hdf5.Group | hdf5.Dataset = this.root;
    for (const part of path.split('/').filter((p) => p !== '')) {
      if (!(node instanceof hdf5.Group) || !node.keys.includes(part)) return false;
      node = node.get(part);
    }
    return true;
  }

  isGroup(path: string): boolean {
    return this.has(path) && this.node(path) instanceof hdf5.Group;
  }

  /** The names inside a group, sorted as HDF5 stores them. */
  keys(path: string): string[] {
    const node = this.node(path);
    return node instanceof hdf5.Group ? node.keys : [];
  }

  /** An attribute: strings without NUL padding, arrays of strings likewise; undefined when absent. */
  attr(path: string, name: string): unknown {
    const value = this.node(path).attrs[name];
    const clean = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\0+$/, '') : v);
    return Array.isArray(value) ? value.map(clean) : clean(value);
  }

  /** A float (or integer: Normalization's count) dataset as float32, with its shape. */
  floats(path: string): WeightArray {
    const node = this.node(path);
    if (!(node instanceof hdf5.Dataset) || typeof node.dtype !== 'string' || !/^[<>](f[48]|[iu][1248])$/.test(node.dtype)) {
      throw new FormatError('format/invalid', `${this.file}: ${path} is not a numeric dataset (float or integer).`, this.file);
    }
    return { shape: [...node.shape], data: Float32Array.from(node.value as ArrayLike<number>) };
  }

  private node(path: string): hdf5.Group | hdf5.Dataset {
    if (path === '' || path === '/') return this.root;
    if (!this.has(path)) throw new FormatError('format/invalid', `${this.file}: ${path} is missing from the HDF5 file.`, this.file);
    return this.root.get(path);
  }
}
