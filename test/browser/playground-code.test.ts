/**
 * The playground's "Copy as nnkit TypeScript" is exactly what its worker trains: the copied code,
 * run in Node on the same rows, gives the test scores that runTrainJob (the worker's function)
 * gives, bit for bit — with validation rows passed as validationData, and with the sorted-split
 * mistake (validationSplit), balanced class weights and dropout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../../src/index.js';
import { describeRows, nnkitCode } from '../../playground/src/code-export.js';
import { jobOf } from '../../playground/src/job-of.js';
import { prepareData, type Part } from '../../playground/src/prepare-data.js';
import { DEFAULT_STATE, type PlaygroundState } from '../../playground/src/state.js';
import { runTrainJob, type JobEvent, type TrainJob } from '../../playground/src/train-job.js';
import { toyData } from '../../playground/src/toy-data.js';

/** The copied code run as a function of the rows it names; returns its `scores`. */
async function runCopiedCode(code: string, job: TrainJob, parts: { train: Part; validation: Part; test: Part }): Promise<Float32Array> {
  const body = code.replace("import * as nn from 'nnkit';", '') + '\nreturn scores;';
  const names = ['nn', 'console', 'xTrain', 'yTrain', 'xVal', 'yVal', 'xTest', 'yTest', 'xTrainAndVal', 'yTrainAndVal'];
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<Float32Array>;
  const rows = (part: Part) => nn.tensor(part.x, [part.rows, job.cols]);
  const both = new Float32Array([...parts.train.x, ...parts.validation.x]);
  const quiet = { log: () => {}, warn: () => {} };
  return new AsyncFunction(...names, body)(
    nn, quiet, rows(parts.train), parts.train.y, rows(parts.validation), parts.validation.y, rows(parts.test), parts.test.y,
    nn.tensor(both, [parts.train.rows + parts.validation.rows, job.cols]), new Float32Array([...parts.train.y, ...parts.validation.y]),
  );
}

const cases: [string, Partial<PlaygroundState>][] = [
  ['validation rows as validationData', { epochs: 6 }],
  ['the sorted split (validationSplit), balanced class weights, dropout', { epochs: 6, mistakes: ['sorted-validation'], balanced: true, dropout: 0.2, prevalence: 0.2 }],
];

for (const [name, patch] of cases) {
  test(`copied nnkit code trains what the worker trains: ${name}`, async () => {
    const state: PlaygroundState = { ...DEFAULT_STATE, ...patch };
    const source = { kind: 'toy' as const, name: 'moons', data: toyData('moons', state.prevalence, state.seed) };
    const prepared = prepareData(source, { prevalence: state.prevalence, noise: state.noise, seed: state.seed, mistakes: state.mistakes });
    const job = jobOf(state, prepared, undefined);
    const events: JobEvent[] = [];
    await runTrainJob(job, (event) => events.push(event));
    const done = events.find((event) => event.type === 'done');
    assert.ok(done?.type === 'done', JSON.stringify(events.at(-1)));
    const code = nnkitCode(job, { data: describeRows(prepared, state.seed), threshold: 0.5 });
    assert.equal(code.includes('validationSplit'), state.mistakes.includes('sorted-validation'));
    const scores = await runCopiedCode(code, job, prepared);
    assert.deepEqual(Array.from(scores), Array.from(done.result.scores.test));
  });
}
