import type { Preprocessor } from '../data/preprocessor.js';
import type { LabelledTable } from '../data/table-builder.js';
import { ConfigError, DataError } from '../errors.js';
import type { Model } from '../model/model.js';
import { applyCalibration, calibrationMethod, describeCalibration, type CalibrationMethod, type PipelineCalibration } from './calibration.js';
import { calibrationOn } from './calibration-run.js';
import type { ClassifierPipeline } from './classifier-pipeline.js';
import { classIndices } from './table-labels.js';

/** A calibration fitted on given rows, and the threshold that keeps the classifier's decisions. */
export interface HeldOutCalibration {
  readonly calibration: PipelineCalibration;
  /** Binary: the old threshold carried through the map (undefined for more classes). */
  readonly threshold?: number;
}

/**
 * classifier.calibrate's fit: the model's own probabilities of the labelled rows of `table`
 * (rows it did not train on), a map fitted on them as trainClassifier fits one, and the binary
 * threshold t carried through it, map(t), so that a row the classifier called positive stays
 * positive (the map is increasing; isotonic steps may tie rows at the threshold).
 */
export function heldOutCalibration(
  parts: { readonly model: Model; readonly preprocessor: Preprocessor; readonly pipeline: ClassifierPipeline },
  table: LabelledTable,
  method: CalibrationMethod,
): HeldOutCalibration {
  const { model, pipeline } = parts;
  const classes = pipeline.classNames.length;
  calibrationMethod(method, 'calibrate', classes);
  if (pipeline.calibration !== undefined) {
    throw new ConfigError(
      'config/calibrated',
      `calibrate: this classifier is calibrated already (${describeCalibration(pipeline.calibration.map)}, on ` +
        `${pipeline.calibration.rows} rows); calibrating it again would stack two maps. Train it with the calibrate option instead.`,
    );
  }
  const labels = classIndices(table, pipeline.classNames, 'calibrate');
  const raw = model.predictProbabilities(parts.preprocessor.transform(table.features).x, { verbose: 0 }).data;
  const columns = classes === 2 ? 1 : classes;
  const calibration = calibrationOn(method, raw, labels, columns, 'held-out');
  if (calibration.map.method === 'sigmoid' && !(calibration.map.a < 0)) {
    throw new DataError(
      'data/calibration-reversed',
      `calibrate: on these ${labels.length} rows the model's probabilities rank the classes the wrong way round ` +
        `(Platt's a is ${calibration.map.a.toPrecision(4)}, not below 0), so a sigmoid map would reverse its decisions; ` +
        'check that the rows and labels belong to this model, or use more rows.',
    );
  }
  if (columns !== 1) return { calibration };
  return { calibration, threshold: applyCalibration(calibration.map, [model.threshold], 1)[0] };
}
