import type {
  BooleanFeatureConfig, CategoricalFeatureConfig, NumericFeatureConfig, PreprocessorConfig,
} from '../../data/preprocessor-config.js';
import { BOOL, DOUBLE, FLOAT, INT64, ML_DOMAIN, STRING, type OnnxGraph } from './onnx-graph.js';
import { missingSpellings } from './missing-spellings.js';

/** The batch dimension's name in every exported graph. */
export const BATCH = 'batch';

/**
 * Adds one graph input per column (named as the column, shape (batch, 1)) and the Preprocessor's
 * transformation of them; returns the feature matrix (batch, features) in the model's column
 * order. Numeric and boolean columns are float inputs with NaN for missing; categorical columns
 * are string inputs holding the raw text cell (a missing-value token such as '' or 'NA' for
 * missing). Each block computes what Preprocessor.transformRaw does (see preprocessor.ts).
 */
export function preprocessorToOnnx(graph: OnnxGraph, config: PreprocessorConfig): string {
  const spellings = missingSpellings(config.missingValues);
  // NOTE: every input is declared before any other value is named, so no constant takes a column's name.
  const inputs = config.columns.map((column) => graph.input(column.name, column.kind === 'categorical' ? STRING : FLOAT, [BATCH, 1]));
  const blocks = config.columns.map((column, c) =>
    column.kind === 'categorical' ? categoricalBlock(graph, column, inputs[c], spellings) : numberBlock(graph, column, inputs[c]));
  return blocks.length === 1 ? blocks[0] : graph.node('Concat', blocks, { axis: { int: 1 } });
}

/** numeric: (v − mean) / std, 0 when missing; boolean: v, its fill when missing; then the indicator. */
function numberBlock(graph: OnnxGraph, column: NumericFeatureConfig | BooleanFeatureConfig, value: string): string {
  const isMissing = graph.node('IsNaN', [value]);
  let present = value;
  if (column.kind === 'numeric') {
    // NOTE: in float64 and rounded once to float32, as Preprocessor.encode computes it, so the
    // features are bit-identical to nnkit's.
    const wide = graph.node('Cast', [value], { to: { int: DOUBLE } });
    const centred = graph.node('Sub', [wide, graph.constant(`${column.name}_mean`, DOUBLE, [column.mean], [])]);
    const scaled = graph.node('Div', [centred, graph.constant(`${column.name}_std`, DOUBLE, [column.std], [])]);
    present = graph.node('Cast', [scaled], { to: { int: FLOAT } });
  }
  const fill = graph.constant(`${column.name}_fill`, FLOAT, [column.kind === 'numeric' ? 0 : column.fill], []);
  const feature = graph.node('Where', [isMissing, fill, present]);
  if (!column.indicator) return feature;
  const indicator = graph.node('Cast', [isMissing], { to: { int: FLOAT } });
  return graph.node('Concat', [feature, indicator], { axis: { int: 1 } });
}

/**
 * One-hot over the training categories, then `<other>` (unseen and rare categories) and
 * `<missing>`; a value without a slot (unseen with no `<other>`, missing with neither
 * `<missing>` nor a fill) is all zeros, as in nnkit.
 */
function categoricalBlock(graph: OnnxGraph, column: CategoricalFeatureConfig, text: string, spellings: readonly string[]): string {
  const k = column.categories.length;
  const other = column.other ? k : -1;
  const width = k + (column.other ? 1 : 0) + (column.missingSlot ? 1 : 0);
  const missingSlot = column.missingSlot ? width - 1 : column.fill === null ? -1 : column.categories.indexOf(column.fill);
  // NOTE: LabelEncoder needs at least one key; '' mapped to the default changes nothing.
  const keys = k > 0 ? column.categories : [''];
  const slot = graph.node('LabelEncoder', [text], {
    keys_strings: keys,
    values_int64s: { ints: k > 0 ? keys.map((_, i) => i) : [other] },
    default_int64: { int: other },
  }, { domain: ML_DOMAIN });
  // NOTE: a missing-value token is missing before it is a category, as in rawSources.
  const missingKeys = spellings.length > 0 ? spellings : [''];
  const missingFlag = graph.node('LabelEncoder', [text], {
    keys_strings: missingKeys,
    values_int64s: { ints: missingKeys.map(() => (spellings.length > 0 ? 1 : 0)) },
    default_int64: { int: 0 },
  }, { domain: ML_DOMAIN });
  const isMissing = graph.node('Cast', [missingFlag], { to: { int: BOOL } });
  const chosen = graph.node('Where', [isMissing, graph.constant(`${column.name}_missing_slot`, INT64, [missingSlot], []), slot]);
  const slots = graph.constant(`${column.name}_slots`, INT64, Array.from({ length: width }, (_, i) => i), [1, width]);
  return graph.node('Cast', [graph.node('Equal', [chosen, slots])], { to: { int: FLOAT } });
}
