import { StateError } from '../errors.js';

/** How long the object URL of a download stays valid: the browser reads it after the click. */
const KEEP_URL_MS = 60_000;

/**
 * Offers `bytes` to the user as a downloaded file named `fileName`, as a link's `download`
 * attribute does. Needs a page (a worker has no document: send the bytes to the page).
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, address: string): void {
  if (typeof document === 'undefined') {
    throw new StateError(
      'state/no-document',
      `${address} needs a page to download from, and this runtime has none (a worker or Node); ` +
        "send model.toBytes() to the page and save it there, or save to 'indexeddb://name'.",
    );
  }
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // NOTE: revoking at once can cancel the download in some browsers; the URL is freed later.
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
