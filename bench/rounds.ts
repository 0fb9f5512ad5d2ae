// Repeated rounds of the benchmark: every configuration is measured once per round, and the
// table shows, per configuration, the round with the median samples/s (its memory, loss and CPU
// use too). The rounds themselves are listed below the table, so the spread is visible.
// NOTE: on a shared 2-core machine a two-threaded run can be 30% slower minutes later with the
// same code (the second core is not always ours); one round decides a ratio by luck.
import type { Row } from './goals.js';
import { PEER_ORDER } from './table.js';
import { MODEL_NAMES, WORK_NAMES } from './workload.js';

function key(row: Row): string {
  return `${row.model}/${row.measurement.work}/${row.peer}`;
}

/** Per configuration, the row of the median round (the lower middle one for an even count). */
export function medianRows(rounds: readonly (readonly Row[])[]): Row[] {
  const groups = new Map<string, Row[]>();
  for (const rows of rounds) {
    for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort(
      (a, b) => a.measurement.samplesPerSecond - b.measurement.samplesPerSecond,
    );
    return sorted[Math.floor((sorted.length - 1) / 2)];
  });
}

function rate(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return value.toFixed(0);
}

/** One line per configuration: samples/s in each round, in the order the rounds ran. */
export function formatRounds(rounds: readonly (readonly Row[])[]): string {
  if (rounds.length < 2) return '';
  const lines = [`Samples/s in each of the ${rounds.length} rounds (the table shows the median):`, ''];
  for (const model of MODEL_NAMES) {
    for (const work of WORK_NAMES) {
      const cells = PEER_ORDER.flatMap((peer) => {
        const values = rounds.flatMap((rows) => rows
          .filter((row) => row.model === model && row.peer === peer && row.measurement.work === work)
          .map((row) => rate(row.measurement.samplesPerSecond)));
        return values.length === 0 ? [] : [`${peer} ${values.join(' / ')}`];
      });
      if (cells.length > 0) lines.push(`- ${model}, ${work}: ${cells.join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
