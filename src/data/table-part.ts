/**
 * What a TableBuilder has built from one part of a file's records, before the finish-time rules
 * run: plain data that crosses a thread boundary (structured clone, the arrays transferred). A
 * builder that read the records before the part merges it (TableBuilder.merge) and gets the
 * state a builder fed every record in turn would have had, so `finish()` gives the same table.
 *
 * Lines and rows in a part count from the part's start; the merging side adds its own counts.
 */
export interface TablePart {
  readonly rows: number;
  /** Per header column: the feature's part, or null for the target and ignored columns. */
  readonly features: readonly (ColumnPart | null)[];
  readonly target?: TargetPart;
}

/** The first text value a column met (where a numeric column's error points). */
export interface TextSighting {
  readonly value: string;
  readonly line: number;
  readonly row: number;
}

/** A feature column's part: float32 values (numeric or boolean mode) or category codes. */
export interface ColumnPart {
  readonly values?: readonly Float32Array[];
  readonly codes?: readonly Int32Array[];
  /** Categories in order of first appearance, and the rows per category (codes mode). */
  readonly categories: readonly string[];
  readonly counts: readonly number[];
  /** Numeric mode: each distinct number spelling and its float32 value, or null once untracked. */
  readonly spellings: readonly (readonly [string, number])[] | null;
  readonly numbers: number;
  readonly missing: number;
  readonly rows: number;
  readonly firstText?: TextSighting;
}

/** The target column's part: its distinct texts in order of first appearance, one code per row. */
export interface TargetPart {
  readonly values: readonly string[];
  readonly counts: readonly number[];
  readonly codes: readonly Int32Array[];
}

/** Which of a column's two stores an array is: float32 values or category codes. */
export type StorageKind = 'values' | 'codes';

/**
 * How a builder lays out a part read after `start` rows (see CsvPartJob.sizes): every column in
 * one array for the whole file, from row `start` on, in shared memory. `share` is given each
 * such array as it is made (a column's values, its codes if it turns categorical, the target's
 * codes; `column` is the header index): the reader of the rows before adopts it and writes its
 * own rows in front (ColumnBuilder.adopt), so neither side copies the other's rows.
 */
export interface PartLayout {
  readonly start: number;
  readonly share?: (column: number, kind: StorageKind, whole: Float32Array | Int32Array) => void;
}

/** The arrays a part holds, for a transfer list (shared memory is not transferred: both sides hold it). */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (arrays: readonly (Float32Array | Int32Array)[] | undefined) =>
    arrays?.forEach((array) => array.buffer instanceof ArrayBuffer && buffers.add(array.buffer));
  for (const column of part.features) {
    add(column?.values);
    add(column?.codes);
  }
  add(part.target?.codes);
  return [...buffers];
}

/**
 * A part in codes mode: a part of numbers becomes categories named by their spellings, in order
 * of first appearance, as ColumnBuilder.toCategorical does; undefined when its spellings were not all kept.
 */
export function partAsCodes(part: ColumnPart): ColumnPart | undefined {
  if (part.codes !== undefined) return part;
  if (part.spellings === null) return undefined;
  const codeOfValue = new Map(part.spellings.map(([, value], code) => [value, code]));
  const counts = part.spellings.map(() => 0);
  const codes = part.values!.map((values) =>
    Int32Array.from(values, (value) => {
      if (value !== value) return -1;
      const code = codeOfValue.get(value)!;
      counts[code]++;
      return code;
    }),
  );
  return { ...part, values: undefined, codes, categories: part.spellings.map(([text]) => text), counts, spellings: null };
}
