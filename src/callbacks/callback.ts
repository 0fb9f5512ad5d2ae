/** Values logged at the end of a batch or an epoch: `loss`, `accuracy`, `val_loss`, ... */
export type Logs = Record<string, number>;

/** What a callback may see and do to the model being trained. */
export interface TrainingModel {
  stopTraining: boolean;
  getWeights(): Float32Array[];
  setWeights(weights: readonly Float32Array[]): void;
  /** The direction ('up' | 'down') of a logged quantity, when a compiled metric declares it. */
  directionOf(logKey: string): 'up' | 'down' | undefined;
  readonly optimizer: { learningRate: number; readonly usesSchedule: boolean } | undefined;
  save(path: string, options?: { includeOptimizer?: boolean }): Promise<void>;
}

/**
 * Hooks called during `fit`. Every hook is optional, so a plain object such as
 * `{ onEpochEnd: (epoch, logs) => console.log(epoch, logs.loss) }` is a callback too.
 * Hooks may be async; fit awaits them.
 */
export interface Callback {
  setModel?(model: TrainingModel): void;
  onTrainBegin?(logs: Logs): void | Promise<void>;
  onTrainEnd?(logs: Logs): void | Promise<void>;
  onEpochBegin?(epoch: number, logs: Logs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs): void | Promise<void>;
  onBatchBegin?(batch: number, logs: Logs): void | Promise<void>;
  onBatchEnd?(batch: number, logs: Logs): void | Promise<void>;
}

/** Chooses 'min' or 'max' for a monitored key as Keras' mode 'auto' does. */
export function resolveMode(mode: 'auto' | 'min' | 'max', monitor: string, model: TrainingModel | undefined): 'min' | 'max' {
  if (mode !== 'auto') return mode;
  const direction = model?.directionOf(monitor);
  if (direction !== undefined) return direction === 'up' ? 'max' : 'min';
  const key = monitor.replace(/^val_/, '');
  // NOTE: Keras falls back to names: accuracy-like and AUC-like quantities are maximized.
  return /acc|auc|precision|recall|f1|fbeta/.test(key) ? 'max' : 'min';
}
