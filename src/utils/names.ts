/**
 * The canonical registry name for an identifier: one of `registry`'s own keys, or what
 * `aliases` maps it to (camelCase spellings, Keras class names). Undefined when unknown.
 * NOTE: own keys only, so 'toString' or 'constructor' from a loaded file is an unknown name,
 * never a function from Object.prototype.
 */
export function canonicalName<Name extends string>(
  raw: unknown, registry: Readonly<Record<Name, unknown>>, aliases: Readonly<Record<string, Name>>,
): Name | undefined {
  if (typeof raw !== 'string') return undefined;
  if (Object.hasOwn(registry, raw)) return raw as Name;
  return Object.hasOwn(aliases, raw) ? aliases[raw] : undefined;
}
