import { ConfigError, show } from '../errors.js';
import type { Classifier } from '../classifier/classifier.js';
import type { Model } from '../model/model.js';
import type { ExportedModel } from './exported-model.js';
import { exportKeras } from './export-keras.js';
import { exportTfjs } from './export-tfjs.js';
import { onnxExportFormat } from './onnx/onnx-export-format.js';

/** One format a model can be exported to: how its files are laid out, and the writer. */
export interface ExportFormatEntry {
  /** What the format is, for help texts. */
  readonly description: string;
  readonly layout: 'folder' | 'file';
  readonly write: (model: Model) => ExportedModel | Promise<ExportedModel>;
  /** A format that can hold a classifier's whole pipeline (ONNX): `nnkit export` of a classifier uses it. */
  readonly writeClassifier?: (classifier: Classifier) => ExportedModel | Promise<ExportedModel>;
}

/** The export formats by name; a format is one entry (see exportFormat for adding one). */
const formats = new Map<string, ExportFormatEntry>([
  ['tfjs', { description: 'TensorFlow.js layers model (model.json + weights shard), loads with tf.loadLayersModel', layout: 'folder', write: exportTfjs }],
  ['keras', { description: 'Keras 3 .keras file (needs an HDF5 writer: the Node entry has one)', layout: 'file', write: exportKeras }],
  ['onnx', onnxExportFormat],
]);

/** Adds or replaces an export format. */
export function registerExportFormat(name: string, entry: ExportFormatEntry): void {
  formats.set(name, entry);
}

/** The registered formats' names and entries. */
export function exportFormats(): ReadonlyMap<string, ExportFormatEntry> {
  return formats;
}

/**
 * A built model in another format, as files by name (write them with any storage: the CLI's
 * `nnkit export` writes them atomically). A layer or option the format cannot express exactly
 * is an error naming it, never a file that computes something else.
 */
export async function exportModel(model: Model, format: string): Promise<ExportedModel> {
  const entry = formats.get(format);
  if (entry === undefined) {
    throw new ConfigError('config/export-format', `Unknown export format ${show(format)}; known formats: ${[...formats.keys()].join(', ')}.`);
  }
  return entry.write(model);
}
