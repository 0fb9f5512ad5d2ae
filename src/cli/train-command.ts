import { basename } from 'node:path';
import { ProgressLogger } from '../callbacks/progress-logger.js';
import { buildReportData, writeReportLazily } from './build-report-data.js';
import { classifierMetadata, storeClassifier } from './classifier-metadata.js';
import { isTerminal, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatResults, formatValue } from './format-results.js';
import { bundledDataFile } from './package-root.js';
import { parseCommandLine } from './parse-command-line.js';
import { resultsJson } from './results-json.js';
import { formatWarnings, runWarnings } from './run-warnings.js';
import { MONITOR, trainClassifier, type TrainingPlan } from './train-classifier.js';
import { DEFAULTS, TRAIN_OPTIONS, trainSettings, type TrainSettings } from './train-options.js';

export const TRAIN_HELP = `Usage: nnkit train [data.csv] --out <folder> [options]

Trains a classifier on a CSV file (header row, one row per example) and saves it with its
preprocessing, so "nnkit predict" takes raw rows. Rows are split stratified and seeded into
training / validation / test; preprocessing is fitted on the training rows only; early stopping
and threshold tuning use the validation rows; the test rows are used once, for the results.
Without data.csv, trains on the bundled breast-cancer data.

Data
  --target <column>         the label column (default: "label", else the last column)
  --positive <class>        for two classes, the positive one (default: the larger number,
                            the true/yes value, else the rarer class)
  --delimiter <char>        field delimiter (default: detected among , ; tab |)
Model and training
  --out, -o <folder>        where to save the model (required)
  --hidden <sizes>          hidden relu layers, e.g. 64,32, or none (default ${DEFAULTS.hidden.join(',')})
  --dropout <rate>          dropout after each hidden layer, in [0, 1) (default ${DEFAULTS.dropout})
  --epochs <n>              most epochs; early stopping usually ends sooner (default ${DEFAULTS.epochs})
  --patience <n>            epochs without a better val_loss before stopping (default ${DEFAULTS.patience})
  --batch-size <n>          rows per gradient step (default ${DEFAULTS.batchSize})
  --optimizer <name>        sgd, rmsprop, adam, adamw or adagrad (default ${DEFAULTS.optimizer})
  --learning-rate <rate>    the optimizer's learning rate (default: Keras' default for it)
  --class-weight balanced   weigh classes inversely to their frequency (default none)
  --validation-split <f>    share of the non-test rows used for validation (default ${DEFAULTS.validationSplit})
  --test-split <f>          share of all rows held out for testing (default ${DEFAULTS.testSplit})
  --seed <n>                seed of the split, the initial weights and the shuffling (default ${DEFAULTS.seed})
Decision threshold (two classes; predicted positive when probability > threshold)
  --threshold <choice>      a probability such as 0.5, or tuned on the validation rows:
                            f1 (default), youden, precision>=0.9, recall>=0.95, cost=10 (FN:FP)
Output
  --report <file.html>      also write the HTML report
  --json                    print the results as JSON (progress goes to stderr)
  --quiet, -q               no training progress
  --help, -h                this help

Example: nnkit train data/breast_cancer.csv --out models/bc --report models/bc/report.html`;

/** `nnkit train`: parse, train, save, report, print. */
export async function trainCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('train', argv, TRAIN_OPTIONS, 1);
  if (line.values.help === true) return writeLines(io.stdout, [TRAIN_HELP]);
  const settings = trainSettings(line, line.positionals[0] ?? bundledDataFile());
  const json = line.values.json === true;
  const quiet = line.values.quiet === true;
  const notes = json ? io.stderr : io.stdout;
  const trained = await trainClassifier(settings, (plan) => {
    if (quiet) return [];
    notes.write(planLines(plan, settings).join('\n') + '\n');
    return [new ProgressLogger('auto', plan.epochs, plan.steps, { write: (text) => notes.write(text), isTTY: isTerminal(notes) })];
  });
  const { model, classNames, data, test } = trained;
  const epochsRun = trained.history.epoch.length;
  const warnings = runWarnings({
    positiveClass: data.target!.positive?.message,
    data: trained.dataWarnings,
    diagnostics: model.diagnostics,
    metrics: trained.metricWarnings,
    ranAllEpochs: trained.stoppedEpoch === undefined && epochsRun === settings.epochs ? epochsRun : undefined,
    results: test,
  });
  const metadata = classifierMetadata(trained, epochsRun);
  storeClassifier(model, metadata, trained.preprocessor);
  await model.save(settings.out);
  if (settings.report !== undefined) {
    await writeReportLazily(
      settings.report,
      buildReportData({
        title: `${basename(settings.file)} → ${metadata.target}`,
        createdAt: metadata.createdAt,
        data: {
          file: settings.file,
          rows: data.rows,
          columns: data.header.length,
          target: metadata.target,
          classNames,
          classCounts: data.target!.counts,
          featureNames: metadata.data.featureColumns,
          split: { train: metadata.split.train, validation: metadata.split.validation, test: metadata.split.test },
        },
        model,
        lossName: trained.loss,
        training: {
          history: metadata.training.history,
          bestEpoch: trained.bestEpoch,
          ...(trained.stoppedEpoch === undefined ? {} : { stoppedEpoch: trained.stoppedEpoch }),
          monitor: MONITOR,
        },
        results: test,
        classNames,
        thresholdRule: trained.threshold?.rule,
        warnings,
      }),
    );
  }
  if (json) {
    return writeJson(io.stdout, {
      command: 'train',
      data: { ...metadata.data, target: metadata.target, classNames, positiveClass: metadata.positiveClass?.value ?? null },
      split: metadata.split,
      training: metadata.training,
      threshold: metadata.threshold ?? null,
      test: resultsJson(test, classNames),
      warnings,
      model: settings.out,
      report: settings.report ?? null,
    });
  }
  const summary: string[] = [];
  const best = trained.history.history[MONITOR]?.[trained.bestEpoch];
  summary.push(
    trained.stoppedEpoch === undefined
      ? `Trained ${epochsRun} epochs; weights restored from epoch ${trained.bestEpoch + 1} (${MONITOR} ${formatValue(best)}).`
      : `Early stopping at epoch ${trained.stoppedEpoch + 1}; weights restored from epoch ${trained.bestEpoch + 1} ` +
          `(${MONITOR} ${formatValue(best)}).`,
  );
  if (trained.threshold !== undefined) {
    const validation = trained.threshold.validation;
    const scores = validation === undefined ? '' : ` (validation F1 ${formatValue(validation.f1)}, precision ${formatValue(validation.precision)}, recall ${formatValue(validation.recall)})`;
    summary.push(`Threshold ${formatValue(trained.threshold.value)}: ${trained.threshold.rule}${scores}.`);
  }
  await writeLines(io.stdout, [
    ...(quiet ? [] : summary),
    '',
    ...formatResults(test, classNames, 'Test results'),
    ...formatWarnings(warnings),
    '',
    `Model saved to ${settings.out}`,
    ...(settings.report === undefined ? [] : [`Report written to ${settings.report}`]),
  ]);
}

function planLines(plan: TrainingPlan, settings: TrainSettings): string[] {
  const target = plan.data.target!;
  const classes = target.classes.map((name, k) => `${JSON.stringify(name)} ${target.counts[k]}`).join(', ');
  const layers = [
    `${plan.features} features`,
    ...settings.hidden.flatMap((units) => [`${units} relu`, ...(settings.dropout > 0 ? [`dropout ${settings.dropout}`] : [])]),
    target.classes.length === 2 ? '1 sigmoid' : `${target.classes.length} softmax`,
  ];
  return [
    `Data: ${settings.file}: ${plan.data.rows} rows, ${plan.data.features.columns.length} feature columns, target ` +
      `${JSON.stringify(target.name)} (${classes}).`,
    ...(target.positive === undefined ? [] : [target.positive.message]),
    `Split (stratified, seed ${settings.seed}): ${plan.rows.train} training, ${plan.rows.validation} validation, ${plan.rows.test} test rows.`,
    `Model: ${layers.join(' → ')}; ${settings.optimizer}, early stopping on ${MONITOR} (patience ${settings.patience}).`,
  ];
}
