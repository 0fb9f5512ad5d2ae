import { ProgressLogger } from '../callbacks/progress-logger.js';
import type { Classifier } from '../classifier/classifier.js';
import { MONITOR } from '../classifier/fit-classifier.js';
import type { TrainingPlan } from '../classifier/training-plan.js';
import { DEFAULT_CHUNK_ROWS, trainClassifierFile, type StreamPassProgress } from '../node/train-classifier-file.js';
import { isTerminal, type CliIo } from './cli-io.js';
import { flagHint } from './column-flags.js';
import { stopOnAbort } from './interrupted.js';
import { positiveInteger } from './option-values.js';
import { usageError, type CommandLine, type OptionSpecs } from './parse-command-line.js';
import { readProgress } from './read-progress.js';
import { classifierOptions, flagName, type TrainSettings } from './train-options.js';

/** How `nnkit train --stream` reads the file: rows per chunk and rows shuffled together. */
export interface StreamSettings {
  readonly chunkRows: number;
  readonly shuffleBuffer: number;
}

export const DEFAULT_SHUFFLE_BUFFER = 100_000;

/** The options only `nnkit train` takes (not cv). */
export const STREAM_OPTIONS: OptionSpecs = {
  stream: { type: 'boolean' },
  'chunk-rows': { type: 'string' },
  'shuffle-buffer': { type: 'string' },
};

export const STREAM_HELP = `Larger than memory
  --stream                  read the file a chunk at a time, several passes, instead of into
                            memory: whole chunks go to training / validation / test (not
                            stratified rows); --ensemble, --refit and --calibrate need the rows
                            in memory and are refused
  --chunk-rows <n>          rows read at a time with --stream (default ${DEFAULT_CHUNK_ROWS})
  --shuffle-buffer <n>      rows shuffled together with --stream (default ${DEFAULT_SHUFFLE_BUFFER});
                            memory is about (chunk + buffer) × features × 4 bytes`;

/** --stream's settings from the command line; undefined without --stream (and its options refused). */
export function streamSettings(line: CommandLine): StreamSettings | undefined {
  const v = line.values;
  const given = (['chunk-rows', 'shuffle-buffer'] as const).filter((name) => typeof v[name] === 'string');
  // NOTE: a bad value is named first, whether or not --stream is there.
  const number = (name: 'chunk-rows' | 'shuffle-buffer', fallback: number) =>
    typeof v[name] === 'string' ? positiveInteger('train', name, v[name] as string) : fallback;
  const settings = { chunkRows: number('chunk-rows', DEFAULT_CHUNK_ROWS), shuffleBuffer: number('shuffle-buffer', DEFAULT_SHUFFLE_BUFFER) };
  if (v.stream !== true) {
    if (given.length > 0) throw usageError('train', `--${given[0]} applies to --stream only; add --stream to read the file in chunks, or leave --${given[0]} out.`);
    return undefined;
  }
  if (line.positionals[0] === undefined) {
    throw usageError('train', '--stream reads a data file in chunks and needs one, e.g. nnkit train big.csv --stream --out models/big.');
  }
  return settings;
}

/** `nnkit train --stream`: trainClassifierFile with the command's options, progress as train prints it. */
export async function trainStreamed(settings: TrainSettings, stream: StreamSettings, json: boolean, quiet: boolean, io: CliIo): Promise<Classifier> {
  const notes = json ? io.stderr : io.stdout;
  // NOTE: bars over the bytes of the first pass (ended before the plan is printed) and of the
  // last, which scores the held-out chunks (ended once read), on a terminal for 16 MiB or more.
  const bars = { scan: readProgress(notes, quiet), score: readProgress(notes, quiet, 'score') };
  const onPassProgress = (progress: StreamPassProgress) => {
    bars[progress.pass].onProgress?.(progress);
    if (progress.pass === 'score' && progress.bytesRead === progress.totalBytes) bars.score.stop();
  };
  const onPlan = (plan: TrainingPlan) => {
    bars.scan.stop();
    notes.write(planLines(plan, settings, stream).join('\n') + '\n');
    return [new ProgressLogger('auto', plan.epochs, plan.steps, { write: (text) => notes.write(text), isTTY: isTerminal(notes) })];
  };
  const { target, positive, delimiter, decimal, columnTypes } = settings;
  const classifier = await trainClassifierFile(
    settings.file,
    {
      ...classifierOptions(settings), target, positive, delimiter, decimal, columnTypes, ...stream,
      callbacks: io.signal === undefined ? [] : [stopOnAbort(io.signal)], ...(quiet ? {} : { onPlan }), onPassProgress,
    },
    flagName, flagHint,
  ).finally(() => {
    bars.scan.stop();
    bars.score.stop();
  });
  io.signal?.throwIfAborted();
  return classifier;
}

function planLines(plan: TrainingPlan, settings: TrainSettings, stream: StreamSettings): string[] {
  const target = plan.table.target!;
  const classes = target.classes.map((name, k) => `${JSON.stringify(name)} ${target.counts[k]}`).join(', ');
  const chunks = (rows: number) => Math.ceil(rows / stream.chunkRows);
  const hidden = plan.settings.hidden;
  return [
    `Data: ${settings.file}, streamed in chunks of ${stream.chunkRows} rows: ${plan.table.rows} rows, target ${JSON.stringify(target.name)} (${classes}).`,
    `Split by chunks: ${plan.rows.train} training, ${plan.rows.validation} validation, ${plan.rows.test} test rows ` +
      `(about ${chunks(plan.rows.train)} / ${chunks(plan.rows.validation)} / ${chunks(plan.rows.test)} chunks).`,
    `Model: ${plan.features} features → ${hidden.map((units) => `${units} relu`).join(' → ')}${hidden.length > 0 ? ' → ' : ''}` +
      `${target.classes.length === 2 ? '1 sigmoid' : `${target.classes.length} softmax`}; ${settings.optimizer}, shuffled in windows of ` +
      `${stream.shuffleBuffer} rows, early stopping on ${MONITOR} (patience ${plan.settings.patience}).`,
  ];
}
