/**
 * The Keras binary-classification tutorial, line for line in TypeScript, on the Breast Cancer
 * Wisconsin data bundled in data/. Run: npx tsx examples/breast-cancer.ts
 * (A Node application imports from 'nnkit', which resolves to the Node entry; the example imports
 * that entry's source so it runs unbuilt.)
 */
import * as nn from '../src/node/index.js';

nn.setSeed(42);

// df = pd.read_csv("breast_cancer.csv"); X = df.drop("label"); y = df["label"]
const data = await nn.data.readCsv(new URL('../data/breast_cancer.csv', import.meta.url).pathname, { target: 'label' });
const X = nn.data.tableToTensor(data.features);
const y = data.target!.labels;

// X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
const { xTrain, xTest, yTrain, yTest } = nn.trainTestSplit(X, y, { testSize: 0.2, stratify: true, seed: 42 });

// scaler = StandardScaler(); X_train = scaler.fit_transform(X_train); X_test = scaler.transform(X_test)
const scaler = new nn.data.StandardScaler();
const xTrainScaled = scaler.fitTransform(xTrain);
const xTestScaled = scaler.transform(xTest);

// model = keras.Sequential([...])
const model = nn.sequential([
  nn.layers.dense({ units: 32, activation: 'relu', inputShape: [30] }),
  nn.layers.dense({ units: 32, activation: 'relu' }),
  nn.layers.dense({ units: 1, activation: 'sigmoid' }),
]);
model.compile({ optimizer: 'rmsprop', loss: 'binary_crossentropy', metrics: ['accuracy'] });
model.summary();

// history = model.fit(X_train, y_train, epochs=30, batch_size=32, validation_split=0.2)
const history = await model.fit(xTrainScaled, yTrain, { epochs: 30, batchSize: 32, validationSplit: 0.2, verbose: 2 });
const losses = history.history.loss;
console.log(`training loss ${losses[0].toFixed(4)} → ${losses[losses.length - 1].toFixed(4)}`);

// probs = model.predict(X_test); classes = (probs > 0.5).astype("int32")
const probs = model.predict(xTestScaled);
const classes = model.predictClasses(xTestScaled, { threshold: 0.5 });
console.log(`first probabilities: ${Array.from(probs.data.slice(0, 5), (p) => p.toFixed(3)).join(', ')}`);
console.log(`first classes:       ${Array.from(classes.slice(0, 5)).join(', ')}`);

// model.evaluate(X_test, y_test)
const scores = model.evaluate(xTestScaled, yTest);
console.log(`test loss ${scores.loss.toFixed(4)}, test accuracy ${scores.accuracy.toFixed(4)} (majority baseline ${scores.baseline_accuracy.toFixed(4)})`);

// …and what the tutorial says to look at next: precision, recall, F1, ROC-AUC, confusion matrix.
const report = nn.evaluation.classificationReport(yTest.data, Array.from(classes), { targetNames: ['benign', 'malignant'] });
console.log(report.text);
console.log(`ROC-AUC ${nn.evaluation.rocAucScore(yTest.data, probs.data).value.toFixed(4)}`);
