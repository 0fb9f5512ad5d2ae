// Callbacks cannot cross threads (they are functions over the model). The built-in ones that act
// on the model (EarlyStopping, ReduceLROnPlateau, TerminateOnNaN) travel as their settings and
// run in the worker beside the model, exactly as in-thread; their results (EarlyStopping's
// stoppedEpoch, bestEpoch, best) come back onto the caller's objects. Every other callback runs on
// the caller's thread from the posted logs.
import type { Callback } from '../callbacks/callback.js';
import { EarlyStopping, type EarlyStoppingArgs } from '../callbacks/early-stopping.js';
import { ModelCheckpoint } from '../callbacks/model-checkpoint.js';
import { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from '../callbacks/reduce-lr-on-plateau.js';
import { TerminateOnNaN } from '../callbacks/terminate-on-nan.js';
import { ConfigError } from '../errors.js';

export type BuiltinCallbackSettings =
  | { readonly type: 'EarlyStopping'; readonly args: EarlyStoppingArgs }
  | { readonly type: 'ReduceLROnPlateau'; readonly args: ReduceLROnPlateauArgs }
  | { readonly type: 'TerminateOnNaN' };

/** What a built-in callback learned in the worker, per callback in order (undefined: nothing). */
export type BuiltinCallbackState = { readonly stoppedEpoch: number; readonly bestEpoch: number; readonly best: number } | null;

/** The callbacks of a call, split into those that run in the worker (as settings) and the caller's. */
export function splitCallbacks(callbacks: readonly Callback[] | undefined): {
  builtins: readonly Callback[]; settings: BuiltinCallbackSettings[]; callers: readonly Callback[];
} {
  const builtins: Callback[] = [];
  const settings: BuiltinCallbackSettings[] = [];
  const callers: Callback[] = [];
  for (const c of callbacks ?? []) {
    if (c instanceof ModelCheckpoint) {
      throw new ConfigError(
        'config/worker-callback',
        `modelCheckpoint("${c.filepath}") saves through a storage, which a worker does not have; save the model ` +
          'after the worker call returns (model.save or model.toBytes), or fit on this thread.',
      );
    }
    const setting = settingsOf(c);
    if (setting === undefined) callers.push(c);
    else {
      builtins.push(c);
      settings.push(setting);
    }
  }
  return { builtins, settings, callers };
}

function settingsOf(c: Callback): BuiltinCallbackSettings | undefined {
  if (c instanceof EarlyStopping) {
    const { monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights, startFromEpoch } = c;
    return { type: 'EarlyStopping', args: { monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights, startFromEpoch } };
  }
  if (c instanceof ReduceLROnPlateau) {
    const { monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr } = c;
    return { type: 'ReduceLROnPlateau', args: { monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr } };
  }
  if (c instanceof TerminateOnNaN) return { type: 'TerminateOnNaN' };
  return undefined;
}

/** The worker's side: the callbacks again from their settings. */
export function builtinCallbacks(settings: readonly BuiltinCallbackSettings[]): Callback[] {
  return settings.map((s) => {
    if (s.type === 'EarlyStopping') return new EarlyStopping(s.args);
    if (s.type === 'ReduceLROnPlateau') return new ReduceLROnPlateau(s.args);
    return new TerminateOnNaN();
  });
}

/** What each rebuilt callback learned, to send back. */
export function builtinStates(callbacks: readonly Callback[]): BuiltinCallbackState[] {
  return callbacks.map((c) => (c instanceof EarlyStopping ? { stoppedEpoch: c.stoppedEpoch, bestEpoch: c.bestEpoch, best: c.best } : null));
}

/** Copies what the worker's callbacks learned onto the caller's. */
export function adoptBuiltinStates(callbacks: readonly Callback[], states: readonly BuiltinCallbackState[]): void {
  callbacks.forEach((c, i) => {
    const state = states[i];
    if (c instanceof EarlyStopping && state) Object.assign(c, state);
  });
}
