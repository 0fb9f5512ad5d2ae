import type { BaseLayer } from '../layers/base-layer.js';
import { MergeLayer } from '../layers/merge-layer.js';
import { formatShape } from '../layers/shape.js';
import type { Graph } from './graph.js';

export interface SummaryOptions {
  /** Where the table goes; console.log by default. Pass `() => {}` to only get the string. */
  printFn?: (line: string) => void;
}

/** Keras' readable byte sizes: 8.00 KB, 1.20 MB (1024-based). */
export function readableSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let size = bytes;
  for (const unit of units) {
    if (size / 1024 < 1 || unit === 'TB') return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} TB`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the summary reads of a model (a Sequential model lists no input layer). */
export interface SummarizedModel {
  readonly name: string;
  readonly className: 'Sequential' | 'Functional';
  readonly modelGraph: Graph;
  readonly layers: readonly BaseLayer[];
  countParams(): number;
}

/**
 * The table a Keras user reads: each layer's name and type, output shape with None for the
 * batch, parameter count, then total / trainable / non-trainable parameters. Functional models
 * with merges get a "Connected to" column.
 */
export function summarize(model: SummarizedModel, options: SummaryOptions = {}): string {
  const graph = model.modelGraph;
  const isSequential = model.className === 'Sequential';
  const hasMerges = graph.layers.some((l) => l instanceof MergeLayer);
  const header = ['Layer (type)', 'Output Shape', 'Param #', ...(hasMerges ? ['Connected to'] : [])];
  const rows: string[][] = [];
  if (!isSequential) rows.push([`${graph.input.layer.name} (InputLayer)`, formatShape(graph.input.shape), '0', ...(hasMerges ? ['-'] : [])]);
  for (const node of graph.nodes) {
    const connected = hasMerges ? [node.tensor.inputs.map((p) => p.layer.name).join(', ')] : [];
    rows.push([`${node.layer.name} (${node.layer.className})`, formatShape(node.tensor.shape), count(node.layer.countParams()), ...connected]);
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)) + 2);
  widths[0] = Math.max(widths[0], 33);
  widths[1] = Math.max(widths[1], 24);
  widths[2] = Math.max(widths[2], 15);
  const cell = (text: string, c: number) => (c === 2 ? ` ${text.padStart(widths[c] - 2)} ` : ` ${text.padEnd(widths[c] - 2)} `);
  const line = (l: string, m: string, r: string, fill: string) => l + widths.map((w) => fill.repeat(w)).join(m) + r;
  const lines = [
    `Model: "${model.name}"`,
    line('┏', '┳', '┓', '━'),
    '┃' + header.map((h, c) => cell(h, c)).join('┃') + '┃',
    line('┡', '╇', '┩', '━'),
  ];
  rows.forEach((r, i) => {
    lines.push('│' + r.map((t, c) => cell(t, c)).join('│') + '│');
    if (i < rows.length - 1) lines.push(line('├', '┼', '┤', '─'));
  });
  lines.push(line('└', '┴', '┘', '─'));
  const trainable = model.layers.reduce((s, l) => s + l.countParams(true), 0);
  const total = model.countParams();
  lines.push(` Total params: ${count(total)} (${readableSize(total * 4)})`);
  lines.push(` Trainable params: ${count(trainable)} (${readableSize(trainable * 4)})`);
  lines.push(` Non-trainable params: ${count(total - trainable)} (${readableSize((total - trainable) * 4)})`);
  const text = lines.join('\n');
  (options.printFn ?? console.log)(text);
  return text;
}
