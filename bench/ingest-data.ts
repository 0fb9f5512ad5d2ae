// The ingest benchmark's CSV files (seeded, written once and kept in the data folder):
// - numeric: `features` columns of uniform numbers in [-100, 100) written with 4 decimals, and a
//   0/1 `label` (about 400 MB for 1,000,000 rows × 49 + 1);
// - mixed: 10 numeric columns with 3% empty and 1% `NA` cells, 2 integer columns, 4 text columns
//   (a city, a segment, a quoted plan name holding the delimiter, a quoted comment with escaped
//   quotes; 2% missing), 2 yes/no and true/false columns, and a `churned` / `stayed` label.
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { Random } from '../src/random/random.js';

/** The columns of the mixed file and how pandas should type them (the same kinds nnkit infers). */
export const MIXED_COLUMNS: readonly { readonly name: string; readonly kind: 'number' | 'text' }[] = [
  ...Array.from({ length: 10 }, (_, c) => ({ name: `x${c}`, kind: 'number' as const })),
  { name: 'age', kind: 'number' },
  { name: 'visits', kind: 'number' },
  { name: 'city', kind: 'text' },
  { name: 'segment', kind: 'text' },
  { name: 'plan', kind: 'text' },
  { name: 'comment', kind: 'text' },
  { name: 'member', kind: 'text' },
  { name: 'verified', kind: 'text' },
  { name: 'label', kind: 'text' },
];

const CITIES = [
  'Amsterdam', 'Berlin', 'Córdoba', 'Dublin', 'Edinburgh', 'Frankfurt am Main', 'Göteborg', 'Helsinki', 'Istanbul',
  'Jyväskylä', 'Kraków', 'Lisbon', 'Málaga', 'New York', 'Oslo', 'Paris', 'Québec', 'Rome', 'São Paulo', 'Tokyo',
];
const SEGMENTS = ['consumer', 'small business', 'enterprise', 'public sector', 'education'];
const PLANS = ['"Basic, monthly"', '"Basic, yearly"', '"Pro, monthly"', '"Pro, yearly"', 'Trial', '"Team, 5 seats"'];
const COMMENTS = [
  '"said ""call me later"""', '"happy, renews"', 'none', '"asked about ""Pro"""', '"moved; new address"',
  '"price too high, left a note"', 'ok', '"wants ""yearly"", not monthly"',
];

/** Writes the file unless it exists (a finished file is renamed into place, so a stopped run leaves none). */
async function writeCsv(path: string, header: string, rows: number, row: (random: Random) => string, seed: number): Promise<void> {
  if (existsSync(path)) return;
  const random = new Random(seed);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let text = `${header}\n`;
  for (let r = 0; r < rows; r++) {
    text += row(random);
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
  renameSync(partial, path);
}

export function writeNumericCsv(path: string, rows: number, features: number, seed = 19): Promise<void> {
  const header = [...Array.from({ length: features }, (_, c) => `x${c}`), 'label'].join(',');
  return writeCsv(path, header, rows, (random) => {
    let line = '';
    for (let c = 0; c < features; c++) line += `${((random.uniform() - 0.5) * 200).toFixed(4)},`;
    return line + (random.uniform() < 0.3 ? '1\n' : '0\n');
  }, seed);
}

export function writeMixedCsv(path: string, rows: number, seed = 23): Promise<void> {
  const header = MIXED_COLUMNS.map((column) => column.name).join(',');
  const pick = (random: Random, values: readonly string[]) => values[Math.floor(random.uniform() * values.length)];
  const text = (random: Random, values: readonly string[]) => (random.uniform() < 0.02 ? '' : pick(random, values));
  return writeCsv(path, header, rows, (random) => {
    let line = '';
    for (let c = 0; c < 10; c++) {
      const u = random.uniform();
      line += u < 0.03 ? ',' : u < 0.04 ? 'NA,' : `${((random.uniform() - 0.5) * 2000).toFixed(3)},`;
    }
    line += `${18 + Math.floor(random.uniform() * 70)},${Math.floor(random.uniform() * 400)},`;
    line += `${text(random, CITIES)},${text(random, SEGMENTS)},${text(random, PLANS)},${text(random, COMMENTS)},`;
    line += `${random.uniform() < 0.5 ? 'yes' : 'no'},${random.uniform() < 0.8 ? 'true' : 'false'},`;
    return line + (random.uniform() < 0.25 ? 'churned\n' : 'stayed\n');
  }, seed);
}
