import type { Classifier } from '../classifier/classifier.js';
import type { OptionName } from '../classifier/fit-classifier.js';
import { trainClassifierStream, type StreamClassifierOptions, type StreamOpener } from '../classifier/train-classifier-stream.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { openParquet } from '../data/parquet-source.js';
import { sniffDecimal } from '../data/sniff-decimal.js';
import type { ColumnType } from '../data/table.js';
import type { CsvProgress } from '../data/csv-read-chunks.js';
import { ConfigError, show } from '../errors.js';
import { openCsv } from './csv-source.js';
import { dataFileFormat } from './data-file-format.js';
import { openParquetFile } from './parquet-file.js';
import { readBatches } from './read-batches.js';
import { readCsvCellBatches } from './read-csv-cell-batches.js';
import { isOneByte, readCsvTables } from './read-csv-tables.js';

export interface TrainClassifierFileOptions extends StreamClassifierOptions {
  /** Rows read from the file at a time (default 10,000); batches of rows, not rows, are split. */
  readonly chunkRows?: number;
  /**
   * The first pass over a CSV file (`scan`: fitting the preprocessing, counting the labels) and the
   * last (`score`: scoring the validation and test chunks): called after each MiB read with the
   * bytes and rows read so far (rows in whole chunks), the file's size, the rates and the time
   * left. The epochs between report as training does (callbacks, onPlan).
   */
  readonly onPassProgress?: (progress: StreamPassProgress) => void;
}

/** Progress of a pass over the file that is not an epoch (see onPassProgress). */
export interface StreamPassProgress extends CsvProgress {
  readonly pass: 'scan' | 'score';
}

/** Rows per chunk unless told: small next to the shuffle buffer, large enough to read fast. */
export const DEFAULT_CHUNK_ROWS = 10_000;

/**
 * trainClassifier for a CSV, Parquet or Arrow file too large for memory: the file is read a
 * chunk of `chunkRows` rows at a time, once to fit the preprocessing and count the labels, once
 * per epoch, and once to score the held-out chunks (see trainClassifierStream). Memory is bounded
 * by the chunk and the shuffle buffer, not by the file. A CSV file's delimiter and decimal
 * separator are settled from its start as readCsv settles them; a Parquet file's column kinds
 * come from its schema.
 *
 *   const clf = await nn.trainClassifierFile('big.csv', { target: 'churned', shuffleBuffer: 200_000 })
 *   await clf.save('models/churn')
 */
export async function trainClassifierFile(
  path: string, options: TrainClassifierFileOptions = {}, option: OptionName = (name) => name, hint: HintWriter = libraryHint,
): Promise<Classifier> {
  const { chunkRows = DEFAULT_CHUNK_ROWS, onPassProgress, ...streamOptions } = options;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new ConfigError('config/chunk-rows', `chunkRows should be a positive whole number of rows, e.g. 10000, but got ${show(chunkRows)}.`);
  }
  const format = dataFileFormat(path);
  let settled: StreamClassifierOptions = { ...streamOptions, file: options.file ?? path };
  if (format === 'csv') {
    const source = await openCsv(path, options.delimiter);
    const decimal = options.decimal ?? sniffDecimal(source.start, source.delimiter).decimal;
    settled = { ...settled, delimiter: source.delimiter, decimal };
  } else if (format === 'parquet') {
    settled = { ...settled, columnTypes: { ...(await parquetColumnTypes(path)), ...options.columnTypes } };
  }
  // NOTE: the first pass infers the columns' kinds from the cells as text, made only where the
  // inference needs one (CsvCellBatch); the later ones (one per epoch) read the CSV typed,
  // numbers straight from the bytes, which the same preprocessing turns into the same features.
  const open: StreamOpener = (reading) => {
    const { delimiter, decimal = '.', missingValues } = settled;
    if (format !== 'csv' || delimiter === undefined || !isOneByte(delimiter)) return readBatches(path, { batchSize: chunkRows, delimiter });
    const progress = (pass: StreamPassProgress['pass']) => onPassProgress && ((read: CsvProgress) => onPassProgress({ ...read, pass }));
    if (reading === undefined) return readCsvCellBatches(path, { batchSize: chunkRows, delimiter, decimal, missingValues, onProgress: progress('scan') });
    const onProgress = reading.pass === 'score' ? progress('score') : undefined;
    return readCsvTables(path, { ...reading, batchSize: chunkRows, delimiter, onProgress });
  };
  return trainClassifierStream(open, settled, option, hint);
}

/** The kinds a Parquet file's schema gives its columns (those it gives one). */
async function parquetColumnTypes(path: string): Promise<Record<string, ColumnType>> {
  const file = await openParquetFile(path);
  try {
    const { fields } = await openParquet(file, path);
    return Object.fromEntries(fields.flatMap((field) => (field.kind === undefined ? [] : [[field.name, field.kind]])));
  } finally {
    await file.close();
  }
}
