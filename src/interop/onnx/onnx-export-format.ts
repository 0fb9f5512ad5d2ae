import type { Classifier } from '../../classifier/classifier.js';
import type { Model } from '../../model/model.js';
import type { ExportedModel } from '../exported-model.js';
import { exportOnnx } from './export-onnx.js';

/** The file name an ONNX export writes into a folder given as `--out`. */
export const ONNX_FILE = 'model.onnx';

function exported(bytes: Uint8Array): ExportedModel {
  return { format: 'onnx', layout: 'file', files: new Map([[ONNX_FILE, bytes]]) };
}

/**
 * The `onnx` entry of the export table: a saved classifier (an `nnkit train` folder) exports as
 * its whole pipeline, raw columns in and probabilities and label out; a bare model as its network.
 */
export const onnxExportFormat = {
  description: 'ONNX (opset 13) for ONNX Runtime: a classifier exports its whole pipeline (raw columns in, probabilities and label out), a model its network',
  layout: 'file',
  write: (model: Model) => exported(exportOnnx(model)),
  writeClassifier: (classifier: Classifier) => exported(exportOnnx(classifier)),
} as const;
