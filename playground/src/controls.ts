import { ACTIVATIONS, OPTIMIZERS, type PlaygroundState } from './state.js';

/** What a change affects: the rows (retrain), the model (retrain), or only the threshold lab. */
export type ChangeKind = 'data' | 'model' | 'lab';

function input<T extends HTMLElement = HTMLInputElement>(id: string): T {
  return document.querySelector<T>(`#${id}`)!;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Writes a state into the form controls (and their printed values). */
export function showState(state: PlaygroundState): void {
  input<HTMLSelectElement>('data').value = state.data;
  input('prevalence').value = String(state.prevalence);
  input('prevalence-value').textContent = percent(state.prevalence);
  input('noise').value = String(state.noise);
  input('noise-value').textContent = percent(state.noise);
  input('seed').value = String(state.seed);
  input('hidden').value = state.hidden.join(', ');
  input<HTMLSelectElement>('activation').value = state.activation;
  input<HTMLSelectElement>('optimizer').value = state.optimizer;
  input<HTMLSelectElement>('learningRate').value = String(state.learningRate);
  input('dropout').value = String(state.dropout);
  input('dropout-value').textContent = String(state.dropout);
  input('epochs').value = String(state.epochs);
  input<HTMLSelectElement>('batchSize').value = String(state.batchSize);
  input('balanced').checked = state.balanced;
  showThreshold(state.threshold);
  input<HTMLSelectElement>('rows').value = state.rows;
  input('fnCost').value = String(state.fnCost);
  input('fpCost').value = String(state.fpCost);
  input('minPrecision').value = String(state.minPrecision);
  input('minRecall').value = String(state.minRecall);
}

/** The slider moves to the threshold; the printed value keeps it exactly (data-value). */
export function showThreshold(threshold: number): void {
  input('threshold').value = String(threshold);
  const output = input('threshold-value');
  output.textContent = threshold.toFixed(4);
  output.dataset.value = String(threshold);
}

/** Calls `onChange` with the changed fields whenever a control changes. */
export function bindControls(onChange: (patch: Partial<PlaygroundState>, kind: ChangeKind) => void): void {
  for (const name of ACTIVATIONS) input<HTMLSelectElement>('activation').append(new Option(name, name));
  for (const name of OPTIMIZERS) input<HTMLSelectElement>('optimizer').append(new Option(name, name));
  const number = (id: string, kind: ChangeKind, field: keyof PlaygroundState, event = 'change') =>
    input(id).addEventListener(event, () => {
      const value = Number(input(id).value);
      if (Number.isFinite(value) && input<HTMLInputElement>(id).checkValidity()) onChange({ [field]: value }, kind);
    });
  input<HTMLSelectElement>('data').addEventListener('change', () => onChange({ data: input<HTMLSelectElement>('data').value as PlaygroundState['data'] }, 'data'));
  number('prevalence', 'data', 'prevalence');
  input('prevalence').addEventListener('input', () => (input('prevalence-value').textContent = percent(Number(input('prevalence').value))));
  number('noise', 'data', 'noise');
  input('noise').addEventListener('input', () => (input('noise-value').textContent = percent(Number(input('noise').value))));
  number('seed', 'data', 'seed');
  input('hidden').addEventListener('change', () => {
    const units = input('hidden').value.split(/[ ,]+/).filter(Boolean).map(Number);
    if (units.every((u) => Number.isInteger(u) && u > 0 && u <= 256) && units.length <= 4) onChange({ hidden: units }, 'model');
  });
  input<HTMLSelectElement>('activation').addEventListener('change', () => onChange({ activation: input<HTMLSelectElement>('activation').value as PlaygroundState['activation'] }, 'model'));
  input<HTMLSelectElement>('optimizer').addEventListener('change', () => onChange({ optimizer: input<HTMLSelectElement>('optimizer').value as PlaygroundState['optimizer'] }, 'model'));
  number('learningRate', 'model', 'learningRate');
  number('dropout', 'model', 'dropout');
  input('dropout').addEventListener('input', () => (input('dropout-value').textContent = input('dropout').value));
  number('epochs', 'model', 'epochs');
  number('batchSize', 'model', 'batchSize');
  input('balanced').addEventListener('change', () => onChange({ balanced: input('balanced').checked }, 'model'));
  number('threshold', 'lab', 'threshold', 'input');
  input<HTMLSelectElement>('rows').addEventListener('change', () => onChange({ rows: input<HTMLSelectElement>('rows').value as PlaygroundState['rows'] }, 'lab'));
  // The lab's numbers update as they are typed: nothing retrains.
  number('fnCost', 'lab', 'fnCost', 'input');
  number('fpCost', 'lab', 'fpCost', 'input');
  number('minPrecision', 'lab', 'minPrecision', 'input');
  number('minRecall', 'lab', 'minRecall', 'input');
}
