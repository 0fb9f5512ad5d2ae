// The part of jsfive (a pure-JavaScript HDF5 reader without bundled types) that nnkit uses.
declare module 'jsfive' {
  export class Group {
    readonly keys: string[];
    readonly attrs: Record<string, unknown>;
    get(path: string): Group | Dataset;
  }
  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename: string);
  }
  export class Dataset {
    readonly shape: number[];
    readonly dtype: string | unknown[];
    readonly attrs: Record<string, unknown>;
    readonly value: ArrayLike<number | bigint>;
  }
}
