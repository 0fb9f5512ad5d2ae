import { plot, type Series } from './svg-plot.js';

const COLORS = ['#2b6cb0', '#dd6b20'];

function series(history: Readonly<Record<string, readonly number[]>>, names: readonly string[]): Series[] {
  return names.filter((name) => history[name]?.length).map((name, i) => ({
    name: name.replace(/^val_/, 'validation ').replace('_', ' '),
    x: history[name].map((_, epoch) => epoch + 1),
    y: history[name],
    color: COLORS[i % 2],
  }));
}

/** Learning curves, redrawn after each epoch: loss, and accuracy, on training and validation rows. */
export function renderCurves(container: HTMLElement, history: Readonly<Record<string, readonly number[]>>, epochs: number): void {
  const losses = series(history, ['loss', 'val_loss']);
  const accuracy = series(history, ['accuracy', 'val_accuracy']);
  const highest = Math.max(0.1, ...losses.flatMap((s) => Array.from(s.y)).filter(Number.isFinite));
  container.replaceChildren(
    plot({ title: 'Loss per epoch', xLabel: 'epoch', yLabel: 'binary cross-entropy', x: [1, Math.max(2, epochs)], y: [0, Math.min(highest, 5)], series: losses }),
    plot({ title: 'Accuracy per epoch', xLabel: 'epoch', yLabel: 'accuracy', x: [1, Math.max(2, epochs)], y: [0, 1], series: accuracy, legend: 'bottom-right' }),
  );
}

const DRAW_EVERY = 200;

type OnDraw = (logs: Readonly<Record<string, number>>, epochsDone: number) => void;

/**
 * Learning curves while a worker trains: each epoch's logs are kept as they arrive and the
 * charts are redrawn in an animation frame at most every DRAW_EVERY ms, so a burst of fast
 * epochs costs the page one drawing, not one per epoch, and the main thread stays free.
 */
export class LiveCurves {
  private readonly container: HTMLElement;
  private readonly epochs: number;
  private readonly history: Record<string, number[]> = {};
  private readonly onDraw: OnDraw;
  private last: Readonly<Record<string, number>> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private drawnAt = -Infinity;

  /** `onDraw` runs in the same frame, with the last epoch's logs (for a status line). */
  constructor(container: HTMLElement, epochs: number, onDraw: OnDraw = () => {}) {
    this.container = container;
    this.epochs = epochs;
    this.onDraw = onDraw;
    renderCurves(container, this.history, epochs);
  }

  add(logs: Readonly<Record<string, number>>): void {
    for (const [name, value] of Object.entries(logs)) (this.history[name] ??= []).push(value);
    this.last = logs;
    if (this.timer !== undefined || this.frame !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.drawnAt = performance.now();
        renderCurves(this.container, this.history, this.epochs);
        this.onDraw(this.last, this.history.loss?.length ?? 0);
      });
    }, Math.max(0, this.drawnAt + DRAW_EVERY - performance.now()));
  }

  /** Stops drawing (a finished or replaced run). */
  stop(): void {
    clearTimeout(this.timer);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.timer = undefined;
    this.frame = undefined;
  }
}
