// Times nn.data.readCsv(file) of a large CSV File in headless Chromium on one thread
// (`parallel: false`) and in two parts (the page's thread and a Web Worker), alternately.
//   node --import tsx bench/browser-csv-parts.ts [file=/tmp/nnkit-bench-ingest/mixed-1000000x19.csv] [reps=3] [--plain] [--variants=0.5:chunks,0.6:shared]
// The page is cross-origin isolated (shared columns) unless --plain (the part is transferred and
// merged by copy). --variants also times two-part reads whose page thread reads that share of the
// file and whose worker stores its columns in that layout (readBlobCsvParts' splitNear and layout;
// the defaults are FIRST_SHARE and LAYOUT in src/browser/read-csv-in-parts.ts). The file is picked in an <input type="file">, so the page reads it from disk
// as a user's File; it is written first (bench/ingest-data.ts writeMixedCsv) when missing.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleForBrowser, launchChromium } from '../test/helpers/chromium.js';
import { writeMixedCsv } from './ingest-data.js';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const file = args[0] ?? '/tmp/nnkit-bench-ingest/mixed-1000000x19.csv';
const reps = Number(args[1] ?? 3);
const plain = process.argv.includes('--plain');
const variants = (process.argv.find((arg) => arg.startsWith('--variants='))?.slice('--variants='.length).split(',') ?? []).map((variant) => {
  const [share, layout] = variant.split(':');
  return { name: variant, share: Number(share), layout: layout ?? 'chunks' };
});

const ENTRY = `
import * as nn from './src/browser/index.ts';
import { readBlobCsvParts } from './src/browser/read-csv-in-parts.ts';
import { libraryHint } from './src/data/option-hint.ts';
document.body.append(Object.assign(document.createElement('input'), { type: 'file', id: 'csv' }));
window.readOnce = async (parallel, variant) => {
  const file = document.querySelector('#csv').files[0];
  const began = performance.now();
  const table = variant === null
    ? await nn.data.readCsv(file, { parallel })
    : (await readBlobCsvParts(file, { file: file.name }, libraryHint, { splitNear: file.size * variant.share, layout: variant.layout })).table;
  const ms = performance.now() - began;
  return { ms, rows: table.features.rows, columns: table.features.columns.length };
};
`;

if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  console.log(`writing ${file} (1,000,000 mixed rows)…`);
  await writeMixedCsv(file, 1_000_000);
}
const bundle = (await bundleForBrowser(ENTRY)).code;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const headers: Record<string, string> = plain ? {} : { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  await page.route('https://nnkit.test/', (route) => route.fulfill({ contentType: 'text/html', headers, body: '<!doctype html><title>nnkit</title>' }));
  await page.goto('https://nnkit.test/');
  await page.addScriptTag({ content: bundle });
  await page.setInputFiles('#csv', file);
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  type Read = { ms: number; rows: number; columns: number };
  type Variant = (typeof variants)[number];
  const times: Record<string, number[]> = { one: [], two: [], ...Object.fromEntries(variants.map(({ name }) => [name, []])) };
  let shape = '';
  for (let rep = 0; rep < reps; rep++) {
    for (const [name, parallel, variant] of [['one', false, null], ['two', true, null], ...variants.map((v) => [v.name, true, v])] as [string, boolean, Variant | null][]) {
      const read = await page.evaluate(
        ([p, v]) => (window as unknown as { readOnce(p: boolean, v: Variant | null): Promise<Read> }).readOnce(p, v),
        [parallel, variant] as const,
      );
      times[name].push(read.ms / 1000);
      shape = `${read.rows} rows × ${read.columns} features`;
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const show = (values: number[]) => values.map((s) => s.toFixed(2)).join(' / ');
  const mb = statSync(file).size / 1e6;
  console.log(`${file}: ${mb.toFixed(0)} MB, ${shape}; Chromium, ${isolated ? 'cross-origin isolated' : 'not isolated'}, hardwareConcurrency ${cores}`);
  // NOTE: the best of the runs too: on a machine others use, the median still holds their work.
  const best = (values: number[]) => Math.min(...values);
  console.log(`one thread:  median ${median(times.one).toFixed(2)} s, best ${best(times.one).toFixed(2)} s (${show(times.one)})  ${(mb / median(times.one)).toFixed(0)} MB/s`);
  for (const [name, values] of Object.entries(times).slice(1)) {
    const label = name === 'two' ? 'two parts:' : `${name}:`;
    const faster = `${(median(times.one) / median(values)).toFixed(2)}× (best ${(best(times.one) / best(values)).toFixed(2)}×) one thread`;
    console.log(`${label.padEnd(12)} median ${median(values).toFixed(2)} s, best ${best(values).toFixed(2)} s (${show(values)})  ${(mb / median(values)).toFixed(0)} MB/s, ${faster}`);
  }
} finally {
  await browser.close();
}
