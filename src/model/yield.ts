/**
 * Lets the event loop run (timers, I/O, UI events) during training without paying for it on
 * every batch: it yields at most once per YIELD_INTERVAL_MS. A macrotask is needed, since a
 * resolved promise would never let I/O or rendering in.
 */
const YIELD_INTERVAL_MS = 15;
let lastYield = Date.now();

export async function yieldToEventLoop(): Promise<void> {
  const now = Date.now();
  if (now - lastYield < YIELD_INTERVAL_MS) return;
  lastYield = now;
  await new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else {
      // NOTE: browsers clamp setTimeout(0) to ≥ 4 ms when nested; a MessageChannel does not.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }
  });
}
