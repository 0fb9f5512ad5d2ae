/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core. The page must load from a file:// URL with no console errors and no request
 * but its own, every chart must render with a real size, and the page must read on a phone.
 * Screenshots are kept in test-artifacts/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';

import { classPalette } from '../../src/report/chart-theme.js';
import type { ReportData } from '../../src/report/report-data.js';
import { binaryReportFixture, imbalancedReportFixture, multiclassReportFixture } from './report-fixture.js';
import { ARTIFACTS, openReport } from './report-page.js';

const BINARY_CHARTS = ['chart-confusion', 'chart-learning-curves', 'chart-pr', 'chart-reliability', 'chart-roc', 'chart-scores', 'chart-threshold'];

/** The numbers on a chart's x axis, every tick (shown or thinned out), read off its SVG. */
function xAxisTicks(page: Page, chart: string): Promise<number[]> {
  return page.$eval(`#chart-${chart} svg`, (svg) => {
    for (const group of Array.from(svg.querySelectorAll('g.role-axis-label'))) {
      const texts = Array.from(group.querySelectorAll('text'));
      // NOTE: the x axis is the one whose labels all sit at one height: translate(x, 16).
      const heights = new Set(texts.map((text) => /,\s*([-\d.]+)\)/.exec(text.getAttribute('transform') ?? '')?.[1]));
      if (texts.length > 1 && heights.size === 1) return texts.map((text) => Number(text.textContent));
    }
    return [];
  });
}

/** The drawn heights of the score histogram's bars of one colour, and of its plot, in px. */
function histogramBars(page: Page, color: string): Promise<{ plot: number; bars: number[] }> {
  return page.$eval(
    '#chart-scores svg',
    (svg, fill) => ({
      plot: svg.querySelector('.role-frame.root path.background')?.getBoundingClientRect().height ?? 0,
      bars: Array.from(svg.querySelectorAll(`.role-mark path[fill="${fill}"]`)).map((path) => path.getBoundingClientRect().height),
    }),
    color,
  );
}

const scoreRange = (data: ReportData) => {
  const all = data.scores?.scores.flatMap((scores) => Array.from(scores)) ?? [];
  return { min: Math.min(...all), max: Math.max(...all) };
};

describe('the HTML report in headless Chromium', { skip }, () => {
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  for (const [name, fixture] of [['report', binaryReportFixture], ['report-imbalanced', imbalancedReportFixture]] as const) {
    test(`${name}: loads offline with no console errors and no request but the page`, async () => {
      const result = await openReport(browser, fixture(), name);
      assert.deepEqual(result.consoleErrors, []);
      assert.deepEqual(result.routed, [result.url]);
      assert.deepEqual(result.requests, [result.url]);
    });
  }

  test('every chart of a binary report renders with a non-zero size and drawn marks', async () => {
    const result = await openReport(browser, binaryReportFixture(), 'report');
    assert.deepEqual(result.charts.map((chart) => chart.id).sort(), BINARY_CHARTS);
    for (const chart of result.charts) {
      assert.ok(chart.width > 100 && chart.height > 100, `${chart.id} is ${chart.width}×${chart.height} px`);
      assert.ok(chart.shapes > 10, `${chart.id} holds only ${chart.shapes} shapes`);
    }
    assert.ok(existsSync(resolve(ARTIFACTS, 'report.png')));
  });

  test('a multiclass report renders its charts in the browser without errors', async () => {
    const result = await openReport(browser, multiclassReportFixture(), 'report-multiclass');
    assert.deepEqual(result.consoleErrors, []);
    assert.deepEqual(result.routed, [result.url]);
    assert.deepEqual(result.requests, [result.url]);
    assert.deepEqual(
      result.charts.map((chart) => chart.id).sort(),
      ['chart-confusion', 'chart-learning-curves', 'chart-reliability', 'chart-scores'],
    );
    for (const chart of result.charts) assert.ok(chart.width > 100 && chart.height > 100, chart.id);
  });

  test('on imbalanced data the minority class has visible bars in the score histogram', async () => {
    const result = await openReport(browser, imbalancedReportFixture(), 'report-imbalanced', 1280, (page) =>
      histogramBars(page, classPalette[1]),
    );
    const { plot, bars } = result.inspected;
    assert.ok(bars.filter((height) => height >= 2).length >= 5, `minority bars: ${bars.map((h) => h.toFixed(1)).join(', ')} px`);
    assert.ok(Math.max(...bars) >= 0.25 * plot, `the tallest minority bar is ${Math.max(...bars)} px of ${plot} px`);
  });

  test('the threshold chart zooms to concentrated scores and keeps [0, 1] for spread ones', async () => {
    const imbalanced = imbalancedReportFixture();
    const zoomed = await openReport(browser, imbalanced, 'report-imbalanced', 1280, (page) => xAxisTicks(page, 'threshold'));
    const ticks = zoomed.inspected;
    const step = ticks[1] - ticks[0];
    const { min, max } = scoreRange(imbalanced);
    const chosen = imbalanced.thresholdSweep?.chosen ?? Number.NaN;
    assert.ok(max < 0.4, `the fixture's scores should be concentrated (max ${max})`);
    assert.ok(ticks.at(-1)! < 0.5, `x ticks ${ticks.join(', ')} run to 1 for scores up to ${max}`);
    assert.ok(ticks[0] <= min && ticks.at(-1)! + step >= max, `x ticks ${ticks.join(', ')} miss scores in [${min}, ${max}]`);
    assert.ok(ticks[0] <= chosen && chosen <= ticks.at(-1)! + step, `the chosen threshold ${chosen} is off the axis`);
    const spread = await openReport(browser, binaryReportFixture(), 'report', 1280, (page) => xAxisTicks(page, 'threshold'));
    assert.deepEqual([spread.inspected[0], spread.inspected.at(-1)], [0, 1]);
  });

  test('the model summary table lines touch: its line height is no taller than its box characters', async () => {
    const result = await openReport(browser, binaryReportFixture(), 'report', 1280, (page) =>
      page.$eval('pre.summary', (pre) => {
        const probe = document.createElement('span');
        probe.textContent = '│┃';
        pre.append(probe);
        return { lineHeight: parseFloat(getComputedStyle(pre).lineHeight), glyph: probe.getBoundingClientRect().height };
      }),
    );
    const { lineHeight, glyph } = result.inspected;
    assert.ok(lineHeight <= glyph, `line height ${lineHeight} px leaves gaps between ${glyph} px box characters`);
  });

  for (const [name, fixture] of [
    ['report-narrow', binaryReportFixture],
    ['report-imbalanced-narrow', imbalancedReportFixture],
    ['report-multiclass-narrow', multiclassReportFixture],
  ] as const) {
    test(`${name}: at 420 px nothing scrolls sideways and every chart fits its card, readable`, async () => {
      const result = await openReport(browser, fixture(), name, 420);
      assert.deepEqual(result.consoleErrors, []);
      assert.ok(result.scrollWidth <= result.innerWidth, `the page is ${result.scrollWidth} px wide in a ${result.innerWidth} px window`);
      // NOTE: long names wrap; only the model summary scrolls, inside its own box.
      assert.deepEqual(result.scrollingCards, []);
      for (const chart of result.charts) {
        assert.ok(chart.svgRight <= chart.figureRight, `${chart.id} sticks out of its card`);
        assert.ok(chart.scale >= 0.75, `${chart.id} is drawn at ${chart.scale.toFixed(2)} of its size: its text is too small`);
      }
    });
  }
});
