import { NnkitError, show } from '../errors.js';
import { parseObjective, type ThresholdObjective } from '../threshold/objective.js';
import { usageError } from './parse-command-line.js';

/**
 * Reads `--threshold 0.5|f1|youden|precision>=0.9|recall>=0.95|cost=10`: a probability as a fixed
 * threshold, anything else as an objective (src/threshold) tuned on the validation rows.
 */
export function parseThresholdFlag(command: string, text: string): number | ThresholdObjective {
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) {
    const value = Number(text);
    if (!(value >= 0 && value <= 1)) {
      throw usageError(command, `--threshold as a number must be a probability from 0 to 1 but is ${show(text)}.`);
    }
    return value;
  }
  try {
    return parseObjective(text);
  } catch (error) {
    if (error instanceof NnkitError) throw usageError(command, `--threshold: ${error.message}`);
    throw error;
  }
}
