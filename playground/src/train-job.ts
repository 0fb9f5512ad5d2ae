import * as nn from '../../src/index.js';

/** What the page asks the worker to train: the model as the controls set it, and the rows. */
export interface TrainJob {
  readonly seed: number;
  readonly cols: number;
  readonly hidden: readonly number[];
  readonly activation: string;
  /** 'sigmoid' normally; 'softmax' is the one-unit-softmax mistake. */
  readonly output: 'sigmoid' | 'softmax';
  readonly optimizer: string;
  readonly learningRate: number;
  readonly dropout: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly metrics: readonly string[];
  readonly classWeight: Readonly<Record<number, number>> | undefined;
  readonly train: { readonly x: Float32Array; readonly y: Float32Array };
  readonly validation: { readonly x: Float32Array; readonly y: Float32Array };
  /** Validation as the last rows of train + validation (validationSplit), not validationData. */
  readonly validationSplit: boolean;
  /** Rows scored after training, besides train and validation: the test rows and the 2-D grid. */
  readonly score: Readonly<Record<string, Float32Array>>;
}

export type JobEvent =
  | { readonly type: 'epoch'; readonly epoch: number; readonly logs: Readonly<Record<string, number>> }
  | { readonly type: 'done'; readonly result: TrainResult }
  | { readonly type: 'failed'; readonly message: string; readonly code: string | undefined };

export interface TrainResult {
  readonly history: Readonly<Record<string, number[]>>;
  readonly diagnostics: readonly nn.Diagnostic[];
  /** Positive-class scores: train, validation, and every array of job.score. */
  readonly scores: Readonly<Record<string, Float32Array>>;
  readonly backend: string;
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The validationSplit that keeps exactly `trainRows` rows for training (fit keeps
 * floor(n · (1 − split))), as short as it can be written, so the exported code reads as trained.
 */
export function validationFraction(trainRows: number, validationRows: number): number {
  const n = trainRows + validationRows;
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  const candidates = [round(validationRows / n), round(validationRows / n - 1e-6), (validationRows - 1e-6) / n];
  return candidates.find((split) => Math.floor(n * (1 - split)) === trainRows) ?? candidates[2];
}

/** The model the job describes, as nn.sequential builds it. */
export function buildModel(job: TrainJob): nn.Sequential {
  const layers: nn.Layer[] = [];
  job.hidden.forEach((units, i) => {
    layers.push(nn.layers.dense({ units, activation: job.activation as nn.ActivationName, ...(i === 0 ? { inputShape: [job.cols] } : {}) }));
    if (job.dropout > 0) layers.push(nn.layers.dropout({ rate: job.dropout }));
  });
  layers.push(nn.layers.dense({ units: 1, activation: job.output, ...(job.hidden.length === 0 ? { inputShape: [job.cols] } : {}) }));
  return nn.sequential(layers);
}

/**
 * Trains as the page's code export writes it: seed, sequential model, compile, fit with the
 * validation rows; then scores every part. The doctor's errors come back as 'failed' events with
 * the message code gets, its warnings in result.diagnostics.
 */
export async function runTrainJob(job: TrainJob, post: (event: JobEvent) => void): Promise<void> {
  try {
    const backend = await nn.ready();
    nn.setSeed(job.seed);
    const model = buildModel(job);
    const optimizer = nn.getOptimizer({ className: job.optimizer as nn.OptimizerName, config: { learningRate: job.learningRate } });
    model.compile({ optimizer, loss: 'binary_crossentropy', metrics: job.metrics });
    const callbacks = [nn.callbacks.lambda({ onEpochEnd: (epoch: number, logs?: nn.Logs) => post({ type: 'epoch', epoch, logs: { ...logs } }) })];
    const trainRows = job.train.y.length;
    const validationRows = job.validation.y.length;
    const common = { epochs: job.epochs, batchSize: job.batchSize, verbose: 0 as const, callbacks, ...(job.classWeight ? { classWeight: job.classWeight } : {}) };
    const history = job.validationSplit
      ? await model.fit(nn.tensor(concat(job.train.x, job.validation.x), [trainRows + validationRows, job.cols]), concat(job.train.y, job.validation.y), {
        ...common,
        validationSplit: validationFraction(trainRows, validationRows),
      })
      : await model.fit(nn.tensor(job.train.x, [trainRows, job.cols]), job.train.y, {
        ...common, validationData: [nn.tensor(job.validation.x, [validationRows, job.cols]), job.validation.y],
      });
    const predict = (x: Float32Array) => model.predict(nn.tensor(x, [x.length / job.cols, job.cols]), { verbose: 0 }).data;
    const scores: Record<string, Float32Array> = { train: predict(job.train.x), validation: predict(job.validation.x) };
    for (const [name, x] of Object.entries(job.score)) scores[name] = predict(x);
    post({ type: 'done', result: { history: { ...history.history }, diagnostics: [...history.diagnostics], scores, backend } });
  } catch (error) {
    const code = error instanceof nn.NnkitError ? error.code : undefined;
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error), code });
  }
}
