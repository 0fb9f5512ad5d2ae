import type { TrainingModel } from '../callbacks/callback.js';
import { ConfigError, StateError, show } from '../errors.js';
import { checkFeatureCount } from '../doctor/check-feature-count.js';
import type { Diagnostic, DiagnosticStage } from '../doctor/diagnostic.js';
import { Doctor } from '../doctor/doctor.js';
import { matchingNames } from '../doctor/feature-names.js';
import { toFeatures } from '../doctor/to-features.js';
import type { BaseLayer, SymbolicTensor } from '../layers/base-layer.js';
import { getLoss } from '../losses/get-loss.js';
import type { Loss } from '../losses/loss.js';
import { getOptimizer } from '../optimizers/get-optimizer.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { LabelsLike, Tensor, TensorLike } from '../tensor/tensor.js';
import type { CompileOptions } from './compile-options.js';
import { diagnoseCompile } from './diagnose-compile.js';
import { evaluateModel, type EvaluateOptions } from './evaluate.js';
import { fitModel, type FitOptions } from './fit.js';
import { fitDatasetModel, type FitDatasetOptions } from './fit-dataset.js';
import type { BatchSource } from '../data/batch-source.js';
import { Graph } from './graph.js';
import type { History } from './history.js';
import { getMetric } from '../metrics/get-metric.js';
import { Parameters } from './parameters.js';
import { summarize, type SummaryOptions } from './summary.js';
import { chooseThreshold } from './tune-threshold.js';
import type { ThresholdChoice } from '../threshold/find-threshold.js';
import type { ThresholdObjective } from '../threshold/objective.js';
import type { ModelPort } from './model-port.js';
import { predictClasses, predictModel, predictProbabilities, type PredictOptions } from './predict.js';
import { Trainer } from './trainer.js';
import { filesToBytes } from './model-files.js';
import { modelStorage } from './model-storage.js';
import { modelToFiles } from './model-to-files.js';

let portOf: (model: Model) => ModelPort;

/**
 * A model: a graph of layers from one input to one output, with Keras' workflow on top —
 * compile, fit, predict, evaluate, summary, save. `nn.model({ inputs, outputs })` makes a
 * functional model; `nn.sequential([...])` a stack.
 */
export class Model implements TrainingModel {
  readonly name: string;
  stopTraining = false;
  /** The decision threshold for one-unit outputs: predictClasses and thresholded metrics use it. */
  threshold = 0.5;
  /** The input columns' names, in order: the doctor's messages and column checks use them. Saved. */
  featureNames: readonly string[] | undefined = undefined;
  /** Free-form JSON saved with the model, for the application's own use. */
  metadata: Record<string, unknown> = {};
  /** The model doctor: silenced codes, warnings found so far, the training feature ranges. */
  readonly doctor = new Doctor();
  protected graph: Graph | undefined;
  private parameters: Parameters | undefined;
  private compileOptions: CompileOptions | undefined;
  private trainer: Trainer | undefined;
  private readonly port: ModelPort = this.createPort();

  static {
    // NOTE: modelPort() below reads the private port from outside the class: a static block is
    // inside it, so it may.
    portOf = (model) => model.port;
  }

  constructor(args: { inputs: SymbolicTensor; outputs: SymbolicTensor; name?: string } | { name: string }) {
    this.name = args.name ?? 'functional';
    if ('inputs' in args) this.setGraph(new Graph(args.inputs, args.outputs));
  }

  protected setGraph(graph: Graph): void {
    this.graph = graph;
    this.parameters = new Parameters(graph.layers);
  }

  /** Builds the model for `features` inputs if it has no graph yet (Sequential without inputShape). */
  protected ensureBuilt(_features: number): void {}

  /** Builds the model if it knows its input shape (Sequential with an inputShape). */
  protected tryBuild(): void {}

  /** Every layer, input layer first for functional models. */
  get layers(): readonly BaseLayer[] {
    this.tryBuild();
    return this.graph ? [this.graph.input.layer, ...this.graph.layers] : [];
  }

  /** Whether the graph exists, without building it. */
  protected get hasGraph(): boolean {
    return this.graph !== undefined;
  }

  get built(): boolean {
    this.tryBuild();
    return this.graph !== undefined;
  }

  /** The graph, for code that walks the model (summary, saving, diagnostics). */
  get modelGraph(): Graph {
    this.tryBuild();
    if (!this.graph) {
      throw new StateError('state/not-built', `Model "${this.name}" is not built yet: give the first layer an inputShape, or call fit/predict once.`);
    }
    return this.graph;
  }

  get inputFeatures(): number {
    return this.modelGraph.input.shape[1] as number;
  }

  get outputUnits(): number {
    const shape = this.modelGraph.output.shape;
    return shape[shape.length - 1] as number;
  }

  get optimizer(): Optimizer | undefined {
    return this.trainer?.optimizer;
  }

  /** The compiled loss, once the model is compiled and built. */
  get loss(): Loss | undefined {
    return this.trainer?.loss;
  }

  get compiled(): CompileOptions | undefined {
    return this.compileOptions;
  }

  /** Every warning the model doctor found on this model (compile, fit, training, predict, evaluate). */
  get diagnostics(): readonly Diagnostic[] {
    return this.doctor.diagnostics;
  }

  /** Keras' compile, plus `silence`: diagnostic codes the model doctor should not report. */
  compile(options: CompileOptions): void {
    if (typeof options !== 'object' || options === null || options.loss === undefined || options.optimizer === undefined) {
      throw new ConfigError(
        'config/compile',
        "compile() needs { optimizer, loss }, e.g. model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] }).",
      );
    }
    if (options.metrics !== undefined && !Array.isArray(options.metrics)) {
      throw new ConfigError('config/metrics', `compile({ metrics }) expects an array such as ['accuracy'] but got ${show(options.metrics)}.`);
    }
    const loss = getLoss(options.loss);
    const optimizer = getOptimizer(options.optimizer);
    const metrics = (options.metrics ?? []).map((m) => getMetric(m));
    diagnoseCompile(this.port, loss, metrics, options);
    this.compileOptions = { ...options, loss, optimizer, metrics };
    this.trainer = undefined;
    if (this.built) this.createTrainer();
  }

  private createTrainer(): void {
    const options = this.compileOptions!;
    this.parameters = new Parameters(this.modelGraph.layers);
    // NOTE: compile stored resolved objects, so these calls return them as they are.
    const metrics = (options.metrics ?? []).map((m) => getMetric(m));
    this.trainer = new Trainer(this.modelGraph, this.parameters, getLoss(options.loss), getOptimizer(options.optimizer), metrics);
    this.trainer.threshold = this.threshold;
  }

  /** The trainer, after checking the model is compiled and built for `features` inputs. */
  private prepare(features: number, what: string): Trainer {
    if (!this.compileOptions) {
      throw new StateError(
        'state/not-compiled',
        `${what} needs a compiled model: call model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' }) first.`,
      );
    }
    this.ensureBuilt(features);
    if (!this.trainer) this.createTrainer();
    this.trainer!.threshold = this.threshold;
    return this.trainer!;
  }

  async fit(x: TensorLike, y: LabelsLike, options: FitOptions = {}): Promise<History> {
    return fitModel(this.port, x, y, options);
  }

  /**
   * Trains over a source of batches that need not fit in memory (TF.js' fitDataset): an async
   * iterable of { xs, ys } chunks or a function returning a new one per pass, shuffled through
   * a seeded buffer of `shuffleBuffer` rows. See FitDatasetOptions.
   */
  async fitDataset(source: BatchSource, options: FitDatasetOptions = {}): Promise<History> {
    return fitDatasetModel(this.port, source, options);
  }

  /** ModelPort.checkInput. */
  private checkInput(x: TensorLike, what: string, stage: DiagnosticStage = 'fit', finite = true): Tensor {
    const names = this.built ? matchingNames(this.featureNames, this.inputFeatures) : undefined;
    const t = toFeatures(x, what, stage, names, finite);
    this.ensureBuilt(t.cols);
    checkFeatureCount(t, this.inputFeatures, what, stage);
    return t;
  }

  /** Model outputs for every row of x, in inference mode: a Tensor (rows, outputUnits). */
  predict(x: TensorLike, options: PredictOptions = {}): Tensor {
    return predictModel(this.port, x, options);
  }

  /** Predicted probabilities: the output itself, or sigmoid / softmax of it for a fromLogits loss. */
  predictProbabilities(x: TensorLike, options: PredictOptions = {}): Tensor {
    return predictProbabilities(this.port, x, options);
  }

  /**
   * Class per row: for a one-unit output, 1 when the probability is above the threshold (the
   * model's, 0.5 by default, or options.threshold); otherwise the argmax.
   */
  predictClasses(x: TensorLike, options: PredictOptions & { threshold?: number } = {}): Int32Array {
    return predictClasses(this.port, x, options);
  }

  /**
   * Loss and every compiled metric over (x, y), in inference mode; for a one-unit output also
   * the majority baseline and, with `confidence`, bootstrap intervals.
   */
  evaluate(x: TensorLike, y: LabelsLike, options: EvaluateOptions = {}): Record<string, number> {
    return evaluateModel(this.port, x, y, options);
  }

  /**
   * Chooses the decision threshold on validation rows for an objective ('f1', 'youden',
   * 'precision>=0.9', 'recall>=0.95', 'cost=10', or an objective object) and stores it in the
   * model: predictClasses, thresholded metrics and the saved model use it until changed.
   */
  tuneThreshold(xVal: TensorLike, yVal: LabelsLike, objective: ThresholdObjective | string = 'f1'): ThresholdChoice {
    const choice = chooseThreshold(this.port, xVal, yVal, objective);
    this.threshold = choice.threshold;
    if (this.trainer) this.trainer.threshold = choice.threshold;
    return choice;
  }

  regularizationLoss(): number {
    return this.parameters ? this.parameters.regularizationLoss() : 0;
  }

  getWeights(): Float32Array[] {
    this.tryBuild();
    return this.parameters ? this.parameters.getWeights() : [];
  }

  setWeights(weights: readonly Float32Array[]): void {
    if (!this.parameters) throw new StateError('state/not-built', `Model "${this.name}" has no weights until it is built.`);
    this.parameters.setWeights(weights);
  }

  countParams(): number {
    return this.layers.reduce((sum, layer) => sum + layer.countParams(), 0);
  }

  directionOf(logKey: string): 'up' | 'down' | undefined {
    const key = logKey.replace(/^val_/, '');
    if (key === 'loss') return 'down';
    return this.trainer?.metrics.find((m) => m.name === key)?.direction;
  }

  /** The port this model hands to fit, predict, evaluate and the doctor's coordinators. */
  private createPort(): ModelPort {
    const model = this;
    return {
      model,
      doctor: this.doctor,
      get threshold() { return model.threshold; },
      get featureNames() { return model.featureNames; },
      get built() { return model.built; },
      get graph() { return model.modelGraph; },
      get layers() { return model.layers; },
      get inputFeatures() { return model.inputFeatures; },
      get outputUnits() { return model.outputUnits; },
      get trainer() { return model.trainer; },
      prepare: (features, what) => this.prepare(features, what),
      checkInput: (x, what, stage, finite) => this.checkInput(x, what, stage, finite),
      checkFeatureCount: (t, what, stage) => checkFeatureCount(t, this.inputFeatures, what, stage),
      regularizationLoss: () => this.regularizationLoss(),
    };
  }

  /** Prints (and returns) Keras' summary table: layers, output shapes, parameter counts. */
  summary(options: SummaryOptions = {}): string {
    return summarize(this, options);
  }

  /** 'Sequential' or 'Functional', the class name Keras and the saved format use. */
  get className(): 'Sequential' | 'Functional' {
    return 'Functional';
  }

  /**
   * Saves the model at `path` through the registered storage (in Node, a folder: model.json and
   * the weights, replaced atomically, so an interrupted save leaves the old model or the new). A
   * `signal` aborted before the switch rolls the save back.
   */
  async save(path: string, options: { includeOptimizer?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    await modelStorage('model.save').save(path, modelToFiles(this, options), { signal: options.signal });
  }

  /** The model as one self-describing blob (a zip of the saved files); `nn.loadModel(bytes)` reads it. */
  toBytes(options: { includeOptimizer?: boolean } = {}): Uint8Array {
    return filesToBytes(modelToFiles(this, options));
  }
}

/**
 * A model's port (model-port.ts): its internals, such as the Trainer and the input checks, for
 * model/ code that works on a whole model (saving, loading). Not exported from the package.
 */
export function modelPort(model: Model): ModelPort {
  return portOf(model);
}

