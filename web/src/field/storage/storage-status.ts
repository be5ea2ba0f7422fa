import { isStorageLow } from './storage-errors.ts';

export type StorageStatus = { persisted: boolean | null; usage: number; quota: number; low: boolean };

/**
 * Asks the browser to keep this app's data (field rule 11: iOS Safari evicts after seven idle days unless the
 * app is installed) and reads how much room is used and left.
 */
export async function checkStorage(requestPersist: boolean): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  let persisted: boolean | null = null;
  try {
    if (storage?.persisted) persisted = await storage.persisted();
    if (requestPersist && persisted === false && storage?.persist) persisted = await storage.persist();
  } catch {
    persisted = null;
  }
  let usage = 0;
  let quota = 0;
  try {
    const estimate = storage?.estimate ? await storage.estimate() : null;
    usage = estimate?.usage ?? 0;
    quota = estimate?.quota ?? 0;
  } catch {
    // No estimate on this browser: nothing to show.
  }
  return { persisted, usage, quota, low: isStorageLow({ usage, quota }) };
}
