import { ConfigError, DataError, show } from '../errors.js';
import { appendAll, ChunkedArray } from './chunked-array.js';
import { MissingValues, parseBooleanWord, parseNumber } from './parse-value.js';
import { listNames } from './table.js';
import type { TargetPart } from './table-part.js';
import { CategoryCodes } from './category-codes.js';

/**
 * The target (label) column of a classification table: classes as text, one class index per row.
 *
 * Class order: numeric labels sort by value (`0`, `1`, `2`; `1` and `1.0` are one class), text
 * labels sort by code unit. For two classes the positive class is placed last (index 1) and chosen
 * by, in order: the `positive` option; the larger number; the true/yes word; the rarer class (the
 * event a classifier is usually built to find), ties going to the later class in sorted order.
 */
export type PositiveReason = 'option' | 'larger-number' | 'true-value' | 'rarer-class';

export interface PositiveClass {
  readonly value: string;
  readonly reason: PositiveReason;
  /** One sentence for people: which class is positive, why, and how to choose the other one. */
  readonly message: string;
}

export interface TargetColumn {
  readonly name: string;
  /** Class names; the class index in `labels` points here. For two classes, [negative, positive]. */
  readonly classes: readonly string[];
  /** Class index per row (rows). */
  readonly labels: Int32Array;
  /** Rows per class, parallel to `classes`. */
  readonly counts: readonly number[];
  /** Present for two-class targets. */
  readonly positive?: PositiveClass;
}

const MAX_CLASSES = 1000;

export class TargetBuilder {
  readonly name: string;
  private readonly file: string | undefined;
  private readonly missing: MissingValues;
  private readonly codes: ChunkedArray<Int32Array>;
  /** The labels' texts and rows per text. */
  private readonly labels = new CategoryCodes();
  private rows = 0;

  /** `expectedRows` and `start` size the storage (see ChunkedArray); `share` is given it in shared memory (see PartLayout). */
  constructor(name: string, missing: MissingValues, file?: string, expectedRows = 0, start?: number, share?: (whole: Int32Array) => void) {
    const shared = share !== undefined && expectedRows > 0;
    this.codes = new ChunkedArray(Int32Array, expectedRows, start, shared);
    if (shared) share(this.codes.storage!);
    this.name = name;
    this.missing = missing;
    this.file = file;
  }

  add(text: string, line: number): void {
    const row = this.rows++;
    const known = this.labels.codeOf(text);
    // NOTE: a known class is the common case (once per row of a large file): nothing else to do.
    if (known !== undefined) {
      this.labels.counts[known]++;
      this.codes.push(known);
      return;
    }
    const location = { file: this.file, line, column: this.name, row };
    const where = `${this.file ?? 'the data'}, line ${line}, target column ${JSON.stringify(this.name)}`;
    if (this.missing.has(text)) {
      throw new DataError(
        'data/missing-target',
        `${where}: the label is missing (${show(text)}). Every training row needs a label: fill it in or delete the row.`,
        location,
      );
    }
    if (this.labels.size === MAX_CLASSES) {
      throw new DataError(
        'data/too-many-classes',
        `${where}: the target has more than ${MAX_CLASSES} distinct values (this one is ${show(text)}); nnkit ` +
          'trains classifiers, so the target must hold class labels. Choose the class column with the target option.',
        location,
      );
    }
    this.codes.push(this.labels.add(text));
  }

  /** Goes on storing the codes in `whole`, which the reader of the records after these fills from row `room` on (see PartLayout). */
  adopt(whole: Int32Array, room: number): void {
    this.codes.adopt(whole, room);
  }

  /** What this column holds so far, unchecked (see TablePart); empties it. */
  part(): TargetPart {
    return { values: this.labels.texts, counts: this.labels.counts, codes: this.codes.takeChunks() };
  }

  /** Whether `part` can merge here: not when together they hold more classes than add() accepts. */
  canMerge(part: TargetPart): boolean {
    const added = part.values.filter((value) => this.labels.codeOf(value) === undefined).length;
    return this.labels.size + added <= MAX_CLASSES;
  }

  /** Appends the part read from the records after this column's, as if its labels had been added here. */
  merge(part: TargetPart): void {
    const codeOf = this.labels.merge(part.values, part.counts);
    for (const codes of part.codes) {
      for (let i = 0; i < codes.length; i++) codes[i] = codeOf[codes[i]];
      this.rows += codes.length;
    }
    appendAll(this.codes, part.codes);
  }

  /** The column; `allowOneClass` accepts a single class (then no positive class is chosen). */
  finish(positive?: string, allowOneClass = false): TargetColumn {
    const numeric = this.labels.texts.every((value) => Number.isFinite(parseNumber(value)));
    // Merge spellings of one number ("1", "1.0") into one class named by its shortest form.
    const classOf = this.labels.texts.map((value) => (numeric ? String(parseNumber(value)) : value));
    let classes = [...new Set(classOf)].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const countOf = (name: string) => this.labels.counts.reduce((sum, count, code) => sum + (classOf[code] === name ? count : 0), 0);
    if (classes.length < 2 && !(allowOneClass && classes.length === 1)) {
      throw new DataError(
        'data/one-class',
        `${this.file ?? 'The data'}: the target column ${JSON.stringify(this.name)} has a single class ` +
          `(${show(classes[0] ?? '')}) in all ${this.rows} rows; a classifier needs at least two classes. ` +
          'Check that the target option names the label column and that the file holds examples of every class.',
        { file: this.file, column: this.name },
      );
    }
    let chosen: PositiveClass | undefined;
    if (classes.length === 2) {
      chosen = this.choosePositive(classes, numeric, countOf, positive);
      classes = [classes.find((name) => name !== chosen!.value)!, chosen.value];
    } else if (positive !== undefined) {
      throw new ConfigError(
        'config/positive-multiclass',
        `positive: ${show(positive)} names the positive class of a two-class target, but ${JSON.stringify(this.name)} ` +
          `has ${classes.length} classes (${listNames(classes)}). Leave positive out for a multi-class target.`,
      );
    }
    const indexOf = classOf.map((name) => classes.indexOf(name));
    const labels = this.codes.toArray();
    for (let i = 0; i < labels.length; i++) labels[i] = indexOf[labels[i]];
    return { name: this.name, classes, labels, counts: classes.map(countOf), positive: chosen };
  }

  private choosePositive(
    classes: string[],
    numeric: boolean,
    countOf: (name: string) => number,
    positive: string | undefined,
  ): PositiveClass {
    const other = (value: string) => classes.find((name) => name !== value)!;
    const tail = (value: string) =>
      `pass positive: ${JSON.stringify(other(value))} (on the command line --positive ${other(value)}) to choose the other class.`;
    if (positive !== undefined) {
      const value = classes.find((name) => name === positive || (numeric && Number(name) === parseNumber(positive)));
      if (value === undefined) {
        throw new DataError(
          'data/unknown-positive',
          `positive: ${show(positive)} is not a class of the target ${JSON.stringify(this.name)}; its classes are ` +
            `${listNames(classes)}. Pass one of them.`,
          { file: this.file, column: this.name },
        );
      }
      return { value, reason: 'option', message: `Positive class ${JSON.stringify(value)} (chosen with the positive option).` };
    }
    if (numeric) {
      const value = classes[1];
      return { value, reason: 'larger-number', message: `Positive class ${JSON.stringify(value)} (of the numeric labels, the larger one: ${countOf(value)} of ${this.rows} rows); ${tail(value)}` };
    }
    const truths = classes.map(parseBooleanWord);
    if (truths.includes(1) && truths.includes(0)) {
      const value = classes[truths.indexOf(1)];
      return { value, reason: 'true-value', message: `Positive class ${JSON.stringify(value)} (the true/yes value); ${tail(value)}` };
    }
    const [first, second] = classes;
    const value = countOf(first) < countOf(second) ? first : second;
    return {
      value,
      reason: 'rarer-class',
      message: `Positive class ${JSON.stringify(value)} (the rarer class, ${countOf(value)} of ${this.rows} rows); ${tail(value)}`,
    };
  }
}
