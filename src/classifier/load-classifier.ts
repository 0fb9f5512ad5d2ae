import { Preprocessor } from '../data/preprocessor.js';
import { FormatError } from '../errors.js';
import { bytesToFiles, MODEL_JSON, type ModelFiles } from '../model/model-files.js';
import { modelFromFiles } from '../model/model-from-files.js';
import { modelStorage } from '../model/model-storage.js';
import { JsonReader } from '../utils/json-reader.js';
import { Classifier } from './classifier.js';
import type { ClassifierPipeline } from './classifier-pipeline.js';
import { legacyPipeline } from './legacy-pipeline.js';
import { pipelineMismatch } from './pipeline-mismatch.js';
import { readPipeline } from './read-pipeline.js';

const FIX = 'train and save the classifier again (nnkit train, or trainClassifier and save)';

/**
 * Loads a saved classifier: from bytes (`classifier.toBytes()`, a fetched or uploaded file), or
 * from a path through the registered storage (in Node, a folder written by `classifier.save` or
 * `nnkit train --out`, including folders of earlier nnkit versions). It predicts raw rows
 * bit-identically to the classifier that was saved.
 */
export async function loadClassifier(source: string | Uint8Array): Promise<Classifier> {
  if (typeof source === 'string') return classifierFromFiles(await modelStorage('loadClassifier').load(source), source);
  return classifierFromFiles(bytesToFiles(source, 'the classifier bytes'), 'the classifier bytes');
}

/** A classifier from its saved files (`where` names them in errors); checks every field. */
export function classifierFromFiles(files: ModelFiles, where: string): Classifier {
  const loaded = modelFromFiles(files, where);
  const model = loaded.model;
  const file = `${where}/${MODEL_JSON}`;
  let pipeline: ClassifierPipeline;
  if (loaded.pipeline !== undefined) {
    const section = new JsonReader(loaded.pipeline, file, 'pipeline', FIX);
    pipeline = readPipeline(section, section.field('preprocessor'), 2);
  } else {
    const legacy = legacyPipeline(model.metadata, file, FIX);
    if (legacy === undefined) {
      throw new FormatError(
        'format/not-a-classifier',
        `${file} holds a model but no classifier (no pipeline section: the preprocessing, classes and threshold); ` +
          'loadClassifier and the nnkit command read classifiers saved by trainClassifier or "nnkit train". Load it with nn.loadModel instead.',
        file,
      );
    }
    model.metadata = legacy.metadata;
    pipeline = legacy.pipeline;
  }
  const preprocessor = Preprocessor.fromConfig(pipeline.preprocessor);
  const mismatch = pipelineMismatch(model, preprocessor, pipeline);
  if (mismatch !== undefined) throw new FormatError('format/invalid', `${file}: ${mismatch}; ${FIX}.`, file);
  return new Classifier({ model, preprocessor, pipeline });
}
