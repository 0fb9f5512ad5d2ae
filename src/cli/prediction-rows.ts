import type { Tensor } from '../tensor/tensor.js';

/**
 * Predictions as text, one row per input row, in input order: CSV (a header, then probabilities
 * and the predicted class name) or JSON Lines. Binary models give the positive-class probability;
 * multi-class models one probability per class. Classes follow the model's rule: probability >
 * threshold for binary models, the most probable class otherwise.
 */
export interface PredictionFormat {
  readonly classNames: readonly string[];
  readonly threshold: number;
}

/** The CSV header: probability_<class> per reported class, then class. */
export function predictionHeader(format: PredictionFormat): string {
  return [...probabilityClasses(format).map((name) => `probability_${name}`), 'class'].map(csvField).join(',') + '\n';
}

/** CSV lines for a batch of probabilities (rows, 1) or (rows, classes) and their classes (rows). */
export function predictionCsv(probabilities: Tensor, classes: Int32Array, format: PredictionFormat): string {
  let text = '';
  const cols = probabilities.cols;
  for (let row = 0; row < probabilities.rows; row++) {
    for (let c = 0; c < cols; c++) text += `${formatFloat32(probabilities.data[row * cols + c])},`;
    text += `${csvField(format.classNames[classes[row]])}\n`;
  }
  return text;
}

/** JSON Lines: {"probabilities": {"<class>": p, ...}, "class": "<name>"} per row. */
export function predictionJsonLines(probabilities: Tensor, classes: Int32Array, format: PredictionFormat): string {
  const names = probabilityClasses(format);
  const cols = probabilities.cols;
  let text = '';
  for (let row = 0; row < probabilities.rows; row++) {
    const values = Object.fromEntries(names.map((name, c) => [name, Number(formatFloat32(probabilities.data[row * cols + c]))]));
    text += JSON.stringify({ probabilities: values, class: format.classNames[classes[row]] }) + '\n';
  }
  return text;
}

function probabilityClasses(format: PredictionFormat): readonly string[] {
  return format.classNames.length === 2 ? [format.classNames[1]] : format.classNames;
}

/**
 * The shortest decimal that reads back as the same float32, so predictions written to a file
 * equal the in-memory ones exactly (0.1 rather than 0.10000000149011612).
 */
export function formatFloat32(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(Number(value.toPrecision(9)));
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
