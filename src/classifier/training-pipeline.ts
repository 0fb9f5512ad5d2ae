import type { Preprocessor } from '../data/preprocessor.js';
import type { PipelineCalibration } from './calibration.js';
import type { CalibrationRun } from './calibration-run.js';
import type { ClassifierPipeline, PipelineThreshold } from './classifier-pipeline.js';
import type { ClassifierSettings } from './classifier-options.js';
import { headlineMetrics } from './results-json.js';
import type { TrainingTable } from './training-plan.js';
import type { TrainingRun } from './training-run.js';

/** The pipeline section of a classifier trainClassifier has just trained. */
export function trainingPipeline(parts: {
  readonly table: TrainingTable;
  readonly settings: ClassifierSettings;
  readonly preprocessor: Preprocessor;
  readonly run: TrainingRun;
  readonly monitor: string;
}): ClassifierPipeline {
  const { table, settings, run } = parts;
  const target = table.target!;
  const classNames = target.classes;
  const history = Object.fromEntries(Object.entries(run.history.history).map(([key, values]) => [key, [...values]]));
  return {
    format: 'nnkit.classifier',
    version: 2,
    task: classNames.length === 2 ? 'binary' : 'multiclass',
    target: target.name,
    classNames: [...classNames],
    ...(target.positive === undefined ? {} : { positiveClass: { value: target.positive.value, message: target.positive.message } }),
    preprocessor: parts.preprocessor.getConfig(),
    ...(run.threshold === undefined ? {} : { threshold: thresholdSection(run) }),
    ...(run.calibration === undefined ? {} : { calibration: calibrationSection(run.calibration) }),
    ...(run.ensemble === undefined ? {} : { ensemble: { members: run.ensemble.members, epochs: [...run.ensemble.epochs] } }),
    ...(run.refit === undefined ? {} : { refit: { epochs: run.refit.epochs } }),
    ...(run.resultsOn === 'test' ? {} : { testMetricsOn: run.resultsOn }),
    data: {
      ...(table.file === undefined ? {} : { file: table.file }),
      rows: table.rows,
      columns: table.header.length,
      ...(table.delimiter === undefined ? {} : { delimiter: table.delimiter }),
      classCounts: [...target.counts],
      featureColumns: table.features.columns.map((column) => column.name),
    },
    split: { train: run.split.train.length, validation: run.split.validation.length, test: run.split.test.length, seed: settings.seed },
    training: {
      settings: {
        hidden: [...settings.hidden],
        dropout: settings.dropout,
        epochs: settings.epochs,
        patience: settings.patience,
        batchSize: settings.batchSize,
        optimizer: settings.optimizer,
        learningRate: settings.learningRate ?? null,
        classWeight: settings.classWeight,
        validationSplit: settings.validationSplit,
        testSplit: settings.testSplit,
        seed: settings.seed,
      },
      history,
      epochsRun: run.history.epoch.length,
      monitor: parts.monitor,
      bestEpoch: run.bestEpoch,
      ...(run.stoppedEpoch === undefined ? {} : { stoppedEpoch: run.stoppedEpoch }),
    },
    testMetrics: headlineMetrics(run.test),
    createdAt: new Date().toISOString(),
  };
}

function thresholdSection(run: TrainingRun): PipelineThreshold {
  const threshold = run.threshold!;
  const tuned = threshold.validation !== undefined;
  const rows = run.ensemble === undefined ? run.split.validation.length : run.split.train.length;
  return { objective: threshold.objective, value: threshold.value, rule: threshold.rule, ...(tuned ? { rows } : {}) };
}

/** The saved part of a run's calibration (without the results' reliability curves). */
function calibrationSection(calibration: CalibrationRun): PipelineCalibration {
  const { map, fittedOn, rows, before, after } = calibration;
  return { map, fittedOn, rows, before, after };
}
