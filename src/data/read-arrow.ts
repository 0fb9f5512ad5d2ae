import { tableFromIPC } from 'apache-arrow';
import { DataError } from '../errors.js';
import { tableFromArrow, type ArrowData, type ArrowTableLike } from './arrow-table.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import type { TableOptions } from './table-builder.js';

export interface ReadArrowOptions extends TableOptions {
  /** The name of the source in messages (default: a File's name). */
  readonly file?: string;
}

/**
 * Reads Arrow IPC bytes (the file format, `.arrow` / `.feather` v2, or the stream format), a Blob
 * or File of them, or an Arrow table, into nnkit's columns with the column kinds of its schema
 * (see tableFromArrow).
 *
 *   const table = await nn.data.readArrow(await (await fetch('data.arrow')).arrayBuffer())
 */
export async function readArrow(
  input: ArrayBuffer | Uint8Array | Blob | ArrowTableLike, options: ReadArrowOptions = {}, hint: HintWriter = libraryHint,
): Promise<ArrowData> {
  const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
  const file = options.file ?? (isBlob && 'name' in input ? String(input.name) : undefined);
  const bytes = isBlob ? new Uint8Array(await input.arrayBuffer()) : input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (!(bytes instanceof Uint8Array)) return tableFromArrow(bytes as ArrowTableLike, { ...options, file }, hint);
  let table: ArrowTableLike;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new DataError(
      'data/not-arrow',
      `${file ?? 'The data'} could not be read as an Arrow IPC file (${error instanceof Error ? error.message : String(error)}); ` +
        'check that it is a complete .arrow (Feather v2) file, or give a CSV or Parquet file instead.',
      { file },
    );
  }
  return tableFromArrow(table, { ...options, file }, hint);
}
