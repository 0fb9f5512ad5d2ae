/**
 * Opens the built playground in headless Chromium as a static host would serve it: requests to
 * http://nnkit.test/ are answered from the build folder, any other request is refused and
 * recorded. Page errors, console errors and the main thread's long tasks (a PerformanceObserver
 * for 'longtask' installed before the page's own scripts) are kept for the test to check.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { routeFolder, ORIGIN } from './folder-file.js';

export { ORIGIN };

export interface PlaygroundPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  readonly refused: string[];
}

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export async function openPlayground(
  browser: Browser, folder: string, viewport = { width: 1280, height: 900 }, options: { deviceScaleFactor?: number } = {},
): Promise<PlaygroundPage> {
  const context = await browser.newContext({ viewport, ...options });
  const errors: string[] = [];
  const refused: string[] = [];
  await routeFolder(context, folder, (route, url) => {
    refused.push(url.href);
    return route.abort();
  });
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // NOTE: a worker's console and errors are not the page's; they are reported through the page's
  // status (a failed job) and through these events.
  page.on('worker', (worker) => worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`worker: ${message.text()}`);
  }));
  return { context, page, errors, refused };
}

/** The number of the page's last finished training run (0 before the first). */
export async function lastRun(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.run ?? 0));
}

/**
 * Waits until a run after `previous` finished, and returns how: 'done' (trained) or 'failed'
 * (the doctor, or anything else, stopped it).
 */
export async function settled(page: Page, previous: number): Promise<string> {
  await page.waitForFunction((after) => Number(document.body.dataset.run ?? 0) > after, previous, { timeout: 60_000 });
  return page.evaluate(() => document.body.dataset.phase ?? '');
}

/** The long tasks that started between two page times (performance.now()). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: LongTask[] }).longTasks);
  return tasks.filter((task) => task.start >= from && task.start <= to);
}

/** A table's cells as text, row by row. */
export async function tableText(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tr`, (rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
}

/** A top-level task of the page's main thread, from a Chromium trace: wall and CPU milliseconds. */
export interface TracedTask {
  /** Milliseconds after the run's 'playground:train-start' mark. */
  readonly at: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The task carried a DevTools message (the test's own instrumentation, not the page's work). */
  readonly devtools: boolean;
}

interface TraceEvent {
  readonly name: string; readonly ph: string; readonly pid: number; readonly tid: number;
  readonly ts: number; readonly dur?: number; readonly tdur?: number;
  readonly args?: {
    readonly data?: { readonly detail?: string };
    readonly chrome_mojo_event_info?: { readonly mojo_interface_tag?: string };
  };
}

/**
 * The main thread's top-level tasks between a run's 'playground:train-start' and
 * 'playground:train-end' marks (performance.mark, traced as blink.user_timing), from a trace
 * taken with browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] }).
 * NOTE: a trace times each task on the wall clock and on the thread's CPU clock; on a machine
 * shared with other jobs only the CPU time measures the page's own work. Tasks that carry a
 * DevTools message are the harness's (Playwright attaching to the worker sends its 330 KB
 * script through the page's thread): they are marked, for the test to report apart.
 */
export function tasksDuringTraining(trace: Buffer, run: number): TracedTask[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string) => events.find((e) => e.name === name && e.args?.data?.detail === String(run));
  const start = mark('playground:train-start');
  const end = mark('playground:train-end');
  if (!start || !end) throw new Error(`The trace holds no training marks for run ${run}.`);
  const onMain = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X');
  const devtools = onMain.filter((e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag?.startsWith('blink.mojom.DevTools'));
  return onMain
    .filter((e) => e.name.endsWith('RunTask') && e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts)
    .map((e) => ({
      at: (e.ts - start.ts) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000,
      devtools: devtools.some((d) => d.ts >= e.ts && d.ts <= e.ts + (e.dur ?? 0)),
    }));
}
