import type { SessionInfo } from '@contracts/auth.ts';
import type { FieldTask } from '@contracts/field.ts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, configureApiClient } from '../../api/client.ts';
import { readCachedSession, writeCachedSession, type CachedSession } from '../lib/cached-session.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { fetchSession, fetchTaskBundle, logOut as callLogOut } from '../lib/field-api.ts';
import { LoginPage } from '../login/login-page.tsx';
import { runOutbox } from '../outbox/outbox-runner.ts';
import { OutboxPage } from '../outbox/outbox-page.tsx';
import { isUnsent } from '../outbox/send-record.ts';
import { cacheRecords } from '../records/record-cache.ts';
import { RecordPage } from '../records/record-page.tsx';
import { SubmittedRecordPage } from '../records/submitted-record-page.tsx';
import { openFieldDb, type FieldDb, type StoredBundle } from '../storage/field-db.ts';
import { describeStorageError } from '../storage/storage-errors.ts';
import { checkStorage, type StorageStatus } from '../storage/storage-status.ts';
import { TaskDetailPage } from '../tasks/task-detail-page.tsx';
import { TaskListPage } from '../tasks/task-list-page.tsx';
import { FieldContext, useLiveValue, type FieldState } from './field-context.ts';
import { MePage } from './me-page.tsx';
import { parseRoute, pathOf, type Route } from './routes.ts';
import { registerFieldServiceWorker, type UpdateState } from './service-worker.ts';

type Boot = { kind: 'loading' } | { kind: 'login'; note: string | null } | { kind: 'ready'; session: CachedSession };

/**
 * Opens with the inspector last signed in on this device (the app works offline; the server checks the cookie on
 * every call), or with the server's session on a first visit.
 */
export function FieldApp() {
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [update, setUpdate] = useState<UpdateState | null>(null);

  useEffect(() => {
    registerFieldServiceWorker(setUpdate);
    const cached = readCachedSession();
    // With an inspector known on this device the app opens at once, from its own data; the server's answer follows
    // (a lost session then shows 「登录已失效」 over the app instead of hiding unsent work behind the login page).
    if (cached) setBoot({ kind: 'ready', session: cached });
    fetchSession()
      .then((session) => {
        writeCachedSession(session);
        if (!cached || cached.account.id !== session.account.id) setBoot({ kind: 'ready', session });
      })
      .catch((error: unknown) => {
        if (cached) return;
        setBoot(error instanceof ApiError && error.status !== 0 ? { kind: 'login', note: null } : { kind: 'login', note: '首次使用需要联网登录。' });
      });
  }, []);

  if (boot.kind === 'loading') return <div className="splash">正在打开…</div>;
  if (boot.kind === 'login') {
    return (
      <LoginPage
        note={boot.note}
        onLoggedIn={(session: SessionInfo) => {
          writeCachedSession(session);
          setBoot({ kind: 'ready', session });
        }}
      />
    );
  }
  return (
    <FieldShell
      key={boot.session.account.id}
      session={boot.session}
      update={update}
      onLoggedOut={() => {
        writeCachedSession(null);
        setBoot({ kind: 'login', note: '已退出登录。' });
      }}
    />
  );
}

function FieldShell({ session, update, onLoggedOut }: { session: CachedSession; update: UpdateState | null; onLoggedOut: () => void }) {
  const accountId = session.account.id;
  const [notice, setNotice] = useState<string | null>(null);
  const [db] = useState<FieldDb>(() =>
    openFieldDb(
      accountId,
      () => setNotice('应用已在其他窗口更新，本窗口的数据库已关闭：请关闭本窗口后重新打开（已保存的内容不受影响）。'),
      () => setNotice('请关闭其他打开本应用的窗口或标签页，以便完成本机数据升级。'),
    ),
  );
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname, location.search));
  const [online, setOnline] = useState(() => navigator.onLine);
  const [bundleError, setBundleError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [loginExpired, setLoginExpired] = useState(false);

  const bundle = useLiveValue<StoredBundle | null>(async () => (await db.bundles.get('current')) ?? null, [db], null);
  const outbox = useLiveValue(() => db.outbox.orderBy('recordId').toArray(), [db], []);

  const reportError = useCallback((error: unknown) => setNotice(describeStorageError(error)), []);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const path = pathOf(next);
    if (options?.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  const refreshBundle = useCallback(async () => {
    try {
      const fresh = await fetchTaskBundle(7);
      const old = await db.bundles.get('current');
      // A task that left the window but still has work on this device stays listed until that work is sent.
      const kept = new Set([...(await db.drafts.toCollection().primaryKeys()), ...(await db.outbox.toArray()).filter(isUnsent).map((i) => i.taskId)]);
      const freshIds = new Set(fresh.tasks.map((t) => t.id));
      const carried = (old?.bundle.tasks ?? []).filter((t) => kept.has(t.id) && !freshIds.has(t.id));
      await db.bundles.put({ key: 'current', bundle: { ...fresh, tasks: [...fresh.tasks, ...carried] }, savedAt: chinaDateTime(new Date()) });
      setBundleError(null);
      await cacheRecords(db, [...fresh.tasks, ...carried]);
    } catch (error) {
      setBundleError(error instanceof ApiError ? error.message : describeStorageError(error));
    }
  }, [db]);

  const sendNow = useCallback(
    async (recordId?: string) => {
      setSending(true);
      try {
        await runOutbox(db, accountId, recordId);
      } catch (error) {
        reportError(error);
      } finally {
        setSending(false);
        void checkStorage(false).then(setStorage);
      }
    },
    [db, accountId, reportError],
  );

  useEffect(() => {
    configureApiClient({ onUnauthenticated: () => setLoginExpired(true), onPasswordChangeRequired: () => undefined });
    const onPop = () => setRoute(parseRoute(location.pathname, location.search));
    const onOnline = () => {
      setOnline(true);
      void sendNow();
      void refreshBundle();
    };
    const onOffline = () => setOnline(false);
    window.addEventListener('popstate', onPop);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    void checkStorage(true).then(setStorage);
    const storageTimer = window.setInterval(() => void checkStorage(false).then(setStorage), 5 * 60_000);
    // Sends what waits when the app opens, then loads the tasks ahead.
    if (navigator.onLine) void sendNow().then(refreshBundle);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.clearInterval(storageTimer);
    };
  }, [sendNow, refreshBundle]);

  const state: FieldState = useMemo(
    () => ({
      session,
      db,
      online,
      bundle,
      bundleError,
      refreshBundle,
      taskById: (taskId: string): FieldTask | null => bundle?.bundle.tasks.find((t) => t.id === taskId) ?? null,
      outbox,
      sending,
      sendNow,
      notice,
      reportError,
      storage,
      loginExpired,
      update,
      route,
      navigate,
      logOut: async () => {
        const unsent = (await db.outbox.toArray()).filter(isUnsent).length;
        if (unsent > 0) return `还有 ${unsent} 条记录未发送：发送成功后才能退出登录。`;
        try {
          await callLogOut();
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 401)) return error instanceof ApiError ? error.message : '退出登录失败，请重试';
        }
        db.close();
        onLoggedOut();
        return null;
      },
      setLoginExpired,
    }),
    [session, db, online, bundle, bundleError, refreshBundle, outbox, sending, sendNow, notice, reportError, storage, loginExpired, update, route, navigate, onLoggedOut],
  );

  return (
    <FieldContext.Provider value={state}>
      {route.name === 'tasks' ? <TaskListPage tab={route.tab} /> : null}
      {route.name === 'task' ? <TaskDetailPage taskId={route.taskId} /> : null}
      {route.name === 'record' ? <RecordPage taskId={route.taskId} /> : null}
      {route.name === 'submitted' ? <SubmittedRecordPage taskId={route.taskId} /> : null}
      {route.name === 'outbox' ? <OutboxPage /> : null}
      {route.name === 'me' ? <MePage /> : null}
    </FieldContext.Provider>
  );
}
