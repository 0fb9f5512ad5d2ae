import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threadHost } from '../kernels/wasm/thread-host.js';
import { nodeThreads } from './node-threads.js';

describe("Node's kernel threads", () => {
  it('are registered with the kernels by the Node entry', async () => {
    assert.equal(threadHost(), undefined, 'none before the entry loads');
    await import('./index.js');
    assert.equal(threadHost(), nodeThreads);
  });
});
