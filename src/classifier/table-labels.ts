import type { LabelledTable } from '../data/table-builder.js';
import { listNames } from '../data/table.js';
import { ConfigError, DataError } from '../errors.js';

/** The table's labels as the classifier's class indices (classes matched by name). */
export function classIndices(table: LabelledTable, classNames: readonly string[], caller: string): Int32Array {
  const target = table.target;
  if (target === undefined) {
    throw new ConfigError('config/no-target', `${caller} needs labelled rows; read them with the target, e.g. parseCsv(text, { target: "label" }).`);
  }
  const index = target.classes.map((name) => {
    const k = classNames.indexOf(name);
    if (k < 0) throw new DataError('data/unknown-class', `The rows hold the class ${JSON.stringify(name)}, which the classifier does not know; its classes are ${listNames(classNames)}.`);
    return k;
  });
  return Int32Array.from(target.labels, (label) => index[label]);
}
