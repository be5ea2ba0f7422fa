import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../domain/errors.ts';

/**
 * Where uploaded files' bytes go (decision 0029): in their `stored_files` row (the default: one backup, the same
 * transaction as the record that names them), or in a directory every instance shares (FILE_STORE_DIR: an NFS mount,
 * or an object store mounted as a file system), named by their SHA-256. Files already stored keep their place; the
 * row says which (`location`). Set once at start-up by the server and the CLI.
 */
export type FileStore = { kind: 'database' } | { kind: 'directory'; dir: string };

let current: FileStore = { kind: 'database' };

export function useFileStore(store: FileStore): void {
  current = store;
}

export function fileStore(): FileStore {
  return current;
}

function pathOf(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/**
 * Puts the bytes where the current store keeps them and says where: nothing to do for the database (the row carries
 * them); in the directory, written to a temporary name and renamed, so no reader ever sees half a file. A file already
 * there is the same bytes (its name is their hash) and is left as it is; one written for a row whose transaction then
 * failed is an orphan no one names, which costs only its space.
 */
export async function placeFileBytes(sha256: string, bytes: Uint8Array): Promise<FileStore['kind']> {
  const store = current;
  if (store.kind === 'database') return 'database';
  const target = pathOf(store.dir, sha256);
  try {
    await fs.access(target);
    return 'directory';
  } catch {
    // not there yet
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, target);
  return 'directory';
}

/**
 * The bytes of a file kept in the shared directory, checked against their hash: a missing or altered file is said in
 * Chinese (503: the store, not the request, is at fault), never served.
 */
export async function readDirectoryBytes(sha256: string): Promise<Uint8Array> {
  const store = current;
  if (store.kind !== 'directory') {
    throw new DomainError('FILE_STORE_UNAVAILABLE', '文件存放在共享文件目录中，但本实例未配置共享文件目录（FILE_STORE_DIR）');
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(pathOf(store.dir, sha256));
  } catch {
    throw new DomainError('FILE_STORE_UNAVAILABLE', `共享文件目录中缺少文件 ${sha256.slice(0, 12)}…，请检查共享目录是否已挂载`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new DomainError('FILE_STORE_UNAVAILABLE', `共享文件目录中的文件 ${sha256.slice(0, 12)}… 与其登记的摘要不符，已拒绝提供`);
  }
  return bytes;
}
