import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { ProgressLogger } from '../callbacks/progress-logger.js';
import type { Classifier } from '../classifier/classifier.js';
import { trainingReport } from '../classifier/classifier-report.js';
import { fitClassifier, MONITOR } from '../classifier/fit-classifier.js';
import { baselinesJson } from '../classifier/baselines-json.js';
import { logisticBaseline } from '../classifier/logistic-baseline.js';
import { calibrationJson, resultsHeading, thresholdRows, trustLines, trustPlanLines } from './trust-lines.js';
import { positiveClassNotice } from '../classifier/positive-class-notice.js';
import { resultsJson } from '../classifier/results-json.js';
import type { TrainingPlan } from '../classifier/training-plan.js';
import { SMALL_TABLE_ROWS, SMALL_TABLE_SETTINGS as SMALL } from '../classifier/table-size-settings.js';
import { readTableFile } from '../node/read-table-file.js';
import { readProgress } from './read-progress.js';
import { isTerminal, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatResults, formatValue, formatWarnings } from './format-results.js';
import { Interrupted, isAbort, stopOnAbort } from './interrupted.js';
import { bundledDataFile } from './package-root.js';
import { parseCommandLine } from './parse-command-line.js';
import { flagHint } from './column-flags.js';
import { classifierOptions, DEFAULTS, flagName, readOptions, TRAIN_OPTIONS, trainSettings, type TrainSettings } from './train-options.js';
import { prepareTrainOutputs } from './train-outputs.js';
import { STREAM_HELP, STREAM_OPTIONS, streamSettings, trainStreamed } from './train-stream.js';
import { writeReportLazily } from './write-report-lazily.js';

export const TRAIN_HELP = `Usage: nnkit train [data.csv] --out <folder> [options]

Trains a classifier on a CSV file (header row, one row per example) and saves it with its
preprocessing, so "nnkit predict" takes raw rows. Rows are split stratified and seeded into
training / validation / test; preprocessing is fitted on the training rows only; early stopping
and threshold tuning use the validation rows; the test rows are used once, for the results.
Without data.csv, trains on the bundled breast-cancer data. A .parquet or .arrow (.feather) file
is read with the column types of its schema.

Data
  --target <column>         the label column (default: "label", else the last column)
  --positive <class>        for two classes, the positive one (default: the larger number,
                            the true/yes value, else the rarer class)
  --delimiter <char>        field delimiter (default: detected among , ; tab |)
  --decimal <. or ,>        decimal separator of numbers, 6.5 or 6,5 (default: detected)
  --column-type <c>=<type>  read column c as numeric, categorical, boolean or ignore it
                            (repeatable; default: inferred from the values)
  --ignore <columns>        columns to leave out, e.g. id,notes (repeatable)
  --max-categories <n>      one-hot columns per categorical column at most (default ${DEFAULTS.maxCategories})
  --min-frequency <n>       training rows a category needs for its own one-hot column;
                            rarer ones share <other> (default ${DEFAULTS.minFrequency}; 1 keeps all)
Model and training
  --out, -o <folder>        where to save the model (required)
  --hidden <sizes>          hidden relu layers, e.g. 64,32, or none (default ${DEFAULTS.hidden.join(',')};
                            small tables ${SMALL.hidden.join(',')}, see --ensemble)
  --dropout <rate>          dropout after each hidden layer, in [0, 1) (default ${DEFAULTS.dropout}; small ${SMALL.dropout})
  --epochs <n>              most epochs; early stopping usually ends sooner (default ${DEFAULTS.epochs})
  --patience <n>            epochs without a better val_loss before stopping (default ${DEFAULTS.patience}; small ${SMALL.patience})
  --batch-size <n>          rows per gradient step (default ${DEFAULTS.batchSize}; small ${SMALL.batchSize})
  --optimizer <name>        sgd, rmsprop, adam, adamw or adagrad (default ${DEFAULTS.optimizer})
  --learning-rate <rate>    the optimizer's learning rate (default: Keras' default for it)
  --class-weight balanced   weigh classes inversely to their frequency (default none)
  --validation-split <f>    share of the non-test rows used for validation (default ${DEFAULTS.validationSplit})
  --test-split <f>          share of all rows held out for testing (default ${DEFAULTS.testSplit});
                            0 trains on every row (results then come from the out-of-fold
                            predictions with --ensemble, else from the validation rows)
  --ensemble <k|auto>       k networks, each trained on k-1 folds of the training rows and
                            early-stopped on its own fold; probabilities averaged, threshold
                            and calibration chosen on the out-of-fold predictions; 1: one
                            network. Default auto: at most ${SMALL_TABLE_ROWS} training rows (with ${SMALL.ensemble}
                            of each class) train ${SMALL.ensemble} members with the small-table settings
                            above (the best measured, docs/defaults.md); more rows, or --refit,
                            one network
  --refit                   once early stopping has chosen the epochs, train again on the
                            training and validation rows for that many
  --calibrate <method>      temperature, sigmoid or isotonic (two classes), fitted on the
                            validation rows or the out-of-fold predictions (default none)
  --seed <n>                seed of the split, the initial weights and the shuffling (default ${DEFAULTS.seed})
${STREAM_HELP}
Decision threshold (two classes; predicted positive when probability > threshold)
  --threshold <choice>      a probability such as 0.5, or tuned on the validation rows:
                            f1 (default), youden, precision>=0.9, recall>=0.95, cost=10 (FN:FP)
Output
  --report <file.html>      also write the HTML report
  --json                    print the results as JSON (progress goes to stderr)
  --quiet, -q               no training progress
  --help, -h                this help

Example: nnkit train data/breast_cancer.csv --out models/bc --report models/bc/report.html`;

/**
 * `nnkit train`: parse the flags, check the outputs can be written (and lock --out), read the
 * CSV, train with the library, print the results, then save and write the report. Ctrl-C stops
 * at the next step with the previous model (if any) untouched.
 */
export async function trainCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('train', argv, { ...TRAIN_OPTIONS, ...STREAM_OPTIONS }, 1, TRAIN_HELP);
  if (line.values.help === true) return writeLines(io.stdout, [TRAIN_HELP]);
  const settings = trainSettings(line, line.positionals[0] ?? bundledDataFile());
  const stream = streamSettings(line);
  const outputs = await prepareTrainOutputs(settings.out, settings.report);
  const progress = { saved: false };
  try {
    const trained = stream === undefined
      ? await train(settings, line.values.json === true, line.values.quiet === true, io)
      : { classifier: await trainStreamed(settings, stream, line.values.json === true, line.values.quiet === true, io) };
    await finish(trained, settings, line.values.json === true, line.values.quiet === true, io, progress);
  } catch (error) {
    if (!isAbort(error, io.signal)) throw error;
    const report = settings.report === undefined ? '' : '; the report was not written';
    throw new Interrupted(
      progress.saved ? `the model was saved to ${settings.out}${report}`
        : outputs.hadModel ? `the previous model in ${settings.out} is unchanged` : 'nothing was written',
    );
  } finally {
    await outputs.close(progress.saved);
  }
}

/** The trained classifier and, two classes in memory, its logistic-regression baseline. */
interface Trained {
  readonly classifier: Classifier;
  readonly logistic?: Classifier;
  /** Whether what training did (summaryLines) was printed already, before the baseline trained. */
  readonly summarized?: boolean;
}

async function train(settings: TrainSettings, json: boolean, quiet: boolean, io: CliIo): Promise<Trained> {
  const notes = json ? io.stderr : io.stdout;
  const shown = readProgress(notes, quiet);
  const table = await readTableFile(settings.file, { ...readOptions(settings), onProgress: shown.onProgress }, flagHint).finally(() => shown.stop());
  io.signal?.throwIfAborted();
  const onPlan = (plan: TrainingPlan) => {
    notes.write(planLines(plan, settings).join('\n') + '\n');
    return [new ProgressLogger('auto', plan.epochs, plan.steps, { write: (text) => notes.write(text), isTTY: isTerminal(notes) })];
  };
  const callbacks = io.signal === undefined ? [] : [stopOnAbort(io.signal)];
  const classifier = await fitClassifier(table, { ...classifierOptions(settings), callbacks, ...(quiet ? {} : { onPlan }) }, flagName, flagHint);
  io.signal?.throwIfAborted();
  if (classifier.classNames.length !== 2) return { classifier };
  // NOTE: what the network's training did is said before the baseline's training starts, so
  // "Early stopping at epoch …" is not read as the baseline's.
  if (!json && !quiet) notes.write(summaryLines(classifier).join('\n') + '\n');
  if (!quiet) notes.write('Training the logistic-regression baseline (the same pipeline with --hidden none)...\n');
  const logistic = await logisticBaseline(table, classifier, { ...classifierOptions(settings), callbacks }, flagName, flagHint);
  io.signal?.throwIfAborted();
  return { classifier, logistic, summarized: !json && !quiet };
}

/**
 * Prints the results, then saves the model (setting `progress.saved`) and writes the report.
 * NOTE: results come first so that a failed save never loses them.
 */
async function finish(
  trained: Trained, settings: TrainSettings, json: boolean, quiet: boolean, io: CliIo, progress: { saved: boolean },
): Promise<void> {
  const { classifier } = trained;
  const logistic = trained.logistic?.trainingRun?.test;
  const run = classifier.trainingRun!;
  const { pipeline, classNames } = classifier;
  const results = (model: string | null) => ({
    command: 'train',
    data: { ...pipeline.data, target: pipeline.target, classNames, positiveClass: pipeline.positiveClass?.value ?? null },
    split: pipeline.split,
    training: pipeline.training,
    threshold: pipeline.threshold ?? null,
    calibration: calibrationJson(classifier),
    ensemble: pipeline.ensemble ?? null,
    refit: pipeline.refit ?? null,
    resultsOn: run.resultsOn,
    test: resultsJson(run.test, classNames),
    baselines: baselinesJson(run.test, classNames, logistic),
    warnings: run.warnings,
    model,
    report: model === null ? null : (settings.report ?? null),
  });
  if (!json) {
    await writeLines(io.stdout, [
      ...(quiet || trained.summarized === true ? [] : summaryLines(classifier)),
      '',
      ...formatResults(run.test, classNames, resultsHeading(classifier), logistic),
      ...formatWarnings(run.warnings),
      '',
    ]);
  }
  // NOTE: the old report describes the old model; removed first, it can never sit beside the new one.
  if (settings.report !== undefined) await rm(settings.report, { force: true });
  try {
    await classifier.save(settings.out, { signal: io.signal });
    progress.saved = true;
  } catch (error) {
    if (json && !isAbort(error, io.signal)) await writeJson(io.stdout, results(null));
    throw error;
  }
  if (settings.report !== undefined) {
    await writeReportLazily(settings.report, trainingReport(classifier, { title: `${basename(settings.file)} → ${classifier.target}`, logistic }));
  }
  if (json) await writeJson(io.stdout, results(settings.out));
  else {
    await writeLines(io.stdout, [
      `Model saved to ${settings.out}`,
      ...(settings.report === undefined ? [] : [`Report written to ${settings.report}`]),
    ]);
  }
}

/** What training did: where early stopping ended, the epoch restored, the threshold chosen. */
function summaryLines(classifier: Classifier): string[] {
  const run = classifier.trainingRun!;
  const best = run.history.history[MONITOR]?.[run.bestEpoch];
  const restored = `weights restored from epoch ${run.bestEpoch + 1} (${MONITOR} ${formatValue(best)}).`;
  const lines = [
    run.stoppedEpoch === undefined
      ? `Trained ${run.history.epoch.length} epochs; ${restored}`
      : `Early stopping at epoch ${run.stoppedEpoch + 1}; ${restored}`,
  ];
  if (run.threshold !== undefined) {
    const validation = run.threshold.validation;
    const scores =
      validation === undefined
        ? ''
        : ` (${thresholdRows(classifier)} rows: F1 ${formatValue(validation.f1)}, precision ${formatValue(validation.precision)}, recall ${formatValue(validation.recall)})`;
    lines.push(`Threshold ${formatValue(run.threshold.value)}: ${run.threshold.rule}${scores}.`);
  }
  return [...lines, ...trustLines(classifier)];
}

function planLines(plan: TrainingPlan, settings: TrainSettings): string[] {
  const target = plan.table.target!;
  const classes = target.classes.map((name, k) => `${JSON.stringify(name)} ${target.counts[k]}`).join(', ');
  const layers = [
    `${plan.features} features`,
    ...plan.settings.hidden.flatMap((units) => [`${units} relu`, ...(plan.settings.dropout > 0 ? [`dropout ${plan.settings.dropout}`] : [])]),
    target.classes.length === 2 ? '1 sigmoid' : `${target.classes.length} softmax`,
  ];
  return [
    `Data: ${settings.file}: ${plan.table.rows} rows, ${plan.table.features.columns.length} feature columns, target ` +
      `${JSON.stringify(target.name)} (${classes}).`,
    ...(target.positive === undefined ? [] : [positiveClassNotice(target, flagHint) ?? target.positive.message]),
    `Split (stratified, seed ${settings.seed}): ${plan.rows.train} training, ${plan.rows.validation} validation, ${plan.rows.test} test rows.`,
    `Model: ${layers.join(' → ')}; ${settings.optimizer}, batch ${plan.settings.batchSize}, early stopping on ${MONITOR} (patience ${plan.settings.patience}).`,
    ...trustPlanLines(plan.settings, plan.rows.train),
  ];
}
