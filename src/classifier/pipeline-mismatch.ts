import type { Preprocessor } from '../data/preprocessor.js';
import type { Model } from '../model/model.js';
import type { ClassifierPipeline } from './classifier-pipeline.js';

/**
 * What keeps a model, a preprocessor and a pipeline description from working together, or
 * undefined: the model must output one unit for two classes (else one per class) and read
 * exactly the features the preprocessor makes.
 */
export function pipelineMismatch(model: Model, preprocessor: Preprocessor, pipeline: ClassifierPipeline): string | undefined {
  const classes = pipeline.classNames.length;
  const units = model.outputUnits;
  if (units !== (classes === 2 ? 1 : classes)) {
    return `the model has ${units} output unit${units === 1 ? '' : 's'} but the pipeline lists ${classes} classes (two classes need 1 unit, more one per class)`;
  }
  if (preprocessor.numFeatures !== model.inputFeatures) {
    return `the preprocessing makes ${preprocessor.numFeatures} features but the model reads ${model.inputFeatures}`;
  }
  return undefined;
}
