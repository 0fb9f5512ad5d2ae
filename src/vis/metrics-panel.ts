import { formatCount, formatNumber } from '../report/format-number.js';
import type { ThresholdMetrics } from './threshold-metrics.js';

const COLUMNS = [
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['fScore', 'F1'],
  ['support', 'rows'],
] as const;

/**
 * The metrics at the current threshold as a table: precision, recall, F1 and rows per class,
 * then accuracy beside the majority baseline. Each number's cell carries its exact value in
 * `data-value` (the text shows 4 decimals).
 */
export class MetricsPanel {
  readonly element: HTMLElement;
  private readonly cells: Map<string, HTMLElement>;
  private readonly accuracy: HTMLElement;
  private readonly notes: HTMLElement;

  constructor(parent: HTMLElement, classNames: readonly string[], baselineAccuracy: number) {
    const document = parent.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => {
      const element = document.createElement(tag);
      element.textContent = text;
      return element;
    };
    this.element = make('div');
    this.element.className = 'nnkit-metrics';
    this.element.style.font = '14px system-ui, sans-serif';
    const table = make('table');
    table.style.borderCollapse = 'collapse';
    const head = make('tr');
    head.append(make('th', 'class'), ...COLUMNS.map(([, title]) => make('th', title)));
    table.append(head);
    this.cells = new Map();
    classNames.forEach((name, k) => {
      const row = make('tr');
      const cells = COLUMNS.map(([metric]) => {
        const cell = make('td');
        cell.dataset.metric = metric;
        cell.dataset.class = String(k);
        cell.style.textAlign = 'right';
        this.cells.set(`${metric}/${k}`, cell);
        return cell;
      });
      row.append(make('th', name), ...cells);
      table.append(row);
    });
    for (const cell of Array.from(table.querySelectorAll<HTMLElement>('th, td'))) cell.style.padding = '2px 10px 2px 0';
    this.accuracy = make('p');
    this.accuracy.dataset.metric = 'accuracy';
    this.notes = make('p');
    this.notes.style.color = '#8a5a00';
    const baseline = make('p', `majority baseline accuracy ${formatNumber(baselineAccuracy)}`);
    baseline.dataset.metric = 'baseline';
    baseline.dataset.value = String(baselineAccuracy);
    for (const line of [this.accuracy, baseline, this.notes]) line.style.margin = '4px 0';
    this.element.append(table, this.accuracy, baseline, this.notes);
    parent.append(this.element);
  }

  show(metrics: ThresholdMetrics): void {
    for (const [metric] of COLUMNS) {
      metrics.perClass[metric].forEach((value, k) => {
        const cell = this.cells.get(`${metric}/${k}`);
        if (cell === undefined) return;
        cell.dataset.value = String(value);
        cell.textContent = metric === 'support' ? formatCount(value) : formatNumber(value);
      });
    }
    this.accuracy.dataset.value = String(metrics.accuracy);
    this.accuracy.textContent = `accuracy ${formatNumber(metrics.accuracy)}`;
    this.notes.textContent = metrics.warnings.map((warning) => warning.message).join(' ');
  }
}
