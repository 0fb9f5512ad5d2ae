import { show } from '../errors.js';
import { kernels } from '../kernels/backend.js';
import { Tensor, toLabels, toMatrix, type LabelsLike, type TensorLike } from '../tensor/tensor.js';
import { diagnose, raise, type DiagnosticStage } from './diagnostic.js';

const SHOWN = 5;

function columnLabel(column: number, names: readonly string[] | undefined): string {
  return names?.[column] !== undefined ? `${column} ("${names[column]}")` : String(column);
}

/**
 * Rejects anything but numbers in nested arrays before conversion: a Float32Array would turn
 * null into 0, true into 1 and "3" into 3 without a word.
 */
function checkNumeric(rows: readonly unknown[], what: string, stage: DiagnosticStage, nested: boolean): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!nested) {
      if (typeof row !== 'number') reject(row, i, undefined);
      continue;
    }
    if (!Array.isArray(row)) continue; // NOTE: conversion reports a row that is not an array.
    for (let j = 0; j < row.length; j++) if (typeof row[j] !== 'number') reject(row[j], i, j);
  }
  function reject(value: unknown, row: number, column: number | undefined): never {
    const where = column === undefined ? `row ${row}` : `row ${row}, column ${column}`;
    raise(diagnose('non-numeric-features', stage, {
      what: `${what} holds ${show(value)} at ${where}, which is not a number.`,
      why: 'Converting it to float32 would silently make it 0, 1 or NaN, and the model would ' +
        'train on a value that is not in your data.',
      fix: 'Parse the column to numbers first (nn.data reads CSV files into numbers and encodes ' +
        'text columns), and impute or drop missing values.',
    }, { row, column }), { row, column: column === undefined ? undefined : String(column) });
  }
}

/** Throws 'nonfinite-features' with every offending column when x holds NaN or Infinity. */
export function checkFinite(x: Tensor, what: string, stage: DiagnosticStage, names?: readonly string[]): void {
  const { data, cols } = x;
  // NOTE: the SIMD count scans in a tenth of the time of the loop below, which only runs to
  // name the offending cells once something is wrong.
  if (kernels().scans.countNonFinite(data, data.length) === 0) return;
  let count = 0;
  const cells: { row: number; column: number; value: number }[] = [];
  const perColumn = new Map<number, number>();
  for (let i = 0; i < data.length; i++) {
    if (Number.isFinite(data[i])) continue;
    count++;
    const row = Math.floor(i / cols);
    const column = i % cols;
    perColumn.set(column, (perColumn.get(column) ?? 0) + 1);
    if (cells.length < SHOWN) cells.push({ row, column, value: data[i] });
  }
  if (count === 0) return;
  const shown = cells.map((c) => `row ${c.row}, column ${columnLabel(c.column, names)}: ${c.value}`).join('; ');
  const columns = [...perColumn].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${columnLabel(c, names)} (${n})`);
  raise(diagnose('nonfinite-features', stage, {
    what: `${what} holds ${count} NaN or infinite value(s): ` +
      `${shown}${count > SHOWN ? '; …' : ''}. Columns affected: ` +
      `${columns.slice(0, 10).join(', ')}${columns.length > 10 ? ', …' : ''}.`,
    why: 'One NaN turns every weight it reaches into NaN after a single step, and from then on ' +
      'the model outputs NaN for every row.',
    fix: 'Impute missing values (e.g. with the column mean or median of the training rows) or ' +
      'drop those rows before calling the model; nn.data preprocessing does this for CSV files.',
  }, { count, cells, columns: [...perColumn.keys()] }), { row: cells[0].row, column: String(cells[0].column) });
}

/**
 * Converts features for fit / predict / evaluate: numbers only, finite, 2-D; `fit` also needs
 * at least one row. Shape problems are the tensor module's ShapeErrors. `finite: false` leaves
 * the finiteness check to the caller, who must run `checkFinite` (or count with the kernels)
 * over every value before using it.
 */
export function toFeatures(
  x: TensorLike, what: string, stage: DiagnosticStage, names?: readonly string[], finite = true,
): Tensor {
  if (Array.isArray(x)) checkNumeric(x, what, stage, true);
  const raw = x instanceof Tensor ? x : Array.isArray(x) ? toMatrixUnchecked(x, what) : toMatrix(x, what);
  if (finite) checkFinite(raw, what, stage, names);
  // NOTE: checkFinite has looked at every value, so a 2-D tensor needs no second pass.
  const t = raw.rank === 2 ? raw : toMatrix(raw, what);
  if (stage === 'fit' && t.rows === 0) {
    raise(diagnose('empty-data', stage, {
      what: `${what} has no rows.`,
      why: 'There is nothing to learn from, and the loss of an empty epoch would be reported as 0.',
      fix: 'Check the filter or split that produced the data; fit needs at least one row (in ' +
        'practice hundreds).',
    }));
  }
  return t;
}

/** Nested arrays → a 2-D tensor without the finiteness check (done above, with every column). */
function toMatrixUnchecked(rows: readonly (readonly number[])[], what: string): Tensor {
  if (rows.length === 0) return new Tensor(new Float32Array(0), [0, 0]);
  const first = rows[0];
  const cols = Array.isArray(first) ? first.length : 0;
  const data = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== cols) return toMatrix(rows, what); // NOTE: its ShapeError names the row.
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
  }
  return new Tensor(data, [rows.length, cols]);
}

/** Converts labels, rejecting anything but numbers in plain arrays (see checkNumeric). */
export function toTargets(y: LabelsLike, what: string, stage: DiagnosticStage): Tensor {
  if (Array.isArray(y)) checkNumeric(y, what, stage, Array.isArray(y[0]));
  return toLabels(y, what);
}
