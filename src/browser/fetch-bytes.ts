import { FormatError, show, StateError } from '../errors.js';

/** A fetched file: its bytes, the address they came from (after redirects) and their type. */
export interface FetchedFile {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** What fetch reads in a page: other schemes (a mistyped indexeddb://, file://) are refused. */
const FETCHED = /^(https?|blob|data):$/;

/**
 * `address` as an absolute http(s) URL: a relative one is resolved against the page (or worker).
 * `accepted` lists the addresses the caller takes, for the error.
 */
export function absoluteUrl(address: string, what: string, accepted: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  let url: URL | undefined;
  try {
    url = new URL(address, base);
  } catch {
    // NOTE: reported below, with what is accepted.
  }
  if (url !== undefined && FETCHED.test(url.protocol)) return url.href;
  const where =
    url !== undefined ? `its scheme ${show(url.protocol.slice(0, -1))} is not one a page can fetch` :
    base === undefined ? 'this runtime has no page address to resolve a path against, so give a full http(s) URL' :
    'it is not a URL';
  throw new StateError('state/bad-address', `${what} got ${show(address)}, which it cannot read (${where}); it takes ${accepted}.`);
}

/**
 * GETs `url` with `fetch`, as bytes. A failed request or an answer other than 2xx is an error
 * naming the URL, the status and what to check.
 */
export async function fetchBytes(url: string, what: string, expected: string): Promise<FetchedFile> {
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
        `; expected ${expected} there. Check the URL and that the server serves that file.`,
      url,
    );
  }
  return { url: response.url || url, bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}
