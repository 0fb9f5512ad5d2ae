/**
 * A classifier pipeline trained in Node ships to a browser as bytes: trained with
 * nn.trainClassifier on a CSV with categorical and missing values, saved as a folder for
 * `nnkit predict` and as bytes for a page bundled from 'nnkit' with esbuild. In headless
 * Chromium, nn.loadClassifier(bytes) predicts the raw rows (objects by column name, categories
 * as text) with the same probability bits and classes that `nnkit predict` prints for them.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import * as nn from '../../src/node/index.js';
import { FIXTURES, runCli } from '../cli/run-cli.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { buildWithEsbuild, type EsbuildOutcome } from './build-with-esbuild.js';
import { runAppPage } from './run-app-page.js';
import { userApp, type UserApp } from './user-app.js';

const APP = `
import * as nn from 'nnkit';

function bits(values: Float32Array): string[] {
  return Array.from(new Uint32Array(Float32Array.from(values).buffer), (b) => b.toString(16).padStart(8, '0'));
}

async function main() {
  await nn.ready();
  const bytes = new Uint8Array(await (await fetch('classifier.nnkit')).arrayBuffer());
  const rowSets: Record<string, Record<string, unknown>[]> = await (await fetch('rows.json')).json();
  const clf = await nn.loadClassifier(bytes);
  const predictions: Record<string, { probabilities: string[]; classes: string[] }> = {};
  for (const [name, rows] of Object.entries(rowSets)) {
    predictions[name] = {
      probabilities: bits(clf.predictProbabilities(rows, { verbose: 0 }).data),
      classes: clf.predict(rows, { verbose: 0 }),
    };
  }
  return { classNames: clf.classNames, predictions };
}

(window as unknown as { nnkitResult: unknown }).nnkitResult = main();
`;

const FILES = ['customers.csv', 'customers-new.csv'];

interface PagePredictions {
  readonly classNames: string[];
  readonly predictions: Record<string, { probabilities: string[]; classes: string[] }>;
}

/** A CSV file's rows as a program would hold them: numbers, text categories, null for empty. */
function rowObjects(text: string): Record<string, string | number | null>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, c) => [name, cells[c] === '' ? null : String(Number(cells[c])) === cells[c] ? Number(cells[c]) : cells[c]]));
  });
}

/** The float32 bits of a printed probability (`nnkit predict` prints the shortest exact decimal). */
function printedBits(text: string): string {
  return new Uint32Array(Float32Array.of(Number(text)).buffer)[0].toString(16).padStart(8, '0');
}

describe('a classifier trained in Node predicts in Chromium as nnkit predict does', { skip }, () => {
  let app: UserApp;
  let browser: Browser;
  let bundle: EsbuildOutcome;
  const printed = new Map<string, string>();

  before(async () => {
    app = await userApp({ 'app.ts': APP });
    const launching = launchChromium();
    const bundling = buildWithEsbuild(app.path);
    const table = nn.data.parseCsv(await readFile(join(FIXTURES, 'customers.csv'), 'utf8'), { target: 'churned' });
    const clf = await nn.trainClassifier(table, { hidden: [8], epochs: 40, seed: 7 });
    const folder = join(app.path, 'model');
    await clf.save(folder);
    bundle = await bundling;
    await writeFile(join(app.path, 'public', 'classifier.nnkit'), clf.toBytes());
    const rowSets: Record<string, unknown> = {};
    for (const file of FILES) {
      rowSets[file] = rowObjects(await readFile(join(FIXTURES, file), 'utf8'));
      const predicted = await runCli(['predict', '--model', folder, join(FIXTURES, file)]);
      assert.equal(predicted.code, 0, predicted.stderr);
      printed.set(file, predicted.stdout);
    }
    await writeFile(join(app.path, 'public', 'rows.json'), JSON.stringify(rowSets));
    browser = await launching;
  });

  after(async () => {
    await browser?.close();
    await app?.remove();
  });

  test('the same probability bits and classes for every row', async () => {
    assert.deepEqual(bundle.messages, []);
    const page = await runAppPage<PagePredictions>(browser, join(app.path, 'public'));
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.refused, []);
    const { classNames, predictions } = page.result;
    for (const file of FILES) {
      const [header, ...lines] = printed.get(file)!.trimEnd().split('\n');
      assert.equal(header, `probability_${classNames[1]},class`);
      const cells = lines.map((line) => line.split(','));
      assert.equal(predictions[file].classes.length, cells.length, file);
      assert.ok(new Set(predictions[file].probabilities).size > 1, `${file}: the rows get different probabilities`);
      assert.deepEqual(predictions[file].probabilities, cells.map(([probability]) => printedBits(probability)), file);
      assert.deepEqual(predictions[file].classes, cells.map(([, name]) => name), file);
    }
  });
});
