import { FormatError } from '../errors.js';

/**
 * The one error for a model nnkit cannot carry across: `file` and `where` say which layer, the
 * message what it has and what nnkit supports. Importing or exporting never approximates.
 */
export function unsupported(file: string, where: string, message: string): never {
  throw new FormatError('format/unsupported', `${file}: ${where}: ${message}`, file);
}
