import type { TrainingModel } from '../callbacks/callback.js';
import { ConfigError, StateError, show } from '../errors.js';
import { diagnose, raise, type Diagnostic, type DiagnosticStage } from '../doctor/diagnostic.js';
import { diagnoseCompile } from '../doctor/diagnose-compile.js';
import { Doctor } from '../doctor/doctor.js';
import { featureNames } from '../doctor/feature-names.js';
import { toFeatures } from '../doctor/to-features.js';
import type { BaseLayer } from '../layers/base-layer.js';
import type { SymbolicTensor } from '../layers/symbolic-tensor.js';
import { getLoss } from '../losses/get-loss.js';
import { getOptimizer } from '../optimizers/get-optimizer.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { LabelsLike, Tensor, TensorLike } from '../tensor/tensor.js';
import type { CompileOptions } from './compile-options.js';
import { fitModel, type FitOptions } from './fit.js';
import { Graph } from './graph.js';
import type { History } from './history.js';
import { getMetric } from '../metrics/get-metric.js';
import { Parameters } from './parameters.js';
import { summarize, type SummaryOptions } from './summary.js';
import { evaluateModel } from './evaluate.js';
import { chooseThreshold } from './tune-threshold.js';
import type { ThresholdChoice } from '../threshold/find-threshold.js';
import type { ThresholdObjective } from '../threshold/objective.js';
import { predictClasses, predictModel, predictProbabilities } from './predict.js';
import { Trainer } from './trainer.js';

/** Options for predict and evaluate. */
export interface PredictOptions {
  batchSize?: number;
  /** 0 keeps the doctor's warnings (feature drift) off the console; they are on model.diagnostics either way. */
  verbose?: 0 | 1;
}

export interface EvaluateOptions extends PredictOptions {
  sampleWeight?: LabelsLike;
  /**
   * For one-unit (binary) outputs: adds seeded bootstrap confidence intervals at this level for
   * accuracy, precision, recall, f1 and auc, as `<name>_low` / `<name>_high`.
   */
  confidence?: number;
  /** Bootstrap resamples (default 1000) and seed (default 0). */
  resamples?: number;
  seed?: number;
}


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
  /** JSON-serializable data saved with the model (the CLI keeps its preprocessing here). */
  metadata: Record<string, unknown> = {};
  /** The model doctor: silenced codes, warnings found so far, the training feature ranges. */
  readonly doctor = new Doctor();
  protected graph: Graph | undefined;
  private parameters: Parameters | undefined;
  private compileOptions: CompileOptions | undefined;
  trainer: Trainer | undefined;

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
    diagnoseCompile(this, loss, metrics, options);
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
  prepare(features: number, what: string): Trainer {
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
    return fitModel(this, x, y, options);
  }

  /**
   * Checks x against the model's input and converts it (numbers only, finite, the right
   * columns). `finite: false` skips the finiteness check, for a caller that checks every value
   * itself (predict does, chunk by chunk).
   */
  checkInput(x: TensorLike, what: string, stage: DiagnosticStage = 'fit', finite = true): Tensor {
    const names = this.built ? featureNames(this, this.inputFeatures) : undefined;
    const t = toFeatures(x, what, stage, names, finite);
    this.ensureBuilt(t.cols);
    this.checkFeatureCount(t, what, stage);
    return t;
  }

  /** Checks that an already converted (finite, 2-D) input has the model's feature count. */
  checkFeatureCount(t: Tensor, what: string, stage: DiagnosticStage): void {
    if (t.cols !== this.inputFeatures) {
      raise(diagnose('feature-count-mismatch', stage, {
        what: `${what}: the model expects ${this.inputFeatures} input features but got ${t.cols} per row.`,
        why: 'The model reads features by position, so it cannot run on a different number of columns.',
        fix: 'Pass the same columns, in the same order, as in training (drop the label column and any id column).',
      }, { expected: this.inputFeatures, received: t.cols }));
    }
  }

  /** Model outputs for every row of x, in inference mode: a Tensor (rows, outputUnits). */
  predict(x: TensorLike, options: PredictOptions = {}): Tensor {
    return predictModel(this, x, options);
  }

  /** Predicted probabilities: the output itself, or sigmoid / softmax of it for a fromLogits loss. */
  predictProbabilities(x: TensorLike, options: PredictOptions = {}): Tensor {
    return predictProbabilities(this, x, options);
  }

  /**
   * Class per row: for a one-unit output, 1 when the probability is above the threshold (the
   * model's, 0.5 by default, or options.threshold); otherwise the argmax.
   */
  predictClasses(x: TensorLike, options: PredictOptions & { threshold?: number } = {}): Int32Array {
    return predictClasses(this, x, options);
  }

  /**
   * Loss and every compiled metric over (x, y), in inference mode; for a one-unit output also
   * the majority baseline and, with `confidence`, bootstrap intervals.
   */
  evaluate(x: TensorLike, y: LabelsLike, options: EvaluateOptions = {}): Record<string, number> {
    return evaluateModel(this, x, y, options);
  }

  /**
   * Chooses the decision threshold on validation rows for an objective ('f1', 'youden',
   * 'precision>=0.9', 'recall>=0.95', 'cost=10', or an objective object) and stores it in the
   * model: predictClasses, thresholded metrics and the saved model use it until changed.
   */
  tuneThreshold(xVal: TensorLike, yVal: LabelsLike, objective: ThresholdObjective | string = 'f1'): ThresholdChoice {
    const choice = chooseThreshold(this, xVal, yVal, objective);
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

  /** Prints (and returns) Keras' summary table: layers, output shapes, parameter counts. */
  summary(options: SummaryOptions = {}): string {
    return summarize(this, options);
  }

  /** Writes the model to a directory: architecture and training config as JSON, weights as float32. */
  async save(path: string, options: { includeOptimizer?: boolean } = {}): Promise<void> {
    const { saveModel } = await import('../io/save-model.js');
    await saveModel(this, path, options);
  }
}

export function checkBatchSize(batchSize: number | undefined): number | undefined {
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize <= 0)) {
    throw new ConfigError('config/batch-size', `batchSize should be a positive integer but got ${show(batchSize)}.`);
  }
  return batchSize;
}

