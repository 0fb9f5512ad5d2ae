import type { LabNumbers } from './lab-numbers.js';
import { NEGATIVE, POSITIVE } from './boundary.js';
import { plot } from './svg-plot.js';

const BINS = 20;

/** Three decimals, as every number of the lab is shown. */
export function fixed(value: number): string {
  return Number.isNaN(value) ? 'undefined' : value.toFixed(3);
}

function cells(row: readonly (string | number)[], header = false): HTMLTableRowElement {
  const tr = document.createElement('tr');
  row.forEach((cell, i) => {
    const td = document.createElement(header || i === 0 ? 'th' : 'td');
    if (header && i > 0) td.scope = 'col';
    else if (i === 0) td.scope = 'row';
    td.textContent = String(cell);
    tr.append(td);
  });
  return tr;
}

function fill(table: HTMLTableElement, rows: HTMLTableRowElement[]): void {
  const caption = table.caption;
  table.replaceChildren(...(caption ? [caption] : []), ...rows);
}

/** Counts per score bin for the rows of one class. */
function histogram(y: Float32Array, scores: Float32Array, label: number): number[] {
  const counts = new Array<number>(BINS).fill(0);
  for (let i = 0; i < y.length; i++) if (y[i] === label) counts[Math.min(BINS - 1, Math.floor(scores[i] * BINS))]++;
  return counts;
}

/**
 * Shows one threshold's numbers: the confusion matrix, the model's precision / recall / F1 /
 * accuracy beside the majority baseline, the cost, ROC and PR curves with the operating point,
 * and the score histograms of each class with the cut.
 */
export function renderLab(numbers: LabNumbers, y: Float32Array, scores: Float32Array, classNames: readonly [string, string], costs: { fnCost: number; fpCost: number }): void {
  const [[tn, fp], [fn, tp]] = numbers.matrix;
  fill(document.querySelector<HTMLTableElement>('#confusion')!, [
    cells(['', `predicted ${classNames[0]}`, `predicted ${classNames[1]}`], true),
    cells([`true ${classNames[0]}`, tn, fp]),
    cells([`true ${classNames[1]}`, fn, tp]),
  ]);
  const { model, baseline } = numbers;
  fill(document.querySelector<HTMLTableElement>('#metrics')!, [
    cells(['', 'model', `always ${classNames[baseline.majorityClass]}`], true),
    cells(['precision', fixed(model.precision), fixed(baseline.precision)]),
    cells(['recall', fixed(model.recall), fixed(baseline.recall)]),
    cells(['F1', fixed(model.f1), fixed(baseline.f1)]),
    cells(['accuracy', fixed(model.accuracy), fixed(baseline.accuracy)]),
    ...(numbers.rocAuc === undefined ? [] : [cells(['ROC AUC', fixed(numbers.rocAuc), fixed(0.5)])]),
  ]);
  document.querySelector('#cost')!.textContent =
    `Cost at this threshold: ${costs.fnCost} × ${fn} FN + ${costs.fpCost} × ${fp} FP = ${numbers.cost} ` +
    `(${fixed(numbers.cost / numbers.rows)} per row).`;
  const t = numbers.threshold;
  const fpr = fp / (fp + tn || 1);
  const recall = tp / (tp + fn || 1);
  document.querySelector('#roc')!.replaceChildren(
    ...(numbers.roc === undefined ? [] : [plot({
      title: `ROC (AUC ${fixed(numbers.rocAuc!)})`, xLabel: 'false positive rate', yLabel: 'true positive rate', x: [0, 1], y: [0, 1],
      series: [{ name: 'model', x: numbers.roc.fpr, y: numbers.roc.tpr, color: POSITIVE }, { name: 'chance', x: [0, 1], y: [0, 1], color: '#a0aec0', dashed: true }],
      legend: 'bottom-right',
      point: { x: fpr, y: recall, label: `threshold ${t}: FPR ${fixed(fpr)}, TPR ${fixed(recall)}` },
    })]),
  );
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const share = (tp + fn) / numbers.rows;
  document.querySelector('#pr')!.replaceChildren(
    ...(numbers.pr === undefined ? [] : [plot({
      title: `Precision–recall (AP ${fixed(numbers.averagePrecision!)})`, xLabel: 'recall', yLabel: 'precision', x: [0, 1], y: [0, 1],
      series: [{ name: 'model', x: numbers.pr.recall, y: numbers.pr.precision, color: POSITIVE }, { name: 'chance', x: [0, 1], y: [share, share], color: '#a0aec0', dashed: true }],
      legend: 'bottom-left',
      point: { x: recall, y: precision, label: `threshold ${t}: recall ${fixed(recall)}, precision ${fixed(precision)}` },
    })]),
  );
  const negatives = histogram(y, scores, 0);
  const positives = histogram(y, scores, 1);
  const edges = Array.from({ length: BINS }, (_, i) => i / BINS);
  document.querySelector('#histogram')!.replaceChildren(plot({
    title: 'Scores per class, with the cut', xLabel: 'predicted probability', yLabel: 'rows', x: [0, 1], y: [0, Math.max(1, ...negatives, ...positives)],
    series: [{ name: classNames[0], x: edges, y: negatives, color: NEGATIVE, bars: 1 / BINS }, { name: classNames[1], x: edges, y: positives, color: POSITIVE, bars: 1 / BINS }],
    cut: t,
  }));
}
