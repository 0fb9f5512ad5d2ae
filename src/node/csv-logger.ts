import type { Callback, Logs } from '../callbacks/callback.js';
import { readTextIfExists, writeFileAtomic } from './atomic-write.js';

export interface CsvLoggerArgs {
  filename: string;
  separator?: string;
  /** Keep the rows of an existing file (for a resumed run). */
  append?: boolean;
}

/**
 * Streams epoch results to a CSV file: a header `epoch,loss,...` and one row per epoch. The
 * file is rewritten atomically after each epoch, so it is always complete.
 */
export class CsvLogger implements Callback {
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | undefined;
  private lines: string[] = [];

  constructor(args: CsvLoggerArgs) {
    this.filename = args.filename;
    this.separator = args.separator ?? ',';
    this.append = args.append ?? false;
  }

  async onTrainBegin(): Promise<void> {
    this.lines = [];
    this.keys = undefined;
    if (!this.append) return;
    const existing = await readTextIfExists(this.filename);
    const lines = existing.split('\n').filter((l) => l.length > 0);
    if (lines.length > 0) {
      this.keys = lines[0].split(this.separator).slice(1);
      this.lines = lines;
    }
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (this.keys === undefined) {
      this.keys = Object.keys(logs).sort();
      this.lines.push(['epoch', ...this.keys].join(this.separator));
    }
    this.lines.push([String(epoch), ...this.keys.map((k) => (logs[k] === undefined ? '' : String(logs[k])))].join(this.separator));
    await writeFileAtomic(this.filename, this.lines.join('\n') + '\n');
  }
}
