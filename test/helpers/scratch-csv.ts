// Numbered CSV files in a temporary folder that is removed when the test file ends:
//   const csvFile = scratchCsv('nnkit-csv-property-');  const file = csvFile('a,b\n1,2\n');
import { after } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function scratchCsv(prefix: string): (text: string) => string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let written = 0;
  return (text) => {
    const file = join(scratch, `case-${written++}.csv`);
    writeFileSync(file, text);
    return file;
  };
}
