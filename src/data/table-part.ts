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

/**
 * Writes the empty rows in front of a part's values (left for the rows before the part, see
 * CsvPartJob.sizes), so that their memory is mapped on this thread, in parallel with the reader
 * of the start, and not by it while it copies its rows in.
 *
 * NOTE: a fresh page costs a fault on first write; on the 2-core machine the benchmark runs on,
 * 200 MB of float32 columns took 0.3 s of faults, which the merging thread would pay alone.
 */
export function touchPrefixes(part: TablePart): void {
  const arrays = [...part.features.flatMap((column) => [...(column?.values ?? []), ...(column?.codes ?? [])]), ...(part.target?.codes ?? [])];
  for (const array of arrays) {
    if (array.byteOffset > 0) new Uint8Array(array.buffer, 0, array.byteOffset).fill(0);
  }
}

/** The arrays a part holds, for a transfer list. */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (arrays: readonly (Float32Array | Int32Array)[] | undefined) => arrays?.forEach((array) => buffers.add(array.buffer as ArrayBuffer));
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
