// Where each activation is not differentiable: gradient checks keep their inputs clear of these.
import type { ActivationName } from '../../src/activations/activations.js';

export const ACTIVATION_KINKS: Readonly<Record<ActivationName, readonly number[]>> = {
  linear: [], relu: [0], sigmoid: [], softmax: [], tanh: [], leaky_relu: [0], elu: [0], selu: [0],
  gelu: [], swish: [], softplus: [], softsign: [0], hard_sigmoid: [-3, 3],
};
