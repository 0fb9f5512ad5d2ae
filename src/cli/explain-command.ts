import { basename } from 'node:path';
import { evaluationReport } from '../classifier/classifier-report.js';
import { importanceData } from '../classifier/calibration-report.js';
import { readBatches } from '../node/read-batches.js';
import { readTableFile } from '../node/read-table-file.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { loadModelOption } from './model-option.js';
import { flagHint } from './column-flags.js';
import { choice, fieldDelimiter, integer, outputFile, positiveInteger } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';
import { writeReportLazily } from './write-report-lazily.js';

export const EXPLAIN_HELP = `Usage: nnkit explain --model <folder> <data.csv> [options]

Which columns matter: permutation importance of every input column on labelled rows. Each
column's values are shuffled among the rows (seeded, --repeats times) and the rows go through
the saved preprocessing again (a categorical column's one-hot units move together); the drop in
ROC-AUC (two classes) or accuracy is shown as mean ± sd, largest first. Use rows the model was
not trained on (e.g. a held-out file).

  --model, -m <folder>      the saved model (required)
  --repeats <n>             shuffles per column (default 5)
  --seed <n>                seeds the shuffles (default 42)
  --metric <name>           rocAuc (default for two classes) or accuracy
  --target <column>         the label column (default: the one the model was trained on)
  --delimiter <char>        field delimiter (default: detected among , ; tab |)
  --report <file.html>      also write the HTML report: the evaluation of these rows with the
                            importance chart (and, for a calibrated model, before / after)
  --json                    print the results as JSON
  --help, -h                this help`;

const OPTIONS: OptionSpecs = {
  model: { type: 'string', short: 'm' },
  repeats: { type: 'string' },
  seed: { type: 'string' },
  metric: { type: 'string' },
  target: { type: 'string' },
  delimiter: { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** `nnkit explain`: permutation importance of the raw columns of a saved model. */
export async function explainCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('explain', argv, OPTIONS, 1, EXPLAIN_HELP);
  const v = line.values;
  if (v.help === true) return writeLines(io.stdout, [EXPLAIN_HELP]);
  const file = line.positionals[0];
  if (file === undefined) throw usageError('explain', 'Give the labelled CSV file to explain on, e.g. nnkit explain --model models/bc data.csv.');
  const repeats = typeof v.repeats === 'string' ? positiveInteger('explain', 'repeats', v.repeats) : 5;
  const seed = typeof v.seed === 'string' ? integer('explain', 'seed', v.seed) : 42;
  const metric = typeof v.metric === 'string' ? choice('explain', 'metric', v.metric, ['rocAuc', 'accuracy'] as const) : undefined;
  const delimiter = typeof v.delimiter === 'string' ? fieldDelimiter('explain', 'delimiter', v.delimiter) : undefined;
  const report = typeof v.report === 'string' ? outputFile('explain', 'report', v.report, 'report.html') : undefined;
  const { classifier, dir } = await loadModelOption('explain', v.model);
  const target = typeof v.target === 'string' ? v.target : classifier.target;
  // NOTE: the model's columns are read as the kinds it was trained with, as evaluate does.
  let header: readonly string[] = [];
  for await (const batch of readBatches(file, { batchSize: 1, delimiter })) {
    header = batch.names;
    break;
  }
  const columnTypes = Object.fromEntries(Object.entries(classifier.columnTypes()).filter(([name]) => header.includes(name) && name !== target));
  const table = await readTableFile(file, { target, delimiter, columnTypes }, flagHint);
  const result = classifier.permutationImportance(table, { repeats, seed, ...(metric === undefined ? {} : { metric }) });
  if (report !== undefined) {
    const title = `${basename(file)} → ${table.target!.name} (which columns matter)`;
    const importance = importanceData(result, { repeats, seed });
    await writeReportLazily(report, evaluationReport(classifier, classifier.evaluate(table), { title, table, importance }));
  }
  if (v.json === true) return writeJson(io.stdout, { command: 'explain', model: dir, data: file, repeats, seed, ...result, report: report ?? null });
  const width = Math.max(6, ...result.columns.map((c) => c.column.length));
  await writeLines(io.stdout, [
    `Permutation importance of ${dir} on ${file} (${table.rows} rows, ${repeats} shuffles per column, seed ${seed}).`,
    `${result.metric} on the rows as they are: ${result.baseline.toFixed(4)}`,
    '',
    `${'column'.padEnd(width)}  drop in ${result.metric} (mean ± sd)`,
    ...result.columns.map((c) => `${c.column.padEnd(width)}  ${c.mean.toFixed(4).padStart(7)} ± ${c.sd.toFixed(4)}`),
    ...(report === undefined ? [] : ['', `Report written to ${report}`]),
  ]);
}
