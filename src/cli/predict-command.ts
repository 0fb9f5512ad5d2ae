import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { TransformWarning } from '../data/preprocessor-sources.js';
import { show } from '../errors.js';
import { readCsvBatches } from '../node/read-csv-batches.js';
import { write, writeJson, writeLines, type CliIo } from './cli-io.js';
import { Interrupted, isAbort } from './interrupted.js';
import { loadModelOption } from './model-option.js';
import { choice, positiveInteger } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';
import { predictionCsv, predictionHeader, predictionJsonLines, type PredictionFormat } from './prediction-rows.js';
import { predictProgress } from './predict-progress.js';

export const PREDICT_HELP = `Usage: nnkit predict --model <folder> <data.csv> [--out predictions.csv] [options]

Predicts raw CSV rows with a model saved by "nnkit train": the saved preprocessing turns each
row into features, the saved threshold turns probabilities into classes. Rows are streamed in
batches, so any file size runs in constant memory; output rows follow the input order. A target
column in the file, if any, is ignored.

Output: CSV with probability_<class> (binary: the positive class only) and class columns, to
stdout or to --out (written to a temporary file, renamed when complete). With --json and no
--out, JSON Lines instead; with --out, a JSON summary.

  --model, -m <folder>      the saved model (required)
  --out, -o <file>          write the predictions to this file instead of stdout
  --delimiter <char>        field delimiter (default: detected among , ; tab |)
  --extra-columns <policy>  columns the model was not trained on: error (default) or ignore
  --batch-size <n>          rows per batch (default 1024)
  --json                    JSON Lines on stdout, or a JSON summary with --out
  --help, -h                this help`;

const OPTIONS: OptionSpecs = {
  model: { type: 'string', short: 'm' },
  out: { type: 'string', short: 'o' },
  delimiter: { type: 'string' },
  'extra-columns': { type: 'string' },
  'batch-size': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** `nnkit predict`: raw rows in, probabilities and classes out, streamed. */
export async function predictCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('predict', argv, OPTIONS, 1, PREDICT_HELP);
  const v = line.values;
  if (v.help === true) return writeLines(io.stdout, [PREDICT_HELP]);
  const file = line.positionals[0];
  if (file === undefined) throw usageError('predict', 'Give the CSV file of rows to predict, e.g. nnkit predict --model models/bc data.csv.');
  const extraColumns = typeof v['extra-columns'] === 'string' ? choice('predict', 'extra-columns', v['extra-columns'], ['error', 'ignore'] as const) : 'error';
  const batchSize = typeof v['batch-size'] === 'string' ? positiveInteger('predict', 'batch-size', v['batch-size']) : 1024;
  const out = typeof v.out === 'string' ? v.out : undefined;
  const jsonLines = v.json === true && out === undefined;
  const { classifier, dir } = await loadModelOption('predict', v.model);
  const format: PredictionFormat = { classNames: classifier.classNames, threshold: classifier.threshold };
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
  const progress = await predictProgress(file, io.stderr);
  try {
    // NOTE: the header goes out with the first predictions, so a file the model cannot read
    // leaves stdout empty.
    let header = jsonLines ? '' : predictionHeader(format);
    for await (const batch of readCsvBatches(file, { batchSize, delimiter: typeof v.delimiter === 'string' ? v.delimiter : undefined })) {
      io.signal?.throwIfAborted();
      // NOTE: the classifier leaves out the target column of a labelled file.
      const { probabilities, classIndices, warnings: found } = classifier.predictBatch(batch, { extraColumns, verbose: 0 });
      if (sinkError !== undefined) throw sinkError;
      const text = jsonLines ? predictionJsonLines(probabilities, classIndices, format) : predictionCsv(probabilities, classIndices, format);
      await write(sink, header + text);
      header = '';
      for (const warning of found) addWarning(warnings, warning);
      rows += batch.rows;
      progress?.update(batch.lines[batch.rows - 1], rows);
    }
    progress?.stop();
    if (header !== '') await write(sink, header);
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
    return writeJson(io.stdout, { command: 'predict', model: dir, data: file, out, rows, warnings: notes });
  }
  // NOTE: when predictions go to stdout, everything else goes to stderr so the output stays clean.
  const report = out === undefined ? io.stderr : io.stdout;
  await writeLines(report, [
    ...notes.map((note) => `warning: ${note}`),
    ...(out === undefined ? [] : [`Wrote ${rows} predictions to ${out}`]),
  ]);
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
