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
    plot({ title: 'Accuracy per epoch', xLabel: 'epoch', yLabel: 'accuracy', x: [1, Math.max(2, epochs)], y: [0, 1], series: accuracy }),
  );
}
