// What the CSV readers' property tests compare: a table with its float and code arrays as plain
// numbers (floats by their bits, so -0 and NaN compare exactly), or the nnkit error it threw.
import { NnkitError } from '../../src/errors.js';

/** `value` with every Float32Array as its bit patterns and every Int32Array as numbers, deeply. */
export function bits(value: unknown): unknown {
  if (value instanceof Float32Array) return Array.from(new Uint32Array(value.buffer, value.byteOffset, value.length));
  if (value instanceof Int32Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(bits);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, bits(entry)]));
  return value;
}

/** What reading gives: the table as `bits`, or the nnkit error (see errorOutcome). */
export function outcome(read: () => unknown): unknown {
  try {
    return bits(read());
  } catch (error) {
    return errorOutcome(error);
  }
}

/** `outcome` of a read that returns a promise. */
export async function asyncOutcome(read: () => unknown): Promise<unknown> {
  try {
    return bits(await read());
  } catch (error) {
    return errorOutcome(error);
  }
}

/** An nnkit error's name, code, message and location; any other error is thrown on. */
function errorOutcome(error: unknown): unknown {
  if (!(error instanceof NnkitError)) throw error;
  return { name: error.name, code: error.code, message: error.message, location: (error as { location?: unknown }).location };
}
