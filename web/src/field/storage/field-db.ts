import type { FieldTaskBundle, RecordView } from '@contracts/field.ts';
import { Dexie, type EntityTable } from 'dexie';
import type { OutboxItem } from '../outbox/send-record.ts';
import type { Draft } from '../records/record-draft.ts';

/** The task bundle as last loaded (one row, key 'current'). */
export type StoredBundle = { key: 'current'; bundle: FieldTaskBundle; savedAt: string };

/**
 * A photo or a signature image, kept as an ArrayBuffer with its MIME type (Safari loses Blobs in IndexedDB) and
 * named by its SHA-256; `thumb` is a small JPEG data URL for the screen (the page allows data: images only).
 */
export type StoredPhoto = {
  /** `${taskId}/${sha256}`: the same picture in two tasks is two rows, deleted with its own task. */
  id: string;
  taskId: string;
  sha256: string;
  kind: 'photo' | 'signature';
  mime: string;
  bytes: ArrayBuffer;
  byteSize: number;
  width: number;
  height: number;
  thumb: string;
  createdAt: string;
};

/**
 * A submitted record as the server has it (GET /api/records/:id), kept so that the 协办 can read and confirm it, and the
 * lead correct it, without network.
 */
export type StoredRecord = { id: string; taskId: string; view: RecordView; savedAt: string };

export type FieldDb = Dexie & {
  bundles: EntityTable<StoredBundle, 'key'>;
  drafts: EntityTable<Draft, 'taskId'>;
  photos: EntityTable<StoredPhoto, 'id'>;
  outbox: EntityTable<OutboxItem, 'recordId'>;
  records: EntityTable<StoredRecord, 'id'>;
};

/**
 * One database per account (`xf-field-<account id>`): two inspectors sharing a phone never see each other's drafts,
 * and logging out keeps unsent work where its owner finds it again. Schema changes add a version here; never edit an
 * old one.
 */
export function openFieldDb(accountId: string, onClosedByUpgrade: () => void, onBlocked: () => void): FieldDb {
  const db = new Dexie(`xf-field-${accountId}`) as FieldDb;
  db.version(1).stores({
    bundles: 'key',
    drafts: 'taskId, state',
    photos: 'id, taskId, sha256',
    outbox: 'recordId, taskId, state',
  });
  // 2: submitted records kept for reading offline (the 协办's confirmation, the lead's correction).
  db.version(2).stores({ records: 'id, taskId' });
  // Another tab (a newer app version) upgrades the schema: close here so it is not blocked, and say so.
  db.on('versionchange', () => {
    db.close();
    onClosedByUpgrade();
    return false;
  });
  // This tab wants to upgrade but an old tab holds the database open.
  db.on('blocked', () => {
    onBlocked();
  });
  return db;
}

/** Deletes what a sent record kept on the device: its draft and its photos and signature images. */
export async function deleteSentLocalData(db: FieldDb, taskId: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.photos, async () => {
    await db.drafts.delete(taskId);
    await db.photos.where('taskId').equals(taskId).delete();
  });
}

/** The bytes of a file the record names (any task's copy: the bytes are the same). */
export async function readStoredFile(db: FieldDb, sha256: string): Promise<{ bytes: ArrayBuffer; mime: string } | null> {
  const photo = await db.photos.where('sha256').equals(sha256).first();
  return photo ? { bytes: photo.bytes, mime: photo.mime } : null;
}

/** A signature pad's PNG (a data URL) as the stored image of task `taskId`, named by the SHA-256 of its bytes. */
export function signatureImage(taskId: string, sha256: string, bytes: ArrayBuffer, dataUrl: string, createdAt: string): StoredPhoto {
  return {
    id: `${taskId}/${sha256}`,
    taskId,
    sha256,
    kind: 'signature',
    mime: 'image/png',
    bytes,
    byteSize: bytes.byteLength,
    width: 0,
    height: 0,
    thumb: dataUrl,
    createdAt,
  };
}
