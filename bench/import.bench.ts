import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Actor } from '../src/domain/access.ts';
import { generateDemoData, type DemoUnit } from '../src/demo/generate-demo-data.ts';
import { UNIT_CATEGORY_LABELS, UNIT_STATUS_LABELS } from '../src/domain/registry/unit-rules.ts';
import { migrateDatabase, openDatabase, type Database, type DatabaseTarget } from '../src/db/client.ts';
import { accounts, orgs, units } from '../src/db/schema.ts';
import { commitImport } from '../src/usecases/imports/commit-import.ts';
import { exportUnits } from '../src/usecases/imports/export-units.ts';
import { uploadUnitImport } from '../src/usecases/imports/upload-unit-import.ts';
import type { UseCaseContext } from '../src/usecases/lib/context.ts';
import type { Figure } from './machine.ts';

const UNITS = 100_000;
const RISK_LABELS: Record<DemoUnit['riskLevel'], string> = { high: '高', medium: '中', low: '低' };
const yesNo = (v: boolean) => (v ? '是' : '否');

/** 100,000 demo units (valid credit codes, real 金华 divisions) as the .xlsx a brigade would upload. */
export async function buildUnitsFile(): Promise<Buffer> {
  const data = generateDemoData({ seed: 20261122, asOf: '2026-11-22', unitCount: UNITS });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('检查对象');
  sheet
    .addRow([
      '单位名称',
      '统一社会信用代码',
      '住所',
      '实际经营地址',
      '行政区划',
      '所属街道',
      '单位类别',
      '人员密集场所',
      '易燃易爆场所',
      '高层建筑',
      '行业',
      '风险等级',
      '标签',
      '单位状态',
      '联系人',
      '联系电话',
      '消防安全责任人',
      '消防安全管理人',
    ])
    .commit();
  for (const u of data.units) {
    sheet
      .addRow([
        u.name,
        u.uscc,
        u.registeredAddress,
        u.address,
        u.districtCode,
        u.street,
        UNIT_CATEGORY_LABELS[u.category],
        yesNo(u.isCrowded),
        yesNo(u.isFlammable),
        yesNo(u.isHighRise),
        u.industry,
        RISK_LABELS[u.riskLevel],
        u.tags.join('、'),
        UNIT_STATUS_LABELS[u.status],
        u.contactName,
        u.contactPhone,
        u.safetyOwner,
        u.safetyManager,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** One 总队 → 支队 → 大队 (婺城区) and a brigade admin to act as. */
async function setUp(database: Database): Promise<{ ctx: UseCaseContext; brigadeId: string }> {
  const ids = { corps: randomUUID(), detachment: randomUUID(), brigade: randomUUID() };
  const paths = {
    corps: `/${ids.corps}/`,
    detachment: `/${ids.corps}/${ids.detachment}/`,
    brigade: `/${ids.corps}/${ids.detachment}/${ids.brigade}/`,
  };
  await database.db.insert(orgs).values([
    {
      id: ids.corps,
      kind: 'corps',
      name: '浙江省消防救援总队',
      shortName: '浙江总队',
      divisionCode: '330000',
      path: paths.corps,
    },
    {
      id: ids.detachment,
      parentId: ids.corps,
      kind: 'detachment',
      name: '金华市消防救援支队',
      shortName: '金华支队',
      divisionCode: '330700',
      path: paths.detachment,
    },
    {
      id: ids.brigade,
      parentId: ids.detachment,
      kind: 'brigade',
      name: '婺城区消防救援大队',
      shortName: '婺城大队',
      divisionCode: '330702',
      path: paths.brigade,
    },
  ]);
  const [account] = await database.db
    .insert(accounts)
    .values({ username: 'bench_import', displayName: '导入基准', role: 'brigade_admin', orgId: ids.brigade, passwordHash: 'x' })
    .returning({ id: accounts.id });
  const actor: Actor = {
    accountId: account!.id,
    username: 'bench_import',
    displayName: '导入基准',
    role: 'brigade_admin',
    orgId: ids.brigade,
    orgPath: paths.brigade,
    orgKind: 'brigade',
  };
  return { ctx: { db: database.db, actor, ip: null, now: new Date() }, brigadeId: ids.brigade };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** A fresh PostgreSQL database next to the one `url` names; dropped afterwards. */
async function freshPostgres(url: string): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `xf_bench_import_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: target.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Importing 100,000 units from .xlsx through the use cases (upload + dry run, then the commit in skip mode)
 * on a fresh PGlite database, and on a fresh PostgreSQL database when BENCH_DATABASE_URL or DATABASE_URL is
 * set; targets for the whole import: ≤ 60 s on PGlite, ≤ 30 s on PostgreSQL. Then the streamed export of the
 * same 100,000 units, with the process's resident memory before and after.
 */
export async function benchImport(): Promise<Figure[]> {
  let started = performance.now();
  const file = await buildUnitsFile();
  const figures: Figure[] = [
    {
      name: `generate the ${UNITS.toLocaleString()}-row .xlsx (not timed against a target)`,
      value: seconds(performance.now() - started),
      unit: 's',
    },
    { name: 'file size', value: Math.round((file.length / 2 ** 20) * 10) / 10, unit: 'MiB' },
  ];

  const runs: { label: string; limit: number; open: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> }[] = [
    {
      label: 'PGlite',
      limit: 60,
      open: async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-import-'));
        return {
          target: { kind: 'pglite', dataDir: path.join(dir, 'pglite') },
          drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) runs.push({ label: 'PostgreSQL', limit: 30, open: () => freshPostgres(url) });

  for (const run of runs) {
    const { target, drop } = await run.open();
    const database = await openDatabase(target);
    try {
      await migrateDatabase(database);
      const { ctx, brigadeId } = await setUp(database);

      started = performance.now();
      // A file name per run: the server keeps the tables of recently read files (for the commit that follows a
      // preview), and the second database's upload must parse the file afresh as a real upload would.
      const batch = await uploadUnitImport(ctx, { brigadeId, fileName: `婺城区检查对象名录（${run.label}）.xlsx`, bytes: file });
      const previewMs = performance.now() - started;
      if (batch.summary.type !== 'rows' || batch.summary.totalRows !== UNITS)
        throw new Error(`${run.label}: the preview did not read ${UNITS} rows`);
      const { counts } = batch.summary;

      started = performance.now();
      const committed = await commitImport(ctx, batch.id, 'skip');
      const commitMs = performance.now() - started;
      const result = committed.summary.type === 'rows' ? committed.summary.result : null;
      const [stored] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(units)
        .where(eq(units.brigadeId, brigadeId));
      if (!result || stored?.n !== result.created || result.created !== counts.new) {
        throw new Error(
          `${run.label}: expected ${counts.new} units written, found ${stored?.n} (result ${JSON.stringify(result)})`,
        );
      }
      const total = seconds(previewMs + commitMs);
      figures.push(
        {
          name: `${run.label}: rows new / with warnings / invalid`,
          value: counts.new,
          unit: `/ ${counts.warnings} / ${counts.invalid}`,
        },
        { name: `${run.label}: upload + preview (read, validate, compare)`, value: seconds(previewMs), unit: 's' },
        { name: `${run.label}: commit (one transaction, skip mode)`, value: seconds(commitMs), unit: 's' },
        {
          name: `${run.label}: whole import of ${UNITS.toLocaleString()} rows`,
          value: total,
          unit: 's',
          target: `≤ ${run.limit} s`,
          ok: total <= run.limit,
        },
      );

      const rssBefore = rssMiB();
      let peak = rssBefore;
      let bytes = 0;
      started = performance.now();
      const exported = await exportUnits({ ...ctx, now: new Date() }, { brigadeId });
      await pipeline(
        exported.stream,
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            bytes += chunk.length;
            peak = Math.max(peak, rssMiB());
            callback();
          },
        }),
      );
      figures.push(
        {
          name: `${run.label}: streamed export of ${exported.rowCount.toLocaleString()} units`,
          value: seconds(performance.now() - started),
          unit: 's',
        },
        { name: `${run.label}: export size`, value: Math.round((bytes / 2 ** 20) * 10) / 10, unit: 'MiB' },
        { name: `${run.label}: process memory (RSS) before the export`, value: rssBefore, unit: 'MiB' },
        { name: `${run.label}: process memory (RSS) peak during the export`, value: peak, unit: 'MiB' },
      );
    } finally {
      await database.close();
      await drop();
    }
  }
  return figures;
}
