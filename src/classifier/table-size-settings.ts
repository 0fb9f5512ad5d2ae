import type { ClassifierSettings, TrainClassifierOptions } from './classifier-options.js';
import type { RowSplit } from './split-rows.js';
import type { PlannedSettings, TableSize } from './training-plan.js';

/** `ensemble: 'auto'` trains SMALL_TABLE_SETTINGS on at most this many training rows, one network above. */
export const SMALL_TABLE_ROWS = 2000;

/**
 * What `ensemble: 'auto'` trains on a small table, each setting unless given: the best measured
 * on the shared datasets in 5-fold cross-validation (docs/defaults.md). NOTE: small tables gain
 * most from an ensemble (every row trains and chooses the threshold; on 286–846 rows ROC-AUC
 * rose by 0.001–0.03 over one network), and cost least. SMALL_TABLE_ROWS caps the cost (about
 * 20 s a fit at 2,000 rows): larger tables still gain from ten members of the default
 * architecture (caravan, 4,000–6,000 rows: +0.015 ROC-AUC), which `ensemble: 10` asks for.
 */
export const SMALL_TABLE_SETTINGS = { ensemble: 10, hidden: [128, 64], dropout: 0.1, batchSize: 16, patience: 60 } as const;

/** The settings one run trains with: `ensemble` a member count (2 or more) or undefined for one network. */
export type SizedSettings = Omit<ClassifierSettings, 'ensemble'> & Pick<PlannedSettings, 'ensemble' | 'auto'>;

/**
 * The settings and the rows of one run. `ensemble: 'auto'` is decided on the training rows an
 * ensemble would have (`split(members)`; no validation rows): at most SMALL_TABLE_ROWS, with
 * every class in each member's held-out fold and no refit (which an ensemble does not go with),
 * it trains SMALL_TABLE_SETTINGS (the options given keep their values) on that split, else one
 * network on `split(undefined)`, exactly as `ensemble: 1` would.
 */
export function sizedRun(
  settings: ClassifierSettings,
  given: TrainClassifierOptions,
  labels: Int32Array,
  classes: number,
  split: (ensemble: number | undefined) => RowSplit,
): { readonly settings: SizedSettings; readonly split: RowSplit } {
  const { ensemble, ...rest } = settings;
  if (ensemble !== 'auto') {
    const members = ensemble === undefined || ensemble === 1 ? undefined : ensemble;
    return { settings: { ...rest, ...(members === undefined ? {} : { ensemble: members }) }, split: split(members) };
  }
  const s = SMALL_TABLE_SETTINGS;
  // NOTE: a plainly larger table skips the ensemble's split (150 ms on a million rows): the
  // stratified split puts at most one row a class more than its share into the test rows.
  const large = labels.length * (1 - settings.testSplit) - classes > SMALL_TABLE_ROWS;
  const trial = large ? undefined : split(s.ensemble);
  const sized = trial ?? split(undefined);
  const size = tableSize([sized.train, sized.validation], labels, classes);
  const small = !large && size.rows <= SMALL_TABLE_ROWS && size.smallestClass >= s.ensemble && !settings.refit;
  if (!small) return { settings: { ...rest, auto: { ...size, small } }, split: trial === undefined ? sized : split(undefined) };
  const chosen = {
    ...rest,
    ensemble: s.ensemble,
    hidden: given.hidden === undefined ? [...s.hidden] : rest.hidden,
    dropout: given.dropout ?? s.dropout,
    batchSize: given.batchSize ?? s.batchSize,
    patience: given.patience ?? s.patience,
    auto: { ...size, small },
  };
  return { settings: chosen, split: sized };
}

function tableSize(parts: readonly Int32Array[], labels: Int32Array, classes: number): TableSize {
  const counts = new Array<number>(classes).fill(0);
  for (const rows of parts) for (const row of rows) counts[labels[row]]++;
  return { rows: parts.reduce((sum, rows) => sum + rows.length, 0), smallestClass: Math.min(...counts) };
}
