// What `npm install nnkit` gets: the compiled library and CLI, the bundled data, README and the
// MIT licence, and no test files (package.json "files"); and the command line from a clone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string; version: string; bin: Record<string, string> };

/** The files `npm pack` would put in the tarball (offline: --dry-run, scripts not run). */
function packedFiles(): string[] {
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
  return pack.files.map((file) => file.path);
}

test('the package ships the library, the CLI, the data, README and LICENSE, and no tests', () => {
  const files = packedFiles();
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'data/breast_cancer.csv', 'dist/src/index.js', 'dist/src/node/index.d.ts']) {
    assert.ok(files.includes(needed), `${needed} is not in the package`);
  }
  const bin = manifest.bin.nnkit.replace(/^\.\//, '');
  assert.ok(files.includes(bin), `the nnkit command ${bin} is not in the package`);
  const unwanted = files.filter((file) => /\.test\.|\.fixture\.|\.map$/.test(file) || /^(test|bench|examples|src|dist\/(test|bench|examples))\//.test(file));
  assert.deepEqual(unwanted, []);
});

test('the LICENSE is the MIT licence package.json names, of the nnkit contributors', () => {
  assert.equal(manifest.license, 'MIT');
  const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  assert.match(licence, /^MIT License\n\nCopyright \(c\) \d{4} nnkit contributors\n/);
  assert.match(licence, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
});

test('from a clone, the README command runs nnkit with nothing but its output on stdout', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /npm run -s nnkit -- /);
  const result = spawnSync('npm', ['run', '-s', 'nnkit', '--', '--version'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, `${manifest.version}\n`);
});
