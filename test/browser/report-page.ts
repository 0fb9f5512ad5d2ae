/**
 * Opens a report in headless Chromium as a reader would, from a file:// URL with the network
 * off, and records what the page did: requests, console errors, each chart's drawn size, the
 * page's width. A screenshot is kept in test-artifacts/ for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { writeReport } from '../../src/node/write-report.js';
import type { ReportData } from '../../src/report/report-data.js';

export const ARTIFACTS = resolve('test-artifacts');

export interface ChartBox {
  readonly id: string;
  /** The figure's first SVG, and the right edges of the figure and of its widest SVG, in CSS px. */
  readonly width: number;
  readonly height: number;
  readonly shapes: number;
  readonly figureRight: number;
  readonly svgRight: number;
  /** The smallest drawn-to-natural width ratio of the figure's SVGs: how far its text shrank. */
  readonly scale: number;
}

export interface PageCheck<T> {
  readonly url: string;
  /** URLs that went through the route handler. */
  readonly routed: string[];
  /** URLs of every request event the page fired. */
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly charts: ChartBox[];
  /** document.documentElement.scrollWidth and window.innerWidth. */
  readonly scrollWidth: number;
  readonly innerWidth: number;
  /** Ids of the cards whose content is wider than the card (they scroll sideways). */
  readonly scrollingCards: string[];
  /** Whatever `inspect` read off the page. */
  readonly inspected: T;
}

/** Writes the report, opens it offline at `width` px, records what the page did, saves a screenshot. */
export async function openReport<T = undefined>(
  browser: Browser,
  data: ReportData,
  name: string,
  width = 1280,
  inspect?: (page: Page) => Promise<T>,
): Promise<PageCheck<T>> {
  await mkdir(ARTIFACTS, { recursive: true });
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
        const svgs = Array.from(figure.querySelectorAll('svg'));
        const box = svgs[0]?.getBoundingClientRect();
        return {
          id: figure.id,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          shapes: svgs[0]?.querySelectorAll('path, rect, line, text').length ?? 0,
          figureRight: figure.getBoundingClientRect().right,
          svgRight: Math.max(...svgs.map((svg) => svg.getBoundingClientRect().right)),
          scale: Math.min(...svgs.map((svg) => svg.getBoundingClientRect().width / svg.width.baseVal.value)),
        };
      }),
    );
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    const scrollingCards = await page.$$eval('main > .card', (cards) =>
      cards.filter((card) => card.scrollWidth > card.clientWidth).map((card) => card.id),
    );
    const inspected = (inspect === undefined ? undefined : await inspect(page)) as T;
    await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
    return { url, routed, requests, consoleErrors, charts, scrollWidth, innerWidth, scrollingCards, inspected };
  } finally {
    await context.close();
  }
}
