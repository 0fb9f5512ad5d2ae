import { parquetSchema, type FileMetaData, type SchemaElement } from 'hyparquet';
import type { ColumnKind } from './table.js';
import type { SourceField } from './typed-table-builder.js';

const NUMERIC_LOGICAL = new Set(['INTEGER', 'DECIMAL', 'FLOAT16']);
const TEXT_LOGICAL = new Set(['STRING', 'ENUM']);
const NUMERIC_CONVERTED = new Set(['DECIMAL', 'INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64']);
const TEXT_CONVERTED = new Set(['UTF8', 'ENUM']);

/**
 * The top-level columns of a Parquet file with the kind its schema gives each: integers, floats
 * and decimals are numeric; strings, enums and un-annotated byte arrays (read as UTF-8 text) are
 * categorical, dictionary-encoded or not; booleans are boolean. Dates, times, timestamps, JSON,
 * nested groups and the like have no kind (`undefined`): a reader must be told what to do with them.
 */
export function parquetFields(metadata: FileMetaData): SourceField[] {
  return parquetSchema(metadata).children.map(({ element, children }) => ({
    name: element.name,
    kind: children.length > 0 ? undefined : kindOf(element),
    detail: children.length > 0 ? 'a nested group' : describe(element),
  }));
}

function kindOf(element: SchemaElement): ColumnKind | undefined {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical !== undefined) {
    if (NUMERIC_LOGICAL.has(logical)) return 'numeric';
    if (TEXT_LOGICAL.has(logical)) return 'categorical';
    return undefined;
  }
  if (converted !== undefined) {
    if (NUMERIC_CONVERTED.has(converted)) return 'numeric';
    if (TEXT_CONVERTED.has(converted)) return 'categorical';
    return undefined;
  }
  switch (element.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return 'numeric';
    case 'BYTE_ARRAY':
      return 'categorical';
    default:
      return undefined;
  }
}

function describe(element: SchemaElement): string {
  const annotation = element.logical_type?.type ?? element.converted_type;
  return annotation === undefined ? (element.type ?? 'a group') : `${element.type} ${annotation}`;
}
