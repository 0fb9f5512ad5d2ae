/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core. The page must load from a file:// URL with no console errors and no request
 * but its own, and every chart must render with a real size. Screenshots are kept in
 * test-artifacts/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';

import type { ReportData } from '../../src/report/report-data.js';
import { writeReport } from '../../src/node/write-report.js';
import { binaryReportFixture, multiclassReportFixture } from './report-fixture.js';

const ARTIFACTS = resolve('test-artifacts');

interface PageCheck {
  /** URLs that went through the route handler. */
  readonly routed: string[];
  /** URLs of every request event the page fired. */
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly charts: { id: string; width: number; height: number; shapes: number }[];
  readonly scrollWidth: number;
}

describe('the HTML report in headless Chromium', { skip }, () => {
  let browser: Browser;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  /** Writes the report, opens it offline, records what the page did, saves a screenshot. */
  async function openReport(data: ReportData, name: string, width = 1280): Promise<PageCheck & { url: string }> {
    const path = resolve(ARTIFACTS, `${name}.html`);
    await writeReport(path, data);
    const url = pathToFileURL(path).href;
    const context = await browser.newContext({ viewport: { width, height: 900 }, offline: true });
    try {
      const page = await context.newPage();
      const routed: string[] = [];
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      // NOTE: every request is routed: the page itself may load, anything else is recorded and
      // refused, so a stray fetch fails the test rather than reaching the network.
      await page.route('**/*', (route) => {
        routed.push(route.request().url());
        return route.request().url() === url ? route.continue() : route.abort();
      });
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(url, { waitUntil: 'load' });
      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return {
            id: figure.id,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            shapes: svg?.querySelectorAll('path, rect, line, text').length ?? 0,
          };
        }),
      );
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
      return { url, routed, requests, consoleErrors, charts, scrollWidth };
    } finally {
      await context.close();
    }
  }

  test('a binary report loads offline with no console errors and no request but the page', async () => {
    const result = await openReport(binaryReportFixture(), 'report');
    assert.deepEqual(result.consoleErrors, []);
    assert.deepEqual(result.routed, [result.url]);
    assert.deepEqual(result.requests, [result.url]);
  });

  test('every chart of a binary report renders with a non-zero size and drawn marks', async () => {
    const result = await openReport(binaryReportFixture(), 'report');
    assert.deepEqual(
      result.charts.map((chart) => chart.id).sort(),
      ['chart-confusion', 'chart-learning-curves', 'chart-pr', 'chart-reliability', 'chart-roc', 'chart-scores', 'chart-threshold'],
    );
    for (const chart of result.charts) {
      assert.ok(chart.width > 100 && chart.height > 100, `${chart.id} is ${chart.width}×${chart.height} px`);
      assert.ok(chart.shapes > 10, `${chart.id} holds only ${chart.shapes} shapes`);
    }
    assert.ok(existsSync(resolve(ARTIFACTS, 'report.png')));
  });

  test('a multiclass report renders its charts in the browser without errors', async () => {
    const result = await openReport(multiclassReportFixture(), 'report-multiclass');
    assert.deepEqual(result.consoleErrors, []);
    assert.deepEqual(result.routed, [result.url]);
    assert.deepEqual(result.requests, [result.url]);
    assert.deepEqual(
      result.charts.map((chart) => chart.id).sort(),
      ['chart-confusion', 'chart-learning-curves', 'chart-reliability', 'chart-scores'],
    );
    for (const chart of result.charts) assert.ok(chart.width > 100 && chart.height > 100, chart.id);
  });

  test('on a phone-width screen the page does not scroll sideways', async () => {
    const result = await openReport(binaryReportFixture(), 'report-narrow', 420);
    assert.ok(result.scrollWidth <= 420, `the page is ${result.scrollWidth} px wide`);
  });
});
