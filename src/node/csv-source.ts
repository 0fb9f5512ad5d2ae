import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import * as csvParseStream from 'csv-parse/stream';
import type { Info } from 'csv-parse/stream';
import { ConfigError, DataError, NnkitError, show, StateError } from '../errors.js';
import { csvParseOptions, csvSyntaxError } from '../data/parse-csv-rules.js';
import { SNIFF_LENGTH } from '../data/sniff-decimal.js';
import { sniffDelimiter } from '../data/sniff-delimiter.js';
import { readStreamStart } from './stream-start.js';

/**
 * The Node side of CSV reading shared by `readCsv` and `readCsvBatches`: opens the file, finds the
 * delimiter, runs csv-parse (its web-streams entry) over a file stream, and turns every parser or
 * file-system failure into a DataError that names the file and line.
 */
export interface CsvSource {
  readonly file: string;
  readonly delimiter: string;
  /** The file's first 64 KiB as text (cut anywhere), for sniffing its conventions. */
  readonly start: string;
  /**
   * Parses the file, calling `onRecord(record, line)` synchronously inside the parser for each
   * record (`line` is its first line; the header is line 1), and yields whatever `onRecord`
   * returns other than null, with backpressure: the file is read only as fast as that output is
   * consumed. Every failure becomes an NnkitError.
   */
  records(onRecord: (record: string[], line: number) => unknown): AsyncGenerator<unknown>;
  /** The file's bytes in chunks of about 1 MiB (a stream's once); failures become NnkitErrors. */
  bytes(): AsyncGenerator<Uint8Array>;
}

/** Bytes read from a file at a time by `bytes()`. */
const CHUNK_BYTES = 1 << 20;

const SNIFF_BYTES = SNIFF_LENGTH;

/**
 * CSV text to read: a file's path, or a stream read once (standard input) with the name messages
 * give it, e.g. "standard input".
 */
export type CsvInput = string | { readonly stream: Readable; readonly name: string };

/** Checks the file can be read, settles the delimiter (given or sniffed) and loads the parser. */
export async function openCsv(input: CsvInput, delimiter?: string): Promise<CsvSource> {
  if (delimiter !== undefined) checkDelimiter(delimiter);
  if (typeof input !== 'string') return openStream(input.stream, input.name, delimiter);
  const file = input;
  let start: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      start = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(error, file);
  }
  if (start.replace(/^\ufeff/, '').trim() === '') throw emptyFile(file);
  const chosen = delimiter ?? sniffDelimiter(start);
  const readable = () => createReadStream(file, { highWaterMark: CHUNK_BYTES });
  return {
    file, delimiter: chosen, start,
    records: (onRecord) => parseFile(() => createReadStream(file), file, chosen, onRecord),
    bytes: () => readBytes(readable, file),
  };
}

/** openCsv of a stream: its start is read ahead for sniffing, then parsed with the rest, once. */
async function openStream(stream: Readable, name: string, delimiter?: string): Promise<CsvSource> {
  let ahead: Awaited<ReturnType<typeof readStreamStart>>;
  try {
    ahead = await readStreamStart(stream, SNIFF_BYTES);
  } catch (error) {
    throw toNnkitError(error, name);
  }
  const start = ahead.start.toString('utf8');
  if (start.replace(/^\ufeff/, '').trim() === '') throw emptyFile(name);
  const chosen = delimiter ?? sniffDelimiter(start);
  let used = false;
  const whole = () => {
    if (used) throw new StateError('state/stream-read', `${name} can be read only once; read it into a table, or pass a file path to read it again.`);
    used = true;
    return ahead.whole;
  };
  return { file: name, delimiter: chosen, start, records: (onRecord) => parseFile(whole, name, chosen, onRecord), bytes: () => readBytes(whole, name) };
}

async function* readBytes(readable: () => Readable, file: string): AsyncGenerator<Uint8Array> {
  try {
    yield* readable() as AsyncIterable<Buffer>;
  } catch (error) {
    throw toNnkitError(error, file);
  }
}

async function* parseFile(
  readable: () => Readable,
  file: string,
  delimiter: string,
  onRecord: (record: string[], line: number) => unknown,
): AsyncGenerator<unknown> {
  // NOTE: the same options as the string reader's reference parser (parse-csv-rules.ts), so the
  // two number lines and trim fields alike.
  const parser = csvParseStream.parse(csvParseOptions(delimiter, onRecord));
  try {
    const source = Readable.toWeb(readable()) as ReadableStream<Uint8Array>;
    yield* source.pipeThrough(parser) as unknown as AsyncIterable<unknown>;
  } catch (error) {
    throw toNnkitError(error, file);
  }
}

/** Maps a csv-parse or file-system error to a DataError; nnkit's own errors pass through. */
function toNnkitError(error: unknown, file: string): unknown {
  if (error instanceof NnkitError) return error;
  if (error instanceof csvParseStream.CsvError) return csvSyntaxError(error as csvParseStream.CsvError & Partial<Info>, file, file);
  return fileError(error, file);
}

function fileError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    return new DataError('data/file-not-found', `There is no file ${show(file)}; check the path (it is relative to ${process.cwd()}).`, { file });
  }
  if (code === 'EISDIR') {
    return new DataError('data/not-a-file', `${show(file)} is a directory; pass the path of a CSV file.`, { file });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DataError('data/unreadable', `${show(file)} cannot be read (${String(code)}); check its permissions.`, { file });
  }
  return error;
}

export function emptyFile(file: string): DataError {
  return new DataError('data/empty-file', `${file} is empty; a CSV file needs a header row naming the columns, then data rows.`, {
    file,
    line: 1,
  });
}

function checkDelimiter(delimiter: string): void {
  if (typeof delimiter !== 'string' || delimiter.length === 0 || /["\r\n]/.test(delimiter)) {
    throw new ConfigError(
      'config/delimiter',
      `The delimiter must be a non-empty string without quotes or line breaks but is ${show(delimiter)}; use e.g. ",", ";", "\\t" or "|".`,
    );
  }
}
