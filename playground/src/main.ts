// The playground page: data → model (trained in a worker) → the doctor's findings → the
// threshold lab. Every number shown comes from nnkit; every setting lives in the URL.
import * as nn from '../../src/index.js';
import { drawBoundary, makeGrid, type Grid } from './boundary.js';
import { describeRows, kerasCode, nnkitCode } from './code-export.js';
import { bindControls, showState, showThreshold, type ChangeKind } from './controls.js';
import { showCsv } from './csv-panel.js';
import { loadSource } from './datasets.js';
import { LiveCurves, renderCurves } from './curves.js';
import { labNumbers } from './lab-numbers.js';
import { fixed, renderLab } from './lab-view.js';
import { findingsOfDiagnostics, renderFindings, renderMistakeSwitches, type Finding } from './mistakes.js';
import { prepareData, type PreparedData, type Source } from './prepare-data.js';
import { renderSplit } from './split-view.js';
import { stateFromQuery, stateToQuery, type PlaygroundState } from './state.js';
import { jobOf } from './job-of.js';
import { optimismFinding } from './optimism.js';
import { Trainer } from './trainer.js';
import type { TrainJob, TrainResult } from './train-job.js';

interface Run {
  readonly prepared: PreparedData;
  readonly job: TrainJob;
  readonly result: TrainResult;
  readonly grid: Grid | undefined;
}

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const trainer = new Trainer();
let state: PlaygroundState = stateFromQuery(location.search);
let csvSource: Source | undefined;
let run: Run | undefined;
let runs = 0;
let pending: ReturnType<typeof setTimeout> | undefined;
let live: LiveCurves | undefined;
let lastObjective: nn.ThresholdObjective = { kind: 'f1' };

function status(text: string, phase: 'training' | 'done' | 'failed' | 'idle'): void {
  $('#status').textContent = text;
  document.body.dataset.phase = phase;
}

function setState(patch: Partial<PlaygroundState>, kind: ChangeKind): void {
  state = { ...state, ...patch };
  history.replaceState(null, '', `?${stateToQuery(state)}`);
  if (kind === 'lab') showLab();
  else scheduleTrain();
}

function scheduleTrain(): void {
  clearTimeout(pending);
  pending = setTimeout(() => void train(), 250);
}

async function train(): Promise<void> {
  const id = ++runs;
  trainer.stop();
  status('Preparing the rows…', 'training');
  // NOTE: the accuracy-only mistake sets its own data: 2% positives and no flipped labels.
  const accuracyOnly = state.mistakes.includes('accuracy-only');
  const prevalence = accuracyOnly ? 0.02 : state.prevalence;
  let prepared: PreparedData;
  try {
    const source = state.data === 'csv' ? csvSource! : await loadSource(state.data, prevalence, state.seed);
    prepared = prepareData(source, { prevalence, noise: accuracyOnly ? 0 : state.noise, seed: state.seed, mistakes: state.mistakes });
  } catch (error) {
    if (id === runs) fail((error as Error).message, (error as { code?: string }).code, id);
    return;
  }
  if (id !== runs) return;
  renderSplit(prepared);
  const grid = prepared.cols === 2 && prepared.source.kind === 'toy' ? makeGrid([prepared.train, prepared.validation, prepared.test]) : undefined;
  const job = jobOf(state, prepared, grid);
  live?.stop();
  const curves = (live = new LiveCurves($('#curves'), job.epochs, (logs, done) => status(
    `Training in a worker: epoch ${done} of ${job.epochs}, loss ${fixed(logs.loss)}${logs.val_loss === undefined ? '' : `, validation loss ${fixed(logs.val_loss)}`}`, 'training')));
  status(`Training in a worker: epoch 0 of ${job.epochs}…`, 'training');
  // NOTE: the marks bound "during training" (from a task of its own, after preparing the rows)
  // for anyone measuring the page; its tests do.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (id !== runs) return;
  performance.mark('playground:train-start', { detail: id });
  try {
    const result = await trainer.run(job, (_epoch, logs) => curves.add(logs));
    if (id !== runs) return;
    run = { prepared, job, result, grid };
  } catch (error) {
    if (id === runs) fail((error as Error).message, (error as { code?: string }).code, id);
    return;
  } finally {
    curves.stop();
    performance.mark('playground:train-end', { detail: id });
  }
  // NOTE: the results are drawn in a task of their own, after the training ended.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (id !== runs) return;
  renderCurves($('#curves'), run.result.history, job.epochs);
  const findings = findingsOfDiagnostics(run.result.diagnostics);
  renderFindings($('#doctor'), findings);
  $<HTMLButtonElement>('#copy-nnkit').disabled = false;
  $<HTMLButtonElement>('#copy-keras').disabled = false;
  $('#lab-panel').hidden = false;
  $('#boundary-figure').hidden = grid === undefined;
  showLab();
  document.body.dataset.run = String(id);
  status(`Trained ${run.result.history.loss.length} epochs on ${prepared.train.rows} rows (kernels: ${run.result.backend}).`, 'done');
}

/** A run the doctor (or anything else) stopped: its message, and no results from an older run. */
function fail(message: string, code: string | undefined, id: number): void {
  run = undefined;
  const finding: Finding = { code: code ?? 'error', severity: 'error', heading: 'thrown by compile / fit', message };
  renderFindings($('#doctor'), [finding]);
  $('#lab-panel').hidden = true;
  $('#boundary-figure').hidden = true;
  $<HTMLButtonElement>('#copy-nnkit').disabled = true;
  $<HTMLButtonElement>('#copy-keras').disabled = true;
  $('#code').hidden = true;
  document.body.dataset.run = String(id);
  status('Training did not run: see the model doctor below.', 'failed');
}

function rowsOf(r: Run, rows: 'validation' | 'test'): { y: Float32Array; scores: Float32Array } {
  return { y: r.prepared[rows].y, scores: r.result.scores[rows] };
}

function showLab(): void {
  showThreshold(state.threshold);
  if (run === undefined) return;
  const { y, scores } = rowsOf(run, state.rows);
  const costs = { fnCost: state.fnCost, fpCost: state.fpCost };
  renderLab(labNumbers(y, scores, state.threshold, costs), y, scores, run.prepared.classNames, costs);
  if (run.grid) drawBoundary($<HTMLCanvasElement>('#boundary'), run.grid, run.result.scores.grid, state.threshold, run.prepared);
  showOptimism(run);
}

/** With the threshold-on-test mistake: the test score it promises against the honest one. */
function showOptimism(r: Run): void {
  const box = $('#optimism');
  if (!state.mistakes.includes('threshold-on-test')) return box.replaceChildren();
  renderFindings(box, [optimismFinding(r.prepared, r.result.scores, lastObjective, state)]);
}

function snap(kind: string): void {
  if (run === undefined) return;
  const objectives: Record<string, nn.ThresholdObjective> = {
    f1: { kind: 'f1' }, youden: { kind: 'youden' }, precision: { kind: 'minPrecision', value: state.minPrecision },
    recall: { kind: 'minRecall', value: state.minRecall }, cost: { kind: 'cost', fnCost: state.fnCost, fpCost: state.fpCost },
  };
  lastObjective = objectives[kind];
  const rows = state.mistakes.includes('threshold-on-test') ? 'test' : 'validation';
  const { y, scores } = rowsOf(run, rows);
  const choice = nn.findThreshold(y, scores, lastObjective);
  $('#snap-note').textContent = `nn.findThreshold(y${rows === 'test' ? 'Test' : 'Val'}, scores, '${choice.description}') on the ${rows} rows → ` +
    `${choice.threshold.toFixed(4)}${choice.satisfied ? '' : ' (the target cannot be reached: the closest point)'}.`;
  setState({ threshold: choice.threshold }, 'lab');
}

async function copy(language: 'nnkit' | 'keras'): Promise<void> {
  if (run === undefined) return;
  const context = { data: describeRows(run.prepared, run.job.seed), threshold: state.threshold };
  const code = language === 'nnkit' ? nnkitCode(run.job, context) : kerasCode(run.job, context);
  $('#code').textContent = code;
  $('#code').hidden = false;
  const copied = await navigator.clipboard?.writeText(code).then(() => true, () => false);
  status(copied ? `Copied the ${language === 'nnkit' ? 'nnkit TypeScript' : 'Keras Python'} to the clipboard.` : 'The code is below (the clipboard is not available here).', 'done');
}

function acceptCsv(file: File): void {
  void showCsv(file, $('#csv-info'), (source) => {
    csvSource = source;
    $<HTMLOptionElement>('#csv-option').disabled = false;
    setState({ data: 'csv' }, 'data');
    showState(state);
  });
}

// The setup and the last run, to explore in the browser console (the page's tests read it too).
Object.defineProperty(window, 'playground', { get: () => ({ state, run }) });
history.replaceState(null, '', `?${stateToQuery(state)}`);
bindControls(setState);
renderMistakeSwitches($<HTMLFieldSetElement>('#mistakes'), state.mistakes, (mistakes) => setState({ mistakes }, mistakes.includes('threshold-on-test') === state.mistakes.includes('threshold-on-test') || run === undefined ? 'model' : 'lab'));
showState(state);
$('#train').addEventListener('click', () => void train());
document.querySelectorAll<HTMLButtonElement>('[data-snap]').forEach((button) => button.addEventListener('click', () => snap(button.dataset.snap!)));
$('#copy-nnkit').addEventListener('click', () => void copy('nnkit'));
$('#copy-keras').addEventListener('click', () => void copy('keras'));
$<HTMLInputElement>('#csv-file').addEventListener('change', () => {
  const file = $<HTMLInputElement>('#csv-file').files?.[0];
  if (file) acceptCsv(file);
});
const zone = $('#drop-zone');
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file) acceptCsv(file);
});
void train();
