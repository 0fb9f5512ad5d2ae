import { loadClassifier } from '../classifier/load-classifier.js';
import type { Classifier } from '../classifier/classifier.js';
import { requiredPath } from './option-values.js';
import type { CommandLine } from './parse-command-line.js';

/** Loads the classifier `--model` names (a folder saved by "nnkit train --out"). */
export async function loadModelOption(command: string, dir: CommandLine['values'][string]): Promise<{ classifier: Classifier; dir: string }> {
  const folder = requiredPath(command, 'model', dir, 'the folder "nnkit train --out" saved the model in', 'models/breast-cancer');
  return { classifier: await loadClassifier(folder), dir: folder };
}
