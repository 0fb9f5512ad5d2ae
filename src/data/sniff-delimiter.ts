/** The delimiters nnkit recognises on its own, in order of preference when counts tie. */
export const DELIMITER_CANDIDATES: readonly string[] = [',', ';', '\t', '|'];

/**
 * Guesses a CSV file's delimiter from the start of the file: the candidate that appears most often
 * in the header line outside double quotes (`,` when none appears: a one-column file).
 */
export function sniffDelimiter(start: string): string {
  const text = start.charCodeAt(0) === 0xfeff ? start.slice(1) : start;
  const counts = new Map<string, number>(DELIMITER_CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = DELIMITER_CANDIDATES[0];
  for (const candidate of DELIMITER_CANDIDATES) {
    if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  }
  return best;
}
