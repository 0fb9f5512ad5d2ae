import { crossValidate, type CrossValidation } from '../classifier/cross-validate.js';
import type { MeanSd } from '../classifier/cv-metrics.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { readTableFile } from '../node/read-table-file.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { flagHint } from './column-flags.js';
import { checkColumnOption } from './column-option.js';
import { integer, outputFile, positiveInteger } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';
import { bundledDataFile } from './package-root.js';
import { TRAIN_HELP } from './train-command.js';
import { classifierOptions, flagName, readOptions, TRAIN_OPTIONS, trainSettings } from './train-options.js';

export const CV_HELP = `Usage: nnkit cv [data.csv] [options]

Cross-validates "nnkit train"'s pipeline: per fold, the preprocessing, early stopping and the
threshold are fitted on the other folds' rows only, and the fold is scored once. Prints each
fold and the mean ± sd beside the majority baseline and a logistic regression (the same pipeline
without hidden layers). Saves no model. Without data.csv, uses the bundled breast-cancer data.

  --folds <k>               number of folds (default 5)
  --group <column>          group k-fold: rows of one group never split between folds
  --time <column>           time-ordered folds (scikit-learn's TimeSeriesSplit) by this column
  --time-ordered            time-ordered folds in the file's row order
  --no-shuffle              stratified / group folds exactly as scikit-learn's (no shuffling)
  --no-logistic             skip the logistic-regression baseline (half the time)
  --oof <file.csv>          write the out-of-fold predictions (row, fold, actual, predicted, p)
  --json                    print the results as JSON
  train's options apply to every fold (--target, --hidden, --epochs, --threshold, --seed, ...,
  and --calibrate and --ensemble, which each fold fits on its own training rows; --ensemble
  auto, the default as in train, decides on each fold's training rows).

Example: nnkit cv data/breast_cancer.csv --folds 5`;

const OPTIONS: OptionSpecs = {
  ...Object.fromEntries(Object.entries(TRAIN_OPTIONS).filter(([name]) => !['out', 'report', 'test-split'].includes(name))),
  folds: { type: 'string' },
  group: { type: 'string' },
  time: { type: 'string' },
  'time-ordered': { type: 'boolean' },
  'no-shuffle': { type: 'boolean' },
  'no-logistic': { type: 'boolean' },
  oof: { type: 'string' },
};

/** `nnkit cv`: k-fold cross-validation of the training pipeline, nothing saved. */
export async function cvCommand(argv: readonly string[], io: CliIo): Promise<void> {
  // NOTE: train's help describes the train flags cv takes, for errors that quote a flag's line.
  const line = parseCommandLine('cv', argv, OPTIONS, 1, `${CV_HELP}\n${TRAIN_HELP}`);
  const v = line.values;
  if (v.help === true) return writeLines(io.stdout, [CV_HELP]);
  // NOTE: train's flags are read by train's reader, which wants --out; cv saves nothing.
  const settings = trainSettings({ ...line, values: { ...v, out: '(none)' } }, line.positionals[0] ?? bundledDataFile(), 'cv');
  const folds = typeof v.folds === 'string' ? positiveInteger('cv', 'folds', v.folds) : 5;
  if (folds < 2) throw usageError('cv', `--folds must be 2 or more, e.g. --folds 5, but is ${folds}.`);
  if (typeof v.seed === 'string') integer('cv', 'seed', v.seed);
  const group = typeof v.group === 'string' ? v.group : undefined;
  const time = typeof v.time === 'string' ? v.time : v['time-ordered'] === true ? true : undefined;
  if ([group, typeof v.time === 'string' ? v.time : undefined, v['time-ordered'] === true ? true : undefined].filter((x) => x !== undefined).length > 1) {
    throw usageError('cv', 'give one of --group, --time and --time-ordered.');
  }
  const oof = typeof v.oof === 'string' ? outputFile('cv', 'oof', v.oof, 'oof.csv') : undefined;
  const table = await readTableFile(settings.file, readOptions(settings), flagHint);
  const columns = table.features.columns.map((column) => column.name);
  if (group !== undefined) checkColumnOption('group', group, columns, settings.file);
  if (typeof v.time === 'string') checkColumnOption('time', v.time, columns, settings.file);
  const { testSplit: _unused, ...training } = classifierOptions(settings);
  const notes = v.json === true ? io.stderr : io.stdout;
  const cv = await crossValidate(
    table,
    {
      ...training, folds, group, time, shuffle: v['no-shuffle'] !== true, logistic: v['no-logistic'] !== true,
      onFold: (j, k) => void notes.write(`Fold ${j + 1}/${k}...\n`),
    },
    flagName,
  );
  if (oof !== undefined) await writeFileAtomic(oof, oofCsv(cv));
  if (v.json === true) return writeJson(io.stdout, { command: 'cv', data: settings.file, ...cvJson(cv), oof: oof ?? null });
  await writeLines(io.stdout, [
    `Cross-validation of ${settings.file}: ${cv.folds.length} ${cv.method} folds.`,
    '',
    ...cvLines(cv),
    ...(oof === undefined ? [] : ['', `Out-of-fold predictions written to ${oof}`]),
  ]);
}

function cvJson(cv: CrossValidation): Record<string, unknown> {
  return {
    method: cv.method,
    classNames: cv.classNames,
    folds: cv.folds.map((fold) => ({
      rows: { train: fold.rows.train.length, validation: fold.rows.validation.length, test: fold.rows.test.length },
      threshold: fold.threshold ?? null,
      epochs: fold.epochs,
      model: fold.metrics,
      majority: fold.majority,
      logistic: fold.logistic ?? null,
    })),
    summary: cv.summary,
  };
}

/** One line per fold, then mean ± sd of the model and the baselines. */
function cvLines(cv: CrossValidation): string[] {
  const names = Object.keys(cv.summary.model);
  const cell = (value: number | null | undefined) => (typeof value === 'number' ? value.toFixed(4) : 'n/a').padStart(16);
  const header = ['fold'.padEnd(12), ...names.map((name) => name.padStart(16))].join('');
  const folds = cv.folds.map((fold, j) => [`${j + 1} (${fold.rows.test.length} rows)`.padEnd(12), ...names.map((name) => cell(fold.metrics[name]))].join(''));
  const meanSd = (label: string, summary: Record<string, MeanSd> | undefined) =>
    summary === undefined ? [] : [[label.padEnd(12), ...names.map((name) => (summary[name] === undefined ? 'n/a' : `${summary[name].mean.toFixed(4)} ± ${summary[name].sd.toFixed(4)}`).padStart(16))].join('')];
  return [header, ...folds, '', 'mean ± sd', ...meanSd('model', cv.summary.model), ...meanSd('majority', cv.summary.majority), ...meanSd('logistic', cv.summary.logistic)];
}

/** Out-of-fold predictions as CSV: the data row (1-based), fold (1-based), actual, predicted, probabilities. */
function oofCsv(cv: CrossValidation): string {
  const o = cv.outOfFold;
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const p = o.columns === 1 ? [`p_${cv.classNames[1]}`] : cv.classNames.map((name) => `p_${name}`);
  const lines = [['row', 'fold', 'actual', 'predicted', ...p].map(quote).join(',')];
  o.rows.forEach((row, i) => {
    const probabilities = Array.from(o.probabilities.subarray(i * o.columns, (i + 1) * o.columns), (value) => String(value));
    lines.push([String(row + 1), String(o.fold[i] + 1), quote(cv.classNames[o.labels[i]]), quote(cv.classNames[o.predicted[i]]), ...probabilities].join(','));
  });
  return `${lines.join('\n')}\n`;
}
