// Threshold policies compared without training again: reads the validation and test scores
// bench/defaults.ts --dump wrote, chooses each fold's threshold on its validation rows by every
// policy, and prints test-fold F1 and accuracy (mean over the folds) per dataset.
//
//   npx tsx bench/defaults.ts --dump /tmp/scores.json && npx tsx bench/defaults-threshold.ts /tmp/scores.json
import { readFileSync } from 'node:fs';
import { findThreshold } from '../src/threshold/find-threshold.js';
import { shrinkThreshold } from '../src/classifier/threshold-shrinkage.js';

interface FoldScores {
  readonly validation: { labels: number[]; scores: number[] };
  readonly test: { labels: number[]; scores: number[] };
}

type Policy = (labels: number[], scores: number[]) => number;

const f1 = (labels: number[], scores: number[]) => findThreshold(labels, scores, 'f1');

export const POLICIES: Readonly<Record<string, Policy>> = {
  'max F1 (before)': (labels, scores) => f1(labels, scores).threshold,
  'fixed 0.5': () => 0.5,
  'max F1 / 2': (labels, scores) => f1(labels, scores).metrics.f1 / 2,
  'shrink toward 0.5, 25 rows': (labels, scores) => toward(0.5, f1(labels, scores).threshold, labels, 25),
  'shrink toward 0.5, 50 rows': (labels, scores) => toward(0.5, f1(labels, scores).threshold, labels, 50),
  'shrink toward max F1 / 2, 25 rows': (labels, scores) => shrinkThreshold(f1(labels, scores), labels, 25)!.value,
  'shrink toward max F1 / 2, 50 rows (nnkit)': (labels, scores) => shrinkThreshold(f1(labels, scores), labels, 50)!.value,
  'shrink toward max F1 / 2, 100 rows': (labels, scores) => shrinkThreshold(f1(labels, scores), labels, 100)!.value,
};

/** The optimum moved toward `anchor` by n / (n + rows), n the smaller class's rows. */
function toward(anchor: number, optimum: number, labels: number[], rows: number): number {
  const positives = labels.filter((y) => y === 1).length;
  const n = Math.min(positives, labels.length - positives);
  return anchor + ((optimum - anchor) * n) / (n + rows);
}


function atThreshold(labels: number[], scores: number[], threshold: number): { f1: number; accuracy: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  labels.forEach((y, i) => {
    const predicted = scores[i] > threshold ? 1 : 0;
    if (predicted === y) correct++;
    if (predicted === 1 && y === 1) tp++;
    if (predicted === 1 && y === 0) fp++;
    if (predicted === 0 && y === 1) fn++;
  });
  return { f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), accuracy: correct / labels.length };
}

const dump = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, Record<string, FoldScores[]>>;
const candidate = process.argv[3] ?? 'default';
const datasets = Object.keys(dump).filter((name) => dump[name][candidate] !== undefined);
const lines = [
  `Threshold policies on the ${candidate} candidate's folds: test-fold F1 / accuracy, mean over the folds`,
  '',
  `| policy | ${datasets.join(' | ')} | mean F1 | mean accuracy |`,
  `|---|${datasets.map(() => '---|').join('')}---|---|`,
];
for (const [name, policy] of Object.entries(POLICIES)) {
  let f1Sum = 0;
  let accuracySum = 0;
  const cells = datasets.map((dataset) => {
    const folds = dump[dataset][candidate];
    const scores = folds.map((fold) => atThreshold(fold.test.labels, fold.test.scores, policy(fold.validation.labels, fold.validation.scores)));
    const meanF1 = scores.reduce((a, s) => a + s.f1, 0) / scores.length;
    const meanAccuracy = scores.reduce((a, s) => a + s.accuracy, 0) / scores.length;
    f1Sum += meanF1;
    accuracySum += meanAccuracy;
    return `${meanF1.toFixed(4)} / ${meanAccuracy.toFixed(4)}`;
  });
  lines.push(`| ${name} | ${cells.join(' | ')} | ${(f1Sum / datasets.length).toFixed(4)} | ${(accuracySum / datasets.length).toFixed(4)} |`);
}
console.log(lines.join('\n'));
