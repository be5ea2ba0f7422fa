import type { RecordOutcome } from '@contracts/field.ts';
import { ApiError } from '../../api/client.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { confirmRecord, fetchSession, findMissingFiles, submitRecord, uploadFile } from '../lib/field-api.ts';
import { deleteSentLocalData, readStoredFile, type FieldDb } from '../storage/field-db.ts';
import { isUnsent, sendOutboxItem, type OutboxItem } from './send-record.ts';

const statusAfter: Record<RecordOutcome, 'done' | 'unable'> = { inspected: 'done', unable: 'unable' };

/** Runs `work` alone across this app's tabs (Web Locks), or just runs it where the browser has no locks. */
async function alone(name: string, work: () => Promise<void>): Promise<void> {
  if (navigator.locks?.request) {
    await navigator.locks.request(name, work);
    return;
  }
  await work();
}

/**
 * Sends the outbox: `recordId` alone (「立即发送」, also after a refusal) or every item still 待发送 (on opening the app
 * and when the network comes back). Only after the server confirmed a record are its draft and photos deleted and
 * the task shown as done; a refused record keeps everything.
 */
export async function runOutbox(db: FieldDb, accountId: string, recordId?: string): Promise<void> {
  await alone(`xf-field-outbox-${accountId}`, async () => {
    const items = recordId ? await db.outbox.where('recordId').equals(recordId).toArray() : await db.outbox.where('state').equals('pending').toArray();
    const toSend = items.filter(isUnsent);
    if (toSend.length === 0) return;
    try {
      // The CSRF token of the present session (the app may have opened offline without one).
      await fetchSession();
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 401 ? '登录已失效：请重新登录后再发送（记录仍保存在本机）' : '无法连接服务器：联网后会自动发送';
      for (const item of toSend) await db.outbox.update(item.recordId, { lastError: message, lastTriedAt: chinaDateTime(new Date()) });
      return;
    }
    for (const item of toSend) {
      const result: OutboxItem = await sendOutboxItem(item, {
        missingFiles: findMissingFiles,
        readFile: (sha) => readStoredFile(db, sha),
        uploadFile,
        submitRecord: async (request) => void (await submitRecord(request)),
        confirmRecord: async (id, request) => void (await confirmRecord(id, request)),
        now: () => chinaDateTime(new Date()),
        pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      });
      await db.outbox.put(result);
      if (result.state !== 'sent') continue;
      if (item.kind === 'confirm') {
        // Only the signature image was the confirmation's own: the task's other local data is not touched.
        await db.photos.delete(`${item.taskId}/${item.confirm.signature.kind === 'signed' ? item.confirm.signature.image : ''}`);
        await markConfirmed(db, item.taskId, item.confirm.recordId);
      } else {
        await deleteSentLocalData(db, item.taskId);
        await markTaskDone(db, item.taskId, statusAfter[item.request.body.outcome]);
      }
    }
  });
}

/** The stored bundle shows the task as done until the next bundle comes from the server. */
async function markTaskDone(db: FieldDb, taskId: string, status: 'done' | 'unable'): Promise<void> {
  const stored = await db.bundles.get('current');
  if (!stored) return;
  const tasks = stored.bundle.tasks.map((task) => (task.id === taskId ? { ...task, status, statusLabel: status === 'done' ? '已检查' : '无法检查' } : task));
  await db.bundles.put({ ...stored, bundle: { ...stored.bundle, tasks } });
}

/** The stored bundle shows the record as confirmed by the 协办 until the next bundle comes from the server. */
async function markConfirmed(db: FieldDb, taskId: string, recordId: string): Promise<void> {
  const stored = await db.bundles.get('current');
  if (!stored) return;
  const tasks = stored.bundle.tasks.map((task) =>
    task.id === taskId && task.record?.id === recordId ? { ...task, record: { ...task.record, assistantConfirmed: true } } : task,
  );
  await db.bundles.put({ ...stored, bundle: { ...stored.bundle, tasks } });
}
