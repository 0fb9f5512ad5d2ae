import { diagnose, raise, type Diagnostic } from '../doctor/diagnostic.js';
import type { Loss } from '../losses/loss.js';
import type { Tensor } from '../tensor/tensor.js';

/** Up to `limit` offending (row, value) pairs, formatted for a message, and the distinct values. */
function listOffenders(
  y: Tensor, bad: (v: number) => boolean, limit = 5,
): { count: number; text: string; rows: number[]; values: number[] } {
  const found: string[] = [];
  const rows: number[] = [];
  const values = new Set<number>();
  let count = 0;
  for (let i = 0; i < y.data.length; i++) {
    if (!bad(y.data[i])) continue;
    count++;
    if (values.size < 20) values.add(y.data[i]);
    if (found.length < limit) {
      found.push(`row ${Math.floor(i / y.cols)}: ${y.data[i]}`);
      rows.push(Math.floor(i / y.cols));
    }
  }
  const text = found.join(', ') + (count > limit ? `, … (${count} in all)` : '');
  return { count, text, rows, values: [...values].sort((a, b) => a - b) };
}

/** How to map binary labels that are outside [0, 1], judged from every distinct label value. */
function binaryFix(y: Tensor): string {
  const all = listOffenders(y, () => true, 0).values;
  const is = (a: number, b: number) => all.length === 2 && all[0] === a && all[1] === b;
  if (is(1, 2)) return 'The classes look coded as 1 and 2: subtract 1 so they are 0 and 1.';
  if (is(-1, 1)) return 'The classes look coded as -1 and 1: map them with (y + 1) / 2 so they are 0 and 1.';
  if (all.length > 2 && all.every((v) => Number.isInteger(v) && v >= 0)) {
    return `There are ${all.length} distinct classes: use a softmax output with one unit per class ` +
      "and loss: 'sparse_categorical_crossentropy'.";
  }
  return 'Map the negative class to 0 and the positive class to 1 (e.g. y > threshold ? 1 : 0).';
}

/**
 * Checks that labels fit the loss and the model's output before training or evaluation, so a
 * mismatch is an error that names the fix instead of a model that silently learns nothing.
 * Throws a DiagnosticError for errors; returns the warnings for the model doctor to keep.
 */
export function checkLabels(loss: Loss, predCols: number, x: Tensor, y: Tensor, what: string): Diagnostic[] {
  const stage = what === 'evaluate' ? 'evaluate' : 'fit';
  if (y.rows !== x.rows) {
    raise(diagnose('label-row-mismatch', stage, {
      what: `${what}: x has ${x.rows} rows but y has ${y.rows}.`,
      why: 'Each row of x needs exactly one label; with different counts the pairing of rows and ' +
        'labels is lost.',
      fix: 'Pass x and y from the same table (split them together, e.g. with ' +
        'nn.data.trainTestSplit), or check for a dropped header or trailing row.',
    }, { xRows: x.rows, yRows: y.rows }));
  }
  const expectedCols = loss.labelColumns(predCols);
  if (loss.name === 'sparse_categorical_crossentropy') {
    if (y.cols !== 1) {
      raise(diagnose('sparse-labels-one-hot', stage, {
        what: `${what}: sparse_categorical_crossentropy expects one class index per row but the ` +
          `labels have ${y.cols} columns.`,
        why: 'These look like one-hot rows; a sparse loss would read them as class indices.',
        fix: "Use loss: 'categorical_crossentropy' for one-hot labels, or pass the class indices " +
          "(the argmax of each one-hot row).",
      }, { labelColumns: y.cols }));
    }
    const { count, text, rows, values } = listOffenders(y, (v) => !Number.isInteger(v) || v < 0 || v >= predCols);
    if (count > 0) {
      raise(diagnose('sparse-label-range', stage, {
        what: `${what}: sparse_categorical_crossentropy needs integer labels in ` +
          `0..${predCols - 1} (the model has ${predCols} outputs) but found ${text}.`,
        why: 'A class index outside the outputs has no probability to score, so the loss would ' +
          'read past the row.',
        fix: `Re-code the labels as 0..${predCols - 1} (e.g. subtract 1 if they start at 1), or ` +
          `give the last layer as many units as there are classes.`,
      }, { count, rows, values }), { row: rows[0] });
    }
    return [];
  }
  if (y.cols !== expectedCols) {
    if (loss.name === 'categorical_crossentropy' && y.cols === 1) {
      raise(diagnose('categorical-labels-integer', stage, {
        what: `${what}: categorical_crossentropy with a ${predCols}-unit output expects one-hot ` +
          `labels with ${predCols} columns but got one column.`,
        why: 'These look like class indices; the categorical loss needs one column per class.',
        fix: `Convert them with nn.toCategorical(y, ${predCols}), or use loss: ` +
          `'sparse_categorical_crossentropy' with the indices as they are.`,
      }, { labelColumns: y.cols, outputUnits: predCols }));
    }
    raise(diagnose('label-columns-mismatch', stage, {
      what: `${what}: ${loss.name} with a ${predCols}-unit output expects labels with ` +
        `${expectedCols} column(s) but got ${y.cols}.`,
      why: 'Each output unit is compared with one label column, so the counts must match.',
      fix: `Give the last layer ${y.cols} units, or pass labels with ${expectedCols} column(s).`,
    }, { labelColumns: y.cols, expectedColumns: expectedCols, outputUnits: predCols }));
  }
  if (loss.name === 'categorical_crossentropy') {
    const { count, text, rows, values } = listOffenders(y, (v) => v < 0 || v > 1);
    if (count > 0) {
      raise(diagnose('categorical-labels-out-of-range', stage, {
        what: `${what}: categorical_crossentropy needs labels between 0 and 1 but found ${text}.`,
        why: 'Each label row is a distribution over the classes; other values make the loss ' +
          'negative or unbounded.',
        fix: 'Pass one-hot rows (nn.toCategorical(indices, classes)), or class indices with ' +
          'sparse_categorical_crossentropy.',
      }, { count, rows, values }), { row: rows[0] });
    }
  }
  if (loss.name === 'binary_crossentropy' || loss.name === 'binary_focal_crossentropy') {
    const outside = listOffenders(y, (v) => v < 0 || v > 1);
    if (outside.count > 0) {
      raise(diagnose('binary-labels-out-of-range', stage, {
        what: `${what}: ${loss.name} needs labels 0 or 1 but found ${outside.text} (values ` +
          `${outside.values.join(', ')}).`,
        why: 'Binary cross-entropy is defined for labels in [0, 1]; other values make the loss ' +
          'negative and training pushes the wrong way.',
        fix: binaryFix(y),
      }, { count: outside.count, rows: outside.rows, values: outside.values }), { row: outside.rows[0] });
    }
    const fractional = listOffenders(y, (v) => v !== 0 && v !== 1);
    if (fractional.count > 0) {
      return [diagnose('binary-labels-fractional', stage, {
        what: `${what}: ${fractional.count} ${loss.name} label(s) are neither 0 nor 1: ` +
          `${fractional.text}.`,
        why: 'Fractional labels are read as target probabilities; if the column was meant to ' +
          'hold classes, the model learns the wrong targets and accuracy treats them as 0 / 1 at ' +
          '0.5.',
        fix: "If these are classes, round or map them to 0 and 1; if they are soft labels on " +
          "purpose, keep them and add 'binary-labels-fractional' to compile({ silence }).",
      }, { count: fractional.count, rows: fractional.rows, values: fractional.values })];
    }
  }
  return [];
}
