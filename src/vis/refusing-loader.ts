import type { Loader } from 'vega';
import { StateError } from '../errors.js';

/**
 * A Vega loader that loads nothing: nnkit/vis charts draw only the values they are given, so any
 * request for a URL or a file is a mistake, refused here rather than sent over the network.
 * Vega only warns when a dataset fails to load, so the refusals are kept for the chart to throw.
 */
export class RefusingLoader implements Loader {
  /** What was asked for since the last takeRefusals(). */
  private refusals: StateError[] = [];

  load = (uri: string) => this.refuse(uri);
  sanitize = (uri: string) => this.refuse(uri);
  http = (uri: string) => this.refuse(uri);
  file = (filename: string) => this.refuse(filename);

  /** The refusals since the last call, emptied. */
  takeRefusals(): StateError[] {
    const refusals = this.refusals;
    this.refusals = [];
    return refusals;
  }

  private refuse(uri: string): Promise<never> {
    const error = new StateError(
      'state/vis-no-fetch',
      `nnkit/vis was asked to load ${JSON.stringify(uri)}, but its charts draw only the values they are given and never ` +
        'fetch; pass the data inline (data: { values }) instead of a URL.',
    );
    this.refusals.push(error);
    return Promise.reject(error);
  }
}
