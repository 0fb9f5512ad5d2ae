// `nn.data` in Node: the browser-safe namespace plus the file readers.
export * from '../data/index.js';
export { readCsv, type CsvData, type ReadCsvOptions } from './read-csv.js';
export { readCsvBatches, type CsvBatch, type ReadCsvBatchesOptions } from './read-csv-batches.js';
export { readCsvTables, type CsvTableBatch, type ReadCsvTablesOptions } from './read-csv-tables.js';
