// The goals of issue 6 as data, checked against one benchmark run: speed ratios nnkit ÷ peer and
// peak memory of training runs. A goal whose peer was not measured is "not measured", never met.
import type { ChildReport, Measurement, ModelName } from './workload.js';

export type PeerName = 'nnkit' | 'nnkit-js' | 'tfjs-cpu' | 'tfjs-wasm' | 'pytorch';
/** The peer nnkit is judged as: the default backend a user gets. */
export const NNKIT: PeerName = 'nnkit';

/** One measured configuration: a measurement and the report (peer, memory) it came from. */
export interface Row {
  readonly peer: PeerName;
  readonly model: ModelName;
  readonly measurement: Measurement;
  readonly report: ChildReport;
}

export interface SpeedGoal {
  readonly model: ModelName;
  readonly work: string;
  readonly peer: PeerName;
  /** nnkit's samples/s must be at least this multiple of the peer's. */
  readonly atLeast: number;
}

export const SPEED_GOALS: readonly SpeedGoal[] = [
  { model: 'small', work: 'train32', peer: 'pytorch', atLeast: 3 },
  { model: 'small', work: 'train32', peer: 'tfjs-wasm', atLeast: 15 },
  { model: 'small', work: 'train256', peer: 'pytorch', atLeast: 1 },
  { model: 'wide', work: 'train32', peer: 'pytorch', atLeast: 1 },
  { model: 'wide', work: 'train256', peer: 'pytorch', atLeast: 0.8 },
  { model: 'wide', work: 'train256', peer: 'tfjs-wasm', atLeast: 10 },
  { model: 'small', work: 'predict', peer: 'pytorch', atLeast: 1 },
  { model: 'wide', work: 'predict', peer: 'pytorch', atLeast: 0.5 },
];

export function findRow(
  rows: readonly Row[], peer: PeerName, model: ModelName, work: string,
): Row | undefined {
  return rows.find((row) =>
    row.peer === peer && row.model === model && row.measurement.work === work);
}

/** nnkit's samples/s over the peer's in the same configuration, when both were measured. */
export function speedRatio(
  rows: readonly Row[], model: ModelName, work: string, peer: PeerName,
): number | undefined {
  const ours = findRow(rows, NNKIT, model, work);
  const theirs = findRow(rows, peer, model, work);
  if (ours === undefined || theirs === undefined) return undefined;
  return ours.measurement.samplesPerSecond / theirs.measurement.samplesPerSecond;
}

export function speedGoalFor(
  model: ModelName, work: string, peer: PeerName,
): SpeedGoal | undefined {
  return SPEED_GOALS.find((goal) =>
    goal.model === model && goal.work === work && goal.peer === peer);
}

/** A ratio with two decimals, or three where two would round it onto the goal's threshold. */
export function formatRatio(ratio: number, threshold?: number): string {
  const two = ratio.toFixed(2);
  const misleading = threshold !== undefined && Number(two) === threshold && ratio !== threshold;
  return `${misleading ? ratio.toFixed(3) : two}×`;
}

export interface GoalResult {
  readonly text: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
  readonly measured: string;
}

const PEER_TITLES: Record<PeerName, string> = {
  nnkit: 'nnkit',
  'nnkit-js': 'nnkit js',
  'tfjs-cpu': 'TensorFlow.js cpu',
  'tfjs-wasm': 'TensorFlow.js wasm',
  pytorch: 'PyTorch',
};

function describeWork(work: string): string {
  return work === 'predict' ? 'predict' : `batch ${work.slice('train'.length)}`;
}

/**
 * Every goal of the issue checked on this run. The memory goal: a training run's peak RSS no
 * more than TensorFlow.js wasm's, for each model and batch size.
 */
export function checkGoals(rows: readonly Row[]): GoalResult[] {
  const results: GoalResult[] = SPEED_GOALS.map((goal) => {
    const ratio = speedRatio(rows, goal.model, goal.work, goal.peer);
    const title = PEER_TITLES[goal.peer];
    return {
      text: `${goal.model} model, ${describeWork(goal.work)}: ≥ ${goal.atLeast}× ${title}`,
      met: ratio === undefined ? undefined : ratio >= goal.atLeast,
      measured: ratio === undefined ? 'not measured' : formatRatio(ratio, goal.atLeast),
    };
  });
  for (const model of ['small', 'wide'] as const) {
    for (const work of ['train32', 'train256']) {
      const ours = findRow(rows, NNKIT, model, work)?.report.maxRssBytes;
      const theirs = findRow(rows, 'tfjs-wasm', model, work)?.report.maxRssBytes;
      const ratio = ours !== undefined && theirs !== undefined ? ours / theirs : undefined;
      results.push({
        text: `${model} model, ${describeWork(work)}: peak memory ≤ TensorFlow.js wasm's`,
        met: ratio === undefined ? undefined : ratio <= 1,
        measured: ratio === undefined ? 'not measured' : `${formatRatio(ratio, 1)} its peak RSS`,
      });
    }
  }
  return results;
}
