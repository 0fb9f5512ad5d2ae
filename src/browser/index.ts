/**
 * nnkit's browser entry: everything of the browser-safe root, plus what a page adds — models and
 * classifiers saved to and loaded from 'indexeddb://name', 'downloads://name' and URLs
 * (`model.save(address)`, `nn.loadModel(address)`), picked files, and Keras / TF.js files from a
 * URL or a file input. `import 'nnkit'` resolves here in bundlers (the package's "browser" export
 * condition); `import 'nnkit/browser'` names it explicitly.
 */
import './setup.js';

export * from '../index.js';
// NOTE: this local export replaces the root's namespace of the same name (ES modules give a
// module's own exports precedence over `export *`): its readCsv reads a large File or Blob on
// the page's thread and a Web Worker at once.
export * as data from './data.js';
export { browserStorage } from './browser-storage.js';
export { listModels, removeModel, type SavedModelInfo } from './indexeddb-models.js';
export { readModelBytes } from './read-model-bytes.js';
export { fetchImportFiles, readImportFiles } from './import-files.js';
// Off the main thread: nn.worker() runs fit / predict / evaluate / trainClassifier in a Web Worker.
export { worker } from './worker-host.js';
export {
  ModelWorker, type WorkerCallOptions, type WorkerFitOptions, type WorkerPredictOptions,
  type WorkerEvaluateOptions, type WorkerClassifierOptions,
} from '../worker/model-worker.js';
