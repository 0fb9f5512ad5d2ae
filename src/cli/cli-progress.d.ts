// The part of cli-progress 3 (a CommonJS package without bundled types) that nnkit uses.
// NOTE: @types/cli-progress is not installed; if it ever is, delete this file.
declare module 'cli-progress' {
  import type { Writable } from 'node:stream';

  export interface Options {
    format?: string;
    stream?: Writable;
    fps?: number;
    barsize?: number;
    hideCursor?: boolean;
    clearOnComplete?: boolean;
    barCompleteChar?: string;
    barIncompleteChar?: string;
  }

  export class SingleBar {
    constructor(options: Options, preset?: Options);
    start(total: number, startValue: number, payload?: Record<string, unknown>): void;
    update(value: number, payload?: Record<string, unknown>): void;
    stop(): void;
  }

  export const Presets: { readonly shades_classic: Options; readonly rect: Options; readonly legacy: Options };
}
