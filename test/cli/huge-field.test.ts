import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, runCli, temporaryFolder, type CliOutcome } from './run-cli.js';

// customers.csv with a `notes` column of four short values, and two rows whose note is a huge
// field. NOTE: 5 MB, not the 50 MB of the report that prompted this: what is shown is cut at 60
// characters whatever the length, and reading 100 MB takes half a minute.
const HUGE = 5_000_000;
const RUN = /(.)\1{200}/;

describe('nnkit with a huge field: never echoed, never a column name', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let file: string;
  let model: string;
  let trained: CliOutcome;
  before(async () => {
    folder = await temporaryFolder();
    file = join(folder.path, 'notes.csv');
    model = join(folder.path, 'model');
    const [header, ...rows] = (await readFile(join(FIXTURES, 'customers.csv'), 'utf8')).trimEnd().split('\n');
    const notes = ['ok', 'call back', 'vip', 'moved'];
    const note = (i: number) => (i === 5 ? 'A'.repeat(HUGE) : i === 150 ? 'B'.repeat(HUGE) : notes[i % 4]);
    await writeFile(file, [`${header},notes`, ...rows.map((row, i) => `${row},${note(i)}`)].join('\n') + '\n');
    trained = await runCli([
      'train', file, '--target', 'churned', '--out', model, '--report', join(folder.path, 'report.html'), '--epochs', '5', '--quiet',
    ]);
  });
  after(() => folder.remove());

  test('train shows the huge values cut, with their length', () => {
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stdout, /"A{40}…" \(5,000,000 characters\)/);
    assert.doesNotMatch(trained.stdout + trained.stderr, RUN);
    assert.ok(trained.stdout.split('\n').every((line) => line.length < 600));
  });

  test('model.json and the report hold neither value: a category of one row gets no column', async () => {
    const json = await readFile(join(model, 'model.json'), 'utf8');
    assert.doesNotMatch(json, RUN);
    assert.ok(json.length < 100_000, `model.json has ${json.length} characters`);
    assert.ok(JSON.parse(json).featureNames.includes('notes=<other>'));
    assert.ok((await stat(join(folder.path, 'report.html'))).size < 1_000_000);
    assert.doesNotMatch(await readFile(join(folder.path, 'report.html'), 'utf8'), RUN);
  });

  test('predict on a row with a huge unseen value warns with the value cut', async () => {
    const rows = join(folder.path, 'new.csv');
    await writeFile(rows, `age,monthly_spend,plan,region,autopay,support_calls,notes\n41,55.5,basic,north,yes,0,${'C'.repeat(HUGE)}\n`);
    const predicted = await runCli(['predict', '--model', model, rows]);
    assert.equal(predicted.code, 0, predicted.stderr);
    assert.match(predicted.stderr, /column "notes": 1 row with a category not seen in training \(e\.g\. "C{40}…" \(5,000,000 characters\)\)/);
    assert.doesNotMatch(predicted.stderr, RUN);
  });
});
