// Whether the kernels can use relaxed SIMD (the fused multiply-add of asm/madd.ts), which makes
// the matrix kernels about a third faster on x86 (with the 6 × 8 tile it leaves room for). V8
// compiles it by default since version 11.4 (Chrome and Edge ≥ 114, Node ≥ 21). Node 20's V8
// (11.3) implements it behind the flag --experimental-wasm-relaxed-simd; there this module turns
// the flag on, once, before the kernels are compiled, and checks that the module then validates.
// Runtimes without it (other browser engines unless they enable it) load the plain SIMD build.
// NOTE: V8 flags are process-wide, so other WebAssembly in the same process may then use relaxed
// SIMD as well: the same as it would under a newer Node. NNKIT_RELAXED_SIMD=0 in the environment
// keeps the flag untouched and loads the plain SIMD module (results then differ from the fused
// ones by float32 rounding only).
import { kernelsBinary } from './wasm-binary.js';

interface NodeProcess {
  versions?: { node?: string };
  env?: Record<string, string | undefined>;
  getBuiltinModule?: (id: string) => unknown;
}
interface V8Module {
  setFlagsFromString(flags: string): void;
}

let answer: boolean | undefined;

/** Whether this runtime compiles the relaxed build (validating one memory variant is enough). */
function validates(): boolean {
  try {
    return WebAssembly.validate(kernelsBinary({ shared: false, relaxed: true }));
  } catch {
    return false;
  }
}

/** Whether to load the relaxed-SIMD build of the kernels module (decided once per process). */
export function useRelaxedSimd(): boolean {
  if (answer !== undefined) return answer;
  const runtime = (globalThis as { process?: NodeProcess }).process;
  if (runtime?.env?.NNKIT_RELAXED_SIMD === '0') return (answer = false);
  if (validates()) return (answer = true);
  if (typeof runtime?.versions?.node !== 'string') return (answer = false);
  if (typeof runtime.getBuiltinModule !== 'function') return (answer = false);
  try {
    const v8 = runtime.getBuiltinModule('node:v8') as V8Module;
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    return (answer = false);
  }
  return (answer = validates());
}
