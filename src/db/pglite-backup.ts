import fs from 'node:fs';
import path from 'node:path';

/**
 * Backup and restore of the embedded database as one gzip'd tarball (PGlite's dumpDataDir format).
 * The server must be stopped: PGlite allows one process per data directory.
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<number> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!fs.existsSync(dataDir)) throw new Error(`数据目录不存在：${dataDir}`);
  const client = await PGlite.create(dataDir);
  try {
    const dump = await client.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    fs.writeFileSync(outFile, bytes);
    return bytes.length;
  } finally {
    await client.close();
  }
}

export async function restorePglite(inFile: string, dataDir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`数据目录不为空：${dataDir}（请先移走旧数据目录再恢复）`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const blob = new Blob([fs.readFileSync(inFile)]);
  const client = await PGlite.create(dataDir, { loadDataDir: blob });
  await client.query('select 1');
  await client.close();
}
