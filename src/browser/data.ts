// `nn.data` in a browser: the browser-safe namespace, with a readCsv that reads a large File or
// Blob on two threads (the page's and a Web Worker).
export * from '../data/index.js';
export { readCsv, type ReadCsvOptions } from './read-csv.js';
