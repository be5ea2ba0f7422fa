import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from './client.ts';

/**
 * A ready embedded database, made once at install time, so that a first `npm start` copies a directory instead of
 * creating a database (PGlite's initdb alone takes 4–8 s here), migrating it and loading 12,000 demo units.
 *
 * Two copies live under `node_modules/.cache/xf-db-template/`: `empty/` (migrated, no rows) and `demo/` (migrated
 * and seeded with the demo data as of the day it was built). `meta.json` says for which migrations, demo seed and
 * China-time date they were made. The demo copy is used only on the day it was made (the demo's history, plans
 * and draw are relative to that day); on a later day the empty copy is used and the demo is loaded as usual.
 */
export const TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../node_modules/.cache/xf-db-template');

export type TemplateMeta = {
  migrations: string;
  demoSeed: number;
  /** YYYY-MM-DD (China time) the demo copy was made for. */
  demoDate: string;
  /** What the first start prints about the demo copy. */
  demo: { units: number; inspectors: number; drawCode: string | null };
};

/** A digest of every migration file: a template made for other migrations is never used. */
export function migrationsDigest(dir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  for (const file of files.map((e) => path.join(e.parentPath, e.name)).sort()) {
    hash.update(path.relative(dir, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

export function readTemplateMeta(dir = TEMPLATE_DIR): TemplateMeta | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as TemplateMeta;
  } catch {
    return null;
  }
}

/**
 * Fills an empty `dataDir` (a PGlite directory that does not exist yet) from the template: the demo copy when it was
 * made today for this demo seed, else the empty one. Returns what was copied, or null when no usable template exists
 * (the caller then creates the database as before).
 */
export function restoreFromTemplate(
  dataDir: string,
  want: { demoSeed: number | null; today: string },
  dir = TEMPLATE_DIR,
): { kind: 'demo'; meta: TemplateMeta } | { kind: 'empty' } | null {
  const meta = readTemplateMeta(dir);
  if (!meta || meta.migrations !== migrationsDigest()) return null;
  const useDemo = want.demoSeed !== null && want.demoSeed === meta.demoSeed && want.today === meta.demoDate;
  const source = path.join(dir, useDemo ? 'demo' : 'empty');
  if (!fs.existsSync(path.join(source, 'PG_VERSION'))) return null;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const partial = `${dataDir}.partial-${process.pid}`;
  fs.cpSync(source, partial, { recursive: true });
  fs.renameSync(partial, dataDir);
  return useDemo ? { kind: 'demo', meta } : { kind: 'empty' };
}
