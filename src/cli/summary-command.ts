import { modelSummary } from '../classifier/model-card.js';
import type { FeatureColumnConfig, PreprocessorConfig } from '../data/preprocessor-config.js';
import { listNames } from '../data/table.js';
import { show } from '../errors.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { alignColumns, formatValue } from './format-results.js';
import { loadModelOption } from './model-option.js';
import { parseCommandLine, type OptionSpecs } from './parse-command-line.js';

export const SUMMARY_HELP = `Usage: nnkit summary --model <folder> [--json]

Describes a model saved by "nnkit train": its architecture (Keras' summary table), the
preprocessing each input column gets, the decision threshold and how it was chosen, and the
training run with its test results.

  --model, -m <folder>   the saved model (required)
  --json                 print the description as JSON
  --help, -h             this help`;

const OPTIONS: OptionSpecs = {
  model: { type: 'string', short: 'm' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** `nnkit summary`: what a saved model is and how it was made. */
export async function summaryCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('summary', argv, OPTIONS, 0, SUMMARY_HELP);
  if (line.values.help === true) return writeLines(io.stdout, [SUMMARY_HELP]);
  const { classifier, dir } = await loadModelOption('summary', line.values.model);
  const { model, preprocessor, pipeline: metadata } = classifier;
  const architecture = modelSummary(model, model.loss?.name ?? 'unknown');
  const training = metadata.training;
  if (line.values.json === true) {
    return writeJson(io.stdout, {
      command: 'summary',
      model: dir,
      task: metadata.task,
      target: metadata.target,
      classNames: metadata.classNames,
      positiveClass: metadata.positiveClass?.value ?? null,
      architecture: { ...architecture, layers: model.layers.map((layer) => ({ name: layer.name, className: layer.className, params: layer.countParams() })) },
      preprocessing: preprocessor.getConfig(),
      featureNames: preprocessor.featureNames,
      threshold: metadata.threshold ?? null,
      data: metadata.data,
      split: metadata.split,
      training,
      testMetrics: metadata.testMetrics,
      createdAt: metadata.createdAt,
    });
  }
  const history = training.history;
  const atBest = (key: string) => formatValue(history[key]?.[training.bestEpoch]);
  const metricNames: Record<string, string> = {
    rocAuc: 'ROC-AUC',
    f1: 'F1',
    averagePrecision: 'average precision',
    baselineAccuracy: 'majority baseline',
    macroPrecision: 'macro precision',
    macroRecall: 'macro recall',
    macroF1: 'macro F1',
  };
  await writeLines(io.stdout, [
    `Model ${dir}: ${metadata.task} classifier of ${JSON.stringify(metadata.target)}, trained ${metadata.createdAt} on ${metadata.data.file ?? 'a table'}.`,
    `Classes: ${metadata.classNames.map((name, k) => `${JSON.stringify(name)} (${metadata.data.classCounts[k] ?? '?'} rows)`).join(', ')}` +
      `${metadata.positiveClass === undefined ? '' : `; positive class ${JSON.stringify(metadata.positiveClass.value)}`}.`,
    '',
    architecture.summaryText,
    ` Optimizer: ${architecture.optimizer ?? 'none'}; loss: ${architecture.loss}`,
    '',
    `Preprocessing (fitted on ${metadata.split.train} training rows; ${preprocessor.numFeatures} features from ${preprocessor.config.columns.length} columns):`,
    ...alignColumns(preprocessor.config.columns.map(describeColumn)).map((text) => `  ${text}`),
    `  missing values: ${preprocessor.config.missingValues.map((token) => JSON.stringify(token)).join(', ')} (case-insensitive)`,
    ...readingLines(preprocessor.config),
    '',
    metadata.threshold === undefined
      ? 'Decision: the most probable class.'
      : `Threshold: ${formatValue(metadata.threshold.value)} (${metadata.threshold.rule}); predicted ${JSON.stringify(metadata.classNames[1])} when probability > threshold.`,
    '',
    `Training: ${training.epochsRun} epochs` +
      `${training.stoppedEpoch === undefined ? '' : `, stopped early at epoch ${training.stoppedEpoch + 1}`}; ` +
      `weights from epoch ${training.bestEpoch + 1} (loss ${atBest('loss')}, val_loss ${atBest('val_loss')}, ` +
      `accuracy ${atBest('accuracy')}, val_accuracy ${atBest('val_accuracy')}).`,
    `  split (stratified, seed ${metadata.split.seed}): ${metadata.split.train} training, ${metadata.split.validation} validation, ${metadata.split.test} test rows`,
    `  settings: ${Object.entries(training.settings).map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(',') : value === null ? 'default' : String(value)}`).join(', ')}`,
    '',
    `Test results (${metadata.split.test} rows):`,
    ...alignColumns(Object.entries(metadata.testMetrics).map(([key, value]) => [metricNames[key] ?? key, formatValue(value)])).map((text) => `  ${text}`),
  ]);
}

/** The decimal separator, the ignored columns and the category policy (configs of version 2). */
function readingLines(config: PreprocessorConfig): string[] {
  const policy = config.categoryPolicy;
  return [
    ...(config.decimal === ',' ? ['  numbers: written with a decimal comma (6,5)'] : []),
    ...(config.ignoredColumns?.length ? [`  ignored columns: ${listNames(config.ignoredColumns)}`] : []),
    ...(policy === undefined
      ? []
      : [`  categories: a one-hot column each when seen in at least ${policy.minFrequency} training rows, at most ${policy.maxCategories} per column`]),
  ];
}

function describeColumn(column: FeatureColumnConfig): string[] {
  const missing = (indicator: boolean, fill: string) => (indicator ? `; missing → ${fill} + ${column.name}_missing indicator` : '');
  if (column.kind === 'numeric') {
    return [column.name, 'numeric', `standardized (mean ${round(column.mean)}, std ${round(column.std)})${missing(column.indicator, 'the mean')}`];
  }
  if (column.kind === 'boolean') return [column.name, 'boolean', `0/1${missing(column.indicator, String(column.fill))}`];
  const shown = column.categories.slice(0, 8).map((category) => show(category)).join(', ');
  const more = column.categories.length > 8 ? ` and ${column.categories.length - 8} more` : '';
  const extras = [
    ...(column.other ? ['<other> for rarer and unseen values'] : ['unseen values → all zeros']),
    ...(column.missingSlot ? ['<missing>'] : column.fill === null ? [] : [`missing → ${JSON.stringify(column.fill)}`]),
  ];
  return [column.name, 'categorical', `one-hot over ${column.categories.length} (${shown}${more}); ${extras.join('; ')}`];
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
