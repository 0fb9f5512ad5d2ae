import { extname } from 'node:path';

/** How a data file is read: as CSV text, or as typed columns (Parquet, Arrow IPC). */
export type DataFileFormat = 'csv' | 'parquet' | 'arrow';

/**
 * The format of a data file, by its extension: .parquet (or .pq) is Parquet; .arrow, .feather
 * and .ipc are Arrow IPC; anything else (.csv, .tsv, .txt, no extension) is CSV.
 */
export function dataFileFormat(path: string): DataFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.parquet' || extension === '.pq') return 'parquet';
  if (extension === '.arrow' || extension === '.feather' || extension === '.ipc') return 'arrow';
  return 'csv';
}
