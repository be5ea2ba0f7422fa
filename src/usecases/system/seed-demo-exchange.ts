import { isDomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { addMonths } from '../../domain/publication/publication-rules.ts';
import type { Db } from '../../db/client.ts';
import { listActiveUnitsOfBrigade } from '../../db/import-queries.ts';
import { createExchangeBatch } from '../exchange/create-exchange-batch.ts';
import { commitImport } from '../imports/commit-import.ts';
import { uploadCreditGradeImport } from '../imports/upload-credit-grade-import.ts';
import { demoContextFor } from './seed-demo-draw.ts';

/**
 * 数据交换 of the demo (decision 0027), through the use cases: 婺城's administrator makes one export batch of the
 * entries published over the last two months (no endpoint is set, so it is kept for download), and imports a small
 * credit-grade file (four units graded A–D by 市场监管局 on the first of this month) through the registry import.
 */
export async function seedDemoExchange(db: Db, now: Date): Promise<void> {
  const wucheng = await demoContextFor(db, 'wucheng', now);
  const today = localDate(now);
  await skipRefusal(() => createExchangeBatch(wucheng, { kind: 'publications', orgId: wucheng.actor.orgId, from: addMonths(`${today.slice(0, 7)}-01`, -2), to: today }));
  const graded = (await listActiveUnitsOfBrigade(db, wucheng.actor.orgId)).slice(0, 4);
  if (graded.length === 0) return;
  const ratedOn = `${today.slice(0, 7)}-01`;
  const csv = ['统一社会信用代码,单位名称,信用等级,评定日期,来源', ...graded.map((u, i) => `${u.uscc},${u.name},${'ABCD'[i]},${ratedOn},金华市市场监督管理局`)].join('\n');
  await skipRefusal(async () => {
    const batch = await uploadCreditGradeImport(wucheng, { orgId: wucheng.actor.orgId, fileName: '信用风险分类结果（演示）.csv', bytes: Buffer.from(csv, 'utf8') });
    await commitImport(wucheng, batch.id, 'skip');
  });
}

/** A step the rules refuse (the calendar, an empty period) is skipped: the demo never fails the start. */
async function skipRefusal(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
}
