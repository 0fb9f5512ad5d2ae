type TypedArray = Float32Array | Int32Array | Uint8Array;

/** The arrays one after another in a new array of their kind (`Kind`, e.g. Float32Array). */
export function concatArrays<T extends TypedArray>(parts: readonly T[], Kind: { new (length: number): T }): T {
  const whole = new Kind(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}
