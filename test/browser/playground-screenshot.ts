/**
 * Takes the README's picture of the playground, docs/playground.png, from the built app: two
 * moons trained with the default settings, the threshold snapped to the best F1.
 *   node --import tsx test/browser/playground-screenshot.ts [out.png]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium } from '../helpers/chromium.js';
import { ORIGIN, openPlayground, settled } from './playground-page.js';

const out = resolve(process.argv[2] ?? 'docs/playground.png');
const folder = await mkdtemp(join(tmpdir(), 'nnkit-playground-'));
const browser = await launchChromium();
try {
  await promisify(execFile)(process.execPath, ['playground/build.mjs', '--out', folder]);
  const { page, errors } = await openPlayground(browser, folder, { width: 1280, height: 900 }, { deviceScaleFactor: 0.75 });
  await page.goto(`${ORIGIN}/`);
  if ((await settled(page, 0)) !== 'done') throw new Error(`The first run did not train: ${await page.textContent('#status')}`);
  await page.click('[data-snap="f1"]');
  await page.screenshot({ path: out, fullPage: true });
  if (errors.length > 0) throw new Error(`The page reported errors: ${errors.join('; ')}`);
  console.log(`Wrote ${out} (${Math.round((await stat(out)).size / 1024)} KB).`);
} finally {
  await browser.close();
  await rm(folder, { recursive: true, force: true });
}
