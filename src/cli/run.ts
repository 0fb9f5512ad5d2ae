import { NnkitError } from '../errors.js';
// NOTE: imported for what it sets up: the file storage behind --model and --out, and the
// kernels' worker threads, as `import 'nnkit'` does in any Node program.
import '../node/setup.js';
import { writeLines, type CliIo } from './cli-io.js';
import { cvCommand } from './cv-command.js';
import { evaluateCommand } from './evaluate-command.js';
import { explainCommand } from './explain-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { EXIT_INTERRUPTED, Interrupted } from './interrupted.js';
import { packageVersion } from './package-root.js';
import { USAGE_ERROR } from './parse-command-line.js';
import { predictCommand } from './predict-command.js';
import { summaryCommand } from './summary-command.js';
import { trainCommand } from './train-command.js';
import { wantsJson, writeError } from './write-error.js';

/** Exit codes: 0 success, 1 a problem with the data, model or files, 2 a mistyped command. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
/** An error inside nnkit itself (a bug): BSD's EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<void>>> = {
  train: trainCommand,
  evaluate: evaluateCommand,
  predict: predictCommand,
  summary: summaryCommand,
  import: importCommand,
  export: exportCommand,
  cv: cvCommand,
  explain: explainCommand,
};

export const MAIN_HELP = `Usage: nnkit <command> [options]

Train and trust neural-network classifiers on CSV files.

Commands
  train [data.csv] --out <folder>          train, tune the threshold, test, save (and report)
  evaluate --model <folder> <data.csv>     the same results on new labelled rows
  predict --model <folder> <data.csv|->    probabilities and classes for raw rows, streamed
  summary --model <folder>                 architecture, preprocessing, threshold, training
  cv [data.csv] --folds 5                  cross-validate the training pipeline (nothing saved)
  explain --model <folder> <data.csv>      which columns matter (permutation importance)
  import <model.keras|.h5|model.json> --out <folder>   a Keras or TF.js model as an nnkit model
  export --model <folder> --format <f> --out <path>    the model as TF.js, Keras (.keras), ...

Every command takes --help and --json (with --json, an error is a JSON object on stderr:
{"error": {"code", "message"}}). Exit codes: 0 success, 1 a problem with the data, the model or
a file, 2 a mistyped command, 130 interrupted (Ctrl-C).

Quick start: nnkit train --out models/breast-cancer --report models/breast-cancer/report.html`;

/**
 * Runs one nnkit command line (without the program name) and returns the exit code. A user's
 * mistake (any nnkit error, a bad flag, a missing or unreadable file) prints one line to
 * stderr (one JSON object with --json); anything else is a bug in nnkit and prints its stack with a request to report it.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = wantsJson(rest);
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      await writeLines(name === undefined ? io.stderr : io.stdout, [MAIN_HELP]);
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
      await writeLines(io.stdout, [packageVersion()]);
      return EXIT_OK;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) {
      const message = `unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(COMMANDS).join(', ')} (nnkit --help).`;
      await writeError(io.stderr, '', json, { code: USAGE_ERROR, message });
      return EXIT_USAGE;
    }
    await command(rest, io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof Interrupted || io.signal?.aborted) {
      await writeError(io.stderr, name, json, { code: 'cli/interrupted', message: error instanceof Interrupted ? error.message : 'interrupted' });
      return EXIT_INTERRUPTED;
    }
    if (error instanceof NnkitError) {
      await writeError(io.stderr, name, json, { code: error.code, message: error.message });
      return error.code === USAGE_ERROR ? EXIT_USAGE : EXIT_ERROR;
    }
    if (isSystemError(error)) {
      await writeError(io.stderr, name, json, { code: `system/${error.code}`, message: error.message });
      return EXIT_ERROR;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const message = 'internal error; this is a bug in nnkit, please report it with the command you ran:';
    await writeError(io.stderr, name, json, { code: 'internal', message: json ? `${message} ${String(error)}` : message, stack });
    return EXIT_INTERNAL;
  }
}

/** A Node file-system error (ENOENT, EACCES, EISDIR...): the user's path, not nnkit's bug. */
function isSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { syscall?: unknown }).syscall === 'string';
}
