import { parse } from 'csv-parse/browser/esm/sync';
import { show } from '../errors.js';
import type { HintWriter } from './option-hint.js';
import { MissingValues, parseCommaNumber, parseNumber } from './parse-value.js';
import type { Decimal } from './table.js';
import type { DataWarning } from './data-warning.js';

/** How much of a file's start the sniffers read: 64 KiB. */
export const SNIFF_LENGTH = 65536;

/** The decimal separator a CSV file's start shows, and the cell that shows it. */
export interface DecimalSniff {
  readonly decimal: Decimal;
  /** The first column whose values are all numbers with a decimal comma (when decimal is ','). */
  readonly column?: string;
  /** A value of that column, e.g. "6,5". */
  readonly example?: string;
}

/**
 * Guesses whether a file writes numbers with a decimal comma (`6,5`), as spreadsheets in much
 * of Europe export them with `;` between fields, from its first lines (`start`, cut anywhere).
 * A comma is the decimal separator when some column holds only numbers written with one (at least
 * one value has a comma) and no column holds only numbers written with a point: a file that
 * shows both conventions, or neither, is read with a point. A `,`-delimited file always is.
 */
export function sniffDecimal(start: string, delimiter: string, missing = new MissingValues()): DecimalSniff {
  if (delimiter === ',') return { decimal: '.' };
  const rows = sampleRows(start, delimiter);
  if (rows.length < 2) return { decimal: '.' };
  const [header, ...data] = rows;
  let evidence: DecimalSniff | undefined;
  for (let c = 0; c < header.length; c++) {
    const cells = data.map((row) => row[c]).filter((cell) => cell !== undefined && !missing.has(cell));
    if (cells.length === 0) continue;
    if (writtenWith(cells, '.', parseNumber)) return { decimal: '.' };
    if (evidence === undefined && writtenWith(cells, ',', parseCommaNumber)) {
      evidence = { decimal: ',', column: header[c], example: cells.find((cell) => cell.includes(',')) };
    }
  }
  return evidence ?? { decimal: '.' };
}

/** Every cell a number (as `parse` reads it) and at least one written with `separator`. */
function writtenWith(cells: readonly string[], separator: string, parse: (text: string) => number): boolean {
  return cells.some((cell) => cell.includes(separator)) && cells.every((cell) => Number.isFinite(parse(cell)));
}

/** The whole records at the start of the text (the last, possibly cut, line dropped). */
function sampleRows(start: string, delimiter: string): string[][] {
  const end = start.lastIndexOf('\n');
  if (end < 0) return [];
  try {
    return parse(start.slice(0, end + 1), {
      delimiter, bom: true, trim: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true,
    }) as string[][];
  } catch {
    // NOTE: a sample cut inside a quoted field cannot be parsed; the reader reports real errors.
    return [];
  }
}

/** The information that numbers are read with a sniffed decimal comma, and how to change it. */
export function decimalCommaNote(sniff: DecimalSniff, hint: HintWriter): DataWarning | undefined {
  if (sniff.decimal !== ',' || sniff.column === undefined) return undefined;
  return {
    code: 'data/decimal-comma',
    severity: 'info',
    column: sniff.column,
    message:
      `Numbers are read with a decimal comma, as column ${JSON.stringify(sniff.column)} writes them (e.g. ${show(sniff.example)}); ` +
      `pass ${hint({ option: 'decimal', value: '.' })} to read the file with a decimal point.`,
  };
}
