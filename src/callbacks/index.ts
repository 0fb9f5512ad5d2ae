import { EarlyStopping, type EarlyStoppingArgs } from './early-stopping.js';
import { lambdaCallback } from './lambda-callback.js';
import { ModelCheckpoint, type ModelCheckpointArgs } from './model-checkpoint.js';
import { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from './reduce-lr-on-plateau.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

/** Factories for the public `nn.callbacks` namespace. */
export const callbacks = {
  earlyStopping: (args: EarlyStoppingArgs = {}) => new EarlyStopping(args),
  reduceLROnPlateau: (args: ReduceLROnPlateauArgs = {}) => new ReduceLROnPlateau(args),
  terminateOnNaN: () => new TerminateOnNaN(),
  modelCheckpoint: (args: ModelCheckpointArgs) => new ModelCheckpoint(args),
  lambda: lambdaCallback,
};
