import type { Callback, Logs } from './callback.js';

/** 0 silent, 1 progress bar, 2 one line per epoch, 'auto' = 1. */
export type Verbosity = 0 | 1 | 2 | 'auto';

interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
}

function defaultOutput(): Output {
  // NOTE: no Node import here (the core runs in browsers): use process.stdout when it exists.
  const stdout = (globalThis as { process?: { stdout?: { write(s: string): void; isTTY?: boolean } } }).process?.stdout;
  if (stdout) return { write: (s) => stdout.write(s), isTTY: stdout.isTTY === true };
  let line = '';
  return {
    write: (s) => {
      line += s.replace(/\r/g, '');
      const parts = line.split('\n');
      line = parts.pop()!;
      for (const p of parts) console.log(p);
    },
    isTTY: false,
  };
}

const BAR_WIDTH = 20;
const REDRAW_MS = 100;

export function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .filter(([key]) => key !== 'size')
    .map(([key, value]) => `${key}: ${formatNumber(value)}`)
    .join(' - ');
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 1e-3 || value === 0 ? value.toFixed(4) : value.toExponential(4);
}

function formatDuration(ms: number): string {
  const s = ms / 1000;
  return s >= 60 ? `${Math.floor(s / 60)}m ${Math.round(s % 60)}s` : `${Math.round(s)}s`;
}

/**
 * Keras-style progress: "Epoch 3/20", then a bar with steps, ETA, loss and metrics that
 * updates in place on a terminal, and one summary line per epoch.
 */
export class ProgressLogger implements Callback {
  private readonly live: boolean;
  private readonly out: Output;
  private readonly epochs: number;
  private readonly steps: number;
  private epochStart = 0;
  private lastDraw = 0;
  private lossSum = 0;
  private rows = 0;

  constructor(verbose: Exclude<Verbosity, 0>, epochs: number, steps: number, out: Output = defaultOutput()) {
    this.out = out;
    this.live = (verbose === 1 || verbose === 'auto') && out.isTTY;
    this.epochs = epochs;
    this.steps = steps;
  }

  onEpochBegin(epoch: number): void {
    this.epochStart = Date.now();
    this.lossSum = 0;
    this.rows = 0;
    this.out.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
  }

  onBatchEnd(batch: number, logs: Logs): void {
    const size = logs.size ?? 1;
    this.lossSum += (logs.loss ?? 0) * size;
    this.rows += size;
    if (!this.live) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS && batch + 1 < this.steps) return;
    this.lastDraw = now;
    const done = batch + 1;
    const elapsed = now - this.epochStart;
    const eta = (elapsed / done) * (this.steps - done);
    const filled = Math.round((done / this.steps) * BAR_WIDTH);
    const bar = '━'.repeat(filled) + ' '.repeat(BAR_WIDTH - filled);
    this.out.write(`\r${done}/${this.steps} ${bar} ${formatDuration(eta)} ETA - loss: ${formatNumber(this.lossSum / this.rows)}\x1b[K`);
  }

  onEpochEnd(_epoch: number, logs: Logs): void {
    const elapsed = Date.now() - this.epochStart;
    const perStep = elapsed / Math.max(1, this.steps);
    const bar = '━'.repeat(BAR_WIDTH);
    const line = `${this.steps}/${this.steps} ${bar} ${formatDuration(elapsed)} ${perStep.toFixed(0)}ms/step - ${formatLogs(logs)}`;
    this.out.write(`${this.live ? '\r' : ''}${line}${this.live ? '\x1b[K' : ''}\n`);
  }
}
