// What Node gives the core, registered through its ports: the file system behind model paths
// (`model.save(path)`, `nn.loadModel(path)`), worker threads for the kernels and an HDF5 writer
// (for `.keras` export). Imported for this effect by the Node entry (index.ts) and the command line.
import { setHdf5Writer } from '../interop/hdf5-writer.js';
import { setThreadHost } from '../kernels/wasm/thread-host.js';
import { setModelStorage } from '../model/model-storage.js';
import { fileStorage } from './file-storage.js';
import { writeHdf5 } from './hdf5-file-writer.js';
import { nodeThreads } from './node-threads.js';

setModelStorage(fileStorage);
setThreadHost(nodeThreads);
setHdf5Writer(writeHdf5);
