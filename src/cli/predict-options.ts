import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { CsvInput } from '../node/csv-source.js';
import { isTerminal, type CliIo } from './cli-io.js';
import { choice, fieldDelimiter, nameList, outputFile, positiveInteger } from './option-values.js';
import { usageError, type CommandLine, type OptionSpecs } from './parse-command-line.js';
import type { PredictionFileFormat } from './prediction-rows.js';

/** util.parseArgs option specs of `nnkit predict`. */
export const PREDICT_OPTIONS: OptionSpecs = {
  model: { type: 'string', short: 'm' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  keep: { type: 'string', multiple: true },
  delimiter: { type: 'string' },
  'extra-columns': { type: 'string' },
  'batch-size': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Everything `nnkit predict` needs besides the model, checked. */
export interface PredictSettings {
  /** The data argument as given: a path, or "-" for standard input. */
  readonly data: string;
  readonly input: CsvInput;
  readonly out?: string;
  readonly format: PredictionFileFormat;
  /** Input columns copied into every output row, in this order. */
  readonly keep: readonly string[];
  readonly delimiter?: string;
  readonly extraColumns: 'error' | 'ignore';
  readonly batchSize: number;
}

const FORMATS = ['csv', 'json', 'jsonl', 'parquet'] as const;

/** The name error messages give standard input (`-`). */
export const STANDARD_INPUT = 'standard input';

/** Checks and converts predict's options; `line.positionals[0]` is the data file or "-". */
export function predictSettings(line: CommandLine, io: CliIo): PredictSettings {
  const v = line.values;
  const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const data = line.positionals[0];
  if (data === undefined) {
    throw usageError('predict', 'Give the CSV file of rows to predict, or - to read them from standard input, e.g. nnkit predict --model models/bc data.csv.');
  }
  const out = text('out') === undefined ? undefined : outputFile('predict', 'out', text('out')!, 'predictions.csv');
  const given = text('format');
  const keep = v.keep;
  const format = given !== undefined ? choice('predict', 'format', given.toLowerCase(), FORMATS) : outputFormat(out, v.json === true);
  if (format === 'parquet' && out === undefined) {
    throw usageError('predict', '--format parquet writes a binary file: give it with --out, e.g. --out predictions.parquet.');
  }
  return {
    data,
    input: data === '-' ? standardInput(io) : data,
    out,
    format,
    keep: typeof keep === 'string' || Array.isArray(keep) ? nameList('predict', 'keep', keep as string | readonly string[]) : [],
    delimiter: text('delimiter') === undefined ? undefined : fieldDelimiter('predict', 'delimiter', text('delimiter')!),
    extraColumns: text('extra-columns') === undefined ? 'error' : choice('predict', 'extra-columns', text('extra-columns')!, ['error', 'ignore'] as const),
    batchSize: text('batch-size') === undefined ? 1024 : positiveInteger('predict', 'batch-size', text('batch-size')!),
  };
}

/**
 * The format when --format is not given: by the --out file's extension (.json a JSON array,
 * .jsonl or .ndjson JSON Lines, .parquet Parquet, anything else CSV); on stdout, JSON Lines with
 * --json, else CSV.
 */
export function outputFormat(out: string | undefined, json: boolean): PredictionFileFormat {
  if (out === undefined) return json ? 'jsonl' : 'csv';
  const extension = extname(out).toLowerCase();
  if (extension === '.parquet') return 'parquet';
  return extension === '.json' ? 'json' : extension === '.jsonl' || extension === '.ndjson' ? 'jsonl' : 'csv';
}

function standardInput(io: CliIo): CsvInput {
  // NOTE: without a pipe, standard input is the keyboard: nnkit would wait for rows to be typed.
  if (io.stdin !== undefined && isTerminal(io.stdin)) {
    throw usageError('predict', 'The data argument "-" reads the rows from standard input, which is a terminal here; pipe or redirect a CSV file in, e.g. cat rows.csv | nnkit predict --model models/bc -.');
  }
  // NOTE: a command run without a stdin stream (a test, a program calling run()) reads nothing.
  return { stream: io.stdin ?? Readable.from([]), name: STANDARD_INPUT };
}
