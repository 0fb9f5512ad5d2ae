/**
 * Resolves in a new task of the event loop, always (unlike yieldToEventLoop, which yields at
 * most every 15 ms): the caller's thread is often a page's main thread, where each task must
 * stay short. NOTE: a MessageChannel, since browsers clamp nested setTimeout(0) to ≥ 4 ms.
 */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    }
  });
}
