import { StateError } from '../errors.js';

/**
 * What to write into an HDF5 file: groups (parents first) and datasets, float32 unless `dtype`
 * says int64 (Keras' integer variables, such as Normalization's count).
 */
export interface Hdf5Plan {
  readonly groups: readonly string[];
  readonly datasets: readonly { readonly path: string; readonly shape: readonly number[]; readonly data: Float32Array; readonly dtype?: 'int64' }[];
}

/** Writes an HDF5 file from a plan and returns its bytes. */
export type Hdf5Writer = (plan: Hdf5Plan) => Promise<Uint8Array>;

let writer: Hdf5Writer | undefined;

/** Installs the HDF5 writer (the Node entry installs one built on h5wasm). */
export function setHdf5Writer(w: Hdf5Writer): void {
  writer = w;
}

/** The installed writer; `what` names the task that needs it in the error when there is none. */
export function hdf5Writer(what: string): Hdf5Writer {
  if (writer === undefined) {
    throw new StateError(
      'state/no-hdf5-writer',
      `${what} needs an HDF5 writer and none is installed: import nnkit's Node entry ('nnkit/node'), or call nn.setHdf5Writer(writer) with your own.`,
    );
  }
  return writer;
}
