const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs a write that must finish or roll back, never stop halfway. `task` gets a signal that
 * aborts when `signal` does, and, if the program has no handler of its own for Ctrl-C (SIGINT) or
 * SIGTERM, when one arrives: the task then rolls back at its next step, and the process signal is
 * raised again afterwards, so the program ends as it would have, minus the half-written files.
 */
export async function whileInterruptible<T>(signal: AbortSignal | undefined, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward, { once: true });
  // NOTE: a program with its own handler decides what an interrupt means (the CLI passes
  // `signal`); adding ours would stop Node's default exit for it.
  const watched = SIGNALS.filter((name) => process.listenerCount(name) === 0);
  let received: NodeJS.Signals | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    received ??= name;
    controller.abort(new Error(`interrupted by ${name}`));
  };
  for (const name of watched) process.on(name, onSignal);
  try {
    return await task(controller.signal);
  } finally {
    signal?.removeEventListener('abort', forward);
    for (const name of watched) process.off(name, onSignal);
    if (received !== undefined) process.kill(process.pid, received);
  }
}
