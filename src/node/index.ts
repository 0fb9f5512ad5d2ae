/**
 * nnkit's Node entry: everything of the browser-safe root, plus what needs Node — models saved
 * to and loaded from folders (`model.save(path)`, `nn.loadModel(path)`), CSV files
 * (`nn.data.readCsv`, `readCsvBatches`), the CSV logger callback, and worker threads for the
 * kernels.
 * `import 'nnkit'` resolves here in Node (the package's "node" export condition) and to the root
 * in browsers; `import 'nnkit/node'` names it explicitly.
 */
import './setup.js';

export * from '../index.js';
// NOTE: these two local exports replace the root's namespaces of the same names (ES modules
// give a module's own exports precedence over `export *`), adding the file-based members.
export * as data from './data.js';
export { callbacks } from './callbacks.js';
export { CsvLogger, type CsvLoggerArgs } from './csv-logger.js';
export { fileStorage } from './file-storage.js';
export { lockFolder, type ReleaseLock } from './folder-lock.js';
export { writeFileAtomic } from './atomic-write.js';
export { readImportFiles } from './read-import-files.js';
// Training on a CSV / Parquet file larger than memory, read a chunk at a time (nnkit train --stream).
export { trainClassifierFile, type StreamPassProgress, type TrainClassifierFileOptions } from './train-classifier-file.js';
// Off the main thread: nn.worker() runs fit / predict / evaluate / trainClassifier in a worker thread.
export { worker } from './worker-host.js';
export {
  ModelWorker, type WorkerCallOptions, type WorkerFitOptions, type WorkerPredictOptions,
  type WorkerEvaluateOptions, type WorkerClassifierOptions,
} from '../worker/model-worker.js';
