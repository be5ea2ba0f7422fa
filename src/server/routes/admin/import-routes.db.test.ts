import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrg, createOrgTree, type OrgFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { measurePeakRss } from '../../../../test/harness/peak-rss.ts';
import { zipBomb } from '../../../../test/harness/zip-files.ts';
import { auditLog, importBatches, inspectors, unitHistory, units } from '../../../db/schema.ts';
import { rowsOf } from '../../../db/sql-helpers.ts';
import { unitSearchGrams } from '../../../domain/registry/search-grams.ts';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../../../domain/uscc.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let adminA: Session;
let adminB: Session;
let orgAdmin: Session;
let auditor: Session;
let clock = new Date('2026-11-22T02:00:00Z');

let serial = 0;
/** A valid credit code (GB 32100 check character and GB 11714 organisation-code check), different each call. */
function uscc(): string {
  serial += 1;
  const body = `MA${String(serial).padStart(6, '0')}`;
  const first17 = `91330702${body}${computeOrgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}

async function xlsx(rows: unknown[][], sheetName = '单位'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

function upload(session: Session, url: string, bytes: Buffer) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

const unitsUrl = (brigade: OrgFixture, fileName: string) =>
  `/api/imports/units?brigadeId=${brigade.id}&fileName=${encodeURIComponent(fileName)}`;

const counts = async () => {
  const [row] = await database.db
    .select({
      batches: sql<number>`(select count(*)::int from import_batches)`,
      units: sql<number>`(select count(*)::int from units)`,
      audit: sql<number>`(select count(*)::int from audit_log)`,
    })
    .from(sql`(select 1) as one`);
  return row!;
};

const lastAudit = async () => (await database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB });
  const o = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  const j = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
  adminA = await logInAs(app, a.username, a.password);
  adminB = await logInAs(app, b.username, b.password);
  orgAdmin = await logInAs(app, o.username, o.password);
  auditor = await logInAs(app, j.username, j.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('units import from CSV', () => {
  const codes = [uscc(), uscc(), uscc()];
  const csv = [
    '单位名称,统一社会信用代码,实际经营地址,联系人,联系电话,单位类别,风险等级',
    `金华市婺城区好运来超市,${codes[0]},浙江省金华市婺城区人民路88号,张三,13812345678,一般单位,高`,
    `金华市婺城区“老街坊”餐饮店,${codes[1]},"浙江省金华市婺城区解放路1号, 2 楼",李四,0579-82345678,九小场所,低`,
    `浙江婺州织造有限公司,${codes[2]},浙江省金华市婺城区工业园区纬三路18号,王五,13900001111,,`,
  ].join('\r\n');
  const gbk = iconv.encode(csv, 'gbk');
  let firstImportId = '';

  it('reads a GBK-encoded CSV with its Chinese intact and previews every row as new', async () => {
    const res = await upload(adminA, unitsUrl(tree.brigadeA, '名录（GBK）.csv'), gbk);
    expect(res.statusCode).toBe(201);
    const preview = res.json();
    firstImportId = preview.id;
    expect(preview).toMatchObject({
      kind: 'units',
      fileName: '名录（GBK）.csv',
      encoding: 'GBK/GB18030',
      status: 'previewed',
      orgId: tree.brigadeA.id,
      totalRows: 3,
      counts: { new: 3, changed: 0, unchanged: 0, invalid: 0 },
      result: null,
    });
    expect(preview.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'name',
      'uscc',
      'address',
      'contactName',
      'contactPhone',
      'category',
      'riskLevel',
    ]);
    expect(preview.fields).toContainEqual({ field: 'uscc', label: '统一社会信用代码', required: true });
    const third = preview.rows.find((r: { rowNumber: number }) => r.rowNumber === 4);
    expect(third.warnings).toContain('第 4 行「单位类别」：未填写，将按“一般单位”登记');
    expect(await database.db.select().from(units).where(eq(units.brigadeId, tree.brigadeA.id))).toEqual([]);
  });

  it('commits in one transaction with one audit entry and a history entry per unit', async () => {
    const res = await call(app, adminA, 'POST', `/api/imports/${firstImportId}/commit`, { mode: 'refuse' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', mode: 'refuse', created: 3, updated: 0, unchanged: 0, skipped: 0 });
    const stored = await database.db.select().from(units).where(inArray(units.uscc, codes)).orderBy(units.uscc);
    expect(stored.map((u) => u.name).sort()).toEqual(
      ['浙江婺州织造有限公司', '金华市婺城区“老街坊”餐饮店', '金华市婺城区好运来超市'].sort(),
    );
    const market = stored.find((u) => u.uscc === codes[0])!;
    expect(market).toMatchObject({
      address: '浙江省金华市婺城区人民路88号',
      contactName: '张三',
      contactPhone: '13812345678',
      category: 'general',
      riskLevel: 'high',
      status: 'active',
      source: 'market_regulation',
      brigadeId: tree.brigadeA.id,
    });
    expect(market.duplicateKey).toBe('金华市婺城区好运来超市|浙江省金华市婺城区人民路88号');
    // The bigrams the import wrote are the search's own (the same set the trigger computes).
    for (const unit of stored) expect([...unit.searchGrams].sort()).toEqual(unitSearchGrams(unit));
    expect(stored.find((u) => u.uscc === codes[1])).toMatchObject({
      category: 'small_venue',
      address: '浙江省金华市婺城区解放路1号, 2 楼',
    });
    const history = await database.db
      .select()
      .from(unitHistory)
      .where(
        inArray(
          unitHistory.unitId,
          stored.map((u) => u.id),
        ),
      );
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({ kind: 'import', summary: { importId: firstImportId, fileName: '名录（GBK）.csv' } });
    expect(await lastAudit()).toMatchObject({
      action: 'import.commit',
      targetId: firstImportId,
      summary: { registry: 'units', mode: 'refuse', created: 3, updated: 0, unchanged: 0, invalid: 0 },
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    const again = await call(app, adminA, 'POST', `/api/imports/${firstImportId}/commit`, { mode: 'skip' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该批次已导入，不能重复提交');
  });

  it('leaves the registry untouched when the same file is imported again', async () => {
    const before = await database.db.select().from(units).where(inArray(units.uscc, codes)).orderBy(units.uscc);
    const historyBefore = await database.db.select({ n: sql<number>`count(*)::int` }).from(unitHistory);
    clock = new Date('2026-11-22T02:10:00Z');
    const res = await upload(adminA, unitsUrl(tree.brigadeA, '名录（GBK）.csv'), gbk);
    expect(res.json()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 3, invalid: 0 } });
    const commit = await call(app, adminA, 'POST', `/api/imports/${res.json().id}/commit`, { mode: 'skip' });
    expect(commit.json()).toMatchObject({ status: 'committed', created: 0, updated: 0, unchanged: 3, skipped: 0 });
    const after = await database.db.select().from(units).where(inArray(units.uscc, codes)).orderBy(units.uscc);
    expect(after).toEqual(before);
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(unitHistory)).toEqual(historyBefore);
  });

  it('shows a changed cell as a field-by-field diff and writes only that change', async () => {
    const changed = csv.replace('张三,13812345678', '张三丰,13812345678');
    const res = await upload(adminA, unitsUrl(tree.brigadeA, '名录-更新.csv'), Buffer.from(changed, 'utf8'));
    expect(res.json().counts).toMatchObject({ new: 0, changed: 1, unchanged: 2 });
    const row = res.json().rows.find((r: { outcome: string }) => r.outcome === 'changed');
    expect(row).toMatchObject({
      rowNumber: 2,
      diff: [{ field: 'contactName', label: '联系人', before: '张三', after: '张三丰' }],
    });
    clock = new Date('2026-11-22T02:20:00Z');
    await call(app, adminA, 'POST', `/api/imports/${res.json().id}/commit`, { mode: 'refuse' });
    const [unit] = await database.db.select().from(units).where(eq(units.uscc, codes[0]!));
    expect(unit).toMatchObject({ contactName: '张三丰', updatedAt: clock });
    const history = await database.db
      .select()
      .from(unitHistory)
      .where(eq(unitHistory.unitId, unit!.id))
      .orderBy(desc(unitHistory.id));
    expect(history[0]!.summary).toMatchObject({ changes: { contactName: ['张三', '张三丰'] } });
  });
});

describe('refusing or skipping invalid rows', () => {
  let brigade: OrgFixture;
  let file: Buffer;
  const badRow = 501;
  const codes: string[] = [];

  beforeAll(async () => {
    brigade = await createOrg(database.db, tree.detachment, 'brigade');
    const rows: unknown[][] = [['单位名称', '统一社会信用代码', '实际经营地址', '联系电话', '单位类别']];
    for (let i = 1; i <= 1000; i++) {
      const code = uscc();
      codes.push(code);
      const rowNumber = i + 1;
      const written = rowNumber === badRow ? `${code.slice(0, 17)}${code[17] === 'A' ? 'B' : 'A'}` : code;
      // The phone typed as a number, as Excel users do: it must come back as 13800000000 + i, not 1.38E+10.
      rows.push([`测试单位${i}号`, written, `金华市婺城区测试路${i}号`, 13800000000 + i, i % 10 === 0 ? '重点单位' : '一般单位']);
    }
    file = await xlsx(rows);
  });

  it('refuses the whole file in refuse mode, writes no unit and reports the bad row', async () => {
    const res = await upload(orgAdmin, unitsUrl(brigade, '千行名录.xlsx'), file);
    expect(res.statusCode).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({ encoding: null, totalRows: 1000, counts: { new: 999, invalid: 1 } });
    expect(preview.rows[0]).toMatchObject({ rowNumber: badRow, outcome: 'invalid' });
    expect(preview.rows[0].errors[0]).toMatch(/^第 501 行「统一社会信用代码」：校验位错误/);

    const commit = await call(app, orgAdmin, 'POST', `/api/imports/${preview.id}/commit`, { mode: 'refuse' });
    expect(commit.json()).toMatchObject({ status: 'refused', mode: 'refuse', created: 0, updated: 0, skipped: 1 });
    expect(await database.db.select({ id: units.id }).from(units).where(eq(units.brigadeId, brigade.id))).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'import.refuse', summary: { invalid: 1, invalidRows: [badRow] } });
    expect((await call(app, orgAdmin, 'GET', `/api/imports/${preview.id}`)).json()).toMatchObject({
      status: 'refused',
      result: { status: 'refused' },
    });

    const report = await call(app, orgAdmin, 'GET', `/api/imports/${preview.id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(report.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('导入报告_千行名录.xlsx')}`);
    const workbook = await readXlsx(report.rawPayload);
    const problems = sheetRows(workbook.getWorksheet('未导入的行')!);
    expect(problems[0]).toEqual(['行号', '单位名称', '统一社会信用代码', '问题']);
    expect(problems).toHaveLength(2);
    expect(problems[1]![0]).toBe(badRow);
    expect(problems[1]![1]).toBe('测试单位500号');
    expect(String(problems[1]![3])).toMatch(/^「统一社会信用代码」：校验位错误/);
    const summary = sheetRows(workbook.getWorksheet('汇总')!);
    expect(summary).toContainEqual(['状态', '已整体拒绝（未写入任何数据）']);
  });

  it('writes exactly the 999 valid rows in skip mode and names the skipped row in the report', async () => {
    const res = await upload(orgAdmin, unitsUrl(brigade, '千行名录.xlsx'), file);
    const commit = await call(app, orgAdmin, 'POST', `/api/imports/${res.json().id}/commit`, { mode: 'skip' });
    expect(commit.json()).toMatchObject({
      status: 'committed',
      mode: 'skip',
      created: 999,
      updated: 0,
      unchanged: 0,
      skipped: 1,
    });
    const stored = await database.db.select().from(units).where(eq(units.brigadeId, brigade.id));
    expect(stored).toHaveLength(999);
    expect(stored.some((u) => u.name === '测试单位500号')).toBe(false);
    expect(stored.find((u) => u.name === '测试单位7号')).toMatchObject({
      uscc: codes[6],
      contactPhone: '13800000007',
      category: 'general',
    });
    // Every tenth row is a 重点单位; row 501 (unit 500) was one of them and was skipped.
    expect(stored.filter((u) => u.category === 'key')).toHaveLength(99);
    const report = await call(app, orgAdmin, 'GET', `/api/imports/${res.json().id}/report`);
    const problems = sheetRows((await readXlsx(report.rawPayload)).getWorksheet('未导入的行')!);
    expect(problems.slice(1).map((r) => r[0])).toEqual([badRow]);
    expect(await lastAudit()).toMatchObject({ action: 'import.commit', summary: { created: 999, invalid: 1, mode: 'skip' } });
  });
});

describe('files that cannot be read', () => {
  it('refuses random bytes named .xlsx with a clear message and writes nothing', async () => {
    const before = await counts();
    for (const bytes of [randomBytes(4096), Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(4096)])]) {
      const res = await upload(adminA, unitsUrl(tree.brigadeA, 'x.xlsx'), bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'UNSUPPORTED_FILE', message: '文件无法读取：不是有效的 Excel (.xlsx) 文件' });
    }
    expect(await counts()).toEqual(before);
  });

  it('explains an empty file, a legacy .xls, a non-upload body and a file over 30 MB', async () => {
    expect((await upload(adminA, unitsUrl(tree.brigadeA, 'a.csv'), Buffer.alloc(0))).json().error.message).toMatch(/^文件为空/);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await upload(adminA, unitsUrl(tree.brigadeA, 'a.xls'), xls)).json().error.message).toMatch(/旧版 Excel \(\.xls\)/);
    const json = await call(app, adminA, 'POST', unitsUrl(tree.brigadeA, 'a.csv'), { name: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toMatch(/application\/octet-stream/);
    const huge = await upload(adminA, unitsUrl(tree.brigadeA, 'huge.csv'), Buffer.alloc(30 * 1024 * 1024 + 1, 0x61));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '文件过大：最大 30 MB' });
    const headerOnly = await upload(adminA, unitsUrl(tree.brigadeA, 'a.csv'), Buffer.from('单位名称,统一社会信用代码\n'));
    expect(headerOnly.json().error.message).toBe('文件中没有数据行：第 1 行是表头，其后没有内容');
  });
});

/**
 * The outside check's files (decision 0014), generated here: each is refused with a clear 4xx three times over (the
 * third upload of a bomb used to abort the server out of memory), the process — worker thread included — stays
 * within 400 MiB of where it started, and an ordinary upload right after is read as usual.
 */
describe('files built to exhaust the server', () => {
  const MEMORY_CEILING_MIB = 400;

  it('refuses zip bombs and huge cells without the memory to build them, and reads the next file', async () => {
    const hugeCsv = Buffer.from(`单位名称,备注\n好运来超市,"${'长'.repeat(10 * 1024 * 1024 - 100)}"\n`);
    const files: { fileName: string; bytes: Buffer; status: number; code: string; message: string | RegExp }[] = [
      {
        fileName: '解压后 1 GB 的工作表.xlsx',
        bytes: zipBomb('sheet', 1024),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: '文件解压后过大：工作表（xl/worksheets/sheet1.xml）解压后 1,024 MB，超过 256 MB 的上限，疑似压缩炸弹，已拒绝',
      },
      {
        fileName: '谎报大小的共享字符串.xlsx',
        bytes: zipBomb('sharedStrings', 1024, 8),
        status: 400,
        code: 'UNSUPPORTED_FILE',
        message: /^文件已损坏或被篡改：共享字符串表（xl\/sharedStrings\.xml）解压后的大小超过了文件目录中声明的 8,388,608 字节/,
      },
      {
        fileName: '一个 300 MB 的单元格.xlsx',
        bytes: zipBomb('cell', 300),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: '文件解压后过大：工作表（xl/worksheets/sheet1.xml）解压后 300 MB，超过 256 MB 的上限，疑似压缩炸弹，已拒绝',
      },
      {
        fileName: '一个 300 MB 的单元格（少报大小）.xlsx',
        bytes: zipBomb('cell', 300, 50),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: '第 2 行第 1 列（A2）的内容过长：超过 1 MB（一个单元格最多 32,767 个字符），已拒绝',
      },
      {
        fileName: '一个 30 MB 的单元格.csv',
        bytes: hugeCsv,
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: '第 2 行第 2 列（B 列）的内容超过 32,767 个字符，已拒绝',
      },
    ];
    expect(Math.max(...files.map((f) => f.bytes.length))).toBeLessThan(30 * 1024 * 1024);
    const before = await counts();

    const memory = measurePeakRss();
    for (const file of files) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const res = await upload(adminA, unitsUrl(tree.brigadeA, file.fileName), file.bytes);
        // Soft: one run shows every file that is not refused as it should be, and the memory it took.
        expect.soft(res.statusCode, `${file.fileName} #${attempt}`).toBe(file.status);
        expect.soft(res.json().error?.code, file.fileName).toBe(file.code);
        expect.soft(res.json().error?.message, file.fileName).toMatch(file.message);
      }
    }
    const inspectorsUrl = `/api/imports/inspectors?orgId=${tree.brigadeA.id}&fileName=${encodeURIComponent('人员.xlsx')}`;
    const snapshotUrl = `/api/reconciliations?brigadeId=${tree.brigadeA.id}&full=true&fileName=${encodeURIComponent('市场监管.xlsx')}`;
    for (const url of [inspectorsUrl, snapshotUrl]) expect((await upload(adminA, url, files[1]!.bytes)).statusCode).toBe(400);
    const { baselineMiB, peakMiB } = memory.stop();
    expect(peakMiB - baselineMiB, `peak RSS ${peakMiB} MiB from ${baselineMiB} MiB`).toBeLessThan(MEMORY_CEILING_MIB);
    expect(await counts()).toEqual(before);

    const next = await upload(adminA, unitsUrl(tree.brigadeA, '下一个文件.csv'), Buffer.from(`单位名称,统一社会信用代码\n金华市婺城区平安旅馆,${uscc()}\n`));
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ status: 'previewed', totalRows: 1, counts: { new: 1, invalid: 0 } });
  });
});

describe('rows that belong elsewhere', () => {
  it('makes a credit code registered in another brigade an invalid row, never moving the unit', async () => {
    const code = uscc();
    const own = await upload(
      adminB,
      unitsUrl(tree.brigadeB, 'b.csv'),
      Buffer.from(`单位名称,统一社会信用代码\n乙大队的单位,${code}\n`),
    );
    await call(app, adminB, 'POST', `/api/imports/${own.json().id}/commit`, { mode: 'refuse' });

    const res = await upload(
      adminA,
      unitsUrl(tree.brigadeA, 'a.csv'),
      Buffer.from(`单位名称,统一社会信用代码\n想要的单位,${code}\n`),
    );
    expect(res.json().counts).toMatchObject({ invalid: 1, new: 0 });
    expect(res.json().rows[0].errors).toEqual([
      `第 2 行「统一社会信用代码」：该信用代码已登记在其他大队（${tree.brigadeB.name}），不能导入本大队`,
    ]);

    const fromAbove = await upload(
      orgAdmin,
      unitsUrl(tree.brigadeA, 'a.csv'),
      Buffer.from(`单位名称,统一社会信用代码\n想要的单位,${code}\n`),
    );
    expect(fromAbove.json().rows[0].errors[0]).toBe(
      `第 2 行「统一社会信用代码」：该信用代码已登记在${tree.brigadeB.name}（「乙大队的单位」），如需划入本大队请使用“转移单位”`,
    );
    await call(app, adminA, 'POST', `/api/imports/${res.json().id}/commit`, { mode: 'skip' });
    const [unit] = await database.db.select().from(units).where(eq(units.uscc, code));
    expect(unit).toMatchObject({ brigadeId: tree.brigadeB.id, name: '乙大队的单位' });
  });

  it('refuses in refuse mode a file whose only invalid row lies past the slices written first, and writes nothing', async () => {
    // 3,000 rows previewed clean; then another brigade registers the code of row 2,801, past the first slices the
    // commit writes while it classifies the rest (decision 0031): the refusal is decided before any write.
    const codes = Array.from({ length: 3000 }, () => uscc());
    const csv = ['单位名称,统一社会信用代码', ...codes.map((c, i) => `后到单位${i + 1}号,${c}`)].join('\n');
    const preview = (await upload(adminA, unitsUrl(tree.brigadeA, 'late.csv'), Buffer.from(csv))).json();
    expect(preview.counts).toMatchObject({ new: 3000, invalid: 0 });
    const other = await upload(adminB, unitsUrl(tree.brigadeB, 'b.csv'), Buffer.from(`单位名称,统一社会信用代码\n抢先登记,${codes[2799]}\n`));
    await call(app, adminB, 'POST', `/api/imports/${other.json().id}/commit`, { mode: 'refuse' });
    const registryVersion = async () =>
      Number(rowsOf<{ last_value: string }>(await database.db.execute(sql`select last_value from units_version_seq`))[0]!.last_value);
    const versionBefore = await registryVersion();

    const commit = await call(app, adminA, 'POST', `/api/imports/${preview.id}/commit`, { mode: 'refuse' });
    expect(await registryVersion()).toBe(versionBefore);
    expect(commit.json()).toMatchObject({ status: 'refused', created: 0, updated: 0, skipped: 1 });
    expect(await database.db.select({ id: units.id }).from(units).where(inArray(units.uscc, codes.slice(0, 2799)))).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'import.refuse', summary: { invalid: 1, invalidRows: [2801], created: 0 } });
    const history = await database.db.select({ id: unitHistory.id }).from(unitHistory).where(sql`${unitHistory.summary}->>'importId' = ${preview.id}`);
    expect(history).toEqual([]);
  });

  it('reports a credit code twice in one file on the later row, naming the first', async () => {
    const code = uscc();
    const res = await upload(
      adminA,
      unitsUrl(tree.brigadeA, 'dup.csv'),
      Buffer.from(`单位名称,统一社会信用代码\n甲,${code}\n乙,${code}\n`),
    );
    expect(res.json().counts).toMatchObject({ new: 1, invalid: 1, duplicatesInFile: 1 });
    expect(res.json().rows[0].errors).toEqual([`第 3 行「统一社会信用代码」：与第 2 行重复（${code}）`]);
  });

  it('gives the same preview when the rows are validated while the file is still read, across the slices', async () => {
    // 4,500 rows reach the server's dry run in slices of 2,000 while the worker reads the rest (decision 0031): a
    // credit code repeated 4,000 rows later, and an invalid one in the second slice, are found as in a small file.
    // The registry is looked up slice by slice meanwhile: a unit already registered (row 3,002) and a registered
    // name shared by rows 102 and 3,502 of different slices (both probable duplicates, the registered unit named once).
    const codes = Array.from({ length: 4_500 }, () => uscc());
    codes[4_400] = codes[1]!;
    codes[2_500] = '91330702MA0000000X';
    const names = codes.map((_, i) => `跨片单位${i}`);
    names[100] = names[3_500]!;
    const twin = uscc();
    const registered = await upload(
      adminA,
      unitsUrl(tree.brigadeA, '先登记.csv'),
      Buffer.from(`单位名称,统一社会信用代码\n${names[3_000]},${codes[3_000]}\n${names[3_500]},${twin}\n`),
    );
    await call(app, adminA, 'POST', `/api/imports/${registered.json().id}/commit`, { mode: 'refuse' });
    const bytes = await xlsx([['单位名称', '统一社会信用代码'], ...codes.map((c, i) => [names[i], c])], '单位');
    const res = await upload(adminA, unitsUrl(tree.brigadeA, '跨片.xlsx'), bytes);
    expect(res.statusCode).toBe(201);
    expect(res.json().counts).toMatchObject({ new: 4_497, unchanged: 1, invalid: 2, duplicatesInFile: 1, probableDuplicates: 2 });
    const errors = res.json().rows.flatMap((r: { errors: string[] }) => r.errors);
    expect(errors).toContain(`第 4402 行「统一社会信用代码」：与第 3 行重复（${codes[1]}）`);
    expect(errors.some((e: string) => e.startsWith('第 2502 行「统一社会信用代码」'))).toBe(true);
    const warned = (rowNumber: number) => res.json().rows.find((r: { rowNumber: number }) => r.rowNumber === rowNumber).warnings;
    const registryWarning = (rowNumber: number) =>
      `第 ${rowNumber} 行「单位名称」：与名录库中的「${names[3_500]}」（${twin}）名称和地址相同但信用代码不同，疑似重复单位`;
    const aboutRegistry = (rowNumber: number) => warned(rowNumber).filter((w: string) => w.includes('名录库'));
    expect(aboutRegistry(102)).toEqual([registryWarning(102)]);
    // The rows were classified while the file was read, as their look-ups came back; the same mapping chosen again
    // runs the whole dry run afresh after the table is read, and gives the same preview.
    const again = await call(app, adminA, 'PUT', `/api/imports/${res.json().id}/mapping`, { mapping: { '0': 'name', '1': 'uscc' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().counts).toEqual(res.json().counts);
    expect(again.json().rows).toEqual(res.json().rows);
  });
});

describe('column mapping', () => {
  it('lets the user map an unrecognised column, which changes the preview', async () => {
    const code = uscc();
    const res = await upload(
      adminA,
      unitsUrl(tree.brigadeA, 'map.csv'),
      Buffer.from(`商户字号,统一社会信用代码,备注\n映射测试店,${code},无\n`),
    );
    const preview = res.json();
    expect(preview.columns).toEqual([
      { index: 0, header: '商户字号', field: null },
      { index: 1, header: '统一社会信用代码', field: 'uscc' },
      { index: 2, header: '备注', field: null },
    ]);
    expect(preview.counts).toMatchObject({ invalid: 1, new: 0 });
    expect(preview.rows[0].errors).toEqual(['第 2 行「单位名称」：没有对应的列，请在“列映射”中指定']);

    const mapped = await call(app, adminA, 'PUT', `/api/imports/${preview.id}/mapping`, { mapping: { '0': 'name' } });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json().columns[0]).toEqual({ index: 0, header: '商户字号', field: 'name' });
    expect(mapped.json().counts).toMatchObject({ invalid: 0, new: 1 });
    expect(mapped.json().rows[0]).toMatchObject({ name: '映射测试店', outcome: 'new' });

    const moved = await call(app, adminA, 'PUT', `/api/imports/${preview.id}/mapping`, { mapping: { '2': 'name' } });
    expect(moved.json().columns.map((c: { field: string | null }) => c.field)).toEqual([null, 'uscc', 'name']);
    expect(moved.json().rows[0]).toMatchObject({ name: '无' });

    const unknown = await call(app, adminA, 'PUT', `/api/imports/${preview.id}/mapping`, { mapping: { '0': 'password' } });
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '列映射：「password」不是可导入的字段' });
    const twice = await call(app, adminA, 'PUT', `/api/imports/${preview.id}/mapping`, { mapping: { '0': 'name', '2': 'name' } });
    expect(twice.json().error.message).toBe('列映射：「单位名称」同时指定给了第 1 列和第 3 列，每个字段只能对应一列');
    const missing = await call(app, adminA, 'PUT', `/api/imports/${preview.id}/mapping`, { mapping: { '7': 'name' } });
    expect(missing.json().error.message).toBe('列映射：第 8 列不存在（文件共 3 列）');
  });
});

describe('who may import', () => {
  it('refuses an upload by 纪检 and hides one brigade’s batches from another', async () => {
    const bytes = Buffer.from(`单位名称,统一社会信用代码\n权限测试,${uscc()}\n`);
    const denied = await upload(auditor, unitsUrl(tree.brigadeA, 'a.csv'), bytes);
    expect(denied.statusCode).toBe(403);
    const own = (await upload(adminA, unitsUrl(tree.brigadeA, 'a.csv'), bytes)).json();
    for (const [method, url, body] of [
      ['GET', `/api/imports/${own.id}`, undefined],
      ['GET', `/api/imports/${own.id}/report`, undefined],
      ['PUT', `/api/imports/${own.id}/mapping`, { mapping: {} }],
      ['POST', `/api/imports/${own.id}/commit`, { mode: 'skip' }],
    ] as const) {
      const res = await call(app, adminB, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.message).toBe('导入批次不存在');
    }
    const otherBrigade = await upload(adminB, unitsUrl(tree.brigadeA, 'a.csv'), bytes);
    expect(otherBrigade.json().error).toMatchObject({ field: 'brigadeId', message: '所属大队：不存在' });
    expect((await call(app, auditor, 'GET', `/api/imports/${own.id}`)).statusCode).toBe(200);
  });
});

describe('inspectors import', () => {
  it('imports inspectors keyed by badge number with the post’s draw weight, and nothing the second time', async () => {
    const rows = [
      ['姓名', '警号', '执法证号', '有效期起', '有效期止', '岗位', '可任角色', '手机'],
      [
        '陈静',
        'JH0101',
        '浙消执字0101',
        new Date(Date.UTC(2024, 0, 1)),
        new Date(Date.UTC(2029, 11, 31)),
        '专职监督员',
        '主办、协办',
        13957900101,
      ],
      ['刘洋', 'JH0102', '浙消执字0102', '2023/3/1', '2026/2/28', '兼职', '协办', '13957900102'],
      ['', 'JH0103', '', '', '', '', '', ''],
    ];
    const file = await xlsx(rows, '人员');
    const url = `/api/imports/inspectors?orgId=${tree.brigadeA.id}&fileName=${encodeURIComponent('人员.xlsx')}`;
    const res = await upload(adminA, url, file);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'inspectors', counts: { new: 2, invalid: 1 } });
    const warnings = res.json().rows.flatMap((r: { warnings: string[] }) => r.warnings);
    expect(warnings).toContain('第 3 行「执法证有效期止」：执法证已于 2026-02-28 过期，该人员不会被抽取');
    expect(res.json().rows[0]).toMatchObject({ rowNumber: 4, errors: ['第 4 行「姓名」：不能为空'] });

    const commit = await call(app, adminA, 'POST', `/api/imports/${res.json().id}/commit`, { mode: 'skip' });
    expect(commit.json()).toMatchObject({ created: 2, skipped: 1 });
    const stored = await database.db
      .select()
      .from(inspectors)
      .where(eq(inspectors.orgId, tree.brigadeA.id))
      .orderBy(inspectors.badgeNo);
    expect(stored).toMatchObject([
      {
        name: '陈静',
        badgeNo: 'JH0101',
        certificateValidFrom: '2024-01-01',
        certificateValidUntil: '2029-12-31',
        post: 'full_time',
        roles: ['lead', 'assistant'],
        phone: '13957900101',
        drawWeight: 2,
      },
      { name: '刘洋', post: 'part_time', roles: ['assistant'], drawWeight: 1 },
    ]);

    const again = await upload(adminA, url, file);
    expect(again.json().counts).toMatchObject({ new: 0, unchanged: 2, invalid: 1 });

    const exported = await call(app, adminA, 'GET', `/api/inspectors/export?orgId=${tree.brigadeA.id}`);
    expect(exported.statusCode).toBe(200);
    const sheet = (await readXlsx(exported.rawPayload)).worksheets[0]!;
    const table = sheetRows(sheet);
    expect(table[0]!.slice(0, 3)).toEqual(['姓名', '警号/工号', '执法证号']);
    expect(
      table
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['JH0101', 'JH0102']);
    expect(table.find((r) => r[1] === 'JH0101')![10]).toBe('13957900101');
    expect(await lastAudit()).toMatchObject({ action: 'inspector.export', summary: { rowCount: 2 } });
  });
});

describe('reconciliation with a market-regulation snapshot', () => {
  it('flags units missing from a full snapshot or marked 注销, without changing any status', async () => {
    const brigade = await createOrg(database.db, tree.detachment, 'brigade');
    const [a, b, c, d, unknown] = [uscc(), uscc(), uscc(), uscc(), uscc()];
    const file = Buffer.from(`单位名称,统一社会信用代码\n甲,${a}\n乙,${b}\n丙,${c}\n丁,${d}\n`);
    const imported = await upload(orgAdmin, unitsUrl(brigade, 'r.csv'), file);
    await call(app, orgAdmin, 'POST', `/api/imports/${imported.json().id}/commit`, { mode: 'refuse' });
    await database.db.update(units).set({ flaggedAt: clock, flagReason: '人工标记' }).where(eq(units.uscc, c));
    await database.db.update(units).set({ status: 'suspended' }).where(eq(units.uscc, d));

    const snapshot = await xlsx([
      ['统一社会信用代码', '企业名称', '登记状态'],
      [b, '乙', '注销'],
      [unknown, '戊', '存续（在营、开业、在册）'],
    ]);
    const url = `/api/reconciliations?brigadeId=${brigade.id}&full=true&fileName=${encodeURIComponent('市场监管.xlsx')}`;
    const res = await upload(orgAdmin, url, snapshot);
    expect(res.statusCode).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({
      fileName: '市场监管.xlsx',
      full: true,
      snapshotRows: 2,
      brigadeId: brigade.id,
      alreadyFlagged: 1,
      unknownInRegistry: 1,
    });
    expect(preview.toFlag.map((f: { uscc: string; reason: string }) => [f.uscc, f.reason]).sort()).toEqual(
      [
        [a, '市场监管比对：全量登记名录中无此统一社会信用代码'],
        [b, '市场监管比对：登记状态为「注销」（比对文件第 2 行）'],
      ].sort(),
    );

    const commit = await call(app, orgAdmin, 'POST', `/api/reconciliations/${preview.id}/commit`, {});
    expect(commit.json()).toMatchObject({ flagged: 2 });
    const stored = await database.db.select().from(units).where(eq(units.brigadeId, brigade.id)).orderBy(units.uscc);
    const byCode = new Map(stored.map((u) => [u.uscc, u]));
    expect(byCode.get(a)).toMatchObject({ status: 'active', flagReason: '市场监管比对：全量登记名录中无此统一社会信用代码' });
    expect(byCode.get(a)!.flaggedAt).not.toBeNull();
    expect(byCode.get(b)).toMatchObject({ status: 'active' });
    expect(byCode.get(c)).toMatchObject({ flagReason: '人工标记' });
    expect(byCode.get(d)).toMatchObject({ status: 'suspended', flaggedAt: null });
    const flags = await database.db
      .select()
      .from(unitHistory)
      .where(
        and(
          eq(unitHistory.kind, 'flag'),
          inArray(
            unitHistory.unitId,
            stored.map((u) => u.id),
          ),
        ),
      );
    expect(flags).toHaveLength(2);
    expect(await lastAudit()).toMatchObject({ action: 'reconciliation.commit', summary: { flagged: 2, full: true } });
    expect((await call(app, orgAdmin, 'POST', `/api/reconciliations/${preview.id}/commit`, {})).statusCode).toBe(409);

    const partial = await upload(
      orgAdmin,
      `/api/reconciliations?brigadeId=${brigade.id}&full=false&fileName=p.csv`,
      Buffer.from(`统一社会信用代码\n${a}\n`),
    );
    expect(partial.json().error.message).toMatch(/^比对文件：增量比对需要「登记状态」列/);
  });
});

describe('units export', () => {
  it('streams a valid .xlsx whose rows match the list filter, with full phone numbers, and audits it', async () => {
    const res = await call(app, orgAdmin, 'GET', `/api/units/export?brigadeId=${tree.brigadeA.id}&category=general`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="_?2026-11-22\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1]!)).toBe('检查对象名录_2026-11-22.xlsx');
    const expected = await database.db
      .select({ uscc: units.uscc })
      .from(units)
      .where(and(eq(units.brigadeId, tree.brigadeA.id), eq(units.category, 'general')));
    const table = sheetRows((await readXlsx(res.rawPayload)).getWorksheet('检查对象')!);
    expect(table[0]!.slice(0, 4)).toEqual(['统一社会信用代码', '单位名称', '住所（注册地址）', '实际经营地址']);
    expect(
      table
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(expected.map((u) => u.uscc).sort());
    expect(res.headers['x-row-count']).toBe(String(expected.length));
    const market = table.find((r) => r[1] === '金华市婺城区好运来超市')!;
    expect(market[7]).toBe('一般单位');
    expect(market[13]).toBe('高');
    expect(market[23]).toBe('13812345678');
    expect(await lastAudit()).toMatchObject({
      action: 'unit.export',
      summary: { filter: { brigadeId: tree.brigadeA.id, category: ['general'] }, rowCount: expected.length },
    });
    const none = await call(app, adminB, 'GET', `/api/units/export?brigadeId=${tree.brigadeA.id}`);
    expect(sheetRows((await readXlsx(none.rawPayload)).worksheets[0]!)).toHaveLength(1);
  });

  it('exports a file that imports back unchanged', async () => {
    const exported = await call(app, adminA, 'GET', `/api/units/export?brigadeId=${tree.brigadeA.id}`);
    const res = await upload(adminA, unitsUrl(tree.brigadeA, '导出再导入.xlsx'), exported.rawPayload);
    const total = (await database.db.select({ id: units.id }).from(units).where(eq(units.brigadeId, tree.brigadeA.id))).length;
    expect(res.json().counts).toMatchObject({ unchanged: total, changed: 0, new: 0, invalid: 0 });
    expect(
      await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(importBatches)
        .where(eq(importBatches.id, res.json().id)),
    ).toEqual([{ n: 1 }]);
  });
});
