import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, runCli, temporaryFolder, type CliOutcome } from './run-cli.js';

// decimal-comma.csv: a ;-separated export with numbers written 6,5 (height_cm, weight_kg), a
// categorical city and a 0/1 target, as spreadsheets in much of Europe write them.
describe('nnkit on a file with decimal commas', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let sniffed: CliOutcome;
  let model: string;
  before(async () => {
    folder = await temporaryFolder();
    model = join(folder.path, 'sniffed');
    sniffed = await runCli(['train', join(FIXTURES, 'decimal-comma.csv'), '--out', model, '--epochs', '60', '--quiet']);
  });
  after(() => folder.remove());

  test('detects the decimal comma, reads the columns as numbers and says so with the flag to change it', async () => {
    assert.equal(sniffed.code, 0, sniffed.stderr);
    assert.match(sniffed.stdout, /info {5}Numbers are read with a decimal comma, as column "height_cm" writes them \(e\.g\. "\d+,\d"\); pass --decimal \. to read the file with a decimal point\./);
    assert.doesNotMatch(sniffed.stdout, /read as categorical|columnTypes|decimal: /);
    const summary = await runCli(['summary', '--model', model]);
    assert.match(summary.stdout, /height_cm\s+numeric\s+standardized \(mean 17\d/);
    assert.match(summary.stdout, /weight_kg\s+numeric/);
    assert.match(summary.stdout, /numbers: written with a decimal comma \(6,5\)/);
    assert.ok(Number(/ROC-AUC\s+(\d\.\d{4})/.exec(sniffed.stdout)?.[1]) > 0.8, sniffed.stdout);
  });

  test('predict and evaluate read new rows with the decimal comma of training', async () => {
    const rows = join(folder.path, 'new.csv');
    await writeFile(rows, 'height_cm;weight_kg;city\n181,5;101,25;Gent\n181,5;55,5;Lille\n');
    const predicted = await runCli(['predict', '--model', model, rows]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const [heavy, light] = predicted.stdout.trimEnd().split('\n').slice(1).map((line) => Number(line.split(',')[0]));
    assert.ok(heavy > light, predicted.stdout);
    const evaluated = await runCli(['evaluate', '--model', model, join(FIXTURES, 'decimal-comma.csv')]);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    assert.match(evaluated.stdout, /accuracy\s+0\.[89]/);
  });

  test('with --decimal . the columns turn categorical, and each is named with the flags that change it', async () => {
    const forced = await runCli(['train', join(FIXTURES, 'decimal-comma.csv'), '--out', join(folder.path, 'point'), '--decimal', '.', '--epochs', '5', '--quiet']);
    assert.equal(forced.code, 0, forced.stderr);
    for (const column of ['height_cm', 'weight_kg']) {
      assert.match(
        forced.stdout,
        new RegExp(
          `warning  Column "${column}" was read as categorical \\(\\d+ distinct values\\), but its values are numbers written with a decimal comma ` +
            `\\(e\\.g\\. "\\d+,\\d+"\\), and the file was read with a decimal point\\. Read it with --decimal , to get numbers, or declare ` +
            `--column-type ${column}=categorical to keep the categories\\.`,
        ),
      );
    }
  });

  test('a decimal-comma value in a column of point numbers is an error naming the flag', async () => {
    const file = join(folder.path, 'one-comma.csv');
    const text = await readFile(join(FIXTURES, 'decimal-comma.csv'), 'utf8');
    const lines = text.split('\n').map((line, i) => (i === 0 ? line : line.replace(/(\d),(\d)/g, '$1.$2')));
    lines[40] = lines[40].replace(/^(\d+)\.(\d)/, '$1,$2');
    await writeFile(file, lines.join('\n'));
    const outcome = await runCli(['train', file, '--out', join(folder.path, 'bad'), '--quiet']);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stderr, /^nnkit train: .*one-comma\.csv, line 41, column "height_cm": "\d+,\d" is a number written with a decimal comma, which the file was not read with \(read it with --decimal ,\)/);
    assert.match(outcome.stderr, /declare it: --column-type height_cm=categorical\.$/m);
  });

  test('--decimal takes . or , only', async () => {
    const outcome = await runCli(['train', join(FIXTURES, 'decimal-comma.csv'), '--out', join(folder.path, 'x'), '--decimal', ';']);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /--decimal must be \. \(numbers written 6\.5\) or , \(numbers written 6,5\) but is ";"/);
  });
});
