// Run by file-storage.test.ts in a child process: saves two models, alternately, to the folder
// argv[2] until it is killed. Model A's weights are all 0.25, model B's all -0.5, so a loaded
// model shows which save it came from. Prints "saving" once the first save is done, so the
// folder always holds a model when the parent interrupts a later one.
import * as nn from './index.js';

const dir = process.argv[2];
const make = (value: number) => {
  const model = nn.sequential([
    nn.layers.dense({ units: 256, activation: 'relu', inputShape: [512] }),
    nn.layers.dense({ units: 256, activation: 'relu' }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.setWeights(model.getWeights().map((w) => new Float32Array(w.length).fill(value)));
  return model;
};
const models = [make(0.25), make(-0.5)];
await models[0].save(dir);
process.stdout.write('saving\n');
for (let i = 1; ; i++) await models[i % 2].save(dir);
