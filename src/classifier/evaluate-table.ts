import { transformDataWarning } from '../data/data-warning.js';
import type { Preprocessor, TransformOptions } from '../data/preprocessor.js';
import type { LabelledTable } from '../data/table-builder.js';
import { listNames } from '../data/table.js';
import { tooFewRows } from '../doctor/check-row-counts.js';
import { ConfigError, DataError } from '../errors.js';
import type { Model } from '../model/model.js';
import type { CalibrationMap } from './calibration.js';
import { classifierWarnings, type ClassifierWarning } from './classifier-warnings.js';
import { evaluateClassifier, type ClassifierResults } from './evaluate-classifier.js';

export interface ClassifierEvaluateOptions extends TransformOptions {
  /** Seed of the bootstrap confidence intervals. Default: the training split's seed. */
  readonly seed?: number;
}

/** A classifier's results on labelled rows, with what people should know about them. */
export interface ClassifierEvaluation {
  /** The metrics at the classifier's threshold (binary) or by the most probable class. */
  readonly results: ClassifierResults;
  /** Unseen categories, the model doctor's findings, a model no better than the baseline... */
  readonly warnings: readonly ClassifierWarning[];
  /** Evaluated rows per class, in class-index order. */
  readonly classCounts: readonly number[];
  /**
   * How many evaluated rows the model was trained on (value for value, by the fingerprints it
   * keeps of its training rows); undefined when it keeps none (a model saved before it did).
   */
  readonly trainingRows?: number;
}

/**
 * Evaluates on a labelled table (parseCsv / readCsv with the target): its classes are matched
 * to the classifier's by name, its columns go through the saved preprocessing.
 */
export function evaluateTable(
  parts: { readonly model: Model; readonly preprocessor: Preprocessor; readonly classNames: readonly string[]; readonly seed: number; readonly calibration?: CalibrationMap },
  table: LabelledTable & { readonly file?: string },
  options: ClassifierEvaluateOptions = {},
): ClassifierEvaluation {
  const { model, classNames } = parts;
  const target = table.target;
  if (target === undefined) {
    throw new ConfigError(
      'config/no-target',
      'evaluate needs labelled rows, but the table has no target column; read it with its target, e.g. parseCsv(text, { target: "label" }).',
    );
  }
  const indexOf = target.classes.map((name) => {
    const index = classNames.indexOf(name);
    if (index < 0) {
      throw new DataError(
        'data/unknown-class',
        `${table.file ?? 'The data'}: the target column ${JSON.stringify(target.name)} holds the class ${JSON.stringify(name)}, which the ` +
          `model does not know; its classes are ${listNames(classNames)}. Evaluate on rows of those classes only.`,
        { file: table.file, column: target.name },
      );
    }
    return index;
  });
  const labels = Int32Array.from(target.labels, (label) => indexOf[label]);
  const transformed = parts.preprocessor.transform(table.features, { extraColumns: options.extraColumns });
  const diagnosed = model.diagnostics.length;
  const results = evaluateClassifier(model, transformed.x, labels, { classNames, seed: options.seed ?? parts.seed, calibration: parts.calibration });
  const classCounts = classNames.map(() => 0);
  for (const label of labels) classCounts[label]++;
  // NOTE: a class absent from the rows is a fair question (recall on positive rows only); a
  // class present with a handful of rows is not measured by them.
  const few = tooFewRows([{
    name: 'evaluated', counts: classCounts, use: 'measure', everyClass: false, fix: 'evaluate on more rows of that class',
  }], classNames, 'evaluate');
  const trainingRows = model.doctor.trainingRows?.overlap(transformed.x, 0).count;
  return {
    results,
    warnings: classifierWarnings({
      data: [...(table.warnings ?? []), ...transformed.warnings.map((warning) => transformDataWarning(warning))],
      diagnostics: [...(few === undefined ? [] : [few]), ...model.diagnostics.slice(diagnosed)],
      metrics: [],
      results,
    }),
    classCounts,
    ...(trainingRows === undefined ? {} : { trainingRows }),
  };
}
