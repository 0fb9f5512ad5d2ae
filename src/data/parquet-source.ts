import { parquetMetadataAsync, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { DataError, show } from '../errors.js';
import { parquetFields } from './parquet-fields.js';
import type { SourceField } from './typed-table-builder.js';

/**
 * Parquet bytes as a reader takes them: the whole file (ArrayBuffer, Uint8Array), a Blob or
 * File (read in slices, never whole), or any AsyncBuffer (hyparquet's `{ byteLength, slice }`,
 * e.g. the Node entry's file reader).
 */
export type ParquetInput = ArrayBuffer | Uint8Array | Blob | AsyncBuffer;

/** An opened Parquet file: its bytes, metadata, columns and row count. */
export interface ParquetSource {
  readonly buffer: AsyncBuffer;
  readonly metadata: FileMetaData;
  readonly fields: readonly SourceField[];
  readonly rows: number;
  /** The name used in messages: the given one, a File's name, else undefined. */
  readonly file: string | undefined;
}

/** Reads a Parquet file's footer; a file that is not Parquet is a DataError naming it. */
export async function openParquet(input: ParquetInput, file?: string): Promise<ParquetSource> {
  const name = file ?? (typeof Blob !== 'undefined' && input instanceof Blob && 'name' in input ? String(input.name) : undefined);
  const buffer = asyncBuffer(input);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new DataError(
      'data/not-parquet',
      `${name ?? 'The data'} could not be read as a Parquet file (${error instanceof Error ? error.message : show(error)}); ` +
        'check that it is a complete .parquet file, or give a CSV file instead.',
      { file: name },
    );
  }
  return { buffer, metadata, fields: parquetFields(metadata), rows: Number(metadata.num_rows), file: name };
}

function asyncBuffer(input: ParquetInput): AsyncBuffer {
  if (input instanceof ArrayBuffer) return input;
  if (input instanceof Uint8Array) {
    const { buffer, byteOffset, byteLength } = input;
    if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
    return { byteLength, slice: (start, end = byteLength) => input.slice(start, end).buffer as ArrayBuffer };
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    return { byteLength: input.size, slice: (start, end) => input.slice(start, end).arrayBuffer() };
  }
  const duck = input as Partial<AsyncBuffer> | null;
  if (typeof duck === 'object' && duck !== null && typeof duck.byteLength === 'number' && typeof duck.slice === 'function') return duck as AsyncBuffer;
  throw new DataError(
    'data/parquet-input',
    `Expected Parquet bytes (an ArrayBuffer, a Uint8Array, a Blob or File, or an AsyncBuffer) but got ${show(input)}.`,
  );
}
