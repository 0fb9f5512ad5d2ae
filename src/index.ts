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
export { Layer, MergeLayer, BaseLayer, type LayerConfig, type BaseLayerArgs } from './layers/base-layer.js';
export { Dense, type DenseArgs } from './layers/dense.js';
export { Dropout, type DropoutArgs } from './layers/dropout.js';
export { ActivationLayer, type ActivationArgs } from './layers/activation-layer.js';
export { BatchNormalization, type BatchNormalizationArgs } from './layers/batch-normalization.js';
export { Add } from './layers/add.js';
export { Concatenate } from './layers/concatenate.js';
export { InputLayer } from './layers/input-layer.js';
export { SymbolicTensor, type Shape } from './layers/symbolic-tensor.js';
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
export { CsvLogger } from './callbacks/csv-logger.js';

export { Model, type PredictOptions, type EvaluateOptions } from './model/model.js';
export { Sequential, sequential } from './model/sequential.js';
export { model, loadModel, loadModelFromBytes } from './model/functional.js';
export { History } from './model/history.js';
export type { FitOptions } from './model/fit.js';
export type { CompileOptions } from './model/compile-options.js';
export type { ClassWeight } from './model/class-weight.js';

// The model doctor: findings on model.diagnostics and history.diagnostics, errors thrown as
// DiagnosticError, codes silenced with compile({ silence }) (docs/diagnostics.md).
export {
  DiagnosticError, diagnosticCatalog, diagnosticCodes,
  type Diagnostic, type DiagnosticCode, type DiagnosticStage, type Severity,
} from './doctor/diagnostic.js';
export type { DoctorOptions } from './doctor/diagnose-compile.js';
export { checkFeatureNames } from './doctor/feature-names.js';

export { kernels, setKernels, setBackend, ready, backendName } from './kernels/backend.js';
export type { BackendName, BackendChoice } from './kernels/backend.js';
export type {
  ComputeKernels, CustomKernels, DataScans, DenseStep, KernelActivation, KernelMemory, Kernels,
} from './kernels/kernels.js';
export { setKernelThreads, kernelThreadStats } from './kernels/wasm/thread-pool.js';

// Metrics: streaming compile-time metrics (`nn.metrics.auc()`, ...) and scikit-learn-like
// evaluation functions over arrays of labels and scores.
export * from './metrics/index.js';

// Data: nn.data.readCsv, readCsvBatches, Preprocessor, splitIndices, ... (browser-safe: the file
// readers load on first call); the Keras-style utilities also at the top level.
export * as data from './data/index.js';
export { toCategorical } from './data/to-categorical.js';
export { argmax } from './data/argmax.js';
export { trainTestSplit, type TrainTestSplit, type TrainTestSplitOptions } from './data/train-test-split.js';

// The decision threshold: nn.findThreshold(yTrue, yScore, 'f1' | 'youden' | 'precision>=0.9' | ...).
export * from './threshold/index.js';

// The nnkit command's default classifier, for library users too.
export { mlpClassifier, type MlpClassifier, type MlpClassifierOptions } from './classifier/mlp-classifier.js';
export { balancedClassWeight } from './classifier/balanced-class-weight.js';
