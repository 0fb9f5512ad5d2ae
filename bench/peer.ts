// One benchmark child process: one peer, one model, one or more works, measured by the shared
// protocol (measure.ts); prints one JSON line (a ChildReport). Its own process, so that its peak
// RSS (process.resourceUsage().maxRSS) is this peer's alone.
//
//   node --import tsx bench/peer.ts <peer> <model> <works> <dataDir> <rows> <warmup> <budget>
//   peer: nnkit | nnkit-js | tfjs-cpu | tfjs-wasm; works: e.g. train32,train256,predict;
//   warmup and budget in seconds
import { readDataset } from './dataset.js';
import { measure, type Peer, type Protocol } from './measure.js';
import {
  MODEL_NAMES, parseWork, type ChildReport, type Measurement, type ModelName,
} from './workload.js';

export const NODE_PEERS = ['nnkit', 'nnkit-js', 'tfjs-cpu', 'tfjs-wasm'] as const;
export type NodePeer = (typeof NODE_PEERS)[number];

async function openPeer(peer: NodePeer, protocol: Protocol): Promise<Peer> {
  const data = readDataset(protocol.dataDir, protocol.rows);
  // NOTE: imported on demand, so an nnkit child never loads TensorFlow.js (and its memory).
  if (peer === 'nnkit' || peer === 'nnkit-js') {
    const { nnkitPeer } = await import('./peers/nnkit-peer.js');
    return nnkitPeer(peer === 'nnkit' ? 'auto' : 'js', data);
  }
  const { tfjsPeer } = await import('./peers/tfjs-peer.js');
  return tfjsPeer(peer === 'tfjs-cpu' ? 'cpu' : 'wasm', data);
}

async function main(argv: string[]): Promise<void> {
  const [peer, model, works, dataDir, rows, warmup, budget] = argv;
  const known = NODE_PEERS.includes(peer as NodePeer) && MODEL_NAMES.includes(model as ModelName);
  if (!known || budget === undefined) {
    throw new Error(
      `usage: peer.ts <${NODE_PEERS.join('|')}> <small|wide> <works> <dataDir> <rows> <warmup> ` +
        `<budget>; got ${argv.join(' ')}`,
    );
  }
  const protocol: Protocol = {
    dataDir, rows: Number(rows), warmupSeconds: Number(warmup), budgetSeconds: Number(budget),
  };
  const instance = await openPeer(peer as NodePeer, protocol);
  const measurements: Measurement[] = [];
  for (const work of works.split(',').map(parseWork)) {
    const newRunner = work.kind === 'train'
      ? () => instance.trainer(model as ModelName, work.batch)
      : () => instance.predictor(model as ModelName);
    measurements.push(await measure(newRunner, work, protocol));
  }
  const report: ChildReport = {
    peer, model: model as ModelName, version: instance.version, measurements,
    // NOTE: maxRSS is in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(report));
}

await main(process.argv.slice(2));
