// Chooses nnkit's defaults by measurement (issue 17): 5-fold cross-validation of candidate
// settings of trainClassifier on the shared datasets, on the very folds scikit-learn's recorded
// baselines used (../shared/datasets/folds), beside those baselines. Prints a Markdown table per
// dataset (mean ± sd over the folds) and, with --dump, writes every fold's validation and test
// scores (for threshold policies compared without training again).
//
//   npx tsx bench/defaults.ts                                   the current defaults, every dataset
//   npx tsx bench/defaults.ts --candidates default,logistic,ensemble5,ensemble5nodropout
//                                                               docs/defaults.md's table (about 15 min)
//   npx tsx bench/defaults.ts --candidates default,ensemble5 --datasets musk,house_votes_84
//   … --dump scores.json      every single network's validation and test scores per fold
//   … --figures figures.json  every candidate's per-fold ROC-AUC, log loss, accuracy, F1, seconds
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TrainClassifierOptions } from '../src/classifier/classifier-options.js';
import { CLASSIFIER_DEFAULTS } from '../src/classifier/classifier-options.js';
import { fitClassifier } from '../src/classifier/fit-classifier.js';
import { logLoss } from '../src/metrics/evaluation/log-loss.js';
import { rocAucScore } from '../src/metrics/evaluation/roc-auc-score.js';
import { benchDataset, DATASETS, type BenchDataset, type DatasetName } from './defaults-data.js';

/** The settings compared; `default` is CLASSIFIER_DEFAULTS as they stand. */
export const CANDIDATES: Readonly<Record<string, TrainClassifierOptions>> = {
  default: {},
  // NOTE: the command line's default: the small-table settings on at most 2,000 training rows, else `default`.
  auto: { ensemble: 'auto' },
  logistic: { hidden: [] },
  ensemble5: { ensemble: 5 },
  wide: { hidden: [64, 32], dropout: 0.3 },
  patient: { patience: 50, epochs: 400 },
  nodropout: { dropout: 0 },
  lr3: { learningRate: 0.003 },
  ensemble5wide: { ensemble: 5, hidden: [64, 32], dropout: 0.3 },
  ensemble5nodropout: { ensemble: 5, dropout: 0 },
  ensemble5lr3: { ensemble: 5, learningRate: 0.003 },
  ensemble10: { ensemble: 10 },
  ensemble5nodropoutwide: { ensemble: 5, dropout: 0, hidden: [64, 32] },
  ensemble5nodropoutpatient: { ensemble: 5, dropout: 0, patience: 50, epochs: 400 },
  // NOTE: the search for issue 17's target (every dataset at or above scikit-learn): wider and
  // deeper layers, batch, rate, weight decay (adamw's fixed 0.004), calibration, more members.
  e5nd64x64: { ensemble: 5, dropout: 0, hidden: [64, 64] },
  e5nd128x64: { ensemble: 5, dropout: 0, hidden: [128, 64] },
  e5ndb16: { ensemble: 5, dropout: 0, batchSize: 16 },
  e5ndlr3: { ensemble: 5, dropout: 0, learningRate: 0.003 },
  e5ndlr05: { ensemble: 5, dropout: 0, learningRate: 0.0005 },
  e5ndadamw: { ensemble: 5, dropout: 0, optimizer: 'adamw' },
  e5ndtemp: { ensemble: 5, dropout: 0, calibrate: 'temperature' },
  e10nd: { ensemble: 10, dropout: 0 },
  e20nd: { ensemble: 20, dropout: 0 },
  e10nd64x32: { ensemble: 10, dropout: 0, hidden: [64, 32] },
  e10d1: { ensemble: 10, dropout: 0.1 },
  e10ndtemp: { ensemble: 10, dropout: 0, calibrate: 'temperature' },
  e10ndsigmoid: { ensemble: 10, dropout: 0, calibrate: 'sigmoid' },
  e10nd64x64: { ensemble: 10, dropout: 0, hidden: [64, 64] },
  e10nd128x64: { ensemble: 10, dropout: 0, hidden: [128, 64] },
  e10nd64: { ensemble: 10, dropout: 0, hidden: [64] },
  e10nd128: { ensemble: 10, dropout: 0, hidden: [128] },
  e10nd64x32lr05: { ensemble: 10, dropout: 0, hidden: [64, 32], learningRate: 0.0005 },
  e10nd64x32b16: { ensemble: 10, dropout: 0, hidden: [64, 32], batchSize: 16 },
  e10d1w64x32: { ensemble: 10, dropout: 0.1, hidden: [64, 32] },
  e20nd64x32: { ensemble: 20, dropout: 0, hidden: [64, 32] },
  e20ndb16: { ensemble: 20, dropout: 0, batchSize: 16 },
  e10nd128x64b16: { ensemble: 10, dropout: 0, hidden: [128, 64], batchSize: 16 },
  e20nd128x64b16: { ensemble: 20, dropout: 0, hidden: [128, 64], batchSize: 16 },
  e10nd128x128b16: { ensemble: 10, dropout: 0, hidden: [128, 128], batchSize: 16 },
  e10nd256x128b16: { ensemble: 10, dropout: 0, hidden: [256, 128], batchSize: 16 },
  e10nd64x32b8: { ensemble: 10, dropout: 0, hidden: [64, 32], batchSize: 8 },
  e10nd64x32b16p40: { ensemble: 10, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 40 },
  e10nd64x32b16p60: { ensemble: 10, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 60 },
  e10nd32x32b16p40: { ensemble: 10, dropout: 0, hidden: [32, 32], batchSize: 16, patience: 40 },
  e20ndp40: { ensemble: 20, dropout: 0, patience: 40 },
  e20ndb16p40: { ensemble: 20, dropout: 0, batchSize: 16, patience: 40 },
  e20nd32x32b16p40: { ensemble: 20, dropout: 0, hidden: [32, 32], batchSize: 16, patience: 40 },
  e20nd64x32b16p40: { ensemble: 20, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 40 },
  e10d1w64x32b16: { ensemble: 10, dropout: 0.1, hidden: [64, 32], batchSize: 16 },
  e10d1w64x32b16p40: { ensemble: 10, dropout: 0.1, hidden: [64, 32], batchSize: 16, patience: 40 },
  e10d1w64x32p40: { ensemble: 10, dropout: 0.1, hidden: [64, 32], patience: 40 },
  e10d1w128x64b16p40: { ensemble: 10, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 40 },
  e10d2w64x32b16p40: { ensemble: 10, dropout: 0.2, hidden: [64, 32], batchSize: 16, patience: 40 },
  e15nd64x32b16p40: { ensemble: 15, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 40 },
  e15nd128x64b16p40: { ensemble: 15, dropout: 0, hidden: [128, 64], batchSize: 16, patience: 40 },
  e10nd128x64b16p40: { ensemble: 10, dropout: 0, hidden: [128, 64], batchSize: 16, patience: 40 },
  e10nd64x32b16p40lr05: { ensemble: 10, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 40, learningRate: 0.0005 },
  e10nd64x32b16p40adamw: { ensemble: 10, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 40, optimizer: 'adamw' },
  e10logistic: { ensemble: 10, hidden: [] },
  e10nd16: { ensemble: 10, dropout: 0, hidden: [16] },
  e10nd32x32: { ensemble: 10, dropout: 0, hidden: [32, 32] },
  e10nd64x32rmsprop: { ensemble: 10, dropout: 0, hidden: [64, 32], optimizer: 'rmsprop' },
  e10d1w64x32b16temp: { ensemble: 10, dropout: 0.1, hidden: [64, 32], batchSize: 16, calibrate: 'temperature' },
  e8nd64x32b16p40: { ensemble: 8, dropout: 0, hidden: [64, 32], batchSize: 16, patience: 40 },
  e8d1w64x32b16p40: { ensemble: 8, dropout: 0.1, hidden: [64, 32], batchSize: 16, patience: 40 },
  e10d1w128x64b16p60: { ensemble: 10, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 60 },
  e10d1w128x128b16p40: { ensemble: 10, dropout: 0.1, hidden: [128, 128], batchSize: 16, patience: 40 },
  e10d1w256x128b16p40: { ensemble: 10, dropout: 0.1, hidden: [256, 128], batchSize: 16, patience: 40 },
  e15d1w128x64b16p40: { ensemble: 15, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 40 },
  e20d1w128x64b16p40: { ensemble: 20, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 40 },
  e10d2w128x64b16p40: { ensemble: 10, dropout: 0.2, hidden: [128, 64], batchSize: 16, patience: 40 },
  e10d1w128x64p40: { ensemble: 10, dropout: 0.1, hidden: [128, 64], patience: 40 },
  // NOTE: the third search, around e10d1w128x64b16p60 (musk met by a tie, breast cancer 0.0002 short).
  e10d1w256x128b16p60: { ensemble: 10, dropout: 0.1, hidden: [256, 128], batchSize: 16, patience: 60 },
  e10d1w192x96b16p60: { ensemble: 10, dropout: 0.1, hidden: [192, 96], batchSize: 16, patience: 60 },
  e15d1w128x64b16p60: { ensemble: 15, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 60 },
  e10d15w128x64b16p60: { ensemble: 10, dropout: 0.15, hidden: [128, 64], batchSize: 16, patience: 60 },
  e10d15w256x128b16p60: { ensemble: 10, dropout: 0.15, hidden: [256, 128], batchSize: 16, patience: 60 },
  e10d1w128x64b16p80lr05: { ensemble: 10, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 80, epochs: 400, learningRate: 0.0005 },
  e10d1w256x128b16p80e400: { ensemble: 10, dropout: 0.1, hidden: [256, 128], batchSize: 16, patience: 80, epochs: 400 },
  e10d05w256x128b16p60: { ensemble: 10, dropout: 0.05, hidden: [256, 128], batchSize: 16, patience: 60 },
  e10d1w128x64x32b16p60: { ensemble: 10, dropout: 0.1, hidden: [128, 64, 32], batchSize: 16, patience: 60 },
  // NOTE: the same two settings with other seeds (members seeded seed … seed + 9, apart from 42's),
  // to see how far the mean over the folds moves with the seed alone.
  e10d1w128x64b16p60s1: { ensemble: 10, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 60, seed: 1 },
  e10d1w128x64b16p60s100: { ensemble: 10, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 60, seed: 100 },
  e10d1w128x64b16p60s1000: { ensemble: 10, dropout: 0.1, hidden: [128, 64], batchSize: 16, patience: 60, seed: 1000 },
  e10d1w256x128b16p60s1: { ensemble: 10, dropout: 0.1, hidden: [256, 128], batchSize: 16, patience: 60, seed: 1 },
  e10d1w256x128b16p60s100: { ensemble: 10, dropout: 0.1, hidden: [256, 128], batchSize: 16, patience: 60, seed: 100 },
  e10d1w256x128b16p60s1000: { ensemble: 10, dropout: 0.1, hidden: [256, 128], batchSize: 16, patience: 60, seed: 1000 },
};

const METRICS = ['rocAuc', 'logLoss', 'accuracy', 'f1'] as const;
type Metric = (typeof METRICS)[number];
type FoldFigures = Record<Metric | 'seconds', number>;

/** What one fold leaves for threshold policies: labels and positive-class scores. */
interface FoldScores {
  readonly validation: { labels: number[]; scores: number[] };
  readonly test: { labels: number[]; scores: number[] };
  readonly threshold: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function runFold(data: BenchDataset, fold: number, options: TrainClassifierOptions): Promise<{ figures: FoldFigures; scores?: FoldScores }> {
  const split = data.splits[fold];
  const started = performance.now();
  const classifier = await fitClassifier(data.table, { ...options, testSplit: 0.2 }, (name) => name, undefined, split);
  const seconds = (performance.now() - started) / 1000;
  const test = classifier.trainingRun!.test;
  if (test.task === 'binary') {
    const e = test.evaluation;
    const figures = { rocAuc: e.rocAuc ?? Number.NaN, logLoss: logLoss(test.labels, test.scores).value, accuracy: e.accuracy, f1: e.f1, seconds };
    if (options.ensemble !== undefined) return { figures };
    const labels = data.table.target!.labels;
    const x = classifier.preprocessor.transform(data.table.features, { rows: split.validation }).x;
    const validation = classifier.model.predictProbabilities(x, { verbose: 0 }).data;
    return {
      figures,
      scores: {
        validation: { labels: Array.from(split.validation, (row) => labels[row]), scores: Array.from(validation) },
        test: { labels: Array.from(test.labels), scores: Array.from(test.scores) },
        threshold: classifier.threshold,
      },
    };
  }
  // NOTE: macro one-vs-rest ROC-AUC, as the recorded baselines compute it for vehicle.
  const k = data.table.target!.classes.length;
  const p = test.probabilities.data;
  const labels = Array.from(split.test, (row) => data.table.target!.labels[row]);
  let auc = 0;
  for (let c = 0; c < k; c++) auc += rocAucScore(labels.map((y) => (y === c ? 1 : 0)), labels.map((_, i) => p[i * k + c])).value / k;
  return { figures: { rocAuc: auc, logLoss: test.loss, accuracy: test.accuracy, f1: test.report.macroAvg.f1, seconds } };
}

function meanSd(values: readonly number[]): string {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return `${mean.toFixed(4)} ± ${sd.toFixed(4)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string', default: DATASETS.join(',') },
      candidates: { type: 'string', default: 'default' },
      data: { type: 'string', default: join(root, '..', 'shared', 'datasets') },
      dump: { type: 'string' },
      figures: { type: 'string' },
    },
  });
  const names = values.datasets!.split(',') as DatasetName[];
  const candidates = values.candidates!.split(',');
  for (const name of names) if (!DATASETS.includes(name)) throw new Error(`Unknown dataset ${name}; datasets: ${DATASETS.join(', ')}.`);
  for (const name of candidates) if (!(name in CANDIDATES)) throw new Error(`Unknown candidate ${name}; candidates: ${Object.keys(CANDIDATES).join(', ')}.`);
  const seed = CLASSIFIER_DEFAULTS.seed;
  const dump: Record<string, Record<string, FoldScores[]>> = {};
  const figures: Record<string, Record<string, FoldFigures[]>> = {};
  const lines = [
    `nnkit defaults benchmark: 5-fold CV on the folds of ../shared/datasets/BASELINES.md, seed ${seed}, ${new Date().toISOString()}`,
    `defaults: ${JSON.stringify(CLASSIFIER_DEFAULTS)}`,
    '',
  ];
  for (const name of names) {
    const data = await benchDataset(values.data!, name, seed, CLASSIFIER_DEFAULTS.validationSplit);
    const rows = [`### ${name}`, '', '| model | ROC-AUC | log loss | accuracy | F1 | s / fold |', '|---|---|---|---|---|---|'];
    const s = data.sklearn;
    for (const [label, key] of [['sklearn LR', 'logreg'], ['sklearn MLP(32,32)', 'mlp_32_32'], ['sklearn GradBoost', 'gboost']] as const) {
      const f = s[key];
      rows.push(`| ${label} | ${f.roc_auc.toFixed(4)} | ${f.log_loss.toFixed(4)} | ${f.accuracy.toFixed(4)} | ${f.f1.toFixed(4)} | |`);
    }
    for (const candidate of candidates) {
      const folds: FoldFigures[] = [];
      for (let fold = 0; fold < data.splits.length; fold++) {
        process.stderr.write(`${name} · ${candidate} · fold ${fold + 1}/${data.splits.length} … `);
        const result = await runFold(data, fold, CANDIDATES[candidate]);
        folds.push(result.figures);
        if (result.scores !== undefined) ((dump[name] ??= {})[candidate] ??= []).push(result.scores);
        process.stderr.write(`ROC-AUC ${result.figures.rocAuc.toFixed(4)}, log loss ${result.figures.logLoss.toFixed(4)}, ${result.figures.seconds.toFixed(1)} s\n`);
      }
      (figures[name] ??= {})[candidate] = folds;
      const target = Math.max(s.logreg.roc_auc, s.mlp_32_32.roc_auc);
      const auc = folds.reduce((a, f) => a + f.rocAuc, 0) / folds.length;
      const loss = folds.reduce((a, f) => a + f.logLoss, 0) / folds.length;
      const marks = `${auc >= target ? '' : ' (AUC below target)'}${loss <= s.logreg.log_loss ? '' : ' (log loss above LR)'}`;
      const cells = METRICS.map((metric) => meanSd(folds.map((f) => f[metric])));
      rows.push(`| nnkit ${candidate}${marks} | ${cells.join(' | ')} | ${(folds.reduce((a, f) => a + f.seconds, 0) / folds.length).toFixed(1)} |`);
    }
    lines.push(...rows, '');
    process.stderr.write(`${rows.join('\n')}\n\n`);
  }
  if (values.dump !== undefined) writeFileSync(values.dump, JSON.stringify(dump));
  if (values.figures !== undefined) writeFileSync(values.figures, JSON.stringify({ seed, candidates: Object.fromEntries(candidates.map((c) => [c, CANDIDATES[c]])), figures }, null, 1));
  console.log(lines.join('\n'));
}

await main();
