import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { TransformWarning } from '../data/preprocessor-sources.js';
import { show } from '../errors.js';
import { dataFileFormat } from '../node/data-file-format.js';
import type { Classifier } from '../classifier/classifier.js';
import type { CsvTableBatch } from '../data/csv-table-batches.js';
import type { TextBatch } from '../data/text-batches.js';
import { readBatches } from '../node/read-batches.js';
import { isOneByte, readCsvTables } from '../node/read-csv-tables.js';
import { write, writeJson, writeLines, type CliIo } from './cli-io.js';
import { Interrupted, isAbort } from './interrupted.js';
import { checkKeepNames, splitKept } from './kept-columns.js';
import { loadModelOption } from './model-option.js';
import { parseCommandLine } from './parse-command-line.js';
import { PredictionParquet } from './prediction-parquet.js';
import { outputNames, predictionWriter, type PredictionFormat } from './prediction-rows.js';
import { PREDICT_OPTIONS, predictSettings, type PredictSettings } from './predict-options.js';
import { predictProgress } from './predict-progress.js';

export const PREDICT_HELP = `Usage: nnkit predict --model <folder> <data.csv | -> [--out predictions.csv] [options]

Predicts raw CSV rows with a model saved by "nnkit train": the saved preprocessing turns each
row into features, the saved threshold turns probabilities into classes. Rows are streamed in
batches, so any file size runs in constant memory; output rows follow the input order. A target
column in the file, if any, is ignored. With - as the file, rows are read from standard input:
  cat rows.csv | nnkit predict --model models/bc - > predictions.csv

Output: the --keep columns, probability_<class> (binary: the positive class only) and class, to
stdout or to --out (written to a temporary file, renamed when complete). The format is --format,
else the --out file's extension (.json, .jsonl or .ndjson, .parquet; anything else is CSV), else
CSV on stdout, or JSON Lines with --json. With --json and --out, stdout gets a JSON summary.
A .parquet or .arrow (.feather) input file is read by its schema, as CSV cells are.

  --model, -m <folder>      the saved model (required)
  --out, -o <file>          write the predictions to this file instead of stdout
  --format <format>         csv, json (one array), jsonl (one object per line) or parquet
  --keep <columns>          input columns to copy into each output row, e.g. id,customer (used
                            by the model or not); repeatable
  --delimiter <char>        field delimiter (default: detected among , ; tab |)
  --extra-columns <policy>  columns the model was not trained on: error (default) or ignore
  --batch-size <n>          rows per batch (default 1024)
  --json                    JSON Lines on stdout, or a JSON summary with --out
  --help, -h                this help`;

/** `nnkit predict`: raw rows in, probabilities and classes out, streamed. */
export async function predictCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('predict', argv, PREDICT_OPTIONS, 1, PREDICT_HELP);
  const v = line.values;
  if (v.help === true) return writeLines(io.stdout, [PREDICT_HELP]);
  const settings = predictSettings(line, io);
  const { data: file, out, extraColumns, batchSize, keep } = settings;
  const { classifier, dir } = await loadModelOption('predict', v.model);
  const format: PredictionFormat = { classNames: classifier.classNames, threshold: classifier.threshold };
  checkKeepNames(keep, outputNames(format, settings.format));
  const modelColumns = new Set(Object.keys(classifier.columnTypes()));
  const diagnosed = classifier.model.diagnostics.length;

  const temporary = out === undefined ? undefined : join(dirname(out), `.nnkit-tmp-${basename(out)}-${randomBytes(6).toString('hex')}`);
  let sink: Writable = io.stdout;
  let sinkError: unknown;
  if (temporary !== undefined) {
    await mkdir(dirname(temporary), { recursive: true });
    sink = (await open(temporary, 'wx')).createWriteStream();
    // NOTE: a write error (a full disk) is kept and thrown at the next batch, not left unhandled.
    sink.on('error', (error) => (sinkError ??= error));
  }
  const warnings = new Map<string, { warning: TransformWarning; count: number; examples: Set<string> }>();
  let rows = 0;
  // NOTE: the bar counts a CSV file's lines; Parquet and Arrow files have none to count.
  const csvFile = typeof settings.input === 'string' && dataFileFormat(settings.input) === 'csv';
  const progress = csvFile ? await predictProgress(settings.input as string, io.stderr) : undefined;
  const parquet = settings.format === 'parquet' ? new PredictionParquet(format, keep) : undefined;
  try {
    // NOTE: the header goes out with the first predictions, so a file the model cannot read
    // leaves stdout empty.
    const writer = predictionWriter(settings.format, format, keep);
    for await (const batch of modelBatches(settings, classifier)) {
      io.signal?.throwIfAborted();
      const { input, kept } = splitKept(batch, keep, modelColumns);
      // NOTE: the classifier leaves out the target column of a labelled file.
      const { probabilities, classIndices, warnings: found } = classifier.predictBatch(input, { extraColumns, verbose: 0 });
      if (sinkError !== undefined) throw sinkError;
      if (parquet !== undefined) parquet.add(probabilities, classIndices, kept);
      else await write(sink, writer.batch(probabilities, classIndices, kept));
      for (const warning of found) addWarning(warnings, warning);
      rows += batch.rows;
      progress?.update(batch.lines[batch.rows - 1], rows);
    }
    progress?.stop();
    if (parquet !== undefined) sink.write(parquet.bytes());
    else await write(sink, writer.end());
    if (temporary !== undefined && out !== undefined) {
      sink.end();
      await finished(sink);
      await rename(temporary, out);
    }
  } catch (error) {
    progress?.stop();
    if (temporary !== undefined) {
      sink.destroy();
      await rm(temporary, { force: true });
    }
    if (isAbort(error, io.signal)) {
      throw new Interrupted(out === undefined ? `after ${rows} predictions` : `nothing was written (${out} is as it was)`);
    }
    throw error;
  }
  const notes = [
    ...[...warnings.values()].map(({ warning, count, examples }) => describeWarning(warning, count, [...examples])),
    ...classifier.model.diagnostics
      .slice(diagnosed)
      .filter((diagnostic) => diagnostic.stage === 'predict')
      .map((diagnostic) => diagnostic.message),
  ];
  if (v.json === true && out !== undefined) {
    return writeJson(io.stdout, { command: 'predict', model: dir, data: file, out, format: settings.format, rows, warnings: notes });
  }
  // NOTE: when predictions go to stdout, everything else goes to stderr so the output stays clean.
  const report = out === undefined ? io.stderr : io.stdout;
  await writeLines(report, [
    ...notes.map((note) => `warning: ${note}`),
    ...(out === undefined ? [] : [`Wrote ${rows} predictions to ${out}`]),
  ]);
}

/**
 * The input's rows in batches: a CSV file or standard input read typed as the model reads its
 * columns (numbers from the bytes, no string per cell), other formats and delimiters of several
 * characters as text cells.
 */
function modelBatches(settings: PredictSettings, classifier: Classifier): AsyncGenerator<TextBatch | CsvTableBatch> {
  const { input, batchSize, delimiter, keep } = settings;
  const csv = typeof input !== 'string' || dataFileFormat(input) === 'csv';
  if (!csv || (delimiter !== undefined && !isOneByte(delimiter))) return readBatches(input, { batchSize, delimiter });
  const { missingValues, decimal = '.' } = classifier.preprocessor.config;
  return readCsvTables(input, { columnTypes: classifier.columnTypes(), missingValues, decimal, batchSize, delimiter, keepText: keep });
}

function addWarning(all: Map<string, { warning: TransformWarning; count: number; examples: Set<string> }>, warning: TransformWarning): void {
  const key = `${warning.column}\u0000${warning.kind}`;
  const entry = all.get(key) ?? { warning, count: 0, examples: new Set<string>() };
  entry.count += warning.count;
  for (const example of warning.examples) if (entry.examples.size < 5) entry.examples.add(example);
  all.set(key, entry);
}

function describeWarning(warning: TransformWarning, count: number, examples: string[]): string {
  const what = warning.kind === 'unseen-category' ? 'a category not seen in training' : 'a missing value, which training never had';
  const shown = examples.length === 0 ? '' : ` (e.g. ${examples.map((example) => show(example)).join(', ')})`;
  return `column ${JSON.stringify(warning.column)}: ${count} row${count === 1 ? '' : 's'} with ${what}${shown}; see the preprocessing in "nnkit summary".`;
}
