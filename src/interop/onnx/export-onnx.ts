import { Classifier } from '../../classifier/classifier.js';
import { ConfigError, show } from '../../errors.js';
import { Model } from '../../model/model.js';
import { activationToOnnx } from './activation-to-onnx.js';
import { calibrationToOnnx } from './calibration-to-onnx.js';
import { networkToOnnx } from './network-to-onnx.js';
import { FLOAT, INT64, OnnxGraph, STRING } from './onnx-graph.js';
import { BATCH, preprocessorToOnnx } from './preprocessor-to-onnx.js';

/** The graph outputs of an exported classifier. */
export const PROBABILITIES = 'probabilities';
export const LABEL = 'label';

/**
 * A model or a whole classifier as ONNX bytes (opset 13, IR 7) for ONNX Runtime and every engine
 * built on it. Browser-safe: it returns bytes; in Node `nnkit export --format onnx` writes them.
 * - A Model: input `input` (batch, features) float32, output `output` (batch, units): what
 *   `model.predict` gives.
 * - A Classifier: the whole pipeline. One input per column, named as the column, shape (batch, 1):
 *   float32 for numeric and boolean columns (NaN for missing), string for categorical columns (the
 *   raw cell, a missing-value token such as '' for missing). Outputs `probabilities` (as
 *   `predictProbabilities`: (batch, 1) for binary, (batch, classes) otherwise) and `label` (batch)
 *   strings, the class names `predict` gives (binary: probability above the stored threshold).
 *   A calibration saved with the classifier is part of the graph; an ensemble is one graph.
 * A layer with no exact ONNX equivalent is a ConfigError naming it.
 */
export function exportOnnx(source: Model | Classifier): Uint8Array {
  if (source instanceof Classifier) return classifierToOnnx(source);
  if (source instanceof Model) return modelToOnnx(source);
  throw new ConfigError(
    'config/onnx-source',
    `exportOnnx expects a model (nn.sequential, nn.model, loadModel) or a classifier (trainClassifier, loadClassifier) but got ${show(source)}.`,
  );
}

function modelToOnnx(model: Model): Uint8Array {
  const graph = new OnnxGraph();
  const input = graph.input('input', FLOAT, [BATCH, model.inputFeatures]);
  graph.output(networkToOnnx(graph, model, input), 'output', FLOAT, [BATCH, model.outputUnits]);
  return graph.toBytes({
    graphName: model.name,
    docString: `nnkit model "${model.name}": input (batch, ${model.inputFeatures}) → output (batch, ${model.outputUnits}), as model.predict.`,
    metadata: model.featureNames ? { feature_names: JSON.stringify(model.featureNames) } : {},
  });
}

function classifierToOnnx(classifier: Classifier): Uint8Array {
  const config = classifier.preprocessor.config;
  const taken = config.columns.find((column) => column.name === PROBABILITIES || column.name === LABEL);
  if (taken !== undefined) {
    throw new ConfigError(
      'config/onnx-column-name',
      `ONNX export names the classifier's outputs "${PROBABILITIES}" and "${LABEL}", but input column ${show(taken.name)} ` +
        'has one of these names; rename the column and train again.',
    );
  }
  const graph = new OnnxGraph();
  const model = classifier.model;
  let outputs = networkToOnnx(graph, model, preprocessorToOnnx(graph, config));
  const units = model.outputUnits;
  // NOTE: a model trained on logits gives probabilities through sigmoid / softmax, as predictProbabilities does.
  if (model.loss?.fromLogits) outputs = activationToOnnx(graph, units === 1 ? 'sigmoid' : 'softmax', outputs);
  const calibration = classifier.pipeline.calibration;
  if (calibration !== undefined) outputs = calibrationToOnnx(graph, calibration.map, outputs, units);
  const classNames = graph.constant('class_names', STRING, classifier.classNames, [classifier.classNames.length]);
  let index: string;
  if (units === 1) {
    const threshold = graph.constant('threshold', FLOAT, [float32Below(classifier.threshold)], []);
    const positive = graph.node('Cast', [graph.node('Greater', [outputs, threshold])], { to: { int: INT64 } });
    index = graph.node('Reshape', [positive, graph.constant('flat', INT64, [-1], [1])]);
  } else {
    index = graph.node('ArgMax', [outputs], { axis: { int: 1 }, keepdims: { int: 0 } });
  }
  graph.output(outputs, PROBABILITIES, FLOAT, [BATCH, units]);
  graph.output(graph.node('Gather', [classNames, index], { axis: { int: 0 } }), LABEL, STRING, [BATCH]);
  return graph.toBytes({
    graphName: `${classifier.target}_classifier`,
    docString:
      `nnkit classifier of "${classifier.target}" (${classifier.task}): raw columns in ` +
      `(${config.columns.map((c) => c.name).join(', ')}), ${PROBABILITIES} and ${LABEL} out.`,
    metadata: {
      target: classifier.target,
      task: classifier.task,
      class_names: JSON.stringify(classifier.classNames),
      ...(units === 1 ? { threshold: String(classifier.threshold) } : {}),
      input_columns: JSON.stringify(config.columns.map((c) => ({ name: c.name, kind: c.kind }))),
      missing_values: JSON.stringify(config.missingValues),
    },
  });
}

const SMALLEST_FLOAT32 = 1.401298464324817e-45;

/**
 * The float32 t for which p > t ⟺ p > threshold for every float32 p: the threshold itself when
 * float32 holds it, else the float32 just below it (rounding to nearest could round up past a p
 * that nnkit counts as above).
 */
export function float32Below(threshold: number): number {
  const rounded = Math.fround(threshold);
  if (rounded <= threshold || !Number.isFinite(rounded)) return rounded;
  if (rounded === 0) return -SMALLEST_FLOAT32;
  const bits = new Float32Array([rounded]);
  const view = new Int32Array(bits.buffer);
  view[0] += rounded > 0 ? -1 : 1;
  return bits[0];
}
