import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { loadClassifier } from '../classifier/load-classifier.js';
import { FormatError } from '../errors.js';
import { exportFormats, exportModel } from '../interop/export-model.js';
import { loadModel } from '../model/load-model.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import { writeJson, writeLines, type CliIo } from './cli-io.js';
import { requiredPath } from './option-values.js';
import { parseCommandLine, usageError, type OptionSpecs } from './parse-command-line.js';

/** The help text, with the formats of the export table (one line each). */
export function exportHelp(): string {
  const formats = [...exportFormats()].map(([name, f]) => `    ${name.padEnd(8)} ${f.description} (--out: a ${f.layout})`);
  return `Usage: nnkit export --model <folder> --format <format> --out <path>

Writes a saved nnkit model (from nnkit train, nnkit import or model.save) in another format.
Every file is written atomically; a layer or option the format cannot express exactly is an
error naming it, and nothing is written.

  --model, -m <folder>   the saved model (required)
  --format <name>        one of:
${formats.join('\n')}
  --out, -o <path>       the folder or file to write (a file's name may be a folder to write into)
  --json                 print the written files as JSON
  --help, -h             this help`;
}

const OPTIONS: OptionSpecs = {
  model: { type: 'string', short: 'm' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** `nnkit export`: an nnkit model out to another format (a format is one entry of the table). */
export async function exportCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const line = parseCommandLine('export', argv, OPTIONS, 0, exportHelp());
  if (line.values.help === true) return writeLines(io.stdout, [exportHelp()]);
  const { format } = line.values;
  const names = [...exportFormats().keys()];
  const dir = requiredPath('export', 'model', line.values.model, 'the folder of a saved model', 'models/breast-cancer');
  if (typeof format !== 'string' || !names.includes(format)) {
    throw usageError('export', `--format takes ${names.join(', ')}, but got ${format === undefined ? 'nothing' : JSON.stringify(format)}.`);
  }
  const out = requiredPath('export', 'out', line.values.out, 'where to write the exported model', 'models/exported');
  const writeClassifier = exportFormats().get(format)!.writeClassifier;
  // NOTE: an nnkit train folder goes through the classifier path of its format: onnx holds the
  // whole pipeline (preprocessing, calibration, threshold); tfjs and keras hold the network (an
  // ensemble's members averaged) and refuse what they cannot express. A folder holding a bare
  // model exports the network.
  const classifier = writeClassifier === undefined ? undefined : await loadClassifier(dir).catch((error: unknown) => {
    if (error instanceof FormatError && error.code === 'format/not-a-classifier') return undefined;
    throw error;
  });
  const exported = classifier !== undefined && writeClassifier !== undefined
    ? await writeClassifier(classifier)
    : await exportModel(await loadModel(dir), format);
  const written: string[] = [];
  const isFolder = await stat(out).then((s) => s.isDirectory(), () => false);
  // NOTE: model.json last, so a reader of the folder never sees a model.json before its shards.
  const files = [...exported.files].sort(([a], [b]) => Number(a === 'model.json') - Number(b === 'model.json'));
  for (const [name, bytes] of files) {
    const path = exported.layout === 'folder' || isFolder ? join(out, name) : out;
    await writeFileAtomic(path, bytes);
    written.push(path);
  }
  if (line.values.json === true) return writeJson(io.stdout, { command: 'export', model: dir, format, files: written });
  await writeLines(io.stdout, [`Exported ${dir} as ${format}: ${written.join(', ')}`]);
}
