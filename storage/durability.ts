/**
 * Durable storage: ask the browser not to evict our database under storage pressure, and report how
 * much space is used. Quota and transaction failures themselves are mapped in errors.ts
 * (toStorageError) and always re-thrown to the caller.
 */

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

/** The part of `navigator.storage` used here (injectable for tests). */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

function manager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/**
 * Calls `navigator.storage.persist()` where it exists. Extensions with the `unlimitedStorage`
 * permission are usually granted at once; 'denied' means data may be evicted under pressure, so the UI
 * should recommend regular backups.
 */
export async function requestPersistence(storage: StorageManagerLike | undefined = manager()): Promise<PersistenceResult> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // A browser that throws here behaves as one that said no; the caller shows the backup advice.
    return 'denied';
  }
}

export interface StorageUsage {
  usageBytes: number;
  quotaBytes: number;
  /** 0–1, or null when the quota is unknown. */
  fraction: number | null;
}

/** How much of the origin's quota is used, or null where the browser cannot tell. */
export async function storageUsage(storage: StorageManagerLike | undefined = manager()): Promise<StorageUsage | null> {
  if (!storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { usageBytes: usage, quotaBytes: quota, fraction: quota > 0 ? usage / quota : null };
}
