/**
 * nnkit: train and trust neural-network classifiers the Keras way, in TypeScript.
 * Everything public is exported here.
 */
export { Tensor, tensor, type TensorLike, type LabelsLike, type NestedArray } from './tensor/tensor.js';
export { setSeed, Random } from './random/random.js';
export {
  NnkitError, ShapeError, ConfigError, DataError, StateError, FormatError,
  type ErrorKind, type DataLocation,
} from './errors.js';

export { layers } from './layers/registry.js';
export { input } from './layers/input-layer.js';
export { Layer, BaseLayer, type LayerConfig, type BaseLayerArgs } from './layers/base-layer.js';
export { MergeLayer } from './layers/merge-layer.js';
export { Dense, type DenseArgs } from './layers/dense.js';
export { Dropout, type DropoutArgs } from './layers/dropout.js';
export { ActivationLayer, type ActivationArgs } from './layers/activation-layer.js';
export { BatchNormalization, type BatchNormalizationArgs } from './layers/batch-normalization.js';
export { Normalization, type NormalizationArgs } from './layers/normalization.js';
export { Add } from './layers/add.js';
export { Concatenate } from './layers/concatenate.js';
export { InputLayer } from './layers/input-layer.js';
export { SymbolicTensor } from './layers/base-layer.js';
export type { Shape } from './layers/shape.js';
export { Variable } from './layers/variable.js';

export { activationNames, getActivation, type ActivationName, type Activation } from './activations/activations.js';
export { initializerNames, type InitializerName, type InitializerConfig } from './initializers/initializers.js';
export { l1, l2, l1l2, type RegularizerConfig } from './regularizers/regularizers.js';

export { losses, getLoss, lossNames } from './losses/get-loss.js';
export type { Loss, LossConfig, LossName } from './losses/loss.js';
export { optimizers, getOptimizer, optimizerNames } from './optimizers/get-optimizer.js';
export { Optimizer, type OptimizerArgs, type OptimizerConfig, type OptimizerName } from './optimizers/optimizer.js';
export { exponentialDecay, cosineDecay, piecewiseConstantDecay, type LearningRateSchedule } from './optimizers/schedules.js';

export { callbacks } from './callbacks/index.js';
export type { Callback, Logs, TrainingModel } from './callbacks/callback.js';
export { EarlyStopping } from './callbacks/early-stopping.js';
export { ReduceLROnPlateau } from './callbacks/reduce-lr-on-plateau.js';
export { TerminateOnNaN } from './callbacks/terminate-on-nan.js';
export { ModelCheckpoint } from './callbacks/model-checkpoint.js';

export { Model } from './model/model.js';
export type { PredictOptions } from './model/predict.js';
export type { EvaluateOptions } from './model/evaluate.js';
export { Sequential, sequential } from './model/sequential.js';
export { model } from './model/functional.js';
export { loadModel } from './model/load-model.js';
export { setModelStorage, type ModelStorage } from './model/model-storage.js';
export type { ModelFiles } from './model/model-files.js';
export { History } from './model/history.js';
export type { FitOptions } from './model/fit.js';
export type { FitDatasetOptions } from './model/fit-dataset.js';
export type { BatchSource, DataBatch } from './data/batch-source.js';
export type { CompileOptions, DoctorOptions } from './model/compile-options.js';
export type { ClassWeight } from './model/class-weight.js';

// Models that travel: Keras (.keras, .h5) and TensorFlow.js layers files in, TF.js and .keras out.
export { importModel, type ImportFormat, type ImportOptions } from './interop/import-model.js';
export { exportModel, exportFormats, registerExportFormat, type ExportFormatEntry } from './interop/export-model.js';
export type { ExportedModel } from './interop/exported-model.js';
export { exportOnnx } from './interop/onnx/export-onnx.js';
export { setHdf5Writer, type Hdf5Writer, type Hdf5Plan } from './interop/hdf5-writer.js';

// The model doctor: findings on model.diagnostics and history.diagnostics, errors thrown as
// DiagnosticError, codes silenced with compile({ silence }) (docs/diagnostics.md).
export {
  DiagnosticError, diagnosticCatalog, diagnosticCodes,
  type Diagnostic, type DiagnosticCode, type DiagnosticStage, type Severity,
} from './doctor/diagnostic.js';
export { checkFeatureNames } from './doctor/feature-names.js';

export { kernels, setKernels, setBackend, ready, backendName } from './kernels/backend.js';
export type { BackendName, BackendChoice } from './kernels/backend.js';
export type {
  ComputeKernels, CustomKernels, DataScans, DenseStep, KernelActivation, KernelMemory, Kernels,
} from './kernels/kernels.js';
export { setKernelThreads, kernelThreadStats } from './kernels/wasm/thread-pool.js';

// Metrics: the streaming compile-time metrics (`nn.metrics.auc()`, ...), and apart from them the
// scikit-learn-like evaluation functions over arrays of labels and scores
// (`nn.evaluation.rocAucScore(yTrue, yScore)`).
export { metrics, getMetric, METRIC_NAMES } from './metrics/index.js';
export type { Direction, Metric, MetricBatch, MetricConfig } from './metrics/metric.js';
export {
  Accuracy, AUC, ConfusionCount, FBetaScore, MeanLossMetric, Precision, Recall, TopKCategoricalAccuracy,
  type AccuracyKind, type AucOptions, type AucCurve, type AucSummation, type ConfusionCell,
  type ConfusionCountOptions, type FBetaScoreOptions, type FScoreAverage, type LossMetricKind,
  type LossMetricOptions, type PrecisionOptions, type RecallOptions, type TopKOptions,
} from './metrics/index.js';
export * as evaluation from './metrics/evaluation/index.js';

// Data: nn.data.Preprocessor, splitIndices, ... (the file readers are in the Node entry); the
// Keras-style utilities also at the top level.
export * as data from './data/index.js';
export { toCategorical } from './data/to-categorical.js';
export { argmax } from './data/argmax.js';
export { trainTestSplit, type TrainTestSplit, type TrainTestSplitOptions } from './data/train-test-split.js';

// The decision threshold: nn.findThreshold(yTrue, yScore, 'f1' | 'youden' | 'precision>=0.9' | ...).
export {
  findThreshold, operatingPoints, parseObjective,
  type ThresholdChoice, type ThresholdMetrics, type ThresholdObjective, type OperatingPoint,
} from './threshold/index.js';

// The nnkit command's default classifier, for library users too.
export { mlpClassifier, type MlpClassifier, type MlpClassifierOptions } from './classifier/mlp-classifier.js';
export { balancedClassWeight } from './classifier/balanced-class-weight.js';

// The pipeline `nnkit train` runs, as one object: preprocessing fitted on training rows, the model,
// the tuned threshold; it takes raw rows and saves to bytes (or a folder in Node).
export { trainClassifier } from './classifier/train-classifier.js';
// The same over batches of raw text columns, for a file larger than memory (Node: nn.trainClassifierFile).
export { trainClassifierStream, type StreamClassifierOptions } from './classifier/train-classifier-stream.js';
export { crossValidate, type CrossValidateOptions, type CrossValidation, type CvFold } from './classifier/cross-validate.js';
export { logisticBaseline, baselinesOf, type Baselines, type BaselineFigures } from './classifier/logistic-baseline.js';
export { shrinkThreshold, type ShrunkThreshold } from './classifier/threshold-shrinkage.js';
export type { FoldMetrics, MeanSd } from './classifier/cv-metrics.js';
export type { ColumnImportance, PermutationImportance, PermutationImportanceOptions } from './classifier/permutation-importance.js';
export { loadClassifier } from './classifier/load-classifier.js';
export { Classifier, type ClassifierPredictOptions, type ClassifierPrediction } from './classifier/classifier.js';
export { CLASSIFIER_DEFAULTS, type TrainClassifierOptions } from './classifier/classifier-options.js';
export { SMALL_TABLE_ROWS, SMALL_TABLE_SETTINGS } from './classifier/table-size-settings.js';
export type { ClassifierRows, ColumnsByName, ObjectRow } from './classifier/classifier-rows.js';
export type { ClassifierEvaluateOptions, ClassifierEvaluation } from './classifier/evaluate-table.js';
export type { BinaryResults, ClassifierResults, MulticlassResults } from './classifier/evaluate-classifier.js';
export type {
  ClassifierPipeline, PipelineThreshold, TrainingData, TrainingSettings, TrainingSummary,
} from './classifier/classifier-pipeline.js';
export type { TrainingRun } from './classifier/training-run.js';
export type { PlannedSettings, TableSize, TrainingPlan, TrainingTable } from './classifier/training-plan.js';
export type { ClassifierWarning } from './classifier/classifier-warnings.js';
export type { ChosenThreshold } from './classifier/threshold-choice.js';
export { evaluationReport, trainingReport } from './classifier/classifier-report.js';
