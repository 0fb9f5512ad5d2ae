import { FormatError, show, StateError } from '../errors.js';

const DATABASE = 'nnkit';
/** The saved bytes by name, and beside them what a listing shows (so a list reads no weights). */
const BYTES = 'models';
const INFO = 'model-info';

/** A model or classifier kept in this origin's IndexedDB. */
export interface SavedModelInfo {
  /** Its address: `indexeddb://<name>`. */
  readonly url: string;
  readonly savedAt: Date;
  /** Size of its bytes (`toBytes()`), which are what is stored. */
  readonly byteLength: number;
}

interface InfoRecord {
  readonly name: string;
  readonly savedAt: string;
  readonly byteLength: number;
}

/**
 * Stores a saved model's bytes under `name`, replacing any model of that name: the bytes and
 * their listing are written in one transaction, so a reader sees the old model or the new one.
 */
export async function putModelBytes(name: string, bytes: Uint8Array): Promise<void> {
  const url = `indexeddb://${name}`;
  const database = await openDatabase(url);
  try {
    const transaction = database.transaction([BYTES, INFO], 'readwrite');
    // NOTE: a view is stored with its whole buffer, so a view of a larger buffer is copied first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    transaction.objectStore(BYTES).put(own, name);
    const info: InfoRecord = { name, savedAt: new Date().toISOString(), byteLength: bytes.length };
    transaction.objectStore(INFO).put(info, name);
    await finished(transaction, url, bytes.length);
  } finally {
    database.close();
  }
}

/** The bytes saved under `name`; an error listing the saved names when there are none. */
export async function getModelBytes(name: string): Promise<Uint8Array> {
  const url = `indexeddb://${name}`;
  const database = await openDatabase(url);
  try {
    const transaction = database.transaction([BYTES, INFO], 'readonly');
    const [bytes, names] = await Promise.all([
      request<unknown>(transaction.objectStore(BYTES).get(name), url),
      request<IDBValidKey[]>(transaction.objectStore(INFO).getAllKeys(), url),
    ]);
    if (bytes instanceof Uint8Array) return bytes;
    const saved = names.map((key) => `indexeddb://${String(key)}`);
    throw new FormatError(
      'format/missing-file',
      `${url} holds no model: this page's IndexedDB has ${saved.length === 0 ? 'none saved' : saved.map((s) => show(s)).join(', ')}. ` +
        `Save one first with model.save('${url}') (or classifier.save), or check the name; nn.listModels() lists them.`,
      url,
    );
  } finally {
    database.close();
  }
}

/** The models and classifiers kept in this origin's IndexedDB, by name. */
export async function listModels(): Promise<SavedModelInfo[]> {
  const database = await openDatabase('nn.listModels()');
  try {
    const store = database.transaction(INFO, 'readonly').objectStore(INFO);
    const records = await request<InfoRecord[]>(store.getAll(), 'nn.listModels()');
    return records.map((r) => ({ url: `indexeddb://${r.name}`, savedAt: new Date(r.savedAt), byteLength: r.byteLength }));
  } finally {
    database.close();
  }
}

/** Deletes `indexeddb://<name>`; true if it was there. */
export async function removeModel(url: string): Promise<boolean> {
  const name = indexedDbName(url, 'nn.removeModel');
  const database = await openDatabase(url);
  try {
    const transaction = database.transaction([BYTES, INFO], 'readwrite');
    const existed = (await request<number>(transaction.objectStore(INFO).count(name), url)) > 0;
    transaction.objectStore(BYTES).delete(name);
    transaction.objectStore(INFO).delete(name);
    await finished(transaction, url, 0);
    return existed;
  } finally {
    database.close();
  }
}

/** The name in `indexeddb://<name>`, or an error naming `what` and the address received. */
export function indexedDbName(url: string, what: string): string {
  const name = typeof url === 'string' && url.startsWith('indexeddb://') ? url.slice('indexeddb://'.length) : '';
  if (name === '') {
    throw new StateError('state/bad-address', `${what} takes an address like 'indexeddb://my-model', got ${show(url)}; put the model's name after indexeddb://.`);
  }
  return name;
}

function openDatabase(url: string): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') {
    throw new StateError(
      'state/no-indexeddb',
      `${url} needs IndexedDB, and this runtime has none (it exists in browser pages and workers, not in Node); ` +
        "save to 'downloads://name' or keep model.toBytes() instead.",
    );
  }
  let open: IDBOpenDBRequest;
  try {
    open = indexedDB.open(DATABASE, 1);
  } catch (error) {
    return Promise.reject(unavailable(url, error));
  }
  open.onupgradeneeded = () => {
    open.result.createObjectStore(BYTES);
    open.result.createObjectStore(INFO);
  };
  return new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(unavailable(url, open.error));
    open.onblocked = () => reject(new StateError('state/indexeddb-blocked', `${url}: another tab holds an older nnkit database open; close it and try again.`));
  });
}

function unavailable(url: string, error: unknown): StateError {
  return new StateError(
    'state/no-indexeddb',
    `${url}: the browser refused to open IndexedDB (${describe(error)}); private windows and some settings disable it. ` +
      "Save to 'downloads://name' or keep model.toBytes() instead.",
  );
}

function request<T>(req: IDBRequest, url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(new StateError('state/indexeddb', `${url}: IndexedDB failed (${describe(req.error)}).`));
  });
}

/** Resolves when the transaction commits; a full quota becomes an error saying how much was asked. */
function finished(transaction: IDBTransaction, url: string, byteLength: number): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    // NOTE: a failed put aborts the transaction; the reason is on transaction.error.
    transaction.onabort = transaction.onerror = () => reject(storeFailure(transaction.error, url, byteLength));
  });
}

function storeFailure(error: unknown, url: string, byteLength: number): StateError {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new StateError(
      'state/quota-exceeded',
      `${url}: the browser refused to store ${megabytes(byteLength)} because this site's storage quota is full (${describe(error)}). ` +
        "Delete models you no longer need (nn.listModels(), nn.removeModel(url)), or save to 'downloads://name' instead.",
    );
  }
  return new StateError('state/indexeddb', `${url}: IndexedDB could not store the model (${describe(error)}); nothing was changed.`);
}

function megabytes(byteLength: number): string {
  return `${(byteLength / 1e6).toFixed(1)} MB`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
