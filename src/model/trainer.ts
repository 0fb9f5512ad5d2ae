import type { Loss } from '../losses/loss.js';
import type { Metric } from '../metrics/metric.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { Tensor } from '../tensor/tensor.js';
import { isFusable, type Graph } from './graph.js';
import type { Parameters } from './parameters.js';

/**
 * One compiled training setup: the loss, the optimizer, the metrics, and the buffers a batch
 * step reuses. `trainBatch` is forward → loss → backward → step → metrics; `testBatch` is
 * forward → loss → metrics. Losses are reduced as Keras' sum_over_batch_size: Σ w·loss / rows.
 */
export class Trainer {
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  readonly metrics: Metric[];
  private readonly graph: Graph;
  private readonly parameters: Parameters;
  /** The output activation when the loss can fuse with it (gradient p − y). */
  private readonly fusedActivation: string | undefined;
  private perRow = new Float64Array(0);
  private grad = new Float32Array(0);
  private probabilities = new Float32Array(0);
  /** Running sums over the current epoch for the loss: Σ w·loss and Σ rows. */
  private lossSum = 0;
  private rowSum = 0;
  /** Σ rows · regularization over the training batches since `reset`, and their rows. */
  private penaltySum = 0;
  private penaltyRows = 0;
  threshold = 0.5;
  /** Called with each training batch's outputs and labels (the model doctor counts predicted classes). */
  onTrainBatch: ((yPred: Tensor, y: Tensor) => void) | undefined;

  constructor(graph: Graph, parameters: Parameters, loss: Loss, optimizer: Optimizer, metrics: Metric[]) {
    this.graph = graph;
    this.parameters = parameters;
    this.loss = loss;
    this.optimizer = optimizer;
    this.metrics = metrics;
    const outputLayer = graph.outputLayer;
    this.fusedActivation = isFusable(outputLayer) && loss.fusedBackward ? outputLayer.outputActivation : undefined;
    optimizer.build(parameters.trainable, parameters.values.length);
  }

  /** One optimizer step on a batch; returns the batch loss (with regularization). */
  trainBatch(x: Tensor, y: Tensor, sampleWeight: Float32Array | undefined): number {
    const yPred = this.graph.forward(x, true);
    const rows = yPred.rows;
    const cols = yPred.cols;
    const dataLoss = this.accumulateLoss(yPred, y, sampleWeight);
    this.onTrainBatch?.(yPred, y);
    const grad = this.buffer('grad', rows * cols);
    const fused = this.fusedActivation !== undefined &&
      this.loss.fusedBackward!(this.fusedActivation as never, yPred.data, y.data, rows, cols, y.cols, grad);
    if (!fused) this.loss.backward(yPred.data, y.data, rows, cols, y.cols, grad);
    // ∂(Σ w_i · loss_i / rows) / ∂ loss_i = w_i / rows
    for (let i = 0; i < rows; i++) {
      const scale = (sampleWeight ? sampleWeight[i] : 1) / rows;
      for (let j = 0; j < cols; j++) grad[i * cols + j] *= scale;
    }
    this.updateMetrics(yPred, y, sampleWeight);
    this.graph.backward(new Tensor(grad, [rows, cols]), fused);
    const regularization = this.parameters.regularizationLoss();
    this.penaltySum += regularization * rows;
    this.penaltyRows += rows;
    this.parameters.addRegularizationGradients();
    this.optimizer.apply(this.parameters.values, this.parameters.grads);
    return dataLoss + regularization;
  }

  /** Forward in inference mode; updates the epoch loss and metrics. */
  testBatch(x: Tensor, y: Tensor, sampleWeight: Float32Array | undefined): void {
    const yPred = this.graph.forward(x, false);
    this.accumulateLoss(yPred, y, sampleWeight);
    this.updateMetrics(yPred, y, sampleWeight);
  }

  /** Clears the loss and metric sums (start of an epoch or an evaluation). */
  reset(): void {
    this.lossSum = 0;
    this.rowSum = 0;
    this.penaltySum = 0;
    this.penaltyRows = 0;
    for (const m of this.metrics) m.reset();
  }

  /** The loss and every metric over everything since `reset`, keys prefixed (`val_`). */
  results(prefix: string, regularization: number): Record<string, number> {
    const logs: Record<string, number> = { [`${prefix}loss`]: this.epochLoss(regularization) };
    for (const m of this.metrics) logs[`${prefix}${m.name}`] = m.result();
    return logs;
  }

  /**
   * The epoch's loss: Keras averages batch losses weighted by batch size. NOTE: after training
   * batches, each batch's loss holds the penalty of the weights it was computed with (as Keras'
   * loss tracker does); after evaluation batches the weights did not change, so the current
   * penalty `regularization` is added.
   */
  epochLoss(regularization: number): number {
    if (this.rowSum === 0) return 0;
    const penalty = this.penaltyRows > 0 ? this.penaltySum / this.penaltyRows : regularization;
    return this.lossSum / this.rowSum + penalty;
  }

  private accumulateLoss(yPred: Tensor, y: Tensor, sampleWeight: Float32Array | undefined): number {
    const rows = yPred.rows;
    if (this.perRow.length < rows) this.perRow = new Float64Array(rows);
    this.loss.forward(yPred.data, y.data, rows, yPred.cols, y.cols, this.perRow);
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += (sampleWeight ? sampleWeight[i] : 1) * this.perRow[i];
    this.lossSum += sum;
    this.rowSum += rows;
    return sum / rows;
  }

  private updateMetrics(yPred: Tensor, y: Tensor, sampleWeight: Float32Array | undefined): void {
    if (this.metrics.length === 0) return;
    const scores = this.loss.fromLogits ? this.toProbabilities(yPred) : yPred.data;
    const batch = {
      yTrue: y.data, yPred: scores, rows: yPred.rows, labelCols: y.cols, predCols: yPred.cols,
      sampleWeight, threshold: this.threshold,
    };
    for (const m of this.metrics) m.update(batch);
  }

  /**
   * NOTE: with fromLogits the model outputs logits, but every metric is defined on
   * probabilities (a 0.5 threshold on logits is a classic silent bug), so metrics see
   * sigmoid (one column) or softmax (several) of the output.
   */
  toProbabilities(yPred: Tensor): Float32Array {
    const rows = yPred.rows;
    const cols = yPred.cols;
    const out = this.buffer('probabilities', rows * cols);
    logitsToProbabilities(yPred.data, out, rows, cols);
    return out;
  }

  private buffer(name: 'grad' | 'probabilities', size: number): Float32Array {
    let b = name === 'grad' ? this.grad : this.probabilities;
    if (b.length < size) {
      b = new Float32Array(size);
      if (name === 'grad') this.grad = b;
      else this.probabilities = b;
    }
    return b.length === size ? b : b.subarray(0, size);
  }
}

/** logits (rows, cols) → probabilities: sigmoid for one column, softmax across several. */
export function logitsToProbabilities(logits: Float32Array, out: Float32Array, rows: number, cols: number): void {
  if (cols === 1) {
    for (let i = 0; i < rows; i++) {
      const z = logits[i];
      out[i] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
    return;
  }
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, logits[o + j]);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += (out[o + j] = Math.exp(logits[o + j] - max));
    for (let j = 0; j < cols; j++) out[o + j] /= sum;
  }
}
