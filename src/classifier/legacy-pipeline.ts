import { JsonReader } from '../utils/json-reader.js';
import type { ClassifierPipeline } from './classifier-pipeline.js';
import { readPipeline } from './read-pipeline.js';

export interface LegacyPipeline {
  readonly pipeline: ClassifierPipeline;
  /** The user's metadata without the two keys the classifier kept there. */
  readonly metadata: Record<string, unknown>;
}

/**
 * Reads a classifier saved by nnkit train before the pipeline section (version 1): the same
 * description in `model.metadata.classifier`, the fitted preprocessing in
 * `model.metadata.preprocessor`. Undefined when the metadata holds no classifier. `file` and
 * `fix` name the file and the remedy in errors.
 */
export function legacyPipeline(metadata: Readonly<Record<string, unknown>>, file: string, fix: string): LegacyPipeline | undefined {
  if (!Object.hasOwn(metadata, 'classifier')) return undefined;
  const root = new JsonReader(metadata, file, 'metadata', fix);
  const pipeline = readPipeline(root.field('classifier'), root.field('preprocessor'), 1);
  const rest = Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== 'classifier' && key !== 'preprocessor'));
  return { pipeline, metadata: rest };
}
