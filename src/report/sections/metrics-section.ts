import type { ConfusionMatrixData, MetricsTable } from '../report-data.js';
import { escapeHtml } from '../escape-html.js';
import { formatCount, formatNumber, formatPercent } from '../format-number.js';

/**
 * The metrics table: value and confidence interval per metric, with the majority-class baseline
 * right after accuracy (the accuracy paradox, made visible) and the logistic-regression baseline
 * last, when there is one. Titled for what was evaluated: the
 * held-out test rows of a training run, or the rows of a file (which the model may have seen).
 */
export function metricsSectionHtml(metrics: MetricsTable): string {
  const hasCi = metrics.rows.some((row) => row.ci !== undefined);
  const on = metrics.evaluatedOn;
  const level = metrics.confidenceLevel === undefined ? '' : ` ${formatPercent(metrics.confidenceLevel).replace('.0%', '%')}`;
  const ciHeader = hasCi ? `<th class="num">CI${level}</th>` : '';
  const baseline =
    `<tr class="baseline"><td>majority-class baseline accuracy</td>` +
    `<td class="num">${formatNumber(metrics.baselineAccuracy)}</td>${hasCi ? '<td></td>' : ''}</tr>`;
  const l = metrics.logisticBaseline;
  const logistic = l === undefined ? ''
    : `<tr class="baseline"><td>logistic-regression baseline (same pipeline, no hidden layers): accuracy · F1 · ROC-AUC · loss</td>` +
      `<td class="num">${[l.accuracy, l.f1, l.rocAuc, l.logLoss].map((v) => (v === null ? '–' : formatNumber(v))).join(' · ')}</td>${hasCi ? '<td></td>' : ''}</tr>`;
  const accuracyIndex = metrics.rows.findIndex((row) => row.name.toLowerCase() === 'accuracy');
  const rows = metrics.rows.map((row) => {
    const ci = row.ci === undefined ? ''
      : row.ci === null ? '<span title="the bootstrap resamples were degenerate (too few rows, or no error to resample)">undefined</span>'
        : `${formatNumber(row.ci[0])} – ${formatNumber(row.ci[1])}`;
    return (
      `<tr><td>${escapeHtml(row.name)}</td><td class="num">${formatNumber(row.value)}</td>` +
      `${hasCi ? `<td class="num ci">${ci}</td>` : ''}</tr>`
    );
  });
  rows.splice(accuracyIndex === -1 ? rows.length : accuracyIndex + 1, 0, baseline);
  if (logistic !== '') rows.push(logistic);
  const method = metrics.ciMethod === undefined ? '' : ` Intervals: ${escapeHtml(metrics.ciMethod)}.`;
  return (
    `<section class="card" id="metrics"><h2>${on === undefined ? 'Test-set metrics' : `Metrics on the rows of <code>${escapeHtml(on.file)}</code>`}</h2>` +
    `<table class="metrics"><thead><tr><th>metric</th><th class="num">value</th>${ciHeader}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>` +
    `<p class="note">${rowsNote(metrics)}${method}</p></section>`
  );
}

/** What the metrics were computed on, and (for a file) how many of its rows were training rows. */
function rowsNote(metrics: MetricsTable): string {
  const rows = formatCount(metrics.evaluatedRows);
  const on = metrics.evaluatedOn;
  if (on === undefined) return `On ${rows} held-out rows.`;
  const trained = on.trainingRows === undefined ? ''
    : on.trainingRows === 0 ? ' None of them is a training row of the model.'
      : ` ${formatCount(on.trainingRows)} of them ${on.trainingRows === 1 ? 'is a training row' : 'are training rows'} of the model: ` +
        'scores on those measure memory, not generalization.';
  return `On the ${rows} rows of ${escapeHtml(on.file)}.${trained}`;
}

/** Per-class precision, recall, F1 and support, read off the K×K confusion matrix. */
export function perClassSectionHtml(confusion: ConfusionMatrixData): string {
  const { classNames, counts } = confusion;
  const rows = classNames.map((name, k) => {
    const support = counts[k].reduce((sum, count) => sum + count, 0);
    const predicted = counts.reduce((sum, row) => sum + row[k], 0);
    const correct = counts[k][k];
    const precision = predicted === 0 ? undefined : correct / predicted;
    const recall = support === 0 ? undefined : correct / support;
    const f1 =
      precision === undefined || recall === undefined
        ? undefined
        : precision + recall === 0
          ? 0
          : (2 * precision * recall) / (precision + recall);
    const cell = (value: number | undefined) =>
      `<td class="num">${value === undefined ? '<span title="0 / 0: undefined">–</span>' : formatNumber(value)}</td>`;
    return (
      `<tr><td>${escapeHtml(name)}</td>${cell(precision)}${cell(recall)}${cell(f1)}` +
      `<td class="num">${formatCount(support)}</td></tr>`
    );
  });
  return (
    `<section class="card" id="per-class"><h2>Per class</h2><table class="metrics">` +
    `<thead><tr><th>class</th><th class="num">precision</th><th class="num">recall</th>` +
    `<th class="num">F1</th><th class="num">support</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `<p class="note">From the confusion matrix; – marks 0 / 0 (no rows predicted or present).</p></section>`
  );
}
