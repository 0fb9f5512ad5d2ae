import { FormatError, show, StateError } from '../errors.js';

/** A fetched file: its bytes, the address they came from (after redirects) and their type. */
export interface FetchedFile {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** `address` as an absolute URL: a relative one is resolved against the page (or worker). */
export function absoluteUrl(address: string, what: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  try {
    return new URL(address, base).href;
  } catch {
    throw new StateError(
      'state/bad-address',
      `${what} got ${show(address)}, which is not a URL here; expected 'indexeddb://name', an http(s) URL, or a path ` +
        (base === undefined ? 'in a page (this runtime has no page address, so give a full http(s) URL).' : `relative to ${base}.`),
    );
  }
}

/**
 * GETs `url` with `fetch`, as bytes. A failed request or an answer other than 2xx is an error
 * naming the URL, the status and what to check.
 */
export async function fetchBytes(url: string, what: string): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new StateError(
      'state/cannot-read',
      `${what}: could not fetch ${url} (${(error as Error).message}): the server is unreachable, or it is on another ` +
        'origin and does not allow this page to read it (CORS). Serve the file from the page\'s origin or allow the origin on that server.',
    );
  }
  if (!response.ok) {
    throw new FormatError(
      'format/missing-file',
      `${what}: ${url} answered ${response.status} ${response.statusText}`.trimEnd() +
        '; expected a saved nnkit model there (a .nnkit file, or the model.json of a saved folder with its weights beside it). ' +
        'Check the URL and that the server serves that file.',
      url,
    );
  }
  return { url: response.url || url, bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}
