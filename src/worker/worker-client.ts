import type { Callback } from '../callbacks/callback.js';
import type { TrainingPlan } from '../classifier/training-plan.js';
import { ConfigError } from '../errors.js';
import { backendName } from '../kernels/backend.js';
import { threadSettings } from '../kernels/wasm/thread-settings.js';
import type { Model } from '../model/model.js';
import { globalRandom } from '../random/random.js';
import { fromSentError } from './sent-error.js';
import type { WorkerChannel, WorkerHost } from './worker-channel.js';
import type { FromWorker, JobContext, JobRequest, JobResult, TrainingEvent } from './worker-messages.js';

/** How the caller's side takes part in a job. */
export interface JobParticipants {
  /** Callbacks that run on this thread from the worker's events. */
  readonly callbacks: readonly Callback[];
  /** The caller's model, which those callbacks see (and may set stopTraining on). */
  readonly model?: Model;
  readonly signal?: AbortSignal;
  /** trainClassifier's onPlan, called here with the worker's plan (the caller's table put back). */
  readonly onPlan?: (plan: Omit<TrainingPlan, 'table'>) => readonly Callback[] | void;
}

interface Pending {
  readonly participants: JobParticipants;
  callbacks: Callback[];
  /** The caller's hooks, run one after another in the order the events came. */
  chain: Promise<void>;
  stopSent: boolean;
  resolve(result: JobResult): void;
  reject(error: unknown): void;
}

const HOOKS = ['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd'] as const;

/**
 * Sends jobs to one worker (started at once, again by the next job after a crash or terminate)
 * and settles each job's promise with its result, its error, or at once with the signal's reason
 * when aborted.
 */
export class WorkerClient {
  private readonly host: WorkerHost;
  private channel: WorkerChannel | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(host: WorkerHost) {
    this.host = host;
    // NOTE: started now, the worker boots (its program, the wasm kernels) while the caller gets
    // on, and the first job neither waits for it nor pays for starting it on the caller's thread
    // (a page's main thread: making the Blob URL of the worker's program takes milliseconds). A
    // worker that cannot start fails the first job with the reason (start() runs again there).
    try {
      this.start();
    } catch {
      // NOTE: the first job meets the same error and rejects with it.
    }
  }

  run(job: JobRequest, transfer: ArrayBuffer[], participants: JobParticipants): Promise<JobResult> {
    const { signal } = participants;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = ++this.nextId;
    const channel = this.start();
    return new Promise<JobResult>((resolve, reject) => {
      const entry: Pending = { participants, callbacks: [...participants.callbacks], chain: Promise.resolve(), stopSent: false, resolve, reject };
      this.pending.set(id, entry);
      for (const c of entry.callbacks) if (participants.model) c.setModel?.(participants.model);
      if (participants.model) participants.model.stopTraining = false;
      // NOTE: the caller's model is only written when a job succeeds, so an aborted job leaves
      // it exactly as before the call; the worker drops the job at its next batch.
      const onAbort = () => this.settle(id, () => reject(signal!.reason), 'abort');
      signal?.addEventListener('abort', onAbort, { once: true });
      const wants = (hooks: readonly string[]) => participants.onPlan !== undefined ||
        entry.callbacks.some((c) => hooks.some((h) => typeof (c as Record<string, unknown>)[h] === 'function'));
      const context: JobContext = {
        backend: transferableBackend(),
        kernelThreads: { ...threadSettings },
        random: globalRandom.state(),
        events: { batches: wants(['onBatchBegin', 'onBatchEnd']), epochs: wants(HOOKS) },
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      entry.resolve = (result) => { done(); resolve(result); };
      entry.reject = (error) => { done(); reject(error); };
      channel.post({ type: 'job', id, context, job }, transfer);
    });
  }

  /** Ends the worker; jobs still running reject. The next job starts a new worker. */
  terminate(): void {
    this.channel?.terminate();
    this.channel = undefined;
    this.failAll(new Error('The worker was terminated before the job finished.'));
  }

  private start(): WorkerChannel {
    if (this.channel) return this.channel;
    const channel = this.host();
    channel.listen((message) => this.receive(message), (error) => {
      // NOTE: a worker ended by terminate() still reports its exit; its jobs have settled already.
      if (this.channel !== channel) return;
      this.channel = undefined;
      channel.terminate();
      this.failAll(error);
    });
    this.channel = channel;
    return channel;
  }

  private receive(message: FromWorker): void {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    const { id } = message;
    if (message.type === 'event') this.dispatch(id, entry, message.event);
    else if (message.type === 'plan') {
      entry.chain = entry.chain.then(() => {
        const more = entry.participants.onPlan?.(message.plan as Omit<TrainingPlan, 'table'>);
        if (more) entry.callbacks.push(...more);
      });
    } else if (message.type === 'failed') {
      this.settle(id, () => entry.reject(fromSentError(message.error)));
    } else {
      // NOTE: the caller's hooks (onTrainEnd...) finish before the call resolves, as in-thread.
      void entry.chain.then(() => {
        globalRandom.setState(message.random);
        this.settle(id, () => entry.resolve(message.result));
      });
    }
  }

  private dispatch(id: number, entry: Pending, event: TrainingEvent): void {
    entry.chain = entry.chain.then(async () => {
      for (const c of entry.callbacks) {
        if (event.hook === 'onTrainBegin' || event.hook === 'onTrainEnd') await c[event.hook]?.(event.logs);
        else if (event.hook === 'onEpochBegin' || event.hook === 'onEpochEnd') await c[event.hook]?.(event.epoch, event.logs);
        else if (event.hook === 'onBatchBegin' || event.hook === 'onBatchEnd') await c[event.hook]?.(event.batch, event.logs);
      }
      const model = entry.participants.model;
      if (model?.stopTraining && !entry.stopSent) {
        entry.stopSent = true;
        this.channel?.post({ type: 'stop', id }, []);
      }
    }).catch((error: unknown) => this.settle(id, () => entry.reject(error), 'abort'));
  }

  /** Settles a job once; `tell` the worker to drop it when the caller gave up on it. */
  private settle(id: number, settle: () => void, tell?: 'abort'): void {
    if (!this.pending.delete(id)) return;
    if (tell) this.channel?.post({ type: tell, id }, []);
    settle();
  }

  private failAll(error: Error): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(error);
  }
}

function transferableBackend(): JobContext['backend'] {
  const name = backendName();
  if (name === 'wasm' || name === 'js' || name === 'reference') return name;
  throw new ConfigError(
    'config/worker-kernels',
    `Custom kernels ("${name}", set with setKernels) stay on the thread that set them; a worker runs 'wasm', 'js' or ` +
      "'reference'. Call setBackend with one of those before using the worker, or train on this thread.",
  );
}
