import type { PreparedData } from './prepare-data.js';
import { validationFraction, type TrainJob } from './train-job.js';

/** What the code needs beside the job: where the rows came from and the threshold chosen. */
export interface ExportContext {
  readonly data: string;
  readonly threshold: number;
}

const KERAS_OPTIMIZERS: Record<string, string> = { adam: 'Adam', sgd: 'SGD', rmsprop: 'RMSprop', adamw: 'AdamW', adagrad: 'Adagrad' };

function number(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function weights(job: TrainJob, python: boolean): string | undefined {
  if (job.classWeight === undefined) return undefined;
  // NOTE: every digit, so the copied weights are those the run trained with.
  const entries = Object.entries(job.classWeight).map(([label, weight]) => `${label}: ${String(weight)}`);
  return python ? `{${entries.join(', ')}}` : `{ ${entries.join(', ')} }`;
}

function validationRowsFraction(job: TrainJob): string {
  return String(validationFraction(job.train.y.length, job.validation.y.length));
}

/** Where the rows of a run came from and what was done to them, for the code's first line. */
export function describeRows(prepared: PreparedData, seed: number): string {
  return [
    `Data: ${prepared.source.name}; rows split 60/20/20 stratified (seed ${seed})`,
    prepared.flipped > 0 ? `${prepared.flipped} labels flipped` : '',
    prepared.leaked > 0 ? `${prepared.leaked} validation rows replaced by copies of training rows` : '',
    prepared.sortedValidation ? 'training + validation rows then sorted by label' : '',
  ].filter(Boolean).join('; ') + '.';
}

/** The nnkit TypeScript that trains exactly the model of `job`. */
export function nnkitCode(job: TrainJob, context: ExportContext): string {
  const layers = job.hidden.flatMap((units, i) => [
    `  nn.layers.dense({ units: ${units}, activation: '${job.activation}'${i === 0 ? `, inputShape: [${job.cols}]` : ''} }),`,
    ...(job.dropout > 0 ? [`  nn.layers.dropout({ rate: ${number(job.dropout)} }),`] : []),
  ]);
  layers.push(`  nn.layers.dense({ units: 1, activation: '${job.output}'${job.hidden.length === 0 ? `, inputShape: [${job.cols}]` : ''} }),`);
  const fit = [`epochs: ${job.epochs}`, `batchSize: ${job.batchSize}`];
  const classWeight = weights(job, false);
  if (classWeight) fit.push(`classWeight: ${classWeight}`);
  const fitCall = job.validationSplit
    ? `await model.fit(xTrainAndVal, yTrainAndVal, { ${[...fit, `validationSplit: ${validationRowsFraction(job)}`].join(', ')} })`
    : `await model.fit(xTrain, yTrain, { ${[...fit, 'validationData: [xVal, yVal]'].join(', ')} })`;
  return [
    `// ${context.data}`,
    `import * as nn from 'nnkit';`,
    ``,
    `await nn.ready();`,
    `nn.setSeed(${job.seed});`,
    `const model = nn.sequential([`,
    ...layers,
    `]);`,
    `model.compile({`,
    `  optimizer: nn.optimizers.${job.optimizer}({ learningRate: ${number(job.learningRate)} }),`,
    `  loss: 'binary_crossentropy',`,
    `  metrics: [${job.metrics.map((m) => `'${m}'`).join(', ')}],`,
    `});`,
    `const history = ${fitCall};`,
    `for (const finding of history.diagnostics) console.warn(finding.message);`,
    `const scores = model.predict(xTest).data;`,
    `const yPred = Array.from(scores, (p) => (p > ${number(context.threshold)} ? 1 : 0));`,
    `console.log(nn.evaluation.classificationReport(yTest, yPred).text);`,
    ``,
  ].join('\n');
}

/** The Keras 3 Python that trains the same model (the same layers, optimizer, fit options). */
export function kerasCode(job: TrainJob, context: ExportContext): string {
  const layers = [`    keras.Input(shape=(${job.cols},)),`];
  for (const units of job.hidden) {
    layers.push(`    layers.Dense(${units}, activation="${job.activation}"),`);
    if (job.dropout > 0) layers.push(`    layers.Dropout(${number(job.dropout)}),`);
  }
  layers.push(`    layers.Dense(1, activation="${job.output}"),`);
  const metrics = job.metrics.map((m) => (m === 'auc' ? 'keras.metrics.AUC(name="auc")' : `"${m}"`));
  const fit = [`epochs=${job.epochs}`, `batch_size=${job.batchSize}`];
  const classWeight = weights(job, true);
  if (classWeight) fit.push(`class_weight=${classWeight}`);
  const fitCall = job.validationSplit
    ? `model.fit(x_train_and_val, y_train_and_val, ${[...fit, `validation_split=${validationRowsFraction(job)}`].join(', ')})`
    : `model.fit(x_train, y_train, ${[...fit, 'validation_data=(x_val, y_val)'].join(', ')})`;
  return [
    `# ${context.data}`,
    `import keras`,
    `from keras import layers`,
    `from sklearn.metrics import classification_report`,
    ``,
    `keras.utils.set_random_seed(${job.seed})`,
    `model = keras.Sequential([`,
    ...layers,
    `])`,
    `model.compile(`,
    `    optimizer=keras.optimizers.${KERAS_OPTIMIZERS[job.optimizer]}(learning_rate=${number(job.learningRate)}),`,
    `    loss="binary_crossentropy",`,
    `    metrics=[${metrics.join(', ')}],`,
    `)`,
    `history = ${fitCall}`,
    `scores = model.predict(x_test).ravel()`,
    `y_pred = (scores > ${number(context.threshold)}).astype("int32")`,
    `print(classification_report(y_test, y_pred))`,
    ``,
  ].join('\n');
}
