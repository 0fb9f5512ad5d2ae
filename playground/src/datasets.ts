import * as nn from '../../src/index.js';
import type { Source } from './prepare-data.js';
import { TOY_SETS, type BundledSet, type DataChoice, type ToySet } from './state.js';
import { toyData } from './toy-data.js';

/** The class each bundled set treats as positive (the others together are the negative class). */
const POSITIVE: Record<BundledSet, string> = { breast_cancer: '1', iris: '2', digits: '8' };
const NAMES: Record<BundledSet, string> = {
  breast_cancer: 'Breast Cancer Wisconsin (Diagnostic), label 1 = malignant',
  iris: "Fisher's Iris, class 2 (virginica) against the others",
  digits: 'Optical digits 8×8, the digit 8 against the others',
};

const tables = new Map<BundledSet, Promise<nn.data.CsvTable>>();

async function bundled(set: BundledSet): Promise<nn.data.CsvTable> {
  if (!tables.has(set)) {
    tables.set(set, fetch(`data/${set}.csv`).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load data/${set}.csv (HTTP ${response.status}); the playground's build folder should hold it.`);
      return nn.data.parseCsv(await response.text(), { target: 'label', file: `${set}.csv` });
    }));
  }
  return tables.get(set)!;
}

/** The rows of a toy set or a bundled data set (the dropped CSV arrives as a Source already). */
export async function loadSource(choice: Exclude<DataChoice, 'csv'>, prevalence: number, seed: number): Promise<Source> {
  if ((TOY_SETS as readonly string[]).includes(choice)) {
    return { kind: 'toy', name: `the "${choice}" toy set (seed ${seed})`, data: toyData(choice as ToySet, prevalence, seed) };
  }
  const set = choice as BundledSet;
  const table = await bundled(set);
  return { kind: 'table', name: NAMES[set], table, positive: table.target!.classes.indexOf(POSITIVE[set]) };
}
