import type { ViewOptions } from 'vega';
import { NnkitError, StateError } from '../errors.js';

/** Vega's log level for warnings (vega-util's `Warn`). */
const WARN = 2;

/**
 * A chart's Vega logger: errors (a dataset that failed to load, say), which Vega would only
 * print, are kept so the chart's draw can throw them; warnings go to the console as Vega's own
 * logger sends them.
 */
export class ChartLog implements NonNullable<ViewOptions['logger']> {
  private errors: unknown[][] = [];

  level(): number {
    return WARN;
  }

  error(...args: unknown[]): this {
    this.errors.push(args);
    return this;
  }

  warn(...args: unknown[]): this {
    // NOTE: a refused load is thrown by the chart's draw (RefusingLoader), not printed.
    if (!args.some((arg) => arg instanceof NnkitError && arg.code === 'state/vis-no-fetch')) console.warn(...args);
    return this;
  }

  info(): this {
    return this;
  }

  debug(): this {
    return this;
  }

  /** Throws the errors logged since the last call, if any. */
  throwErrors(): void {
    const errors = this.errors;
    this.errors = [];
    if (errors.length === 0) return;
    const text = errors.map((args) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ')).join('; ');
    throw new StateError('state/vis-chart', `nnkit/vis could not draw a chart: ${text}`);
  }
}
