// The end-to-end benchmark's CSV: seeded standard-normal features written with 5 decimals and a
// binary label from a fixed linear teacher with noise (about 400 MB for 1,000,000 rows × 50).
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { Random } from '../src/random/random.js';

export async function writeE2eCsv(path: string, rows: number, features: number, seed = 19): Promise<void> {
  if (existsSync(path)) return;
  const random = new Random(seed);
  const teacher = Array.from({ length: features }, () => random.normal());
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const header = [...Array.from({ length: features }, (_, c) => `x${c}`), 'label'].join(',') + '\n';
  out.write(header);
  let text = '';
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let c = 0; c < features; c++) {
      const value = Math.round(random.normal() * 1e5) / 1e5;
      sum += value * teacher[c];
      text += `${value},`;
    }
    text += sum + 2 * random.normal() > 0 ? '1\n' : '0\n';
    if (text.length > 1 << 20 && !out.write(text)) await once(out, 'drain');
    if (text.length > 1 << 20) text = '';
  }
  out.end(text);
  await once(out, 'finish');
  renameSync(partial, path);
}
