// A stand-in for the model a callback sees, and a driver that replays a scripted sequence of
// logged values through a callback's hooks the way fit does. The weights are one value: the
// epoch that produced them, so a restore shows which epoch it came from.
import type { Callback, Logs, TrainingModel } from '../../src/callbacks/callback.js';

export interface FakeModel extends TrainingModel {
  optimizer: { learningRate: number; readonly usesSchedule: boolean };
  /** The epoch whose weights the model holds now. */
  weightsFromEpoch(): number;
}

export interface FakeModelOptions {
  learningRate?: number;
  usesSchedule?: boolean;
  /** Directions of metrics, as compiled metrics declare them. */
  directions?: Record<string, 'up' | 'down'>;
}

export function fakeModel(options: FakeModelOptions = {}): FakeModel {
  let weights = [new Float32Array([-1])];
  let rate = options.learningRate ?? 1;
  return {
    stopTraining: false,
    getWeights: () => weights.map((w) => w.slice()),
    setWeights: (next) => {
      weights = next.map((w) => w.slice());
    },
    directionOf: (key) => options.directions?.[key.replace(/^val_/, '')],
    optimizer: {
      get learningRate() {
        return rate;
      },
      set learningRate(value: number) {
        rate = value;
      },
      usesSchedule: options.usesSchedule ?? false,
    },
    save: async () => {},
    weightsFromEpoch: () => weights[0][0],
  };
}

export interface Replay {
  /** Epochs that ran before the callback stopped training (or all of them). */
  readonly epochsRun: number;
  /** The logs each epoch ended with (callbacks may add keys such as learning_rate). */
  readonly logs: Logs[];
}

/** Replays `values` of `key`, one per epoch, through `callback` as fit would. */
export async function replay(
  callback: Callback, model: FakeModel, key: string, values: readonly number[],
): Promise<Replay> {
  callback.setModel?.(model);
  model.stopTraining = false;
  await callback.onTrainBegin?.({});
  const logs: Logs[] = [];
  let epoch = 0;
  for (; epoch < values.length && !model.stopTraining; epoch++) {
    model.setWeights([new Float32Array([epoch])]);
    const epochLogs: Logs = { [key]: values[epoch] };
    await callback.onEpochEnd?.(epoch, epochLogs);
    logs.push(epochLogs);
  }
  await callback.onTrainEnd?.({});
  return { epochsRun: epoch, logs };
}
