// What a browser gives the core, registered through its port: addresses for model.save and
// nn.loadModel (IndexedDB, downloads, URLs). Imported for this effect by the browser entry.
import { setModelStorage } from '../model/model-storage.js';
import { browserStorage } from './browser-storage.js';

setModelStorage(browserStorage);
