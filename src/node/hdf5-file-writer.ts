import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import h5wasm from 'h5wasm/node';
import type { Hdf5Plan } from '../interop/hdf5-writer.js';

/**
 * Writes an HDF5 file with h5wasm (the HDF5 C library compiled to WebAssembly) and returns its
 * bytes. Its Node build writes through the real file system, so the file goes to a temporary
 * path, is read back and removed.
 */
export async function writeHdf5(plan: Hdf5Plan): Promise<Uint8Array> {
  await h5wasm.ready;
  const path = join(tmpdir(), `nnkit-${randomBytes(6).toString('hex')}.h5`);
  try {
    const file = new h5wasm.File(path, 'w');
    try {
      for (const group of plan.groups) file.create_group(group);
      for (const d of plan.datasets) {
        const slash = d.path.lastIndexOf('/');
        const parent = file.get(d.path.slice(0, slash)) as InstanceType<typeof h5wasm.Group>;
        const name = d.path.slice(slash + 1);
        // NOTE: h5wasm spells int64 '<q' (Python struct codes); readers see it as <i8.
        if (d.dtype === 'int64') parent.create_dataset({ name, data: BigInt64Array.from(d.data, (v) => BigInt(Math.round(v))), shape: [...d.shape], dtype: '<q' });
        else parent.create_dataset({ name, data: Float32Array.from(d.data), shape: [...d.shape], dtype: '<f4' });
      }
    } finally {
      file.close();
    }
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(path, { force: true });
  }
}
