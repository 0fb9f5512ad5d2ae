import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DataError } from '../errors.js';
import type { Fold } from './fold.js';
import { groupKFold } from './group-k-fold.js';
import { stratifiedKFold } from './stratified-k-fold.js';
import { timeSeriesSplit } from './time-series-split.js';

interface Case { readonly k: number; readonly folds: { train: number[]; test: number[] }[] }
const fixture = JSON.parse(readFileSync('test/fixtures/sklearn/folds.json', 'utf8')) as {
  stratified: (Case & { labels: number[] })[];
  group: (Case & { groups: (number | string)[] })[];
  time: (Case & { rows: number })[];
};
const plain = (folds: Fold[]) => folds.map((fold) => ({ train: [...fold.train], test: [...fold.test] }));

test('stratified k-fold without shuffling gives scikit-learn 1.2 StratifiedKFold folds exactly', () => {
  assert.equal(fixture.stratified.length, 15);
  for (const c of fixture.stratified) assert.deepEqual(plain(stratifiedKFold(c.labels, c.k)), c.folds, `k=${c.k} labels ${c.labels.join('')}`);
});

test('group k-fold without shuffling gives scikit-learn 1.2 GroupKFold folds exactly', () => {
  assert.equal(fixture.group.length, 12);
  for (const c of fixture.group) assert.deepEqual(plain(groupKFold(c.groups, c.k)), c.folds, `k=${c.k} groups ${c.groups.join(',')}`);
});

test('time-ordered splits give scikit-learn 1.2 TimeSeriesSplit folds exactly', () => {
  assert.ok(fixture.time.length >= 10);
  for (const c of fixture.time) assert.deepEqual(plain(timeSeriesSplit(c.rows, c.k)), c.folds, `rows=${c.rows} k=${c.k}`);
});

test('shuffled stratified folds are seeded, keep each class balanced and test every row once', () => {
  const labels = Array.from({ length: 103 }, (_, i) => (i % 7 === 0 ? 1 : 0));
  const a = stratifiedKFold(labels, 5, { shuffle: true, seed: 3 });
  assert.deepEqual(plain(a), plain(stratifiedKFold(labels, 5, { shuffle: true, seed: 3 })));
  assert.notDeepEqual(plain(a), plain(stratifiedKFold(labels, 5)));
  const tested = a.flatMap((fold) => [...fold.test]).sort((x, y) => x - y);
  assert.deepEqual(tested, labels.map((_, i) => i));
  for (const fold of a) {
    const positives = [...fold.test].filter((row) => labels[row] === 1).length;
    assert.ok(positives === 3 || positives === 4, `positives ${positives}`);
    assert.equal(fold.train.length + fold.test.length, labels.length);
  }
});

test('shuffled group folds never split a group and are seeded', () => {
  const groups = Array.from({ length: 60 }, (_, i) => `g${i % 12}`);
  const folds = groupKFold(groups, 4, { shuffle: true, seed: 1 });
  assert.deepEqual(plain(folds), plain(groupKFold(groups, 4, { shuffle: true, seed: 1 })));
  for (const fold of folds) {
    const testGroups = new Set([...fold.test].map((row) => groups[row]));
    for (const row of fold.train) assert.ok(!testGroups.has(groups[row]));
  }
});

test('too few rows, classes or groups for the folds are errors that say so', () => {
  assert.throws(() => stratifiedKFold([0, 1, 0, 1], 3), (e: unknown) => e instanceof DataError && /largest class has 2/.test(e.message));
  assert.throws(() => groupKFold(['a', 'a', 'b'], 3), /at least 3 groups, but there are 2/);
  assert.throws(() => timeSeriesSplit(3, 3), /at least 4 rows/);
  assert.throws(() => stratifiedKFold([0, 1], 1), /folds must be a whole number of 2 or more/);
});
