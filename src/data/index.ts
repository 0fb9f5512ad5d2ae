// nn.data: columnar tables, splits, labels and the Preprocessor, browser-safe. readCsv here reads
// bytes (a File, a Blob, a stream); the Node entry (src/node/data.ts) replaces it with the reader
// of file paths and adds readCsvBatches.
export { argmax } from './argmax.js';
export { parseCsv, type CsvTable, type ParseCsvOptions } from './parse-csv.js';
export { readCsv, type CsvBytesSource } from './read-csv.js';
export type { CsvProgress, ReadCsvOptions } from './csv-read-chunks.js';
export { StandardScaler } from './standard-scaler.js';
export { tableToTensor } from './table-to-tensor.js';
export { toCategorical } from './to-categorical.js';
export { takeRows } from './take-rows.js';
export { trainTestSplit, type TrainTestSplit, type TrainTestSplitOptions } from './train-test-split.js';
export { splitIndices, apportion, type SplitOptions } from './split-indices.js';
export { DEFAULT_MISSING_VALUES, MissingValues, parseNumber, parseBoolean } from './parse-value.js';
export { sniffDelimiter, DELIMITER_CANDIDATES } from './sniff-delimiter.js';
export {
  COLUMN_KINDS,
  getColumn,
  rawColumnsFromRows,
  type BooleanColumn,
  type CategoricalColumn,
  type Column,
  type ColumnKind,
  type NumericColumn,
  type RawColumns,
  type Table,
} from './table.js';
export { TableBuilder, type LabelledTable, type TableOptions } from './table-builder.js';
export type { PositiveClass, PositiveReason, TargetColumn } from './target-builder.js';
export {
  Preprocessor,
  type PreprocessorFitOptions,
  type TransformOptions,
  type TransformWarning,
  type Transformed,
} from './preprocessor.js';
export type { CategoricalMissingPolicy } from './preprocessor-fit.js';
export type { ExtraColumns } from './preprocessor-sources.js';
export {
  parsePreprocessorConfig,
  type BooleanFeatureConfig,
  type CategoricalFeatureConfig,
  type FeatureColumnConfig,
  type NumericFeatureConfig,
  type PreprocessorConfig,
} from './preprocessor-config.js';
