/** One split of cross-validation: row indices to fit on and to test on, each ascending. */
export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** Folds from each row's test fold (rows; 0..k−1): fold j tests its rows and trains on the rest. */
export function foldsFromAssignment(testFold: ArrayLike<number>, k: number): Fold[] {
  return Array.from({ length: k }, (_, j) => {
    const test: number[] = [];
    const train: number[] = [];
    for (let row = 0; row < testFold.length; row++) (testFold[row] === j ? test : train).push(row);
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}
