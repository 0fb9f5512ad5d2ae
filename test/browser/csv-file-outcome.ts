/**
 * What a CSV reader gave, in a form that leaves a page intact and compares exactly: the table
 * with every typed array as its type and bytes in hex (float32 bits, NaN included), or the
 * error's class, code, message and location. Bundled into the test page and used in Node, so
 * both readers' outcomes go through the same function.
 */
export type CsvOutcome =
  | { readonly table: unknown }
  | { readonly error: { readonly name: string; readonly code: unknown; readonly message: string; readonly location: unknown } };

export async function csvOutcome(read: () => Promise<unknown>): Promise<CsvOutcome> {
  try {
    return { table: plain(await read()) };
  } catch (caught) {
    const error = caught as Error & { code?: unknown; location?: unknown };
    return { error: { name: error.constructor.name, code: error.code, message: error.message, location: plain(error.location) } };
  }
}

/** `value` as JSON data: typed arrays as { type, hex }, objects by their defined own fields. */
export function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { type: value.constructor.name, hex: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, plain(v)]])));
  }
  return value;
}

/** Where two plain values differ (at most `limit` paths, values cut short), for a readable failure. */
export function differences(actual: unknown, expected: unknown, path = '', limit = 5): string[] {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return [];
  const bothObjects = actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object';
  if (!bothObjects) return [`${path || '(root)'}: ${JSON.stringify(actual)?.slice(0, 200)} ≠ expected ${JSON.stringify(expected)?.slice(0, 200)}`];
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])];
  const found: string[] = [];
  for (const key of keys) {
    if (found.length >= limit) break;
    found.push(...differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`, limit - found.length));
  }
  return found;
}
