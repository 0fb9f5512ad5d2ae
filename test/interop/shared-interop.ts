// The real Keras / TF.js files of ../shared/interop (beside the clone; see its README for
// provenance and licences). Absent on a developer machine, the tests that need it skip with a
// message; absent under CI (CI set), they fail.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_INTEROP = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/interop');
/** The licensed files copied into the project (test/fixtures/interop/README.md). */
export const LOCAL_INTEROP = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/interop');

/** Why the shared folder cannot be used (undefined when it can); throws under CI. */
export function sharedInteropMissing(): string | undefined {
  if (existsSync(join(SHARED_INTEROP, 'expected_outputs.json'))) return undefined;
  const message = `${SHARED_INTEROP} is absent: the tests of real Keras / TF.js files did not run`;
  if (process.env.CI) throw new Error(`${message} (CI must have shared/ beside the clone).`);
  return message;
}

export interface ExpectedFixture {
  readonly inputs: number[][];
  readonly reference_float64: number[][];
}

export function expectedOutputs(root = SHARED_INTEROP): Record<string, ExpectedFixture> {
  return JSON.parse(readFileSync(join(root, 'expected_outputs.json'), 'utf8')).fixtures;
}

/**
 * The files one fixture key names, as importModel takes them: a single model file's bytes, or a
 * folder's / a model.json's files by name (without ONNX twins, data and recorded outputs).
 */
export function fixtureFiles(key: string, root = SHARED_INTEROP): Map<string, Uint8Array> {
  const path = join(root, key);
  const folder = statSync(path).isDirectory() ? path : dirname(path);
  if (!statSync(path).isDirectory() && !path.endsWith('.json')) return new Map([[basename(path), readFileSync(path)]]);
  const names = readdirSync(folder).filter((n) => {
    if (statSync(join(folder, n)).isDirectory() || /\.(onnx|csv|md)$|inputs_and_outputs|working-model|model_meta/.test(n)) return false;
    return !n.endsWith('.json') || path.endsWith('.json') ? n === basename(path) || !n.endsWith('.json') : true;
  });
  const keras = names.find((n) => n.endsWith('.keras'));
  const chosen = keras ? [keras] : names;
  return new Map(chosen.map((n) => [n, readFileSync(join(folder, n))]));
}
