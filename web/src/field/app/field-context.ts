import type { FieldTask } from '@contracts/field.ts';
import { liveQuery } from 'dexie';
import { createContext, useContext, useEffect, useState } from 'react';
import type { CachedSession } from '../lib/cached-session.ts';
import type { OutboxItem } from '../outbox/send-record.ts';
import type { FieldDb, StoredBundle } from '../storage/field-db.ts';
import type { StorageStatus } from '../storage/storage-status.ts';
import type { Route } from './routes.ts';
import type { UpdateState } from './service-worker.ts';

export type FieldState = {
  session: CachedSession;
  db: FieldDb;
  online: boolean;
  /** The task bundle kept on the device, and why the last refresh failed. */
  bundle: StoredBundle | null;
  bundleError: string | null;
  refreshBundle: () => Promise<void>;
  taskById: (taskId: string) => FieldTask | null;
  outbox: OutboxItem[];
  sending: boolean;
  sendNow: (recordId?: string) => Promise<void>;
  /** A storage or system notice shown above every screen. */
  notice: string | null;
  reportError: (error: unknown) => void;
  storage: StorageStatus | null;
  loginExpired: boolean;
  setLoginExpired: (expired: boolean) => void;
  update: UpdateState | null;
  route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  logOut: () => Promise<string | null>;
};

export const FieldContext = createContext<FieldState | null>(null);

export function useField(): FieldState {
  const state = useContext(FieldContext);
  if (!state) throw new Error('useField 只能在现场检查应用内使用');
  return state;
}

/** The value of a Dexie query, re-read whenever the tables it read change (in this tab or another). */
export function useLiveValue<T>(query: () => Promise<T>, keys: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => subscription.unsubscribe();
    // The caller names what the query depends on.
  }, keys);
  return value;
}
