import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { sha256Hex } from '../domain/crypto/sha256.ts';
import { useFileStore } from './file-store.ts';
import { insertStoredFile, loadStoredFile } from './file-queries.ts';
import { storedFiles } from './schema.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-files-'));
});
afterAll(async () => {
  useFileStore({ kind: 'database' });
  fs.rmSync(dir, { recursive: true, force: true });
  await database.dispose();
});

const fileOf = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { sha256: sha256Hex(bytes), contentType: 'image/jpeg', byteSize: bytes.length, bytes, fileName: '现场照片.jpg', createdBy: randomUUID() };
};

describe('the file store', () => {
  it('keeps bytes in the row by default, and those files load after a shared directory is configured', async () => {
    useFileStore({ kind: 'database' });
    const inRow = fileOf(`in the row ${randomUUID()}`);
    await insertStoredFile(database.db, inRow);
    useFileStore({ kind: 'directory', dir });
    const loaded = await loadStoredFile(database.db, inRow.sha256);
    expect(loaded).toMatchObject({ location: 'database', fileName: '现场照片.jpg' });
    expect(Buffer.from(loaded!.bytes).equals(Buffer.from(inRow.bytes))).toBe(true);
  });

  it('writes new files to the shared directory under their SHA-256, the row keeping only the facts', async () => {
    useFileStore({ kind: 'directory', dir });
    const file = fileOf(`shared ${randomUUID()}`);
    await insertStoredFile(database.db, file);
    // The same bytes again: one row, one file.
    await insertStoredFile(database.db, { ...file, fileName: '重复上传.jpg' });
    const onDisk = path.join(dir, file.sha256.slice(0, 2), file.sha256);
    expect(fs.readFileSync(onDisk).equals(Buffer.from(file.bytes))).toBe(true);
    expect(fs.readdirSync(path.dirname(onDisk))).toEqual([file.sha256]);
    const [row] = await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, file.sha256));
    expect(row).toMatchObject({ location: 'directory', byteSize: file.byteSize, fileName: '现场照片.jpg' });
    expect(row!.bytes.length).toBe(0);
    const loaded = await loadStoredFile(database.db, file.sha256);
    expect(Buffer.from(loaded!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
  });

  it('refuses in Chinese to serve a file missing from the directory or altered there', async () => {
    useFileStore({ kind: 'directory', dir });
    const file = fileOf(`altered ${randomUUID()}`);
    await insertStoredFile(database.db, file);
    const onDisk = path.join(dir, file.sha256.slice(0, 2), file.sha256);
    fs.writeFileSync(onDisk, 'something else');
    await expect(loadStoredFile(database.db, file.sha256)).rejects.toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', message: expect.stringMatching(/与其登记的摘要不符/) });
    fs.rmSync(onDisk);
    await expect(loadStoredFile(database.db, file.sha256)).rejects.toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', message: expect.stringMatching(/缺少文件/) });
    useFileStore({ kind: 'database' });
    await expect(loadStoredFile(database.db, file.sha256)).rejects.toMatchObject({ message: expect.stringMatching(/未配置共享文件目录（FILE_STORE_DIR）/) });
  });
});
