import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binaryReportFixture, multiclassReportFixture } from '../../test/browser/report-fixture.js';
import { renderReport } from './render-report.js';

/** The inline SVG(s) of the figure `chart-<id>`, or undefined when the page has no such chart. */
function figure(html: string, id: string): string | undefined {
  const match = new RegExp(`<figure[^>]* id="chart-${id}">([\\s\\S]*?)</figure>`).exec(html);
  return match?.[1];
}

const BINARY_CHARTS = ['learning-curves', 'confusion', 'roc', 'pr', 'threshold', 'reliability', 'scores'];
/** The fixture's history has loss and accuracy: one learning-curve chart each. */
const LEARNING_PANELS = 2;

describe('renderReport', () => {
  test('draws every chart of a binary report as inline SVG', async () => {
    const html = await renderReport(binaryReportFixture());
    for (const id of BINARY_CHARTS) {
      const svg = figure(html, id);
      assert.ok(svg !== undefined && /^(<div class="panels">)?<svg /.test(svg), `chart ${id} is missing or not an inline <svg>`);
      assert.match(svg, /<\/svg>/);
    }
    assert.equal(html.match(/<svg /g)?.length, BINARY_CHARTS.length - 1 + LEARNING_PANELS);
  });

  test('references no external resource: no URL, script, link, image or font', async () => {
    const html = await renderReport(binaryReportFixture());
    assert.doesNotMatch(html, /https?:/i);
    assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed)\b/i);
    assert.doesNotMatch(html, /@import|@font-face|\bsrc=/i);
    for (const url of html.match(/url\([^)]*\)/g) ?? []) assert.match(url, /^url\(#[\w-]+\)$/);
  });

  test('forbids scripts and fetches with a Content-Security-Policy', async () => {
    const html = await renderReport(binaryReportFixture());
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  });

  test('escapes every string taken from the data', async () => {
    const attack = '<script>alert(1)</script>';
    const base = binaryReportFixture();
    const classNames = ['<b>benign</b>', '"malignant" & co'];
    const html = await renderReport({
      ...base,
      title: `<img src=x onerror=alert(1)>`,
      data: { ...base.data, file: `${attack}.csv`, target: attack, featureNames: [attack, 'a"b'], classNames },
      model: { ...base.model, summaryText: `</pre>${attack}`, optimizer: attack, loss: attack },
      metrics: { ...base.metrics, rows: [{ name: attack, value: 0.5 }], ciMethod: attack },
      confusion: { ...base.confusion, classNames },
      scores: base.scores === undefined ? undefined : { ...base.scores, classNames },
      thresholdSweep: base.thresholdSweep === undefined ? undefined : { ...base.thresholdSweep, rule: attack },
      training: base.training === undefined ? undefined : { ...base.training, monitor: attack },
      warnings: [{ code: attack, severity: 'error', message: attack }],
    });
    assert.doesNotMatch(html, /<script|<img|<b>|<\/pre><script/i);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;b&gt;benign&lt;/b&gt;'), 'class names inside the SVG charts are escaped too');
  });

  test('gives every SVG id a page-wide unique name that its url(#...) references resolve to', async () => {
    const html = await renderReport(binaryReportFixture());
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    for (const [, target] of html.matchAll(/url\(#([^)]+)\)/g)) assert.ok(ids.includes(target), `url(#${target})`);
  });

  test('is reproducible: the same data renders to the same bytes', async () => {
    const first = await renderReport(binaryReportFixture());
    const second = await renderReport(binaryReportFixture());
    assert.equal(first, second);
  });

  test('marks the operating point from the confusion matrix on the ROC and PR curves', async () => {
    const data = binaryReportFixture();
    const html = await renderReport(data);
    const label = `threshold ${Number(data.confusion.threshold?.toFixed(4))}`;
    assert.ok(figure(html, 'roc')?.includes(label), label);
    assert.ok(figure(html, 'pr')?.includes(label), label);
    assert.ok(figure(html, 'roc')?.includes(`AUC ${data.roc?.auc.toFixed(4)}`));
  });

  test('puts the majority-class baseline right after accuracy in the metrics table', async () => {
    const html = await renderReport(binaryReportFixture());
    assert.match(html, /<td>accuracy<\/td>.*?<\/tr><tr class="baseline"><td>majority-class baseline accuracy<\/td><td class="num">0\.6316<\/td>/);
  });

  test('shows no warnings section and says so in the header when there are none', async () => {
    const html = await renderReport(binaryReportFixture({ warnings: [] }));
    assert.doesNotMatch(html, /id="warnings"/);
    assert.match(html, /<header>.*no warnings.*<\/header>/);
  });

  test('leaves out the learning curves when there was no training (evaluate)', async () => {
    const html = await renderReport(binaryReportFixture({ training: undefined }));
    assert.equal(figure(html, 'learning-curves'), undefined);
    assert.equal(html.match(/<svg /g)?.length, BINARY_CHARTS.length - 1);
  });
});

describe('renderReport for a multiclass model', () => {
  test('omits ROC, PR and threshold plots and draws a K×K confusion heatmap', async () => {
    const data = multiclassReportFixture(['ant', 'bee', 'cat', 'dog']);
    const html = await renderReport(data);
    for (const id of ['roc', 'pr', 'threshold']) assert.equal(figure(html, id), undefined, id);
    for (const id of ['learning-curves', 'confusion', 'reliability', 'scores']) assert.ok(figure(html, id), id);
    const confusion = figure(html, 'confusion') ?? '';
    const cells = /<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/.exec(confusion)?.[1] ?? '';
    assert.equal(cells.match(/<path /g)?.length, 16, 'one heatmap cell per (actual, predicted) pair');
  });

  test('lists per-class precision, recall, F1 and support read off the confusion matrix', async () => {
    const data = multiclassReportFixture();
    const html = await renderReport(data);
    const section = /<section class="card" id="per-class">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    const { classNames, counts } = data.confusion;
    classNames.forEach((name, k) => {
      const support = counts[k].reduce((sum, count) => sum + count, 0);
      const predicted = counts.reduce((sum, row) => sum + row[k], 0);
      const precision = counts[k][k] / predicted;
      const recall = counts[k][k] / support;
      const f1 = (2 * precision * recall) / (precision + recall);
      const row = [name, precision.toFixed(4), recall.toFixed(4), f1.toFixed(4), String(support)];
      assert.match(section, new RegExp(row.map((cell) => `>${cell}</td>`).join('<td class="num"')), name);
    });
  });

  test('shows a dash, not NaN, for a class that is never predicted', async () => {
    const base = multiclassReportFixture();
    const counts = [[10, 0, 0], [5, 0, 5], [0, 0, 10]];
    const html = await renderReport({ ...base, confusion: { ...base.confusion, counts } });
    assert.doesNotMatch(html, /NaN/);
    assert.match(html, /<td>versicolor<\/td><td class="num"><span title="0 \/ 0: undefined">–<\/span><\/td>/);
  });
});
