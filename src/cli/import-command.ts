import { importModel, type ImportFormat } from '../interop/import-model.js';
import { readImportFiles } from '../node/read-import-files.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { requiredPath } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';

export const IMPORT_HELP = `Usage: nnkit import <file> [<weights.h5>] --out <folder> [--format keras|h5|tfjs]

Imports a Keras or TensorFlow.js model and saves it as an nnkit model (load it with
nn.loadModel, export it with nnkit export):
  model.keras                     Keras 3 (and tf.keras 2.13-2.15) .keras file
  model.h5                        legacy Keras HDF5 file of a whole model
  model.json weights.h5           architecture JSON (to_json) + weights (save_weights)
  model.json                      TensorFlow.js layers model; its .bin shards are read beside it
Supported layers: InputLayer, Dense, Activation, Dropout, BatchNormalization, Normalization,
Add, Concatenate.

  --out, -o <folder>     where to save the nnkit model (required)
  --format <name>        keras, h5 or tfjs (default: recognized from the file)
  --json                 print the result as JSON
  --help, -h             this help`;

const OPTIONS: OptionSpecs = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const FORMATS: readonly ImportFormat[] = ['keras', 'h5', 'tfjs'];

/** `nnkit import`: a Keras / TF.js model in, an nnkit model folder out. */
export async function importCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('import', argv, OPTIONS, 2, IMPORT_HELP);
  if (line.values.help === true) return writeLines(io.stdout, [IMPORT_HELP]);
  if (line.positionals.length === 0) throw usageError('import', 'give the model file to import, e.g. nnkit import model.keras --out models/imported.');
  const out = requiredPath('import', 'out', line.values.out, 'the folder to save the nnkit model in', 'models/imported');
  const format = line.values.format;
  if (format !== undefined && !FORMATS.includes(format as ImportFormat)) {
    throw usageError('import', `--format takes ${FORMATS.join(', ')}, but got ${JSON.stringify(format)}.`);
  }
  const model = await importModel(await readImportFiles(line.positionals), format === undefined ? {} : { format: format as ImportFormat });
  await model.save(out);
  if (line.values.json === true) {
    return writeJson(io.stdout, { command: 'import', from: line.positionals, model: out, metadata: model.metadata, layers: model.layers.map((l) => ({ name: l.name, className: l.className })) });
  }
  await writeLines(io.stdout, [model.summary({ printFn: () => {} }), `Saved to ${out} (load it with nn.loadModel; nnkit export --model ${out} turns it into TF.js or Keras).`]);
}
