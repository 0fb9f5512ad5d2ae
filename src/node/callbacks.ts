import { callbacks as portable } from '../callbacks/index.js';
import { CsvLogger, type CsvLoggerArgs } from './csv-logger.js';

/** `nn.callbacks` in Node: the portable callbacks plus the one that writes a file. */
export const callbacks = {
  ...portable,
  csvLogger: (args: CsvLoggerArgs) => new CsvLogger(args),
};
