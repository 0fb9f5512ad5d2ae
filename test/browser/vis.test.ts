/**
 * nnkit/vis in headless Chromium: the report's charts drawn into a page beside the browser entry,
 * with no console error or warning and no request at all; the threshold slider's numbers are
 * those of nn.evaluation.confusionMatrix / precisionRecallFscoreSupport at every position tried;
 * the learning curves grow by one point per series at every epoch of a real fit, in the page or
 * in nn.worker(). Screenshots are kept in test-artifacts/vis-*.png.
 */
import './worker-bundle.js';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { confusionMatrix, precisionRecallFscoreSupport } from '../../src/metrics/evaluation/index.js';
import { Random } from '../../src/random/random.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { binaryReportFixture, multiclassReportFixture } from './report-fixture.js';
import { ARTIFACTS } from './report-page.js';
import { openVisPage, type VisPage } from './vis-page.js';

type Nn = typeof import('../../src/browser/index.js');
declare const nn: Nn;
type Vis = typeof import('../../src/vis/index.js');
declare const vis: Vis;
interface VisWindow { explorer: import('../../src/vis/index.js').ThresholdExplorer }
declare const window: VisWindow;

/** 300 made-up rows, 35% positive, scores that overlap. */
function rows(): { labels: number[]; scores: number[] } {
  const random = new Random(11);
  const labels = Array.from({ length: 300 }, (_, row) => (row % 20 < 7 ? 1 : 0));
  const scores = labels.map((label) => 1 / (1 + Math.exp(-((label === 1 ? 1.2 : -1.2) + 1.4 * random.normal()))));
  return { labels, scores };
}

/** What the page shows: each chart's SVG size and marks, and the numbers of the metrics table. */
async function shown(visPage: VisPage) {
  return visPage.page.evaluate(() => ({
    charts: Array.from(document.querySelectorAll<HTMLElement>('figure.nnkit-chart')).map((figure) => {
      const svgs = Array.from(figure.querySelectorAll('svg'));
      const box = svgs[0]?.getBoundingClientRect();
      return { id: figure.dataset.chart, svgs: svgs.length, width: box?.width ?? 0, height: box?.height ?? 0, marks: svgs[0]?.querySelectorAll('path, line, text').length ?? 0 };
    }),
    values: Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('.nnkit-metrics [data-value]')).map((cell) => [
        cell.dataset.class === undefined ? cell.dataset.metric : `${cell.dataset.metric}/${cell.dataset.class}`,
        Number(cell.dataset.value),
      ]),
    ),
    matrixTexts: Array.from(document.querySelectorAll('figure[data-chart="confusion"] svg text')).map((text) => text.textContent),
    rocTexts: Array.from(document.querySelectorAll('figure[data-chart="roc"] svg text')).map((text) => text.textContent),
  }));
}

describe('nnkit/vis in headless Chromium', { skip }, () => {
  let browser: Browser;
  const { labels, scores } = rows();

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  test('the threshold explorer draws its six charts with no console error or warning and no request', async () => {
    const visPage = await openVisPage(browser);
    try {
      await visPage.page.evaluate(async ([labels, scores]) => {
        const app = document.getElementById('app')!;
        window.explorer = await vis.thresholdExplorer(app, labels, scores, { threshold: 0.5, classNames: ['benign', 'malignant'], rule: 'max F1 on the validation rows' });
      }, [labels, scores]);
      const page = await shown(visPage);
      assert.deepEqual(page.charts.map((chart) => chart.id), ['confusion', 'roc', 'pr', 'threshold', 'scores', 'reliability']);
      for (const chart of page.charts) {
        assert.equal(chart.svgs, 1, chart.id);
        assert.ok(chart.width > 200 && chart.height > 150, `${chart.id} is ${chart.width}×${chart.height} px`);
        assert.ok(chart.marks > 10, `${chart.id} holds only ${chart.marks} marks`);
      }
      await visPage.page.screenshot({ path: resolve(ARTIFACTS, 'vis-explorer.png'), fullPage: true });
      assert.deepEqual(visPage.errors, []);
      assert.deepEqual(visPage.warnings, []);
      assert.deepEqual(visPage.requests, []);
    } finally {
      await visPage.close();
    }
  });

  test('at every slider position the numbers are confusionMatrix and precisionRecallFscoreSupport at that threshold', async () => {
    const visPage = await openVisPage(browser);
    try {
      await visPage.page.evaluate(async ([labels, scores]) => {
        window.explorer = await vis.thresholdExplorer(document.getElementById('app')!, labels, scores, { classNames: ['no', 'yes'] });
      }, [labels, scores]);
      const slider = visPage.page.locator('.nnkit-threshold-control input[type=range]');
      const positions = ['0.1', '0.35', '0.5', '0.725', '0.9'];
      for (const position of positions) {
        // NOTE: fill() sets the slider's value and fires its input event, as a drag does.
        await slider.fill(position);
        await visPage.page.evaluate(() => window.explorer.redraw());
        const threshold = Number(position);
        const predicted = scores.map((score) => (score > threshold ? 1 : 0));
        const matrix = confusionMatrix(labels, predicted, { labels: [0, 1] }).matrix;
        const expected = precisionRecallFscoreSupport(labels, predicted, { labels: [0, 1] });
        const page = await shown(visPage);
        assert.equal(await visPage.page.evaluate(() => window.explorer.threshold), threshold);
        for (const k of [0, 1]) {
          assert.equal(page.values[`precision/${k}`], expected.precision[k], `precision of class ${k} at ${position}`);
          assert.equal(page.values[`recall/${k}`], expected.recall[k], `recall of class ${k} at ${position}`);
          assert.equal(page.values[`fScore/${k}`], expected.fScore[k], `F1 of class ${k} at ${position}`);
          assert.equal(page.values[`support/${k}`], expected.support[k], `rows of class ${k} at ${position}`);
        }
        const counts = page.matrixTexts.filter((text) => /^\d+$/.test(text ?? '')).map(Number);
        assert.deepEqual(counts, matrix.flat(), `the drawn matrix at ${position}`);
        assert.ok(page.rocTexts.includes(`threshold ${threshold}`), `the ROC operating point is labelled at ${position}: ${page.rocTexts.join(' | ')}`);
      }
      await slider.press('ArrowRight');
      const moved = await visPage.page.evaluate(() => window.explorer.threshold);
      assert.ok(moved > 0.9, `the arrow key moved the threshold to ${moved}`);
      await visPage.page.screenshot({ path: resolve(ARTIFACTS, 'vis-explorer-moved.png'), fullPage: true });
      assert.deepEqual(visPage.errors, []);
      assert.deepEqual(visPage.requests, []);
    } finally {
      await visPage.close();
    }
  });

  test('the learning curves grow by one point per series at every epoch of a real fit', async () => {
    const visPage = await openVisPage(browser, 900);
    try {
      const grown = await visPage.page.evaluate(async () => {
        await nn.ready();
        nn.setSeed(5);
        const x = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
        const y = x.map(([a, b]) => (a + 0.5 * b > 0 ? 1 : 0));
        const model = nn.sequential([
          nn.layers.dense({ units: 8, activation: 'relu', inputShape: [2] }),
          nn.layers.dense({ units: 1, activation: 'sigmoid' }),
        ]);
        model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
        const app = document.getElementById('app')!;
        const curves = vis.learningCurves(app);
        // NOTE: listed after the curves, this callback sees each epoch's chart once it is drawn.
        const points: number[][] = [];
        const count = { onEpochEnd: () => { points.push(Array.from(app.querySelectorAll('svg'), (svg) => svg.querySelectorAll('.role-mark.mark-symbol path').length)); } };
        const history = await model.fit(x, y, { epochs: 6, batchSize: 32, validationSplit: 0.25, verbose: 0, callbacks: [curves, count] });
        return { points, losses: history.history.loss.length, drawn: curves.history.val_loss.length, caption: app.querySelector('figcaption')?.textContent };
      });
      // Two panels (loss, accuracy), each with a training and a validation point per epoch.
      assert.deepEqual(grown.points, [[2, 2], [4, 4], [6, 6], [8, 8], [10, 10], [12, 12]]);
      assert.equal(grown.drawn, grown.losses);
      assert.equal(grown.caption, '6 epochs.');
      await visPage.page.screenshot({ path: resolve(ARTIFACTS, 'vis-learning-curves.png'), fullPage: true });
      assert.deepEqual(visPage.errors, []);
      assert.deepEqual(visPage.warnings, []);
      assert.deepEqual(visPage.requests, []);
    } finally {
      await visPage.close();
    }
  });

  test('passed to nn.worker().fit, the learning curves grow on the page while the worker trains', async () => {
    const visPage = await openVisPage(browser, 900);
    try {
      const grown = await visPage.page.evaluate(async () => {
        await nn.ready();
        nn.setSeed(5);
        const x = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
        const y = x.map(([a, b]) => (a + 0.5 * b > 0 ? 1 : 0));
        const model = nn.sequential([
          nn.layers.dense({ units: 8, activation: 'relu', inputShape: [2] }),
          nn.layers.dense({ units: 1, activation: 'sigmoid' }),
        ]);
        model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
        const app = document.getElementById('app')!;
        const worker = nn.worker();
        const curves = vis.learningCurves(app);
        // NOTE: both run on the page from the worker's posted logs, the curves first.
        const points: number[][] = [];
        const count = { onEpochEnd: () => { points.push(Array.from(app.querySelectorAll('svg'), (svg) => svg.querySelectorAll('.role-mark.mark-symbol path').length)); } };
        const history = await worker.fit(model, x, y, { epochs: 5, batchSize: 32, validationSplit: 0.25, verbose: 0, callbacks: [curves, count] });
        worker.terminate();
        return { points, drawn: curves.history, logged: history.history };
      });
      assert.deepEqual(grown.points, [[2, 2], [4, 4], [6, 6], [8, 8], [10, 10]]);
      assert.deepEqual(grown.drawn, grown.logged, 'the curves drew the values the worker logged');
      await visPage.page.screenshot({ path: resolve(ARTIFACTS, 'vis-learning-curves-worker.png'), fullPage: true });
      assert.deepEqual(visPage.errors, []);
      assert.deepEqual(visPage.warnings, []);
      assert.deepEqual(visPage.requests, []);
    } finally {
      await visPage.close();
    }
  });

  test('showReport draws a binary and a multiclass report; a chart asking for a URL is refused, not fetched', async () => {
    const visPage = await openVisPage(browser);
    try {
      const ids = await visPage.page.evaluate(async ([binary, multiclass]) => {
        const app = document.getElementById('app')!;
        const shownIds = () => Array.from(app.querySelectorAll<HTMLElement>('figure.nnkit-chart'), (figure) => figure.dataset.chart);
        const binaryView = await vis.showReport(app, binary);
        const binaryIds = shownIds();
        const threshold = binaryView.explorer?.threshold;
        binaryView.destroy();
        await vis.showReport(app, multiclass);
        const refused = await vis.drawChart(document.createElement('div'), {
          data: { url: 'https://example.com/rows.csv' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } },
        }).then(() => 'drawn', (error: Error) => error.message);
        return { binaryIds, threshold, multiclassIds: shownIds(), refused };
      }, [binaryReportFixture(), multiclassReportFixture()] as const);
      assert.deepEqual(ids.binaryIds, ['learning-curves', 'confusion', 'roc', 'pr', 'threshold', 'scores', 'reliability']);
      assert.equal(ids.threshold, binaryReportFixture().confusion.threshold);
      assert.deepEqual(ids.multiclassIds, ['learning-curves', 'confusion', 'reliability', 'scores']);
      assert.match(ids.refused, /never fetch/);
      await visPage.page.screenshot({ path: resolve(ARTIFACTS, 'vis-report-multiclass.png'), fullPage: true });
      assert.deepEqual(visPage.errors, []);
      assert.deepEqual(visPage.requests, []);
    } finally {
      await visPage.close();
    }
  });
});
