import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Tensor } from '../tensor/tensor.js';
import { outputNames, type KeptColumns, type PredictionFormat } from './prediction-rows.js';

/**
 * Predictions as one Parquet file (`nnkit predict --out p.parquet`): the kept columns as text
 * (STRING, as they were read), one FLOAT column per reported probability (float32, the model's
 * own precision, so no digits are lost or invented) and the class name (STRING), named as in the
 * CSV output. Parquet's footer comes after the data, so rows are gathered and written at the end;
 * a prediction is 4 bytes per probability plus the class, small next to the rows read.
 */
export class PredictionParquet {
  private readonly format: PredictionFormat;
  private readonly keep: readonly string[];
  private readonly kept: string[][];
  private readonly probabilities: number[][];
  private readonly classes: string[] = [];

  constructor(format: PredictionFormat, keep: readonly string[]) {
    this.format = format;
    this.keep = keep;
    this.kept = keep.map(() => []);
    this.probabilities = outputNames(format, 'csv').slice(0, -1).map(() => []);
  }

  /** Adds a batch: probabilities (rows, 1) or (rows, classes), class indices (rows), kept text. */
  add(probabilities: Tensor, classes: Int32Array, kept: KeptColumns): void {
    const cols = probabilities.cols;
    for (let row = 0; row < probabilities.rows; row++) {
      kept.columns.forEach((column, k) => this.kept[k].push(column[row]));
      for (let c = 0; c < cols; c++) this.probabilities[c].push(probabilities.data[row * cols + c]);
      this.classes.push(this.format.classNames[classes[row]]);
    }
  }

  /** The whole file (snappy-compressed row groups of 100,000 rows). */
  bytes(): Uint8Array {
    const names = outputNames(this.format, 'csv');
    const columnData = [
      ...this.keep.map((name, k) => ({ name, data: this.kept[k], type: 'STRING' as const })),
      ...this.probabilities.map((data, c) => ({ name: names[c], data: Float32Array.from(data), type: 'FLOAT' as const, nullable: false })),
      { name: 'class', data: this.classes, type: 'STRING' as const, nullable: false },
    ];
    return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 }));
  }
}
