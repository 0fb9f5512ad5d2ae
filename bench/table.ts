// The benchmark's printed result: one Markdown table (every peer, model and work) with the
// ratios nnkit ÷ peer and the goal each ratio answers, then the list of goals met and not met.
import {
  checkGoals, findRow, formatRatio, speedGoalFor, speedRatio, NNKIT, type PeerName, type Row,
} from './goals.js';
import { denseWeights, MODEL_NAMES, WORK_NAMES, type ModelName } from './workload.js';

export const PEER_ORDER: readonly PeerName[] = [
  'nnkit', 'nnkit-js', 'tfjs-cpu', 'tfjs-wasm', 'pytorch',
];

function peerLabel(peer: PeerName, rows: readonly Row[]): string {
  const version = rows.find((row) => row.peer === peer)?.report.version ?? peer;
  const backend = /\((\w+) kernels/.exec(version)?.[1] ?? '';
  if (peer === 'nnkit') return `**nnkit ${backend}** (default)`;
  if (peer === 'nnkit-js') return 'nnkit js';
  if (peer === 'tfjs-cpu') return 'TF.js cpu';
  if (peer === 'tfjs-wasm') return 'TF.js wasm';
  const blas = /(\d+) OpenBLAS/.exec(version)?.[1];
  return blas === undefined ? 'PyTorch' : `PyTorch (${blas} BLAS thread${blas === '1' ? '' : 's'})`;
}

function thousands(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)} k`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(2)} k`;
  return value.toFixed(0);
}

function workLabel(work: string): string {
  return work === 'predict' ? 'predict, batch 1024' : `train, batch ${work.slice('train'.length)}`;
}

function ratioCell(rows: readonly Row[], model: ModelName, work: string, peer: PeerName): string {
  if (peer === NNKIT) return '';
  const ratio = speedRatio(rows, model, work, peer);
  if (ratio === undefined) return '—';
  const goal = speedGoalFor(model, work, peer);
  if (goal === undefined) return formatRatio(ratio);
  const verdict = ratio >= goal.atLeast ? 'met' : 'NOT met';
  return `${formatRatio(ratio, goal.atLeast)} ${verdict} (goal ≥ ${goal.atLeast}×)`;
}

function cells(row: Row, rows: readonly Row[], totalRows: number): string[] {
  const { measurement, report, peer, model } = row;
  const work = measurement.work;
  // NOTE: the convention: 6 FLOPs per kernel weight per sample in training (forward 2,
  // backward 4), 2 in prediction.
  const flops = (work === 'predict' ? 2 : 6) * denseWeights(model) * measurement.samplesPerSecond;
  const bounded = measurement.rowsTimed < totalRows;
  return [
    model, workLabel(work), peerLabel(peer, rows),
    `${measurement.rowsTimed.toLocaleString('en-US')}${bounded ? ' †' : ''}`,
    thousands(measurement.samplesPerSecond),
    (flops / 1e9).toFixed(2),
    measurement.cpuUse.toFixed(2),
    `${(report.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
    measurement.loss === undefined ? '' : measurement.loss.toFixed(4),
    ratioCell(rows, model, work, peer),
  ];
}

/** The Markdown table and its notes; `totalRows` tells a full epoch from a bounded run. */
export function formatTable(
  rows: readonly Row[], totalRows: number, budgetSeconds: number, failures: readonly string[],
): string {
  const lines = [
    '| model | work | peer | rows timed | samples/s | GFLOP/s | CPU use | peak RSS | final loss ' +
      '| nnkit ÷ peer (samples/s) |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|---|',
  ];
  let bounded = false;
  for (const model of MODEL_NAMES) {
    for (const work of WORK_NAMES) {
      for (const peer of PEER_ORDER) {
        const row = findRow(rows, peer, model, work);
        if (row === undefined) continue;
        bounded ||= row.measurement.rowsTimed < totalRows;
        lines.push(`| ${cells(row, rows, totalRows).join(' | ')} |`);
      }
    }
  }
  const notes = [];
  if (bounded) {
    notes.push(
      `† bounded run: this peer would need more than ${budgetSeconds} s for all ` +
        `${totalRows.toLocaleString('en-US')} rows, so it timed as many whole batches as fit in ` +
        'that budget (from the first row, no shuffling). Samples/s stay comparable; its final ' +
        'loss is over those rows only.',
    );
  }
  notes.push(
    'CPU use: CPU seconds (every thread of the process) over wall seconds in the timed run; ' +
      'below 1 for a single-threaded peer means other processes took part of its core.',
  );
  for (const failure of failures) notes.push(`Not measured: ${failure}`);
  return [...lines, '', ...notes.map((note) => `${note}\n`)].join('\n');
}

export function formatGoals(rows: readonly Row[]): string {
  const results = checkGoals(rows);
  const met = results.filter((result) => result.met === true).length;
  const lines = results.map((result) => {
    if (result.met === undefined) return `- NOT MEASURED in this run: ${result.text}`;
    return `- ${result.met ? 'met' : 'NOT met'}: ${result.text} — measured ${result.measured}`;
  });
  lines.push(
    '- not measured here: the same numbers on every backend (the kernel tests compare the fast ' +
      'kernels with the naive reference kernels). The nnkit and nnkit js rows train from the ' +
      'same seeded weights on the same rows when neither is bounded (†), so their final losses ' +
      'should then agree to float32 rounding.',
  );
  const heading = `Goals of issue 6: ${met} of ${results.length} met in this run.`;
  return [heading, '', ...lines].join('\n');
}
