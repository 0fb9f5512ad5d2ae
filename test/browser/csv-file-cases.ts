/**
 * The files the in-page CSV test reads both in Chromium (as a picked File) and with Node's
 * readCsv(path): the bundled datasets, some of the shared benchmark datasets, and malformed
 * files, one per error the reader reports (each with the options that provoke it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseCsvOptions } from '../../src/data/csv-table.js';
import { REPO } from './user-app.js';

export interface CsvCase {
  /** The file's name, as the page's File has it. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly options?: ParseCsvOptions;
}

export const SHARED_DATASETS = join(REPO, '..', 'shared', 'datasets');

/** data/*.csv, shipped with the package. */
export const BUNDLED = ['breast_cancer.csv', 'digits.csv', 'iris.csv'].map((name) => join(REPO, 'data', name));

/** Categorical, with missing values, many columns, and one of 4.6 MB (many chunks of a Blob). */
export const SHARED = ['breast_cancer_categorical.csv', 'house_votes_84.csv', 'vehicle.csv', 'musk.csv', 'caravan_insurance.csv']
  .map((name) => join(SHARED_DATASETS, name))
  .filter(() => existsSync(SHARED_DATASETS));

const text = (value: string) => new TextEncoder().encode(value);

/** 1,500 numbers, then text at line 1202. */
const manyNumbers = Array.from({ length: 1500 }, (_, i) => `${i / 7},${i % 2}`);
manyNumbers.splice(1200, 0, 'oops,1');

/** About 3 MB, so the bad row comes many Blob chunks in, after a quoted line break. */
const longRows = Array.from({ length: 60_000 }, (_, i) => `${i},${(i * 0.37).toFixed(3)},"note ${i}, with a comma",${i % 2}`);
longRows.splice(30_000, 0, '7,"two\nlines",x,1');
longRows.push('1,2,3');

export const MALFORMED: readonly CsvCase[] = [
  { name: 'ragged.csv', bytes: text('a,b,label\n1,2,0\n3,4,1\n5,6\n') },
  { name: 'text-after-numbers.csv', bytes: text(`x,label\n${manyNumbers.join('\n')}\n`) },
  { name: 'declared-numeric.csv', bytes: text('a,b,label\n1,yes,0\nx,no,1\n'), options: { columnTypes: { a: 'numeric' } } },
  { name: 'declared-boolean.csv', bytes: text('a,b,label\n1,maybe,0\n'), options: { columnTypes: { b: 'boolean' } } },
  { name: 'unknown-column.csv', bytes: text('a,b,label\n1,yes,0\nx,no,1\n'), options: { columnTypes: { nope: 'numeric' } } },
  { name: 'unknown-target.csv', bytes: text('a,b,label\n1,yes,0\nx,no,1\n'), options: { target: 'Churn' } },
  { name: 'one-class.csv', bytes: text('a,label\n1,1\n2,1\n3,1\n') },
  { name: 'missing-label.csv', bytes: text('a,label\n1,0\n2,1\n3,\n') },
  { name: 'unknown-positive.csv', bytes: text('a,churn\n1,no\n2,yes\n'), options: { positive: 'maybe' } },
  { name: 'positive-multiclass.csv', bytes: text('a,label\n1,0\n3,1\n5,2\n'), options: { positive: '1' } },
  { name: 'unclosed-quote.csv', bytes: text('a,b,label\n1,2,0\n3,"unterminated,1\n') },
  { name: 'text-after-quote.csv', bytes: text('a,b,label\n1,2,0\n3,ab"c,1\n4,"x"y,0\n') },
  { name: 'quoted-line-break.csv', bytes: text('a,b,label\n1,"x\ny",0\n\n2,z,1\n3,w\n') },
  { name: 'crlf.csv', bytes: text('a,b,label\r\n1,2,0\r\n3,x,1\r\n5,y\r\n') },
  { name: 'bom.csv', bytes: text('\ufeffa,b,label\n1,2,0\n3\n') },
  { name: 'trailing-delimiter.csv', bytes: text('a,b,label,\n1,2,0,\n') },
  { name: 'duplicate-column.csv', bytes: text('a,a,label\n1,2,0\n') },
  { name: 'empty-column-name.csv', bytes: text('a,,label\n1,2,0\n') },
  { name: 'empty.csv', bytes: new Uint8Array(0) },
  { name: 'blank-lines.csv', bytes: text('\n\n  \n') },
  { name: 'header-only.csv', bytes: text('a,b,label\n') },
  { name: 'no-features.csv', bytes: text('label\n0\n1\n') },
  { name: 'unicode.csv', bytes: text('a,b,label\n1,ünïcødé 🎉,0\n3,🎉\n') },
  { name: 'decimal-comma.csv', bytes: text('a;b;label\n1,5;2,5;0\n3,5;x;1\n') },
  { name: 'bad-delimiter.csv', bytes: text('a,b\n1,2\n'), options: { delimiter: '"' } },
  { name: 'long-ragged-end.csv', bytes: text(`id,score,note,label\n${longRows.join('\n')}\n`) },
];
