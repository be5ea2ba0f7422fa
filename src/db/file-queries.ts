import { eq } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import type { AttachedFile } from '../domain/files/file-kind.ts';
import { placeFileBytes, readDirectoryBytes } from './file-store.ts';
import { storedFiles } from './schema.ts';
import { anyOf } from './sql-helpers.ts';

/**
 * Stores a file under its SHA-256, its bytes where the file store keeps them (src/db/file-store.ts); a file already
 * stored (the same bytes) is left as it is.
 */
export async function insertStoredFile(db: DbOrTx, file: Omit<typeof storedFiles.$inferInsert, 'location'>): Promise<void> {
  const location = await placeFileBytes(file.sha256, file.bytes);
  const row = location === 'directory' ? { ...file, bytes: new Uint8Array(0), location } : { ...file, location };
  await db.insert(storedFiles).values(row).onConflictDoNothing();
}

/** The stored files among `sha256s`, without their bytes. */
export async function findStoredFiles(db: DbOrTx, sha256s: readonly string[]): Promise<AttachedFile[]> {
  if (sha256s.length === 0) return [];
  return db
    .select({
      sha256: storedFiles.sha256,
      fileName: storedFiles.fileName,
      contentType: storedFiles.contentType,
      byteSize: storedFiles.byteSize,
    })
    .from(storedFiles)
    .where(anyOf(storedFiles.sha256, sha256s));
}

/** A stored file with its bytes, wherever they are kept; undefined when there is none. */
export async function loadStoredFile(db: DbOrTx, sha256: string) {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256));
  if (row?.location === 'directory') return { ...row, bytes: await readDirectoryBytes(row.sha256) };
  return row;
}
