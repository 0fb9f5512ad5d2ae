import { basename } from 'node:path';
import { DataError } from '../errors.js';
import { listNames } from '../data/table.js';
import { readCsvBatches } from '../io/read-csv-batches.js';
import { readCsv } from '../io/read-csv.js';
import { buildReportData, writeReportLazily } from './build-report-data.js';
import { evaluateClassifier } from './classifier-evaluation.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatResults } from './format-results.js';
import { loadClassifier } from './load-classifier.js';
import { choice } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';
import { resultsJson } from './results-json.js';
import { formatWarnings, runWarnings } from './run-warnings.js';

export const EVALUATE_HELP = `Usage: nnkit evaluate --model <folder> <data.csv> [options]

Evaluates a model saved by "nnkit train" on new labelled rows, with the preprocessing and the
decision threshold saved in the model: loss, accuracy beside the majority baseline, precision,
recall, F1 and ROC-AUC with bootstrap confidence intervals, and the confusion matrix.

  --model, -m <folder>      the saved model (required)
  --target <column>         the label column (default: the one the model was trained on)
  --delimiter <char>        field delimiter (default: detected among , ; tab |)
  --extra-columns <policy>  columns the model was not trained on: error (default) or ignore
  --report <file.html>      also write the HTML report
  --json                    print the results as JSON
  --help, -h                this help`;

const OPTIONS: OptionSpecs = {
  model: { type: 'string', short: 'm' },
  target: { type: 'string' },
  delimiter: { type: 'string' },
  'extra-columns': { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** `nnkit evaluate`: the test-set results of `train`, on a new labelled file. */
export async function evaluateCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('evaluate', argv, OPTIONS, 1);
  const v = line.values;
  if (v.help === true) return writeLines(io.stdout, [EVALUATE_HELP]);
  const file = line.positionals[0];
  if (file === undefined) throw usageError('evaluate', 'Give the labelled CSV file to evaluate on, e.g. nnkit evaluate --model models/bc data.csv.');
  const extraColumns = typeof v['extra-columns'] === 'string' ? choice('evaluate', 'extra-columns', v['extra-columns'], ['error', 'ignore'] as const) : 'error';
  const delimiter = typeof v.delimiter === 'string' ? v.delimiter : undefined;
  const { model, metadata, preprocessor, dir } = await loadClassifier('evaluate', v.model);
  const target = typeof v.target === 'string' ? v.target : metadata.target;

  // NOTE: read the model's columns as the kinds it was trained with (a column of digits that was
  // categorical in training stays categorical); columns the file lacks are reported by transform.
  const header = await readHeader(file, delimiter);
  const kinds = preprocessor.columnTypes();
  const columnTypes = Object.fromEntries(Object.entries(kinds).filter(([name]) => header.includes(name) && name !== target));
  const data = await readCsv(file, { target, delimiter, columnTypes });
  const classNames = metadata.classNames;
  const fileTarget = data.target!;
  const indexOf = fileTarget.classes.map((name) => {
    const index = classNames.indexOf(name);
    if (index < 0) {
      throw new DataError(
        'data/unknown-class',
        `${file}: the target column ${JSON.stringify(fileTarget.name)} holds the class ${JSON.stringify(name)}, which the model ` +
          `does not know; its classes are ${listNames(classNames)}. Evaluate on rows of those classes only.`,
        { file, column: fileTarget.name },
      );
    }
    return index;
  });
  const labels = Int32Array.from(fileTarget.labels, (label) => indexOf[label]);
  const transformed = preprocessor.transform(data.features, { extraColumns });
  const results = evaluateClassifier(model, transformed.x, labels, { classNames, seed: metadata.split.seed });
  const warnings = runWarnings({
    data: transformed.warnings.map((warning) => warning.message),
    diagnostics: model.diagnostics,
    metrics: [],
    results,
  });
  const report = typeof v.report === 'string' ? v.report : undefined;
  if (report !== undefined) {
    const classCounts = classNames.map((_, k) => labels.filter((label) => label === k).length);
    await writeReportLazily(
      report,
      buildReportData({
        title: `${basename(file)} → ${fileTarget.name} (evaluation)`,
        createdAt: new Date().toISOString(),
        data: {
          file,
          rows: data.rows,
          columns: data.header.length,
          target: fileTarget.name,
          classNames,
          classCounts,
          featureNames: data.features.columns.map((column) => column.name),
        },
        model,
        lossName: model.trainer?.loss.name ?? 'unknown',
        results,
        classNames,
        thresholdRule: metadata.threshold?.rule,
        warnings,
      }),
    );
  }
  if (v.json === true) {
    return writeJson(io.stdout, { command: 'evaluate', model: dir, data: file, results: resultsJson(results, classNames), warnings, report: report ?? null });
  }
  await writeLines(io.stdout, [
    `Evaluating ${dir} on ${file}.`,
    '',
    ...formatResults(results, classNames, 'Results'),
    ...formatWarnings(warnings),
    ...(report === undefined ? [] : ['', `Report written to ${report}`]),
  ]);
}

/** The header of a CSV file (the first batch of one row is enough; the rest is not read). */
async function readHeader(file: string, delimiter: string | undefined): Promise<readonly string[]> {
  for await (const batch of readCsvBatches(file, { batchSize: 1, delimiter })) return batch.names;
  return [];
}
