import { ConfigError, show } from '../errors.js';
import type { LabelsLike, TensorLike } from '../tensor/tensor.js';

/**
 * One chunk of rows from a data source, named as TF.js' `fitDataset` names them: the features
 * `xs` (rows, features), the labels `ys`, and optionally one weight per row.
 */
export interface DataBatch {
  readonly xs: TensorLike;
  readonly ys: LabelsLike;
  readonly sampleWeight?: LabelsLike;
}

/**
 * Rows arriving a chunk at a time, for data that need not fit in memory: an (async) iterable of
 * batches such as an async generator, or a function that returns a new one for every pass. An
 * object whose `[Symbol.asyncIterator]()` starts a new pass each time (as TF.js' datasets) is
 * read again every epoch; a generator object can be read once, which is enough when its rows
 * fit in the shuffle buffer (they are then kept in memory).
 *
 *   model.fitDataset(() => readCsvChunks('big.csv'), { epochs: 5, shuffleBuffer: 100_000 })
 */
export type BatchSource = AsyncIterable<DataBatch> | Iterable<DataBatch> | (() => AsyncIterable<DataBatch> | Iterable<DataBatch>);

/** Opens passes over a source; `open()` throws a clear error when a one-shot source is read twice. */
export interface SourcePasses {
  open(): AsyncIterator<DataBatch> | Iterator<DataBatch>;
}

export function sourcePasses(source: BatchSource, what: string): SourcePasses {
  const iterable = typeof source === 'function' ? undefined : source;
  if (iterable !== undefined && !isIterable(iterable)) {
    throw new ConfigError(
      'config/batch-source',
      `${what} should be an async iterable of { xs, ys } batches (e.g. an async generator) or a function returning one, but got ${show(source)}.`,
    );
  }
  let opened = 0;
  return {
    open() {
      const pass = iterable ?? (source as () => AsyncIterable<DataBatch> | Iterable<DataBatch>)();
      if (!isIterable(pass)) {
        throw new ConfigError('config/batch-source', `${what}: the function should return an async iterable of { xs, ys } batches but returned ${show(pass)}.`);
      }
      const iterator = Symbol.asyncIterator in pass ? pass[Symbol.asyncIterator]() : pass[Symbol.iterator]();
      // NOTE: a generator returns itself, so a second pass over it would see no rows.
      if (iterable !== undefined && opened++ > 0 && (iterator as unknown) === pass) {
        throw new ConfigError(
          'config/batch-source',
          `${what} is a generator, which can be read once, but its rows do not fit in the shuffle buffer and another pass is needed; ` +
            'pass a function that returns a new generator (() => rows()) or a larger shuffleBuffer.',
        );
      }
      return iterator;
    },
  };
}

function isIterable(value: unknown): value is AsyncIterable<DataBatch> | Iterable<DataBatch> {
  return typeof value === 'object' && value !== null && (Symbol.asyncIterator in value || Symbol.iterator in value);
}
