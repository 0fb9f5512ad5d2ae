// The README's test command: type-check and compile the whole project, check its import rules,
// then run every *.test.ts under src/ and test/ with Node's own test runner (TypeScript loaded
// through tsx).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const filter = process.argv.slice(2);
// NOTE: the wasm kernels are build output (gitignored); compile them when missing or stale.
run(process.execPath, ['scripts/build-wasm.mjs', '--if-stale']);
// NOTE: so are the bundles nn.worker() starts (scripts/build-worker.mjs), which hold the library.
run(process.execPath, ['scripts/build-worker.mjs', '--if-stale']);
if (filter.length === 0) {
  // NOTE: emitting (not --noEmit) type-checks at the same cost and refreshes dist/, which the
  // browser tests bundle as an installed package would be.
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  // NOTE: the import rules of .dependency-cruiser.cjs: no cycles, floors point down, node:* only
  // in src/node and src/cli.
  run('npx', ['depcruise', 'src', '--output-type', 'err']);
}
const files = filter.length > 0 ? filter : [...findTests('src'), ...findTests('test')].sort();
// NOTE: property-seed.ts gives fast-check one fixed seed in every test process (see that file).
const seed = ['--import', './test/helpers/property-seed.ts'];
run(process.execPath, ['--import', 'tsx', ...seed, '--test', '--test-concurrency=2', '--test-reporter=spec', ...files]);
