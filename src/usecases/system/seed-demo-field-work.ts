import { randomUUID } from 'node:crypto';
import type { RecordBody, RecordSignatures } from '../../contracts/field.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { isDomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findAccountByUsername, insertAccounts } from '../../db/account-queries.ts';
import type { Db } from '../../db/client.ts';
import { findDraw, listTasksOfDraw } from '../../db/draw-queries.ts';
import { findInspectorsByIds } from '../../db/inspector-queries.ts';
import { storeEvidenceFile } from '../files/store-evidence-file.ts';
import { getFieldBundle } from '../field/get-field-bundle.ts';
import { scheduleVisit } from '../field/schedule-visit.ts';
import { startTask } from '../field/start-task.ts';
import { submitRecord } from '../field/submit-record.ts';
import { dispatchOutbox } from '../outbox/dispatch-outbox.ts';
import { demoContextFor } from './seed-demo-draw.ts';
import { seedDemoFollowUp } from './seed-demo-follow-up.ts';
import { seedDemoExchange } from './seed-demo-exchange.ts';
import { seedDemoPublication } from './seed-demo-publication.ts';

const DAY = 86_400_000;
/** A real 1×1 PNG: each demo photo is this with its own tag after the image data (its own SHA-256). */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const demoImage = (tag: string) => Uint8Array.from([...PNG, ...Buffer.from(tag)]);
const OUTBOX = { channel: 'log' as const, publicBaseUrl: '' };
const HAZARDS = [
  { description: '疏散通道堆放杂物', location: '二层东侧走廊', legalBasis: '《中华人民共和国消防法》第二十八条', fixedOnSpot: true },
  { description: '部分灭火器压力不足', location: '一层大厅', legalBasis: '《中华人民共和国消防法》第十六条第一款第（二）项', fixedOnSpot: false },
];

/**
 * The demo's field work, through the use cases: every task of last month's draw carried through by its lead (a
 * demo field account per lead, sharing the demo password): visit day set, started, photos and signatures uploaded,
 * a record submitted — most passed, every fourth with hazards, two 无法检查 (查无此单位, 已停业) — and the notices
 * sent by the log channel. This month: two of 监督员 jiandu's tasks get a visit day (today, and in three days).
 * Anything the calendar or the rules refuse is skipped: the demo never fails the start.
 */
export async function seedDemoFieldWork(db: Db, o: { lastMonthDrawId: string | null; thisMonthDrawId: string; now: Date; followUp?: boolean }): Promise<void> {
  if (o.lastMonthDrawId) {
    const leads = await carryThrough(db, o.lastMonthDrawId, o.now);
    if (o.followUp !== false) {
      await seedDemoFollowUp(db, { drawId: o.lastMonthDrawId, leads, now: o.now });
      await seedDemoPublication(db, o.now);
      await seedDemoExchange(db, o.now);
    }
  }
  const jiandu = await demoContextFor(db, 'jiandu', o.now);
  const inspectorId = (await findAccountByUsername(db, 'jiandu'))?.account.inspectorId;
  const led = (await listTasksOfDraw(db, o.thisMonthDrawId)).filter((t) => inspectorId && t.task.leadIds.includes(inspectorId)).slice(0, 2);
  const today = localDate(o.now);
  for (const [i, t] of led.entries()) {
    const visitDate = localDate(new Date(o.now.getTime() + (i === 0 ? 0 : 3) * DAY));
    if (visitDate > t.task.dueDate) continue;
    await skipRefusal(() => scheduleVisit(jiandu, t.task.id, { visitDate, lateReason: visitDate === today ? '单位负责人仅今日在岗，电话告知后当日检查' : '' }, OUTBOX));
  }
  await dispatchOutbox(db, o.now, { log: async () => {} });
}

async function carryThrough(db: Db, drawId: string, now: Date): Promise<Map<string, string>> {
  const found = await findDraw(db, drawId);
  if (!found || found.draw.status !== 'executed') return new Map();
  const tasks = (await listTasksOfDraw(db, drawId)).filter((t) => t.task.status === 'assigned');
  const template = (await findAccountByUsername(db, 'jiandu'))!;
  const leads = await findInspectorsByIds(db, [...new Set(tasks.map((t) => t.task.leadIds[0]!))]);
  const usernames = new Map<string, string>();
  const existing = new Set<string>();
  for (const lead of leads) {
    if (lead.id === template.account.inspectorId) {
      usernames.set(lead.id, 'jiandu');
      continue;
    }
    const username = `xc${lead.badgeNo.replace(/[^0-9A-Za-z]/g, '').toLowerCase()}`;
    usernames.set(lead.id, username);
    if (await findAccountByUsername(db, username)) existing.add(username);
  }
  await db.transaction((tx) =>
    insertAccounts(
      tx,
      leads
        .filter((l) => !existing.has(usernames.get(l.id)!) && usernames.get(l.id) !== 'jiandu')
        .map((l) => ({
          username: usernames.get(l.id)!,
          displayName: l.name,
          role: 'inspector' as const,
          orgId: template.org.id,
          passwordHash: template.account.passwordHash,
          isDemo: true,
          inspectorId: l.id,
        })),
    ),
  );
  const start = found.draw.periodStart;
  for (const [i, t] of tasks.entries()) {
    // Visits spread over the first three weeks of the period, each told two days before.
    const visit = new Date(Date.parse(`${start}T02:00:00Z`) + (2 + (i % 18)) * DAY);
    if (visit >= now || localDate(visit) > t.task.dueDate) continue;
    const unable = i === 3 ? ('not_found' as const) : i === 7 ? ('closed' as const) : null;
    const withHazards = unable === null && i % 4 === 1;
    await inspectDemoTask(db, usernames.get(t.task.leadIds[0]!)!, t.task.id, visit, `${drawId}-${i}`, {
      unable,
      line: (_l, k) => (withHazards && k < 2 ? { result: 'fail', hazard: HAZARDS[k]! } : { result: 'pass', hazard: null }),
    });
  }
  return usernames;
}

/** How a demo inspection goes: 无法检查 (with its reason), or each line's result and hazard. */
export type DemoInspection = {
  unable: 'not_found' | 'closed' | null;
  line: (line: { code: string; text: string }, index: number) => { result: 'pass' | 'fail'; hazard: RecordBody['lines'][number]['hazard'] };
};

/**
 * One demo inspection through the use cases, as its lead would do it: visit day told two days before, started on
 * site, a photo and signatures uploaded, the record submitted 80 minutes later. Returns false when a rule refused a
 * step (the demo skips it).
 */
export async function inspectDemoTask(db: Db, leadUsername: string, taskId: string, visit: Date, tag: string, how: DemoInspection): Promise<boolean> {
  const at = (offsetMs: number) => new Date(visit.getTime() + offsetMs);
  const lead = await demoContextFor(db, leadUsername, at(-2 * DAY));
  const visitDate = localDate(visit);
  const scheduled = await skipRefusal(() => scheduleVisit(lead, taskId, { visitDate, lateReason: '演示数据：告知时间按演示安排' }, OUTBOX));
  if (!scheduled) return false;
  await dispatchOutbox(db, at(-2 * DAY + 60_000), { log: async () => {} });
  const onSite = { ...lead, now: at(0) };
  await startTask(onSite, taskId);
  const bundle = await getFieldBundle(onSite, 1);
  const fieldTask = bundle.tasks.find((x) => x.row.task.id === taskId);
  if (!fieldTask) return false;
  // An upload the rules refuse (a lead's hourly limit, with many tasks on one demo day) leaves the task as it is.
  const photoFile = await unlessRefused(() => storeEvidenceFile(onSite, { fileName: '现场照片.png', bytes: demoImage(`demo-photo-${tag}`) }));
  const signFile = photoFile === REFUSED ? REFUSED : await unlessRefused(() => storeEvidenceFile(onSite, { fileName: '签名.png', bytes: demoImage(`demo-signature-${tag}`) }));
  if (photoFile === REFUSED || signFile === REFUSED) return false;
  const [photo, sign] = [photoFile.sha256, signFile.sha256];
  const { unable } = how;
  const lines = unable
    ? []
    : fieldTask.checklist.lines.map((l, k) => {
        const { result, hazard } = how.line(l, k);
        return { versionId: l.versionId, code: l.code, result, note: '', uncheckedReason: '', hazard, photos: result === 'fail' ? [photo] : [] };
      });
  const body: RecordBody = {
    taskId,
    outcome: unable ? 'unable' : 'inspected',
    startedAt: at(0).toISOString(),
    endedAt: at(75 * 60_000).toISOString(),
    accompanying: unable ? { name: '', title: '' } : { name: '单位安全管理人', title: '消防安全管理人' },
    jointStaffIds: [],
    lines,
    conclusion: unable ? null : lines.some((l) => l.result === 'fail') ? 'hazards_found' : 'no_hazard',
    unable: unable
      ? { reason: unable, detail: unable === 'not_found' ? '登记地址为空置商铺，周边商户称该单位已搬离' : '卷帘门紧闭，张贴停业告示', photos: [photo] }
      : null,
    remarks: '',
  };
  const hash = sha256Hex(canonicalJson(body));
  const signedBy = { kind: 'signed' as const, image: sign, signedHash: hash, at: at(75 * 60_000).toISOString() };
  const signatures: RecordSignatures = { lead: signedBy, assistant: signedBy, representative: unable ? null : signedBy };
  return skipRefusal(() => submitRecord({ ...onSite, now: at(80 * 60_000) }, { id: randomUUID(), body, signatures, corrects: null }));
}

/** Runs a demo step; a refusal by the rules (a DomainError) skips it, returning false. */
export async function skipRefusal(step: () => Promise<unknown>): Promise<boolean> {
  return (await unlessRefused(step)) !== REFUSED;
}

const REFUSED = Symbol('refused');

/** A demo step's result, or REFUSED when the rules refused it (a DomainError); anything else is thrown. */
async function unlessRefused<T>(step: () => Promise<T>): Promise<T | typeof REFUSED> {
  try {
    return await step();
  } catch (e) {
    if (isDomainError(e)) return REFUSED;
    throw e;
  }
}
