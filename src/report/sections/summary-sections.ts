import type { DataSummary, ModelSummary } from '../report-data.js';
import { escapeHtml } from '../escape-html.js';
import { formatCount, formatPercent } from '../format-number.js';

/** File, size, target, class balance (with bars), splits and feature names. */
export function dataSectionHtml(data: DataSummary): string {
  const total = data.classCounts.reduce((sum, count) => sum + count, 0);
  const balance = data.classNames.map((name, index) => {
    const share = total === 0 ? 0 : data.classCounts[index] / total;
    return (
      `<tr><td>${escapeHtml(name)}</td><td class="num">${formatCount(data.classCounts[index])}</td>` +
      `<td class="num">${formatPercent(share)}</td>` +
      `<td class="bar-cell"><span class="bar" style="width:${(share * 100).toFixed(1)}%"></span></td></tr>`
    );
  });
  const split =
    data.split === undefined
      ? ''
      : `<tr><th>split</th><td>${formatCount(data.split.train)} train · ${formatCount(data.split.validation)} ` +
        `validation · ${formatCount(data.split.test)} test</td></tr>`;
  const features = data.featureNames.map((name) => `<code>${escapeHtml(name)}</code>`).join(' ');
  return (
    `<section class="card" id="data"><h2>Data</h2><table class="facts">` +
    `<tr><th>file</th><td><code>${escapeHtml(data.file)}</code></td></tr>` +
    `<tr><th>rows × columns</th><td>${formatCount(data.rows)} × ${formatCount(data.columns)}</td></tr>` +
    `<tr><th>target</th><td><code>${escapeHtml(data.target)}</code></td></tr>${split}</table>` +
    `<h3>Class balance</h3><table class="balance"><tbody>${balance.join('')}</tbody></table>` +
    `<details${data.featureNames.length <= 12 ? ' open' : ''}><summary>${formatCount(data.featureNames.length)} features</summary>` +
    `<p class="features">${features}</p></details></section>`
  );
}

/** Parameter counts, optimizer and loss, and the Keras-style summary table as printed. */
export function modelSectionHtml(model: ModelSummary): string {
  const optional = [
    model.optimizer === undefined ? '' : `<tr><th>optimizer</th><td>${escapeHtml(model.optimizer)}</td></tr>`,
    model.loss === undefined ? '' : `<tr><th>loss</th><td>${escapeHtml(model.loss)}</td></tr>`,
  ].join('');
  return (
    `<section class="card wide" id="model"><h2>Model</h2><table class="facts">` +
    `<tr><th>parameters</th><td>${formatCount(model.totalParams)} total · ` +
    `${formatCount(model.trainableParams)} trainable · ${formatCount(model.nonTrainableParams)} non-trainable</td></tr>` +
    `${optional}</table><pre class="summary">${escapeHtml(model.summaryText)}</pre></section>`
  );
}
