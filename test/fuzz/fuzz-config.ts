// Shared settings of the fuzz tests: a fixed seed and a bounded number of cases in CI, more on
// demand: NNKIT_FUZZ_RUNS=5000 NNKIT_FUZZ_SEED=7 node scripts/test.mjs test/fuzz/*.test.ts
import { NnkitError } from '../../src/index.js';

function envInteger(name: string, fallback: number): number {
  const raw = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** Cases per property (default small enough for CI). */
export const fuzzRuns = envInteger('NNKIT_FUZZ_RUNS', 150);
export const fuzzSeed = envInteger('NNKIT_FUZZ_SEED', 20240607);

/** fast-check parameters: seeded, bounded, and the failing case printed in full. */
export function fuzzParameters(runs = fuzzRuns): { seed: number; numRuns: number; verbose: 1 } {
  return { seed: fuzzSeed, numRuns: runs, verbose: 1 };
}

/** Counts of what a property saw, to print in the test's diagnostics. */
export interface Outcomes {
  accepted: number;
  rejected: number;
  codes: Map<string, number>;
}

export function outcomes(): Outcomes {
  return { accepted: 0, rejected: 0, codes: new Map() };
}

/**
 * Runs `action` and lets only nnkit's typed errors out of it silently: any other throw (a
 * TypeError, a RangeError, a plain Error) is re-thrown, so fast-check reports the input.
 */
export function onlyTypedErrors<T>(seen: Outcomes, action: () => T): T | undefined {
  try {
    const value = action();
    seen.accepted++;
    return value;
  } catch (error) {
    return countRejection(seen, error);
  }
}

/** The async twin of onlyTypedErrors. */
export async function onlyTypedErrorsAsync<T>(seen: Outcomes, action: () => Promise<T>): Promise<T | undefined> {
  try {
    const value = await action();
    seen.accepted++;
    return value;
  } catch (error) {
    return countRejection(seen, error);
  }
}

export function summary(seen: Outcomes): string {
  const codes = [...seen.codes].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c, n]) => `${c} ×${n}`).join(', ');
  return `${seen.accepted + seen.rejected} calls: ${seen.accepted} accepted, ${seen.rejected} rejected with typed errors (${codes})`;
}

/** Counts an nnkit error by code; anything else is a crash and is rethrown. */
function countRejection(seen: Outcomes, error: unknown): undefined {
  if (!(error instanceof NnkitError)) throw error;
  seen.rejected++;
  seen.codes.set(error.code, (seen.codes.get(error.code) ?? 0) + 1);
  return undefined;
}
