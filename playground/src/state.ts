/**
 * Everything a learner sets, as one plain object that round-trips through the page's URL query,
 * so a shared link reproduces the data, the seed, the model and the threshold.
 */
export const TOY_SETS = ['moons', 'circles', 'xor', 'blobs', 'spiral'] as const;
export const BUNDLED_SETS = ['breast_cancer', 'iris', 'digits'] as const;
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'gelu'] as const;
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adamw', 'adagrad'] as const;
export const MISTAKES = ['softmax-one-unit', 'sorted-validation', 'duplicated-rows', 'threshold-on-test', 'accuracy-only'] as const;

export type ToySet = (typeof TOY_SETS)[number];
export type BundledSet = (typeof BUNDLED_SETS)[number];
export type DataChoice = ToySet | BundledSet | 'csv';
export type Mistake = (typeof MISTAKES)[number];

export interface PlaygroundState {
  readonly data: DataChoice;
  /** Share of positive rows wanted, 0.01..0.5 (real data keep their own share when it is lower). */
  readonly prevalence: number;
  /** Share of rows whose label is flipped, 0..0.3. */
  readonly noise: number;
  readonly seed: number;
  /** Units of each hidden layer. */
  readonly hidden: readonly number[];
  readonly activation: (typeof ACTIVATIONS)[number];
  readonly optimizer: (typeof OPTIMIZERS)[number];
  readonly learningRate: number;
  readonly dropout: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly balanced: boolean;
  /** Predict positive when the score is above it. */
  readonly threshold: number;
  readonly fnCost: number;
  readonly fpCost: number;
  readonly minPrecision: number;
  readonly minRecall: number;
  /** Which rows the threshold lab scores. */
  readonly rows: 'validation' | 'test';
  readonly mistakes: readonly Mistake[];
}

export const DEFAULT_STATE: PlaygroundState = {
  data: 'moons', prevalence: 0.5, noise: 0.05, seed: 7, hidden: [8, 8], activation: 'relu', optimizer: 'adam',
  learningRate: 0.01, dropout: 0, epochs: 40, batchSize: 32, balanced: false, threshold: 0.5,
  fnCost: 5, fpCost: 1, minPrecision: 0.9, minRecall: 0.9, rows: 'validation', mistakes: [],
};

const NUMBERS = ['prevalence', 'noise', 'seed', 'learningRate', 'dropout', 'epochs', 'batchSize', 'threshold', 'fnCost', 'fpCost', 'minPrecision', 'minRecall'] as const;

/** What the page's controls allow for each number: [lowest, highest, whole numbers only]. */
const RANGES: Record<(typeof NUMBERS)[number], readonly [number, number, boolean]> = {
  prevalence: [0.01, 0.5, false], noise: [0, 0.3, false], seed: [0, 999999, true], learningRate: [1e-6, 1, false],
  dropout: [0, 0.6, false], epochs: [1, 500, true], batchSize: [1, 4096, true], threshold: [0, 1, false],
  fnCost: [0, 1e9, false], fpCost: [0, 1e9, false], minPrecision: [0.05, 1, false], minRecall: [0.05, 1, false],
};

function oneOf<T extends string>(values: readonly T[], text: string | null, fallback: T): T {
  return values.includes(text as T) ? (text as T) : fallback;
}

/** The state a query string describes; what it lacks or gets wrong (or out of range) keeps its default. */
export function stateFromQuery(query: string): PlaygroundState {
  const params = new URLSearchParams(query);
  const numbers: Record<string, number> = {};
  for (const name of NUMBERS) {
    const value = Number(params.get(name) ?? Number.NaN);
    const [low, high, whole] = RANGES[name];
    const allowed = params.has(name) && value >= low && value <= high && (!whole || Number.isInteger(value));
    numbers[name] = allowed ? value : DEFAULT_STATE[name];
  }
  const hidden = (params.get('hidden') ?? '').split('-').filter((unit) => /^\d+$/.test(unit)).map(Number).filter((units) => units > 0 && units <= 256);
  const d = DEFAULT_STATE;
  return {
    ...d,
    ...(numbers as Pick<PlaygroundState, (typeof NUMBERS)[number]>),
    data: oneOf<DataChoice>([...TOY_SETS, ...BUNDLED_SETS], params.get('data'), d.data),
    hidden: params.has('hidden') ? hidden.slice(0, 4) : d.hidden,
    activation: oneOf(ACTIVATIONS, params.get('activation'), d.activation),
    optimizer: oneOf(OPTIMIZERS, params.get('optimizer'), d.optimizer),
    balanced: params.get('balanced') === '1',
    rows: oneOf(['validation', 'test'], params.get('rows'), d.rows),
    mistakes: (params.get('mistakes') ?? '').split(',').filter((m): m is Mistake => (MISTAKES as readonly string[]).includes(m)),
  };
}

/** The query string of a state (a dropped CSV cannot travel in a link: it reads as the default set). */
export function stateToQuery(state: PlaygroundState): string {
  const params = new URLSearchParams();
  if (state.data !== 'csv') params.set('data', state.data);
  for (const name of NUMBERS) params.set(name, String(state[name]));
  params.set('hidden', state.hidden.join('-'));
  params.set('activation', state.activation);
  params.set('optimizer', state.optimizer);
  if (state.balanced) params.set('balanced', '1');
  params.set('rows', state.rows);
  if (state.mistakes.length > 0) params.set('mistakes', state.mistakes.join(','));
  return params.toString();
}
