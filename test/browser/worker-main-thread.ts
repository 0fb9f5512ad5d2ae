/**
 * The page's main-thread tasks between two `performance.mark`s, from a Chromium trace
 * (`browser.startTracing(page, { categories: MAIN_THREAD_CATEGORIES })`): each task's wall time,
 * as a `longtask` PerformanceObserver sees it, and its CPU time, the work the thread did.
 *
 * NOTE: on a loaded machine (the tests run two files at once on two cores, beside the worker
 * being measured) the OS may leave the page's thread waiting in the middle of a task: the task
 * then lasts longer than 50 ms in wall time while its thread worked a few milliseconds. The
 * CPU time tells the two apart; a task of ours that works 50 ms is long on any machine.
 */
export const MAIN_THREAD_CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];

export interface MainThreadTask {
  /** Milliseconds after the start mark, on the page's performance.now() clock less the mark's. */
  readonly start: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The thread's CPU clock when the task began, in ms. */
  readonly cpuStart: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly tts?: number;
  readonly dur?: number;
  readonly tdur?: number;
}

/** The top-level tasks of the thread that set `startMark`, from it to `endMark`, in order. */
export function mainThreadTasks(traceJson: Buffer, startMark: string, endMark: string): MainThreadTask[] {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mark = (name: string) => {
    const found = events.find((e) => e.name === name);
    if (!found) throw new Error(`the trace holds no performance.mark("${name}"): was 'blink.user_timing' traced?`);
    return found;
  };
  const start = mark(startMark);
  const end = mark(endMark);
  return events
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid)
    .filter((e) => e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts)
    .map((e) => ({ start: (e.ts - start.ts) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000, cpuStart: (e.tts ?? 0) / 1000 }))
    .sort((a, b) => a.start - b.start);
}

/**
 * The CPU time the thread spent in a long task (startTime, duration after the start mark): the
 * traced task it overlaps most; or, when the trace lost that task (a busy machine can make the
 * tracing service drop events), at most what the thread's CPU clock advanced between the traced
 * tasks around it. Undefined when the trace holds neither.
 */
export function cpuOf(tasks: readonly MainThreadTask[], start: number, duration: number): { cpuMs: number; traced: boolean } | undefined {
  const end = start + duration;
  const overlap = (t: MainThreadTask) => Math.min(t.start + t.wallMs, end) - Math.max(t.start, start);
  const task = tasks.reduce<MainThreadTask | undefined>((b, t) => (overlap(t) > (b ? overlap(b) : 0) ? t : b), undefined);
  if (task !== undefined) return { cpuMs: task.cpuMs, traced: true };
  const before = tasks.filter((t) => t.start + t.wallMs <= start).at(-1);
  const after = tasks.find((t) => t.start >= end);
  if (before === undefined || after === undefined) return undefined;
  return { cpuMs: after.cpuStart - (before.cpuStart + before.cpuMs), traced: false };
}
