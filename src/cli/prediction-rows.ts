import type { Tensor } from '../tensor/tensor.js';
import { formatFloat32 } from './format-float32.js';

export { formatFloat32 } from './format-float32.js';

/**
 * Predictions as text, one row per input row, in input order: CSV (a header, then the kept
 * columns, probabilities and the predicted class name), JSON Lines (one object per line) or JSON
 * (one array of those objects). Binary models give the positive-class probability; multi-class
 * models one probability per class. Classes follow the model's rule: probability > threshold for
 * binary models, the most probable class otherwise.
 */
export interface PredictionFormat {
  readonly classNames: readonly string[];
  readonly threshold: number;
}

/** How predictions are written: `nnkit predict --format`. */
export type PredictionFileFormat = 'csv' | 'json' | 'jsonl' | 'parquet';

/** Input columns copied into the output rows as they were read (`--keep`): text by column. */
export interface KeptColumns {
  readonly names: readonly string[];
  /** columns[k][r]: the text of row r in column names[k]. */
  readonly columns: readonly (readonly string[])[];
}

/** Writes predictions batch by batch, so a file of any size streams through in constant memory. */
export interface PredictionWriter {
  /** The text of a batch's rows, preceded by the header or the array's opening for the first. */
  batch(probabilities: Tensor, classes: Int32Array, kept: KeptColumns): string;
  /** The text after the last batch: the CSV header if no row came, the JSON array's close. */
  end(): string;
}

/** The output column names, which kept columns must not repeat. */
export function outputNames(format: PredictionFormat, fileFormat: PredictionFileFormat): readonly string[] {
  return fileFormat === 'csv' || fileFormat === 'parquet' ? [...probabilityClasses(format).map((name) => `probability_${name}`), 'class'] : ['probabilities', 'class'];
}

export function predictionWriter(fileFormat: PredictionFileFormat, format: PredictionFormat, keep: readonly string[]): PredictionWriter {
  let first = true;
  const start = () => {
    const opening = !first ? '' : fileFormat === 'csv' ? predictionHeader(format, keep) : fileFormat === 'json' ? '[\n' : '';
    first = false;
    return opening;
  };
  return {
    batch(probabilities, classes, kept) {
      if (probabilities.rows === 0) return '';
      if (fileFormat === 'csv') return start() + predictionCsv(probabilities, classes, format, kept);
      const separator = fileFormat === 'json' && !first ? ',\n' : '';
      const objects = predictionObjects(probabilities, classes, format, kept).map((row) => JSON.stringify(row));
      return start() + separator + objects.join(fileFormat === 'json' ? ',\n' : '\n') + (fileFormat === 'jsonl' ? '\n' : '');
    },
    end() {
      if (fileFormat === 'json') return first ? '[]\n' : '\n]\n';
      return start();
    },
  };
}

/** The CSV header: the kept columns, probability_<class> per reported class, then class. */
export function predictionHeader(format: PredictionFormat, keep: readonly string[] = []): string {
  return [...keep, ...outputNames(format, 'csv')].map(csvField).join(',') + '\n';
}

/** CSV lines for a batch of probabilities (rows, 1) or (rows, classes) and their classes (rows). */
export function predictionCsv(probabilities: Tensor, classes: Int32Array, format: PredictionFormat, kept: KeptColumns = NONE): string {
  let text = '';
  const cols = probabilities.cols;
  for (let row = 0; row < probabilities.rows; row++) {
    for (const column of kept.columns) text += `${csvField(column[row])},`;
    for (let c = 0; c < cols; c++) text += `${formatFloat32(probabilities.data[row * cols + c])},`;
    text += `${csvField(format.classNames[classes[row]])}\n`;
  }
  return text;
}

/** JSON Lines: {...kept, "probabilities": {"<class>": p, ...}, "class": "<name>"} per row. */
export function predictionJsonLines(probabilities: Tensor, classes: Int32Array, format: PredictionFormat, kept: KeptColumns = NONE): string {
  return predictionObjects(probabilities, classes, format, kept).map((row) => JSON.stringify(row) + '\n').join('');
}

const NONE: KeptColumns = { names: [], columns: [] };

function predictionObjects(probabilities: Tensor, classes: Int32Array, format: PredictionFormat, kept: KeptColumns): object[] {
  const names = probabilityClasses(format);
  const cols = probabilities.cols;
  const rows: object[] = [];
  for (let row = 0; row < probabilities.rows; row++) {
    const values = Object.fromEntries(names.map((name, c) => [name, Number(formatFloat32(probabilities.data[row * cols + c]))]));
    const keptValues = Object.fromEntries(kept.names.map((name, k) => [name, kept.columns[k][row]]));
    rows.push({ ...keptValues, probabilities: values, class: format.classNames[classes[row]] });
  }
  return rows;
}

function probabilityClasses(format: PredictionFormat): readonly string[] {
  return format.classNames.length === 2 ? [format.classNames[1]] : format.classNames;
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
