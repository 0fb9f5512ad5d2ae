import type { ActivationName } from '../activations/activations.js';
import type { BaseLayer, SymbolicTensor } from '../layers/base-layer.js';

/** What the doctor needs to know about a model's output. */
export interface OutputHead {
  /** The activation that produces the output, when a Dense or Activation layer decides it. */
  readonly activation: ActivationName | undefined;
  /** Units of the output, when known (always once built; from the last Dense before that). */
  readonly units: number | undefined;
}

/** Layers that pass values through at inference, so the activation before them still decides the output. */
const PASS_THROUGH = new Set(['Dropout']);
/** Layers that keep the number of units, so the units of the Dense before them still count. */
const SAME_UNITS = new Set(['Dropout', 'Activation', 'BatchNormalization']);

function activationOf(layer: BaseLayer): ActivationName | undefined {
  return 'outputActivation' in layer ? (layer.outputActivation as ActivationName) : undefined;
}

/** The output activation and units of a built graph, from its output tensor. */
export function graphOutputHead(output: SymbolicTensor): OutputHead {
  let tensor = output;
  while (PASS_THROUGH.has(tensor.layer.className) && tensor.inputs.length === 1) {
    tensor = tensor.inputs[0];
  }
  const shape = output.shape;
  return { activation: activationOf(tensor.layer), units: shape[shape.length - 1] ?? undefined };
}

/** The output activation and units of a stack of layers not built yet (no shapes known). */
export function stackOutputHead(stack: readonly BaseLayer[]): OutputHead {
  let last = stack.length - 1;
  while (last > 0 && PASS_THROUGH.has(stack[last].className)) last--;
  let units: number | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const layer = stack[i];
    if ('units' in layer && typeof layer.units === 'number') {
      units = layer.units;
      break;
    }
    if (!SAME_UNITS.has(layer.className)) break;
  }
  return { activation: last >= 0 ? activationOf(stack[last]) : undefined, units };
}
