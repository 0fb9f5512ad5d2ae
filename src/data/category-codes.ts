/**
 * The dictionary behind category codes: a column's distinct texts in order of first appearance,
 * each coded by its index, with the rows counted under it. Readers of CSV, Parquet and Arrow
 * columns, the target and the parts merged after a two-thread read all code texts this way.
 */
export class CategoryCodes {
  readonly texts: string[] = [];
  readonly counts: number[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.texts.length;
  }

  /** The code of `text`, added when new; counts `rows` rows under it (default 1). */
  add(text: string, rows = 1): number {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.index.set(text, code);
      this.texts.push(text);
      this.counts.push(0);
    }
    this.counts[code] += rows;
    return code;
  }

  /** The code of `text`, or undefined when it was never added. */
  codeOf(text: string): number | undefined {
    return this.index.get(text);
  }

  /** The codes here of another dictionary's texts (added where new, in its order), its counts summed in. */
  merge(texts: readonly string[], counts: readonly number[]): number[] {
    return texts.map((text, code) => this.add(text, counts[code]));
  }
}
