// `nnkit predict` output: the format (--format, else the --out extension, else CSV / JSON Lines
// with --json), identifier columns kept with --keep, and rows read from standard input with `-`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, runCli, temporaryFolder } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MODEL = join(ROOT, 'test', 'fixtures', 'classifier-v1');
const NEW = join(FIXTURES, 'customers-new.csv');
const IDS = join(FIXTURES, 'customers-ids.csv');

let folder: { path: string; remove: () => Promise<void> };
/** The saved predictions of customers-new.csv: `probability_yes,class` lines without the header. */
let expected: string[];
before(async () => {
  folder = await temporaryFolder();
  expected = (await readFile(join(MODEL, 'predictions.csv'), 'utf8')).trimEnd().split('\n').slice(1);
});
after(() => folder.remove());

describe('nnkit predict --keep', () => {
  test('copies identifier columns the model never saw into each row, quoted as CSV needs', async () => {
    const refused = await runCli(['predict', '--model', MODEL, IDS]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /"id"/);
    const kept = await runCli(['predict', '--model', MODEL, IDS, '--keep', 'id,customer']);
    assert.equal(kept.code, 0, kept.stderr);
    const names = ['1001,Ada Lovelace', '1002,"Grace, Hopper"', '1003,"Alan ""T"" Turing"', '1004,Emmy Noether'];
    assert.equal(kept.stdout, ['id,customer,probability_yes,class', ...expected.map((line, i) => `${names[i]},${line}`)].join('\n') + '\n');
  });

  test('keeps a column the model reads in its input too, and may be repeated', async () => {
    const kept = await runCli(['predict', '--model', MODEL, NEW, '--keep', 'plan', '--keep', 'age']);
    assert.equal(kept.code, 0, kept.stderr);
    const rows = kept.stdout.trimEnd().split('\n');
    assert.equal(rows[0], 'plan,age,probability_yes,class');
    assert.deepEqual(rows.slice(1), ['basic,41', 'enterprise,', '?,63', 'pro,29'].map((start, i) => `${start},${expected[i]}`));
  });

  test('puts kept columns first in JSON Lines, as text', async () => {
    const kept = await runCli(['predict', '--model', MODEL, IDS, '--keep', 'id', '--json', '--extra-columns', 'ignore']);
    assert.equal(kept.code, 0, kept.stderr);
    const first = JSON.parse(kept.stdout.split('\n')[0]);
    assert.deepEqual(first, { id: '1001', probabilities: { yes: Number(expected[0].split(',')[0]) }, class: expected[0].split(',')[1] });
  });

  test('a column the file lacks is a data error (exit 1) that lists the columns', async () => {
    const missing = await runCli(['predict', '--model', MODEL, NEW, '--keep', 'id']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^nnkit predict: --keep names the column "id", which .*customers-new\.csv does not have; its columns are "age", "monthly_spend"/);
  });

  test('a kept column named like an output column is refused before reading (exit 2)', async () => {
    const clash = await runCli(['predict', '--model', MODEL, NEW, '--keep', 'class']);
    assert.equal(clash.code, 2);
    assert.match(clash.stderr, /^nnkit predict: --keep "class" would repeat an output column \(the output has "probability_yes", "class"\)/);
  });
});

describe('nnkit predict output formats', () => {
  const objects = () => expected.map((line) => ({ probabilities: { yes: Number(line.split(',')[0]) }, class: line.split(',')[1] }));

  for (const [name, format] of [['p.json', 'json'], ['p.jsonl', 'jsonl'], ['p.ndjson', 'jsonl'], ['p.csv', 'csv'], ['p.txt', 'csv']] as const) {
    test(`--out ${name} writes ${format} (the extension decides without --format)`, async () => {
      const out = join(folder.path, name);
      const written = await runCli(['predict', '--model', MODEL, NEW, '--out', out]);
      assert.equal(written.code, 0, written.stderr);
      assertFormat(await readFile(out, 'utf8'), format, objects());
    });
  }

  test('--format wins over the extension, and --json with --out gives a summary naming the format', async () => {
    const out = join(folder.path, 'q.json');
    const written = await runCli(['predict', '--model', MODEL, NEW, '--out', out, '--format', 'jsonl', '--json']);
    assert.equal(written.code, 0, written.stderr);
    assertFormat(await readFile(out, 'utf8'), 'jsonl', objects());
    const summary = JSON.parse(written.stdout);
    assert.deepEqual({ out: summary.out, format: summary.format, rows: summary.rows }, { out, format: 'jsonl', rows: 4 });
  });

  test('--json --out p.json writes JSON into p.json (not CSV)', async () => {
    const out = join(folder.path, 'p2.json');
    assert.equal((await runCli(['predict', '--model', MODEL, NEW, '--json', '--out', out])).code, 0);
    assertFormat(await readFile(out, 'utf8'), 'json', objects());
  });

  test('on stdout: CSV, JSON Lines with --json, or what --format says', async () => {
    assertFormat((await runCli(['predict', '--model', MODEL, NEW])).stdout, 'csv', objects());
    assertFormat((await runCli(['predict', '--model', MODEL, NEW, '--json'])).stdout, 'jsonl', objects());
    assertFormat((await runCli(['predict', '--model', MODEL, NEW, '--format', 'json'])).stdout, 'json', objects());
    assertFormat((await runCli(['predict', '--model', MODEL, NEW, '--json', '--format', 'csv'])).stdout, 'csv', objects());
  });

  test('a header-only file gives an empty array, or the CSV header alone', async () => {
    const empty = join(folder.path, 'header-only.csv');
    await writeFile(empty, 'age,monthly_spend,plan,region,autopay,support_calls\n');
    assert.equal((await runCli(['predict', '--model', MODEL, empty, '--format', 'json'])).stdout, '[]\n');
    assert.equal((await runCli(['predict', '--model', MODEL, empty])).stdout, 'probability_yes,class\n');
    assert.equal((await runCli(['predict', '--model', MODEL, empty, '--json'])).stdout, '');
  });

  function assertFormat(text: string, format: 'csv' | 'json' | 'jsonl', rows: object[]): void {
    if (format === 'json') assert.deepEqual(JSON.parse(text), rows);
    else if (format === 'jsonl') assert.deepEqual(text.trimEnd().split('\n').map((line) => JSON.parse(line)), rows);
    else assert.equal(text, ['probability_yes,class', ...expected].join('\n') + '\n');
  }
});

describe('nnkit predict - reads rows from standard input', () => {
  test('gives what the file gives', async () => {
    const fromFile = await runCli(['predict', '--model', MODEL, IDS, '--keep', 'id,customer']);
    const fromStdin = await runCli(['predict', '--model', MODEL, '-', '--keep', 'id,customer'], { stdin: createReadStream(IDS) });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout, fromFile.stdout);
  });

  test('streams input longer than the sniffed start, in small chunks, in order', async () => {
    const lines = (await readFile(NEW, 'utf8')).trimEnd().split('\n');
    const text = [lines[0], ...Array.from({ length: 12000 }, (_, i) => lines[1 + (i % 4)])].join('\n') + '\n';
    assert.ok(text.length > 3 * 65536, `the input is ${text.length} bytes, not over three read-aheads`);
    const file = join(folder.path, 'long.csv');
    await writeFile(file, text);
    const chunks = Array.from({ length: Math.ceil(text.length / 1000) }, (_, i) => Buffer.from(text.slice(i * 1000, (i + 1) * 1000)));
    const fromStdin = await runCli(['predict', '--model', MODEL, '-', '--batch-size', '500'], { stdin: Readable.from(chunks) });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout.split("\n").length, 12002);
    assert.equal(fromStdin.stdout, (await runCli(['predict', '--model', MODEL, file])).stdout);
  });

  test('names standard input in errors, with the line', async () => {
    const empty = await runCli(['predict', '--model', MODEL, '-'], { stdin: Readable.from([]) });
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /^nnkit predict: standard input is empty; a CSV file needs a header row/);
    const ragged = await runCli(['predict', '--model', MODEL, '-'], { stdin: Readable.from(['age,plan\n1,basic\n2,pro,extra\n']) });
    assert.equal(ragged.code, 1);
    assert.match(ragged.stderr, /^nnkit predict: standard input, line 3: this row has 3 values but the header has 2 columns/);
  });

  test('works in a shell pipe (the nnkit process reading its stdin)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'predict', '--model', MODEL, '-'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    createReadStream(NEW).pipe(child.stdin);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.equal(stdout, ['probability_yes,class', ...expected].join('\n') + '\n');
  });
});
