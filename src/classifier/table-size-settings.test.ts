import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { classifierSettings, type TrainClassifierOptions } from './classifier-options.js';
import type { RowSplit } from './split-rows.js';
import { SMALL_TABLE_ROWS, SMALL_TABLE_SETTINGS, sizedRun } from './table-size-settings.js';
import { trainClassifier } from './train-classifier.js';

// ensemble: 'auto' (the command line's default): the small-table settings on at most
// SMALL_TABLE_ROWS training rows with a row of each class per member, else one network.

/** A split of `rows` rows, `positives` of them class 1, seen by sizedRun as `members` asks. */
function decide(options: TrainClassifierOptions, rows: number, positives: number) {
  const labels = Int32Array.from({ length: rows }, (_, i) => (i < positives ? 1 : 0));
  const asked: (number | undefined)[] = [];
  const split = (members: number | undefined): RowSplit => {
    asked.push(members);
    return { train: Int32Array.from(labels.keys()), validation: new Int32Array(0), test: new Int32Array(0) };
  };
  const run = sizedRun(classifierSettings(options), options, labels, 2, split);
  return { ...run, asked };
}

describe('ensemble: "auto"', () => {
  test('at most SMALL_TABLE_ROWS training rows: the small-table settings, on the split an ensemble has', () => {
    const { settings, asked } = decide({ ensemble: 'auto' }, SMALL_TABLE_ROWS, 300);
    const { ensemble, hidden, dropout, batchSize, patience } = SMALL_TABLE_SETTINGS;
    assert.deepEqual(
      { ensemble: settings.ensemble, hidden: settings.hidden, dropout: settings.dropout, batchSize: settings.batchSize, patience: settings.patience },
      { ensemble, hidden: [...hidden], dropout, batchSize, patience },
    );
    assert.deepEqual(settings.auto, { rows: SMALL_TABLE_ROWS, smallestClass: 300, small: true });
    assert.deepEqual(asked, [ensemble], 'split once, as an ensemble');
  });

  test('one row more, too few rows of a class, or refit: one network with the options as they are, split as one network', () => {
    for (const [options, rows, positives] of [
      [{ ensemble: 'auto' }, SMALL_TABLE_ROWS + 1, 300],
      [{ ensemble: 'auto' }, 500, SMALL_TABLE_SETTINGS.ensemble - 1],
      [{ ensemble: 'auto', refit: true }, 500, 200],
    ] as const) {
      const { settings, asked } = decide(options, rows, positives);
      assert.equal(settings.ensemble, undefined);
      assert.deepEqual(settings.hidden, classifierSettings({}).hidden);
      assert.equal(settings.auto?.small, false);
      assert.deepEqual(asked, [SMALL_TABLE_SETTINGS.ensemble, undefined]);
    }
  });

  test('a table plainly larger than the boundary is split once, as one network', () => {
    const { settings, asked } = decide({ ensemble: 'auto' }, 10_000, 600);
    assert.deepEqual([settings.ensemble, settings.auto], [undefined, { rows: 10_000, smallestClass: 600, small: false }]);
    assert.deepEqual(asked, [undefined]);
  });

  test('options given keep their values; ensemble 1 and none are one network, k is k', () => {
    const given = decide({ ensemble: 'auto', hidden: [8], patience: 5 }, 400, 100).settings;
    assert.deepEqual([given.ensemble, given.hidden, given.patience, given.dropout], [10, [8], 5, SMALL_TABLE_SETTINGS.dropout]);
    assert.equal(decide({ ensemble: 1 }, 400, 100).settings.ensemble, undefined);
    assert.equal(decide({}, 400, 100).settings.ensemble, undefined);
    assert.equal(decide({ ensemble: 3 }, 400, 100).settings.ensemble, 3);
    assert.equal(decide({ ensemble: 3 }, 400, 100).settings.auto, undefined);
  });

  test('trains exactly what the small-table settings spelled out train, bit for bit', async () => {
    const table = parseCsv(readFileSync('test/fixtures/cli/customers.csv', 'utf8'), { target: 'churned' });
    const quick = { epochs: 4, seed: 3 };
    const auto = await trainClassifier(table, { ...quick, ensemble: 'auto' });
    const spelled = await trainClassifier(table, { ...quick, ...SMALL_TABLE_SETTINGS, hidden: [...SMALL_TABLE_SETTINGS.hidden] });
    assert.equal(auto.pipeline.ensemble?.members, SMALL_TABLE_SETTINGS.ensemble);
    assert.deepEqual(auto.predictProbabilities(table).data, spelled.predictProbabilities(table).data);
    assert.equal(auto.threshold, spelled.threshold);
  });
});
