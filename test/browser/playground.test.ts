/**
 * The playground, built as `npm run playground` builds it, in headless Chromium: a learner's path
 * end to end. Pick a toy set and train (in a worker: the page's main thread runs no task over
 * 50 ms of CPU while it trains), move the threshold with the keyboard and the slider (the
 * confusion matrix, precision / recall / F1 / accuracy, the majority baseline and the cost equal
 * nn.evaluation on the page's own scores), snap to thresholds (nn.findThreshold), flip the
 * one-unit-softmax, duplicated-rows and threshold-on-test switches (the doctor's messages as code receives them),
 * open the page's address afresh (the same run), pick a bundled data set and drop a CSV (column types
 * as nn.data.parseCsv infers them). No console error, no request beyond the page's origin;
 * screenshots at laptop and phone widths in test-artifacts/playground-*.png.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import * as nn from '../../src/index.js';
import { runTrainJob, type JobEvent, type TrainJob } from '../../playground/src/train-job.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { ARTIFACTS } from './report-page.js';
import { ORIGIN, lastRun, openPlayground, settled, tableText, tasksDuringTraining, type PlaygroundPage, type TracedTask } from './playground-page.js';

/** The rows the threshold lab scores, as the page holds them (window.playground). */
async function labRows(pg: PlaygroundPage): Promise<{ y: Float32Array; scores: Float32Array; threshold: number }> {
  const rows = await pg.page.evaluate(() => {
    type Run = { prepared: Record<string, { y: Float32Array }>; result: { scores: Record<string, Float32Array> } };
    const { state, run } = (window as unknown as { playground: { state: { rows: string }; run: Run } }).playground;
    return { y: Array.from(run.prepared[state.rows].y), scores: Array.from(run.result.scores[state.rows]) };
  });
  const threshold = Number(await pg.page.getAttribute('#threshold-value', 'data-value'));
  return { y: Float32Array.from(rows.y), scores: Float32Array.from(rows.scores), threshold };
}

const fixed = (value: number) => (Number.isNaN(value) ? 'undefined' : value.toFixed(3));

/** The lab's tables and cost line as nn.evaluation computes them from the same scores. */
function expectedLab(y: Float32Array, scores: Float32Array, threshold: number, costs: { fn: number; fp: number }) {
  const predicted = Array.from(scores, (score) => (score > threshold ? 1 : 0));
  const [[tn, fp], [fn, tp]] = nn.evaluation.confusionMatrix(y, predicted, { labels: [0, 1] }).matrix;
  const model = nn.evaluation.precisionRecallFscoreSupport(y, predicted, { labels: [0, 1] });
  const { majorityClass } = nn.evaluation.majorityBaseline(y);
  const always = new Array<number>(y.length).fill(majorityClass);
  const baseline = nn.evaluation.precisionRecallFscoreSupport(y, always, { labels: [0, 1] });
  const auc = nn.evaluation.rocAucScore(y, scores).value;
  return {
    confusion: [[tn, fp], [fn, tp]].map((row) => row.map(String)),
    metrics: [
      ['precision', fixed(model.precision[1]), fixed(baseline.precision[1])],
      ['recall', fixed(model.recall[1]), fixed(baseline.recall[1])],
      ['F1', fixed(model.fScore[1]), fixed(baseline.fScore[1])],
      ['accuracy', fixed(nn.evaluation.accuracyScore(y, predicted).value), fixed(nn.evaluation.accuracyScore(y, always).value)],
      ['ROC AUC', fixed(auc), fixed(0.5)],
    ],
    cost: `${costs.fn} × ${fn} FN + ${costs.fp} × ${fp} FP = ${costs.fn * fn + costs.fp * fp}`,
  };
}

/** What the page shows in the lab, in the shape of expectedLab. */
async function shownLab(pg: PlaygroundPage) {
  const confusion = await tableText(pg.page, '#confusion');
  const metrics = await tableText(pg.page, '#metrics');
  return {
    confusion: confusion.slice(1).map((row) => row.slice(1)),
    metrics: metrics.slice(1),
    cost: ((await pg.page.textContent('#cost')) ?? '').replace(/^Cost at this threshold: /, '').replace(/ \(.*$/, ''),
  };
}

describe('the playground in headless Chromium: a learner\'s path', { skip }, () => {
  let browser: Browser;
  let folder: string;
  let pg: PlaygroundPage;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'nnkit-playground-'));
    [browser] = await Promise.all([
      launchChromium(),
      promisify(execFile)(process.execPath, ['playground/build.mjs', '--out', folder]),
      mkdir(ARTIFACTS, { recursive: true }),
    ]);
    pg = await openPlayground(browser, folder);
  });

  after(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('the first visit trains on two moons in a worker; the main thread stays free while it trains', async (t) => {
    await browser.startTracing(pg.page, { categories: ['toplevel', 'blink.user_timing'] });
    await pg.page.goto(`${ORIGIN}/?data=moons&epochs=12&seed=7`);
    assert.equal(await settled(pg.page, 0), 'done');
    const tasks = tasksDuringTraining(await browser.stopTracing(), await lastRun(pg.page));
    const show = (list: TracedTask[]) => list.map((task) => `${task.cpuMs.toFixed(1)} / ${task.wallMs.toFixed(1)} at ${task.at.toFixed(0)} ms`).join(', ');
    const page = tasks.filter((task) => !task.devtools);
    t.diagnostic(`${page.length} main-thread tasks while training; busiest (CPU ms / wall ms): ` +
      `${show([...page].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 3))}; DevTools' own: ${show(tasks.filter((task) => task.devtools))}`);
    assert.ok(page.length > 0, 'the trace saw no task between the training marks');
    assert.deepEqual(page.filter((task) => task.cpuMs > 50), [], 'a main-thread task used over 50 ms of CPU while the worker trained');
    // NOTE: wall-clock long tasks (PerformanceObserver) stretch with the machine's load; they are
    // checked only where the machine has a core to spare for the page.
    const marks = await pg.page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
    const from = marks.find(([name]) => name === 'playground:train-start')![1];
    const to = marks.find(([name]) => name === 'playground:train-end')![1];
    const longTasks = (await pg.page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks))
      .filter((task) => task.start + task.duration >= from && task.start <= to && task.duration > 50)
      .filter((task) => !tasks.some((traced) => traced.devtools && Math.abs(traced.at - (task.start - from)) < 2));
    t.diagnostic(`wall-clock long tasks over 50 ms while training: ${JSON.stringify(longTasks.map((task) => Math.round(task.duration)))}; load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
    if (loadavg()[0] < cpus().length) assert.deepEqual(longTasks, []);
    assert.match(await pg.page.textContent('#status') ?? '', /^Trained 12 epochs on 600 rows/);
    assert.equal(await pg.page.isVisible('#boundary'), true);
    assert.equal(await pg.page.locator('#curves svg').count(), 2);
    assert.match(pg.page.url(), /[?&]data=moons&.*epochs=12/);
  });

  test('the threshold, moved by keyboard and slider, drives numbers equal to nn.evaluation on the same scores', async () => {
    await pg.page.focus('#threshold');
    await pg.page.keyboard.press('ArrowRight');
    await pg.page.keyboard.press('ArrowRight');
    for (const value of [0.502, 0.15, 0.85]) {
      if (value !== 0.502) await pg.page.fill('#threshold', String(value));
      const { y, scores, threshold } = await labRows(pg);
      assert.equal(threshold, value);
      assert.deepEqual(await shownLab(pg), expectedLab(y, scores, threshold, { fn: 5, fp: 1 }));
      assert.match(pg.page.url(), new RegExp(`threshold=${value}(&|$)`));
    }
    await pg.page.fill('#fnCost', '20');
    const { y, scores, threshold } = await labRows(pg);
    assert.deepEqual(await shownLab(pg), expectedLab(y, scores, threshold, { fn: 20, fp: 1 }));
  });

  test('the snap buttons set nn.findThreshold\'s threshold on the validation rows', async () => {
    const objectives: [string, nn.ThresholdObjective][] = [
      ['f1', { kind: 'f1' }], ['youden', { kind: 'youden' }], ['recall', { kind: 'minRecall', value: 0.9 }],
      ['cost', { kind: 'cost', fnCost: 20, fpCost: 1 }],
    ];
    for (const [button, objective] of objectives) {
      await pg.page.click(`[data-snap="${button}"]`);
      const { y, scores, threshold } = await labRows(pg);
      assert.equal(threshold, nn.findThreshold(y, scores, objective).threshold, button);
      assert.deepEqual(await shownLab(pg), expectedLab(y, scores, threshold, { fn: 20, fp: 1 }), button);
    }
    await pg.page.screenshot({ path: resolve(ARTIFACTS, 'playground-laptop.png'), fullPage: true });
  });

  test('tuning the threshold on the test rows shows its optimism, from nn.findThreshold on both sets of rows', async () => {
    await pg.page.check('#mistake-threshold-on-test');
    await pg.page.click('[data-snap="f1"]');
    const parts = await pg.page.evaluate(() => {
      type Run = { prepared: Record<string, { y: Float32Array }>; result: { scores: Record<string, Float32Array> } };
      const { run } = (window as unknown as { playground: { run: Run } }).playground;
      return ['validation', 'test'].map((part) => ({ y: Array.from(run.prepared[part].y), scores: Array.from(run.result.scores[part]) }));
    });
    const [validation, testRows] = parts.map((part) => ({ y: Float32Array.from(part.y), scores: Float32Array.from(part.scores) }));
    const onTest = nn.findThreshold(testRows.y, testRows.scores, { kind: 'f1' });
    const honest = nn.findThreshold(validation.y, validation.scores, { kind: 'f1' });
    const honestPredicted = Array.from(testRows.scores, (score) => (score > honest.threshold ? 1 : 0));
    const honestF1 = nn.evaluation.precisionRecallFscoreSupport(testRows.y, honestPredicted, { labels: [0, 1] }).fScore[1];
    assert.equal(Number(await pg.page.getAttribute('#threshold-value', 'data-value')), onTest.threshold);
    const text = await pg.page.textContent('#optimism .finding[data-code="threshold-on-test"] p');
    assert.ok(text?.includes(`the threshold ${onTest.threshold.toFixed(4)} scores F1 ${fixed(onTest.metrics.f1)} on them`), text ?? '');
    assert.ok(text?.includes(`the threshold ${honest.threshold.toFixed(4)} scores F1 ${fixed(honestF1)} on the same test rows`), text ?? '');
    assert.ok(text?.includes(`The difference, ${fixed(onTest.metrics.f1 - honestF1)}, is optimism`), text ?? '');
    await pg.page.uncheck('#mistake-threshold-on-test');
    assert.equal(await pg.page.textContent('#optimism'), '');
  });

  test('the page address is the setup: a shared link trains the same model and shows the same numbers', async () => {
    const shared = await openPlayground(browser, folder);
    try {
      await shared.page.goto(pg.page.url());
      assert.equal(await settled(shared.page, 0), 'done');
      assert.deepEqual(await labRows(shared), await labRows(pg));
      assert.deepEqual(await shownLab(shared), await shownLab(pg));
      assert.deepEqual(shared.errors, []);
    } finally {
      await shared.context.close();
    }
  });

  test('the one-unit-softmax switch shows the message that code gets from nnkit, word for word', async () => {
    const job: TrainJob = {
      seed: 7, cols: 2, hidden: [8, 8], activation: 'relu', output: 'softmax', optimizer: 'adam', learningRate: 0.01,
      dropout: 0, epochs: 1, batchSize: 32, metrics: ['accuracy', 'auc'], classWeight: undefined, validationSplit: false, score: {},
      train: { x: new Float32Array([0, 1, 1, 0]), y: new Float32Array([0, 1]) }, validation: { x: new Float32Array([1, 1]), y: new Float32Array([1]) },
    };
    const events: JobEvent[] = [];
    await runTrainJob(job, (event) => events.push(event));
    const thrown = events.find((event) => event.type === 'failed');
    assert.ok(thrown?.type === 'failed', 'nnkit trained a one-unit softmax without complaint');
    const before = await lastRun(pg.page);
    await pg.page.check('#mistake-softmax-one-unit');
    assert.equal(await settled(pg.page, before), 'failed');
    assert.equal(await pg.page.getAttribute('#doctor .finding', 'data-code'), thrown.code);
    assert.equal(await pg.page.textContent('#doctor .finding p'), thrown.message);
    assert.equal(await pg.page.isHidden('#lab-panel'), true, 'the lab still shows an older model');
    const again = await lastRun(pg.page);
    await pg.page.uncheck('#mistake-softmax-one-unit');
    assert.equal(await settled(pg.page, again), 'done');
  });

  test('the duplicated-rows switch shows history.diagnostics\' data-leakage warning as fit returned it', async () => {
    const before = await lastRun(pg.page);
    await pg.page.check('#mistake-duplicated-rows');
    assert.equal(await settled(pg.page, before), 'done');
    const diagnostics = await pg.page.evaluate(() =>
      (window as unknown as { playground: { run: { result: { diagnostics: { code: string; message: string }[] } } } })
        .playground.run.result.diagnostics.map(({ code, message }) => ({ code, message })));
    const leak = diagnostics.find((d) => d.code === 'data-leakage');
    assert.ok(leak, `no data-leakage finding in ${JSON.stringify(diagnostics)}`);
    assert.match(leak.message, /^60 of the 200 validation rows \(30\.0%\) also appear/);
    assert.equal(await pg.page.textContent('#doctor .finding[data-code="data-leakage"] p'), leak.message);
    const again = await lastRun(pg.page);
    await pg.page.uncheck('#mistake-duplicated-rows');
    assert.equal(await settled(pg.page, again), 'done');
  });

  test('a bundled data set loads from the build folder and trains; its rows are split 60/20/20 apart', async () => {
    const before = await lastRun(pg.page);
    await pg.page.selectOption('#data', 'breast_cancer');
    assert.equal(await settled(pg.page, before), 'done');
    const table = nn.data.parseCsv(await readFile('data/breast_cancer.csv', 'utf8'), { target: 'label' });
    const split = (await tableText(pg.page, '#split')).slice(1).map((row) => [row[0], Number(row[1])]);
    assert.deepEqual(split.map(([part]) => part), ['training', 'validation', 'test']);
    assert.equal(split.reduce((sum, [, rows]) => sum + Number(rows), 0), table.rows);
    assert.equal(await pg.page.isHidden('#boundary-figure'), true, 'a boundary drawn for 30 features');
    const { y, scores, threshold } = await labRows(pg);
    assert.deepEqual(await shownLab(pg), expectedLab(y, scores, threshold, { fn: 20, fp: 1 }));
  });

  test('a dropped CSV is parsed in the page: its column types as nn.data.parseCsv infers them, then trained on', async () => {
    const iris = await readFile('data/iris.csv', 'utf8');
    const [header, ...lines] = iris.trim().split('\n');
    const csv = [`${header},colour`, ...lines.map((line, i) => `${line},${['red', 'green', 'blue'][i % 3]}`)].join('\n');
    const table = nn.data.parseCsv(csv, { target: 'label', file: 'iris-colours.csv' });
    const before = await lastRun(pg.page);
    const dataTransfer = await pg.page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'iris-colours.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await pg.page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
    assert.equal(await settled(pg.page, before), 'done');
    const types = (await tableText(pg.page, '#csv-info table')).slice(1).map((row) => row.slice(0, 2));
    assert.deepEqual(types, [...table.features.columns.map((column) => [column.name, column.kind]), ['label', 'target']]);
    assert.equal(await pg.page.inputValue('#data'), 'csv');
    const split = (await tableText(pg.page, '#split')).slice(1).map((row) => Number(row[1]));
    assert.equal(split.reduce((sum, rows) => sum + rows, 0), table.rows);
    const { y, scores, threshold } = await labRows(pg);
    assert.deepEqual(await shownLab(pg), expectedLab(y, scores, threshold, { fn: 20, fp: 1 }));
  });

  test('every control is reachable by Tab and has a name a screen reader reads', async () => {
    const unnamed = await pg.page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('input, select, button, textarea'))
      .filter((control) => !control.closest('[hidden]'))
      .filter((control) => {
        const labels = (control as HTMLInputElement).labels;
        return !(labels && labels.length > 0) && !control.getAttribute('aria-label') && !(control.tagName === 'BUTTON' && control.textContent?.trim());
      })
      .map((control) => control.id || control.outerHTML.slice(0, 60)));
    assert.deepEqual(unnamed, []);
    const reached = new Set<string>();
    await pg.page.focus('body');
    for (let i = 0; i < 80; i++) {
      await pg.page.keyboard.press('Tab');
      reached.add(await pg.page.evaluate(() => document.activeElement?.id ?? ''));
    }
    for (const id of ['data', 'prevalence', 'noise', 'csv-file', 'hidden', 'train', 'copy-nnkit', 'mistake-softmax-one-unit', 'threshold', 'fnCost']) {
      assert.ok(reached.has(id), `Tab never reaches #${id}`);
    }
  });

  test('at a phone\'s width nothing scrolls sideways; no console error, no request beyond the origin', async () => {
    await pg.page.setViewportSize({ width: 390, height: 844 });
    const overflow = await pg.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a phone's screen`);
    await pg.page.screenshot({ path: resolve(ARTIFACTS, 'playground-phone.png'), fullPage: true });
    assert.deepEqual(pg.errors, []);
    assert.deepEqual(pg.refused, []);
  });
});
