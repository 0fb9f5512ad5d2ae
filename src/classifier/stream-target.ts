import { DataError, show } from '../errors.js';
import { listNames, type RawColumns } from '../data/table.js';
import { MissingValues, parseBooleanWord, parseNumber } from '../data/parse-value.js';
import type { PositiveClass, TargetColumn } from '../data/target-builder.js';

const MAX_CLASSES = 1000;

/**
 * The target column of a file read in batches: rows per label text, counted in one pass, then
 * the classes and the positive class by TargetBuilder's rules (numbers merged and sorted, the
 * larger number, the true/yes value, else the rarer class). Keeps no per-row labels.
 */
export class StreamTarget {
  readonly name: string;
  private readonly missing: MissingValues;
  private readonly counts = new Map<string, number>();
  rows = 0;

  constructor(name: string, missingValues?: readonly string[]) {
    this.name = name;
    this.missing = new MissingValues(missingValues);
  }

  add(batch: RawColumns): void {
    const cells = batch.columns[batch.names.indexOf(this.name)];
    for (let r = 0; r < batch.rows; r++) {
      const text = cells[r];
      if (this.missing.has(text)) {
        const line = batch.lines?.[r];
        throw new DataError(
          'data/missing-target',
          `${batch.file ?? 'the data'}${line === undefined ? '' : `, line ${line}`}, target column ${JSON.stringify(this.name)}: ` +
            `the label is missing (${show(text)}). Every training row needs a label: fill it in or delete the row.`,
          { file: batch.file, line, column: this.name },
        );
      }
      this.counts.set(text, (this.counts.get(text) ?? 0) + 1);
      if (this.counts.size > MAX_CLASSES) {
        throw new DataError('data/too-many-classes', `The target ${JSON.stringify(this.name)} has more than ${MAX_CLASSES} distinct values; choose the class column with the target option.`);
      }
      this.rows++;
    }
  }

  /** The column without labels (`labels` is empty) and the class index of a label's text. */
  finish(positive: string | undefined, file: string): { target: TargetColumn; classOf: (text: string) => number } {
    const values = [...this.counts.keys()];
    const numeric = values.every((value) => Number.isFinite(parseNumber(value)));
    const nameOf = (value: string) => (numeric ? String(parseNumber(value)) : value);
    let classes = [...new Set(values.map(nameOf))].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const countOf = (name: string) => values.reduce((sum, value) => sum + (nameOf(value) === name ? this.counts.get(value)! : 0), 0);
    if (classes.length < 2) {
      throw new DataError('data/one-class', `${file}: the target column ${JSON.stringify(this.name)} has a single class (${show(classes[0] ?? '')}) in all ${this.rows} rows; a classifier needs at least two classes.`, { file, column: this.name });
    }
    let chosen: PositiveClass | undefined;
    if (classes.length === 2) {
      chosen = choosePositive(classes, numeric, countOf, positive, this.rows);
      classes = [classes.find((name) => name !== chosen!.value)!, chosen.value];
    }
    const index = new Map(values.map((value) => [value, classes.indexOf(nameOf(value))]));
    const target: TargetColumn = { name: this.name, classes, labels: new Int32Array(0), counts: classes.map(countOf), positive: chosen };
    return { target, classOf: (text) => index.get(text) ?? -1 };
  }
}

function choosePositive(classes: string[], numeric: boolean, countOf: (name: string) => number, positive: string | undefined, rows: number): PositiveClass {
  const tail = (value: string) => {
    const other = classes.find((name) => name !== value)!;
    return `pass positive: ${JSON.stringify(other)} (on the command line --positive ${other}) to choose the other class.`;
  };
  if (positive !== undefined) {
    const value = classes.find((name) => name === positive || (numeric && Number(name) === parseNumber(positive)));
    if (value === undefined) {
      throw new DataError('data/unknown-positive', `positive: ${show(positive)} is not a class of the target; its classes are ${listNames(classes)}. Pass one of them.`);
    }
    return { value, reason: 'option', message: `Positive class ${JSON.stringify(value)} (chosen with the positive option).` };
  }
  if (numeric) {
    const value = classes[1];
    return { value, reason: 'larger-number', message: `Positive class ${JSON.stringify(value)} (of the numeric labels, the larger one: ${countOf(value)} of ${rows} rows); ${tail(value)}` };
  }
  const truths = classes.map(parseBooleanWord);
  if (truths.includes(1) && truths.includes(0)) {
    const value = classes[truths.indexOf(1)];
    return { value, reason: 'true-value', message: `Positive class ${JSON.stringify(value)} (the true/yes value); ${tail(value)}` };
  }
  const value = countOf(classes[0]) < countOf(classes[1]) ? classes[0] : classes[1];
  return { value, reason: 'rarer-class', message: `Positive class ${JSON.stringify(value)} (the rarer class, ${countOf(value)} of ${rows} rows); ${tail(value)}` };
}
