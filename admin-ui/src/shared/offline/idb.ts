// A small key–value store in IndexedDB (database erp-offline, store kv): what the phone keeps of
// the server's answers to open with no network. Values are structured-cloned (plain JSON here).
const DB_NAME = 'erp-offline';
const STORE = 'kv';

let opening: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  }).catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return database().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result as T);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
      }),
  );
}

export const idbGet = <T>(key: string) => run<T | undefined>('readonly', (s) => s.get(key));
export const idbSet = (key: string, value: unknown) => run<IDBValidKey>('readwrite', (s) => s.put(value, key)).then(() => undefined);
export const idbDelete = (key: string) => run<undefined>('readwrite', (s) => s.delete(key)).then(() => undefined);
/** Forgets every key starting with `prefix` (a user's copies at logout). */
export const idbDeletePrefix = (prefix: string) =>
  run<undefined>('readwrite', (s) => s.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`))).then(() => undefined);
