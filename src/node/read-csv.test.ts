import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DataError } from '../errors.js';
import type { Column } from '../data/table.js';
import { readCsv } from './read-csv.js';

const fixtures = 'test/fixtures/data';
const scratch = mkdtempSync(join(tmpdir(), 'nnkit-read-csv-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;
function csvFile(text: string): string {
  const file = join(scratch, `file-${written++}.csv`);
  writeFileSync(file, text);
  return file;
}

function column(columns: readonly Column[], name: string): Column {
  const found = columns.find((c) => c.name === name);
  assert.ok(found, `column ${name}`);
  return found;
}

/** Asserts that `promise` rejects with a DataError of `code` whose message matches every pattern. */
async function rejectsWith(promise: Promise<unknown>, code: string, ...patterns: RegExp[]): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected ${code}`);
}

test('the bundled breast-cancer file loads as 30 float32 columns and a 0/1 target', async () => {
  const data = await readCsv('data/breast_cancer.csv');
  assert.equal(data.rows, 569);
  assert.equal(data.delimiter, ',');
  assert.equal(data.features.columns.length, 30);
  assert.ok(data.features.columns.every((c) => c.kind === 'numeric' && c.values instanceof Float32Array && c.missing === 0));
  const radius = column(data.features.columns, 'mean_radius');
  assert.equal(radius.kind === 'numeric' && radius.values[0], Math.fround(17.99));
  assert.deepEqual(data.target?.classes, ['0', '1']);
  assert.deepEqual(data.target?.counts, [357, 212]);
  assert.equal(data.target?.positive?.value, '1');
  assert.equal(data.target?.positive?.reason, 'larger-number');
  assert.equal(data.target?.labels[0], 1);
});

test('a mixed file infers numeric, categorical and boolean columns with missing values', async () => {
  const data = await readCsv(`${fixtures}/customers.csv`, { target: 'churn' });
  assert.equal(data.rows, 30);
  const age = column(data.features.columns, 'age');
  assert.equal(age.kind, 'numeric');
  assert.equal(age.missing, 3);
  assert.ok(age.kind === 'numeric' && Number.isNaN(age.values[3]) && age.values[0] === 33);
  const plan = column(data.features.columns, 'plan');
  assert.ok(plan.kind === 'categorical');
  assert.deepEqual([...plan.categories].sort(), ['basic', 'plus', 'premium']);
  assert.equal(plan.missing, 1);
  assert.equal(plan.codes[5], -1);
  assert.equal(plan.categories[plan.codes[0]], 'plus');
  const partner = column(data.features.columns, 'has_partner');
  assert.ok(partner.kind === 'boolean');
  assert.deepEqual([partner.values[0], partner.values[1], partner.missing], [0, 1, 1]);
  const city = column(data.features.columns, 'city');
  assert.ok(city.kind === 'categorical');
  assert.deepEqual([...city.categories].sort(), ['"The" Hague', 'Berlin', 'Lyon', 'Paris, FR']);
  assert.deepEqual(data.target?.classes, ['no', 'yes']);
  assert.equal(data.target?.positive?.reason, 'true-value');
  assert.match(data.target?.positive?.message ?? '', /"yes".*positive: "no"/);
});

test('the delimiter is sniffed from the header and the last column is the default target', async () => {
  const data = await readCsv(`${fixtures}/semicolon.csv`);
  assert.equal(data.delimiter, ';');
  assert.equal(data.target?.name, 'species');
  assert.deepEqual(data.target?.classes, ['setosa', 'versicolor', 'virginica']);
  assert.equal(data.target?.positive, undefined);
  assert.deepEqual([...(data.target?.labels ?? [])], [0, 1, 2, 0, 1, 2]);
});

test('quoted fields may hold delimiters, doubled quotes and line breaks; NaN and ? are missing', async () => {
  const data = await readCsv(`${fixtures}/quoted.csv`);
  const comment = column(data.features.columns, 'comment');
  assert.ok(comment.kind === 'categorical');
  assert.deepEqual(comment.categories, ['hello, world', 'she said "hi"', 'two\nlines', 'plain']);
  assert.equal(comment.codes[4], -1);
  const score = column(data.features.columns, 'score');
  assert.ok(score.kind === 'numeric');
  assert.deepEqual([...score.values], [3.5, 2, NaN, NaN, 100]);
  assert.equal(data.target?.positive?.value, 'spam');
  assert.equal(data.target?.positive?.reason, 'rarer-class');
});

test('missing-value tokens match in any case', async () => {
  const file = csvFile('x,label\nna,0\nNULL,1\nnan,0\n?,1\n2,0\n');
  const x = (await readCsv(file)).features.columns[0];
  assert.ok(x.kind === 'numeric');
  assert.equal(x.missing, 4);
});

test('options choose the delimiter, target, positive class, missing tokens and column kinds', async () => {
  const file = csvFile('zip|kind|label\n75001|a|cat\n10115|-|dog\n69001|b|cat\n');
  const data = await readCsv(file, {
    delimiter: '|',
    target: 'label',
    positive: 'cat',
    missingValues: ['-'],
    columnTypes: { zip: 'categorical' },
  });
  const zip = column(data.features.columns, 'zip');
  assert.ok(zip.kind === 'categorical');
  assert.deepEqual(zip.categories, ['75001', '10115', '69001']);
  assert.equal(column(data.features.columns, 'kind').missing, 1);
  assert.deepEqual(data.target?.classes, ['dog', 'cat']);
  assert.deepEqual([...(data.target?.labels ?? [])], [1, 0, 1]);
  assert.equal(data.target?.positive?.reason, 'option');
});

test('target: null reads every column as a feature', async () => {
  const data = await readCsv(`${fixtures}/semicolon.csv`, { target: null });
  assert.equal(data.target, undefined);
  assert.equal(data.features.columns.length, 3);
});

test('an empty file, a header-only file and a missing file are DataErrors naming the file', async () => {
  await rejectsWith(readCsv(`${fixtures}/empty.csv`), 'data/empty-file', /empty\.csv is empty/, /header row/);
  await rejectsWith(readCsv(csvFile('\n\n  \n')), 'data/empty-file');
  await rejectsWith(readCsv(`${fixtures}/header-only.csv`), 'data/no-rows', /header-only\.csv has a header/, /no data rows/);
  await rejectsWith(readCsv(`${fixtures}/no-such-file.csv`), 'data/file-not-found', /no-such-file\.csv/);
});

test('a ragged row names the file, its line and both counts', async () => {
  const error = await rejectsWith(readCsv(`${fixtures}/ragged.csv`), 'data/ragged-row', /ragged\.csv, line 4/, /2 values \("5", "6"\) but the header has 3/);
  assert.equal(error.location.line, 4);
});

test('a text value in a numeric column names the line, column and value, and how to fix it', async () => {
  const error = await rejectsWith(
    readCsv(`${fixtures}/text-in-numeric.csv`),
    'data/text-in-numeric-column',
    /text-in-numeric\.csv, line 15, column "weight"/,
    /"heavy" is text/,
    /19 of its 20 values are numbers/,
    /columnTypes/,
  );
  assert.deepEqual(error.location, { file: `${fixtures}/text-in-numeric.csv`, line: 15, column: 'weight', row: 13 });
});

test('text after many distinct numbers fails at once, at its line', async () => {
  const rows = Array.from({ length: 1500 }, (_, i) => `${i / 7},${i % 2}`);
  rows.splice(1200, 0, 'oops,1');
  await rejectsWith(readCsv(csvFile(`x,label\n${rows.join('\n')}\n`)), 'data/text-in-numeric-column', /line 1202, column "x"/, /"oops"/);
});

test('a value declared numeric or boolean with columnTypes must be one', async () => {
  const file = csvFile('a,b,label\n1,yes,0\nx,no,1\n');
  await rejectsWith(readCsv(file, { columnTypes: { a: 'numeric' } }), 'data/text-in-numeric-column', /line 3/, /declared numeric/);
  await rejectsWith(readCsv(csvFile('a,b,label\n1,maybe,0\n'), { columnTypes: { b: 'boolean' } }), 'data/text-in-numeric-column', /not a boolean/);
  await rejectsWith(readCsv(file, { columnTypes: { nope: 'numeric' } }), 'data/missing-column', /no column "nope"/, /"a", "b"/);
  await assert.rejects(readCsv(file, { columnTypes: { a: 'text' as never } }), ConfigError);
});

test('an unknown target lists the columns there are', async () => {
  await rejectsWith(readCsv(`${fixtures}/customers.csv`, { target: 'Churn' }), 'data/unknown-target', /no column named "Churn"/, /"age", "plan"/);
});

test('a target with one class or a missing label is refused with the line', async () => {
  await rejectsWith(readCsv(`${fixtures}/one-class.csv`), 'data/one-class', /single class \("1"\) in all 6 rows/);
  await rejectsWith(readCsv(`${fixtures}/missing-target.csv`), 'data/missing-target', /line 6, target column "label"/);
  await rejectsWith(readCsv(`${fixtures}/customers.csv`, { target: 'churn', positive: 'maybe' }), 'data/unknown-positive', /"no", "yes"/);
  await assert.rejects(readCsv(`${fixtures}/semicolon.csv`, { positive: 'setosa' }), ConfigError);
});

test('broken quoting is a DataError with the line, not a parser crash', async () => {
  await rejectsWith(readCsv(`${fixtures}/bad-quote.csv`), 'data/csv-syntax', /bad-quote\.csv, line \d/, /closing double quote/);
});

test('line numbers count quoted line breaks and blank lines', async () => {
  const file = csvFile('a,b,label\n1,"x\ny",0\n\n2,z,1\n3,w\n');
  await rejectsWith(readCsv(file), 'data/ragged-row', /line 6/);
});

test('CRLF line ends, a byte-order mark and lines of spaces are read as a person expects', async () => {
  await rejectsWith(readCsv(csvFile('a,b,label\r\n1,2,0\r\n3,x,1\r\n5,y\r\n')), 'data/ragged-row', /line 4/);
  const data = await readCsv(csvFile('\ufeffa,b,label\n1,2,0\n   \n3,4,1\n'));
  assert.deepEqual(data.header, ['a', 'b', 'label']);
  assert.equal(data.rows, 2);
});

test('a duplicate or empty header name is refused', async () => {
  await rejectsWith(readCsv(csvFile('a,b,label,\n1,2,0,\n')), 'data/empty-column-name', /remove the delimiter at the end/);
  await rejectsWith(readCsv(csvFile('a,a,label\n1,2,0\n')), 'data/duplicate-column', /"a" appears twice/);
  await rejectsWith(readCsv(csvFile('a,,label\n1,2,0\n')), 'data/empty-column-name', /header cell 2/);
});
