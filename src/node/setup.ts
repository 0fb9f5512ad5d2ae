// What Node gives the core, registered through its ports: the file system behind model paths
// (`model.save(path)`, `nn.loadModel(path)`) and worker threads for the kernels. Imported for
// this effect by the Node entry (index.ts) and the command line.
import { setThreadHost } from '../kernels/wasm/thread-host.js';
import { setModelStorage } from '../model/model-storage.js';
import { fileStorage } from './file-storage.js';
import { nodeThreads } from './node-threads.js';

setModelStorage(fileStorage);
setThreadHost(nodeThreads);
