import { ConfigError, show } from '../errors.js';
import { Classifier } from '../classifier/classifier.js';
import type { Model } from '../model/model.js';
import { classifierNetwork } from './classifier-network.js';
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
  /**
   * How a classifier (an `nnkit train` folder) is written: ONNX holds its whole pipeline; TF.js
   * and Keras its network, refusing a pipeline the network alone does not compute (see
   * classifierNetwork). Without it, a classifier is written as its network on the same terms.
   */
  readonly writeClassifier?: (classifier: Classifier) => ExportedModel | Promise<ExportedModel>;
}

/** The export formats by name; a format is one entry (see exportFormat for adding one). */
const formats = new Map<string, ExportFormatEntry>([
  ['tfjs', networkFormat('TensorFlow.js layers model (model.json + weights shard), loads with tf.loadLayersModel', 'folder', exportTfjs, 'TF.js layers format')],
  ['keras', networkFormat('Keras 3 .keras file (needs an HDF5 writer: the Node entry has one)', 'file', exportKeras, 'Keras .keras format')],
  ['onnx', onnxExportFormat],
]);

/** A format that holds a network: a classifier is written as its network, when that computes its probabilities. */
function networkFormat(description: string, layout: 'folder' | 'file', write: ExportFormatEntry['write'], name: string): ExportFormatEntry {
  return { description, layout, write, writeClassifier: (classifier) => write(classifierNetwork(classifier, name)) };
}

/** Adds or replaces an export format. */
export function registerExportFormat(name: string, entry: ExportFormatEntry): void {
  formats.set(name, entry);
}

/** The registered formats' names and entries. */
export function exportFormats(): ReadonlyMap<string, ExportFormatEntry> {
  return formats;
}

/**
 * A built model, or a classifier, in another format, as files by name (write them with any
 * storage: the CLI's `nnkit export` writes them atomically). A classifier exports as its whole
 * pipeline where the format holds one (ONNX), else as its network. A layer, option or pipeline
 * step the format cannot express exactly is an error naming it, never a file that computes
 * something else.
 */
export async function exportModel(source: Model | Classifier, format: string): Promise<ExportedModel> {
  const entry = formats.get(format);
  if (entry === undefined) {
    throw new ConfigError('config/export-format', `Unknown export format ${show(format)}; known formats: ${[...formats.keys()].join(', ')}.`);
  }
  if (!(source instanceof Classifier)) return entry.write(source);
  return entry.writeClassifier === undefined ? entry.write(classifierNetwork(source, `${format} format`)) : entry.writeClassifier(source);
}
