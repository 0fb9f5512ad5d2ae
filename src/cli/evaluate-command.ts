import { basename } from 'node:path';
import { evaluationReport } from '../classifier/classifier-report.js';
import { resultsJson } from '../classifier/results-json.js';
import { baselinesJson } from '../classifier/baselines-json.js';
import { readBatches } from '../node/read-batches.js';
import { readTableFile } from '../node/read-table-file.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { flagHint } from './column-flags.js';
import { formatResults, formatWarnings } from './format-results.js';
import { loadModelOption } from './model-option.js';
import { choice, fieldDelimiter, outputFile } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';
import { writeReportLazily } from './write-report-lazily.js';

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
  const line = parseCommandLine('evaluate', argv, OPTIONS, 1, EVALUATE_HELP);
  const v = line.values;
  if (v.help === true) return writeLines(io.stdout, [EVALUATE_HELP]);
  const file = line.positionals[0];
  if (file === undefined) throw usageError('evaluate', 'Give the labelled CSV file to evaluate on, e.g. nnkit evaluate --model models/bc data.csv.');
  const extraColumns = typeof v['extra-columns'] === 'string' ? choice('evaluate', 'extra-columns', v['extra-columns'], ['error', 'ignore'] as const) : 'error';
  const delimiter = typeof v.delimiter === 'string' ? fieldDelimiter('evaluate', 'delimiter', v.delimiter) : undefined;
  const report = typeof v.report === 'string' ? outputFile('evaluate', 'report', v.report, 'report.html') : undefined;
  const { classifier, dir } = await loadModelOption('evaluate', v.model);
  const target = typeof v.target === 'string' ? v.target : classifier.target;

  // NOTE: read the model's columns as the kinds it was trained with (a column of digits that was
  // categorical in training stays categorical); columns the file lacks are reported by transform.
  const header = await readHeader(file, delimiter);
  const columnTypes = Object.fromEntries(Object.entries(classifier.columnTypes()).filter(([name]) => header.includes(name) && name !== target));
  // NOTE: and numbers with the training file's decimal separator (a model of 6,5-style data reads 6,5).
  // NOTE: rows of one class are a fair question (recall on positive rows); metrics they leave
  // undefined print as n/a.
  const decimal = classifier.preprocessor.config.decimal ?? '.';
  const table = await readTableFile(file, { target, delimiter, columnTypes, decimal, allowOneClass: true }, flagHint);
  const evaluation = classifier.evaluate(table, { extraColumns });
  const { results, warnings } = evaluation;
  const classNames = classifier.classNames;
  if (report !== undefined) {
    const title = `${basename(file)} → ${table.target!.name} (evaluation)`;
    await writeReportLazily(report, evaluationReport(classifier, evaluation, { title, table }));
  }
  if (v.json === true) {
    return writeJson(io.stdout, {
      command: 'evaluate', model: dir, data: file, results: resultsJson(results, classNames),
      // NOTE: the majority baseline of these rows; a saved model keeps no logistic regression to score.
      baselines: baselinesJson(results, classNames),
      trainingRows: evaluation.trainingRows ?? null, warnings, report: report ?? null,
    });
  }
  const seen = evaluation.trainingRows;
  await writeLines(io.stdout, [
    `Evaluating ${dir} on ${file}.`,
    '',
    ...formatResults(results, classNames, `Results on the rows of ${file}`),
    ...(seen === undefined ? [] : ['', seen === 0 ? 'None of these rows is a training row of the model.'
      : `${seen} of these ${results.rows} rows ${seen === 1 ? 'is a training row' : 'are training rows'} of the model: scores on them measure memory, not generalization.`]),
    ...formatWarnings(warnings),
    ...(report === undefined ? [] : ['', `Report written to ${report}`]),
  ]);
}

/** The header of a data file (the first batch of one row is enough; the rest is not read). */
async function readHeader(file: string, delimiter: string | undefined): Promise<readonly string[]> {
  for await (const batch of readBatches(file, { batchSize: 1, delimiter })) return batch.names;
  return [];
}
