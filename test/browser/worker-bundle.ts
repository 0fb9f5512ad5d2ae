/**
 * Imported first by the tests of nn.worker(): rebuilds the worker's bundled program when a source
 * changed since it was built (scripts/build-worker.mjs --if-stale; npm test does it too), so a
 * test file run on its own never compares the page with a worker running older code.
 */
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build-worker.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
