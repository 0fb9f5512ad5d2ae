/** A shape with `null` for the batch dimension, as Keras prints it: (None, 30). */
export type Shape = readonly (number | null)[];

export function formatShape(shape: Shape): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}
