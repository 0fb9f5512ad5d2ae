/**
 * Multi-class classification, the Keras way: 8×8 handwritten digits (data/digits.csv), a
 * softmax output, categorical cross-entropy on one-hot labels, argmax predictions and top-k
 * accuracy. Run: npx tsx examples/digits.ts
 */
import * as nn from '../src/node/index.js';

nn.setSeed(42);

const data = await nn.data.readCsv(new URL('../data/digits.csv', import.meta.url).pathname, { target: 'label' });
// Pixel counts run 0–16; scale them to 0–1 as the tutorials do (x / 16).
const pixels = nn.data.tableToTensor(data.features);
const X = nn.tensor(pixels.data.map((v) => v / 16), pixels.shape);
// The target's classes are the digit strings; labels are indices into them, so map them back.
const target = data.target!;
const digits = Int32Array.from(target.labels, (index) => Number(target.classes[index]));

const { xTrain, xTest, yTrain, yTest } = nn.trainTestSplit(X, digits, { testSize: 0.2, stratify: true, seed: 42 });

// y_train = keras.utils.to_categorical(y_train, 10)
const yTrainOneHot = nn.toCategorical(yTrain, 10);
const yTestOneHot = nn.toCategorical(yTest, 10);

const model = nn.sequential([
  nn.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }),
  nn.layers.dropout({ rate: 0.1 }),
  nn.layers.dense({ units: 10, activation: 'softmax' }),
]);
model.compile({
  optimizer: 'adam',
  loss: 'categorical_crossentropy',
  metrics: ['accuracy', nn.metrics.topKCategoricalAccuracy({ k: 3 })],
});
model.summary();

await model.fit(xTrain, yTrainOneHot, { epochs: 25, batchSize: 32, validationSplit: 0.1, verbose: 2 });

// predictions = np.argmax(model.predict(X_test), axis=1)
const predicted = model.predictClasses(xTest);
const scores = model.evaluate(xTest, yTestOneHot);
console.log(`test loss ${scores.loss.toFixed(4)}, test accuracy ${scores.accuracy.toFixed(4)}, top-3 accuracy ${scores.top_k_categorical_accuracy.toFixed(4)}`);

const matrix = nn.evaluation.confusionMatrix(yTest.data, Array.from(predicted), { labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
console.log('confusion matrix (rows: true digit, columns: predicted):');
for (const row of matrix.matrix) console.log(row.map((v) => String(v).padStart(4)).join(''));
