import type { TopLevelSpec } from 'vega-lite';

/** The name of the param that holds a chart's title text (see namedData). */
export const TITLE_PARAM = 'nnkit_title';

/** A Vega-Lite spec split into its structure and the values it draws. */
export interface NamedData {
  /** The spec with every inline `data: { values }` replaced by `data: { name }`, values in `datasets`. */
  readonly spec: TopLevelSpec;
  /** Values by dataset name, in the order the spec's tree holds them. */
  readonly datasets: ReadonlyMap<string, readonly unknown[]>;
  /** The title's text (a param of the spec), or undefined when it has none. */
  readonly title: string | undefined;
  /**
   * The spec with neither values nor title text, as JSON: two specs of the same shape draw the
   * same marks on the same scales and differ only in what is drawn, so a chart can take the new
   * values and title without being compiled again.
   */
  readonly shape: string;
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/**
 * Names the inline data of a Vega-Lite spec (`nnkit_0`, `nnkit_1`, ... depth first) and turns its
 * title text into a param, leaving a spec whose shape is stable while a chart's data changes
 * (the report's spec functions are called again for every new epoch or threshold).
 */
export function namedData(spec: TopLevelSpec): NamedData {
  const datasets = new Map<string, readonly unknown[]>();
  const rename = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rename);
    if (node === null || typeof node !== 'object') return node;
    const copy: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && isInline(value)) {
        const name = `nnkit_${datasets.size}`;
        datasets.set(name, value.values);
        copy[key] = { name };
      } else {
        copy[key] = rename(value);
      }
    }
    return copy;
  };
  const { title, ...rest } = spec as unknown as { title?: Json } & { [key: string]: Json };
  const body = rename(rest) as { [key: string]: Json };
  const text = typeof title === 'string' ? title : isTitleObject(title) ? title.text : undefined;
  const shaped = text === undefined
    ? body
    : {
        ...body,
        // NOTE: the title reads its text from a param, so a new title is a new param value
        // rather than a new spec: "Confusion matrix at threshold 0.42" changes as a slider moves.
        params: [...(Array.isArray(body.params) ? body.params : []), { name: TITLE_PARAM, value: '' }],
        title: { ...(isTitleObject(title) ? title : {}), text: { expr: TITLE_PARAM } },
      };
  return {
    spec: shaped as unknown as TopLevelSpec,
    datasets,
    title: text,
    shape: JSON.stringify(shaped),
  };
}

function isInline(value: Json): value is { values: Json[] } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray(value.values);
}

function isTitleObject(value: Json): value is { text: string; [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.text === 'string';
}
