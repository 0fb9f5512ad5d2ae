/**
 * The page of the model-storage test, as a user would write it against 'nnkit': it reads its data
 * with nn.data.readCsv from fetched bodies, trains a plain model (breast cancer, standardized) and
 * a classifier pipeline (customers.csv: categories, missing values), saves and loads them by
 * address, and picks saved files in an <input type="file">. `window.app` holds what the test
 * calls; predictions come back as float32 bit patterns (hex) so they compare exactly.
 */
export const STORAGE_APP = `
import * as nn from 'nnkit';

type Kind = 'plain' | 'classifier';

const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'model' });
document.body.append(input);

function hex(values: Float32Array): string[] {
  return Array.from(new Uint32Array(Float32Array.from(values).buffer), (b) => b.toString(16).padStart(8, '0'));
}

let data: Promise<{ x: nn.Tensor; y: Int32Array; customers: nn.data.CsvTable }> | undefined;
function loadData() {
  data ??= (async () => {
    await nn.ready();
    const cancer = await nn.data.readCsv((await fetch('data/breast_cancer.csv')).body!);
    const x = new nn.data.StandardScaler().fitTransform(nn.data.tableToTensor(cancer.features));
    const customers = await nn.data.readCsv((await fetch('data/customers.csv')).body!, { target: 'churned' });
    return { x, y: cancer.target!.labels, customers };
  })();
  return data;
}

const models: { plain?: nn.Model; classifier?: nn.Classifier } = {};

async function predictions(kind: Kind) {
  const { x, customers } = await loadData();
  if (kind === 'plain') return { probabilities: hex(models.plain!.predict(x, { verbose: 0 }).data) };
  const clf = models.classifier!;
  return { probabilities: hex(clf.predictProbabilities(customers, { verbose: 0 }).data), classes: clf.predict(customers, { verbose: 0 }) };
}

/** The error's message, or 'no error'. */
async function failure(run: () => Promise<unknown>): Promise<string> {
  return run().then(() => 'no error', (error: Error) => error.message);
}

(window as unknown as { app: unknown }).app = {
  /** The plain model's input, as bits, so Node predicts the same rows. */
  async inputs() {
    const { x } = await loadData();
    return { shape: x.shape, bits: hex(x.data) };
  },
  async train(kind: Kind) {
    const { x, y, customers } = await loadData();
    nn.setSeed(5);
    if (kind === 'classifier') {
      models.classifier = await nn.trainClassifier(customers, { hidden: [8], epochs: 15, seed: 5, verbose: 0 });
    } else {
      const model = nn.sequential([nn.layers.dense({ units: 8, activation: 'relu' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
      model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
      await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0 });
      models.plain = model;
    }
    return predictions(kind);
  },
  save: (kind: Kind, address: string) => models[kind]!.save(address),
  async load(kind: Kind, address: string) {
    if (kind === 'plain') models.plain = await nn.loadModel(address);
    else models.classifier = await nn.loadClassifier(address);
    return predictions(kind);
  },
  /** Loads the files picked in the input (a .nnkit file, or a saved folder's files). */
  async loadPicked(kind: Kind) {
    const bytes = await nn.readModelBytes(input.files!);
    if (kind === 'plain') models.plain = await nn.loadModel(bytes);
    else models.classifier = await nn.loadClassifier(bytes);
    return predictions(kind);
  },
  list: async () => (await nn.listModels()).map((info) => ({ url: info.url, byteLength: info.byteLength, savedAt: info.savedAt.toISOString() })),
  remove: (address: string) => nn.removeModel(address),
  bytesOf: (kind: Kind) => models[kind]!.toBytes().length,
  loadError: (kind: Kind, address: string) => failure(() => (kind === 'plain' ? nn.loadModel(address) : nn.loadClassifier(address))),
  saveError: (kind: Kind, address: string) => failure(() => models[kind]!.save(address)),
  pickedError: () => failure(() => nn.readModelBytes(input.files!)),
};
`;
