import { randomUUID } from 'node:crypto';
import type { RecordBody, RecordSignatures } from '../../contracts/field.ts';
import { createRng, deriveSeed, type Rng } from '../../demo/prng.ts';
import { pickCorrectionDays, pickFine, pickPublicationDelay, pickVisitDay, planReinspection, planVisit, type VisitPlan } from '../../demo/simulate-year-rates.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, previousWorkingDayBefore, type HolidayCalendar } from '../../domain/calendar/working-days.ts';
import { lastDayOfMonth } from '../../domain/calendar/year-month.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { fromHex, sha256Hex } from '../../domain/crypto/sha256.ts';
import { commitmentOf } from '../../domain/draw/seed.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { atLocalTime } from '../../domain/local-date.ts';
import { findAccountByUsername, insertAccounts } from '../../db/account-queries.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import type { Db } from '../../db/client.ts';
import { findDraw, findLiveDrawOfMonthlyPlan, findTask, listTasksOfDraw } from '../../db/draw-queries.ts';
import { listExternalChoices } from '../../db/field-queries.ts';
import { hazardsOfNotice, hazardsOfRecord } from '../../db/hazard-queries.ts';
import { findInspectorsByIds } from '../../db/inspector-queries.ts';
import { findOrgById, type OrgRow } from '../../db/org-queries.ts';
import { findUnitById } from '../../db/unit-queries.ts';
import { findAnnualPlanOf, findMonthlyPlan, findMonthlyPlanOf } from '../../db/plan-queries.ts';
import { listPublicationsInScope } from '../../db/publication-queries.ts';
import { listOrgsOfKind } from '../../db/self-check-queries.ts';
import { decidePenalty } from '../cases/decide-penalty.ts';
import { openCase } from '../cases/open-case.ts';
import { recordPayment } from '../cases/record-payment.ts';
import { seal } from '../cases/seal.ts';
import { issueNotice } from '../documents/issue-notice.ts';
import { recordService } from '../documents/record-service.ts';
import { executeDraw } from '../draws/execute-draw.ts';
import { freezeDraw } from '../draws/freeze-draw.ts';
import { recordCommitment } from '../draws/record-commitment.ts';
import { recordExternalValue } from '../draws/record-external-value.ts';
import { recordReveal } from '../draws/record-reveal.ts';
import { replaceTaskUnit } from '../draws/replace-task-unit.ts';
import { loadTaskChecklists } from '../field/task-checklist.ts';
import { loadReinspectionChecklists } from '../reinspections/reinspection-checklists.ts';
import { scheduleVisit } from '../field/schedule-visit.ts';
import { startTask } from '../field/start-task.ts';
import { submitRecord } from '../field/submit-record.ts';
import { playCallbackRound } from './seed-demo-callbacks.ts';
import { serviceInPerson } from './seed-demo-follow-up.ts';
import { storeEvidenceFile } from '../files/store-evidence-file.ts';
import { saveExternalPerson } from '../inspectors/save-external-person.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { runSelfChecks } from '../oversight/run-self-checks.ts';
import { dispatchOutbox } from '../outbox/dispatch-outbox.ts';
import { createAnnualPlan } from '../plans/create-annual-plan.ts';
import { generateMonthlyPlan } from '../plans/generate-monthly-plan.ts';
import { publishAnnualPlan } from '../plans/publish-annual-plan.ts';
import { publishMonthlyPlan } from '../plans/publish-monthly-plan.ts';
import { actOnEntries } from '../publication/act-on-entries.ts';
import { effectivePolicy, setPublicationPolicy } from '../publication/publication-policy.ts';
import { runPublicationJob } from '../publication/run-publication-job.ts';
import { runReinspectionScheduler } from '../reinspections/run-reinspection-scheduler.ts';
import { demoContextFor, DEMO_OBSERVER_SECRET } from './seed-demo-draw.ts';
import { growDemoRegistry } from './grow-demo-registry.ts';

/**
 * `simulate-year` (issue 16, "A year in the life"): a year of the demo brigades' work played through the use cases,
 * day by day with the clock set to each simulated day, so the dashboards, the checks and the annual report have
 * real-looking data. Each month: the monthly plan generated and published, the draw (an observer and a lottery value
 * made up from the seed), visits by the drawn inspectors on working days before the due date, 无法检查 with 递补,
 * 责令限期改正通知书 for hazards, 复查 (created by the daily job; mostly on time), cases and penalties when not
 * corrected, a few sealings and joint inspections, publication (by the brigade a few days after the event; the
 * forgotten ones by the daily job's auto-publication, late), and the daily job on every working day (复查 tasks,
 * auto-publication, the 10th/20th checks). Every decision comes from the demo PRNG and `seed`: the same database
 * and options give the same year.
 */

export type SimulateYearOptions = {
  year: number;
  /** Brigades whose name contains this; all brigades when absent. */
  brigade?: string | undefined;
  /** Grow the (single) brigade's registry to about this many units first. */
  units?: number | undefined;
  months: number;
  seed: number;
  /** Months a brigade already drew are skipped instead of refused. */
  skipDrawn: boolean;
  progress?: (line: string) => void;
};

export type BrigadeSummary = {
  brigadeId: string;
  name: string;
  units: number;
  addedUnits: number;
  capacityNote: string | null;
  skippedMonths: number[];
  planned: number;
  drawn: number;
  inspected: number;
  unable: number;
  replaced: number;
  failed: number;
  hazards: number;
  joint: number;
  notices: number;
  reinspections: number;
  reinspectionsDone: number;
  reinspectionsOnTime: number;
  /** 复查 that found the hazards corrected. */
  reinspectionsCorrected: number;
  /** 复查 tasks left undone past their due date. */
  reinspectionsOverdue: number;
  penalties: number;
  penaltyAmount: number;
  sealings: number;
  /** Entries the brigade published by hand (the daily job's are counted for all brigades together). */
  published: number;
  callbackRounds: number;
};

export type SimulationSummary = {
  year: number;
  months: number;
  from: string;
  to: string;
  brigades: BrigadeSummary[];
  selfChecks: number;
  /** Entries the daily job published (forgotten by the brigades: late). */
  publishedByJob: number;
  /** Steps the rules refused (skipped), by message. */
  refusals: { message: string; count: number }[];
};

const OUTBOX = { channel: 'log' as const, publicBaseUrl: '' };
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const image = (tag: string) => Uint8Array.from([...PNG, ...Buffer.from(tag)]);
const HAZARD_TEXTS = [
  { description: '疏散通道堆放杂物', location: '二层东侧走廊', legalBasis: '《中华人民共和国消防法》第二十八条' },
  { description: '部分灭火器压力不足', location: '一层大厅', legalBasis: '《中华人民共和国消防法》第十六条第一款第（二）项' },
  { description: '应急照明灯不亮', location: '地下一层楼梯间', legalBasis: '《中华人民共和国消防法》第十六条第一款第（二）项' },
  { description: '安全出口上锁', location: '一层北侧安全出口', legalBasis: '《中华人民共和国消防法》第二十八条' },
  { description: '消火栓被遮挡', location: '三层走廊', legalBasis: '《中华人民共和国消防法》第二十八条' },
  { description: '电动自行车在楼道内充电', location: '一层楼道', legalBasis: '《中华人民共和国消防法》第十六条第一款第（一）项' },
] as const;

type Brigade = {
  org: OrgRow;
  admin: string;
  rng: Rng;
  /**
   * The first visits' plans (day and outcome) on a stream of their own: the k-th visit of a run goes the same way
   * whichever units the draw picked, since the other stream also answers questions about the unit (how long its
   * checklist is) and would shift every later outcome.
   */
  visits: Rng;
  summary: BrigadeSummary;
  skip: Set<number>;
  jointStaff: string[];
  seenEntries: Set<string>;
};

/**
 * 纪检回访 of a quarter: the detachment's round (decision 0026) played by the demo 纪检 through the use cases, a week
 * after the quarter, every drawn unit called. The round covers every brigade of the detachment.
 */
export async function playQuarterlyCallbackRound(db: Db, o: { year: number; quarter: 1 | 2 | 3 | 4 }): Promise<boolean> {
  return playCallbackRound(db, { year: o.year, q: o.quarter }, { calls: 'all' });
}

/** Runs the simulation; refuses (DomainError, Chinese) when a brigade already drew one of the months and skipDrawn is off. */
export async function simulateYear(db: Db, o: SimulateYearOptions): Promise<SimulationSummary> {
  const say = o.progress ?? (() => {});
  const second = await findAccountByUsername(db, 'zhidui');
  const adminTemplate = await findAccountByUsername(db, 'admin');
  if (!second || !adminTemplate) throw new DomainError('CONFLICT', '模拟需要演示数据（演示账号 admin、zhidui）；请先载入演示数据（npm run cli -- seed-demo）');
  const orgs = (await listOrgsOfKind(db, 'brigade')).filter((b) => !o.brigade || b.name.includes(o.brigade));
  if (orgs.length === 0) throw new DomainError('VALIDATION_FAILED', `参数 --brigade：找不到名称含“${o.brigade}”的大队`, { field: 'brigade' });
  if (o.units !== undefined && orgs.length !== 1) {
    throw new DomainError('VALIDATION_FAILED', `参数 --units：只能为一个大队扩充名录库，“${o.brigade ?? ''}”对应 ${orgs.length} 个大队，请用 --brigade 指定`, { field: 'units' });
  }
  const calendar = await loadHolidayCalendar(db);
  const from = `${o.year}-01-01`;
  const to = lastDayOfMonth({ year: o.year, month: o.months });

  const brigades: Brigade[] = [];
  const conflicts: string[] = [];
  for (const b of orgs) {
    const org = (await findOrgById(db, b.id))!;
    const drawnMonths: number[] = [];
    const annual = await findAnnualPlanOf(db, org.id, o.year);
    if (annual) {
      for (let m = 1; m <= o.months; m++) {
        const plan = await findMonthlyPlanOf(db, org.id, o.year, m);
        if (plan && (await findLiveDrawOfMonthlyPlan(db, plan.id))) drawnMonths.push(m);
      }
    }
    if (drawnMonths.length > 0 && !o.skipDrawn) conflicts.push(`${org.name} ${o.year} 年 ${drawnMonths.join('、')} 月`);
    brigades.push({
      org,
      admin: '',
      rng: createRng(deriveSeed(o.seed, `simulate-${org.divisionCode}`)),
      visits: createRng(deriveSeed(o.seed, `simulate-visits-${org.divisionCode}`)),
      skip: new Set(drawnMonths),
      jointStaff: [],
      seenEntries: new Set(),
      summary: emptySummary(org, drawnMonths),
    });
  }
  if (conflicts.length > 0) {
    throw new DomainError('CONFLICT', `以下月份已有抽取，模拟会与之重复：${conflicts.join('；')}。请换一个年份（--year），或加 --skip-drawn 跳过这些月份`, { field: 'year' });
  }

  // Registry growth, accounts, the annual plan, joint-inspection staff and the publication policy, as of 1 January.
  const setupAt = atLocalTime(previousWorkingDayBefore(calendar, from), '09:00');
  for (const b of brigades) {
    if (o.units !== undefined) {
      say(`正在扩充 ${b.org.name} 的名录库至约 ${o.units} 家……`);
      b.summary.addedUnits = await growDemoRegistry(db, b.org, { target: o.units, seed: o.seed, asOf: from });
    }
    b.admin = await ensureAdminAccount(db, b.org, adminTemplate.account.passwordHash);
    const admin = await demoContextFor(db, b.admin, setupAt);
    b.summary.capacityNote = await ensureAnnualPlan(admin, b.org, o.year);
    b.jointStaff = await ensureJointStaff(admin, b.org);
    // The brigade publishes by hand; what it forgets the daily job publishes after 30 days (then late).
    const { policy } = await effectivePolicy(db, b.org.path);
    if (policy.autoPublishAfterDays === null) await setPublicationPolicy(admin, b.org.id, { ...policy, autoPublishAfterDays: 30 });
  }

  refusals.clear();
  const sim = new Simulation(db, calendar, adminTemplate.account.passwordHash, second.account.username, to);
  let selfChecks = 0;
  let publishedByJob = 0;
  for (let day = from; day <= to; day = nextDay(day)) {
    if (!isWorkingDay(calendar, day)) continue;
    const month = Number(day.slice(5, 7));
    // The daily job first thing in the morning, as the server runs it.
    const jobAt = atLocalTime(day, '07:00');
    const sys = { db, ip: null, now: jobAt, actorName: '系统定时任务' };
    const created = await runReinspectionScheduler(sys);
    for (const c of created) if (c.result === 'created' && c.taskId) await sim.onReinspectionTask(brigades, c.taskId, c.noticeId, c.dueDate!, day);
    const published = await runPublicationJob(sys);
    publishedByJob += published;
    const checks = await runSelfChecks(sys);
    selfChecks += checks.brigades;

    if (day === nextWorkingDayOnOrAfter(calendar, `${day.slice(0, 7)}-01`)) {
      const quarter = Math.ceil(month / 3);
      if (month > 1 && month % 3 === 1 && (await playQuarterlyCallbackRound(db, { year: o.year, quarter: (quarter - 1) as 1 | 2 | 3 }))) {
        for (const b of brigades) b.summary.callbackRounds += 1;
      }
      for (const b of brigades) {
        if (b.skip.has(month)) continue;
        await sim.drawMonth(b, o.year, month, day);
      }
      const line = brigades.map((b) => `${b.org.shortName || b.org.name} 抽取 ${b.summary.drawn}、检查 ${b.summary.inspected}、发现隐患 ${b.summary.failed}、处罚 ${b.summary.penalties}`).join('；');
      say(`${o.year} 年 ${month} 月：已抽取（累计：${line}）`);
    }
    await sim.runDay(day);
    for (const b of brigades) await sim.queuePublications(b, day);
    await dispatchOutbox(db, atLocalTime(day, '18:00'), { log: async () => {} });
  }
  if (o.months === 12) {
    if (await playQuarterlyCallbackRound(db, { year: o.year, quarter: 4 })) for (const b of brigades) b.summary.callbackRounds += 1;
  }
  return { year: o.year, months: o.months, from, to, brigades: brigades.map((b) => b.summary), selfChecks, publishedByJob, refusals: [...refusals].map(([message, count]) => ({ message, count })) };
}

function emptySummary(org: OrgRow, skipped: number[]): BrigadeSummary {
  return {
    brigadeId: org.id,
    name: org.name,
    units: 0,
    addedUnits: 0,
    capacityNote: null,
    skippedMonths: skipped,
    planned: 0,
    drawn: 0,
    inspected: 0,
    unable: 0,
    replaced: 0,
    failed: 0,
    hazards: 0,
    joint: 0,
    notices: 0,
    reinspections: 0,
    reinspectionsDone: 0,
    reinspectionsOnTime: 0,
    reinspectionsOverdue: 0,
    reinspectionsCorrected: 0,
    penalties: 0,
    penaltyAmount: 0,
    sealings: 0,
    published: 0,
    callbackRounds: 0,
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The brigade's administrator account: the demo's own (e.g. jindong) or one made for the simulation. */
async function ensureAdminAccount(db: Db, org: OrgRow, passwordHash: string): Promise<string> {
  const username = `mn${org.divisionCode}`;
  for (const candidate of [org.divisionCode === '330703' ? 'jindong' : org.divisionCode === '330702' ? 'wucheng' : null, username]) {
    if (!candidate) continue;
    const found = await findAccountByUsername(db, candidate);
    if (found && found.account.orgId === org.id && found.account.role === 'brigade_admin') return candidate;
  }
  await db.transaction((tx) =>
    insertAccounts(tx, [{ username, displayName: `${org.shortName || org.name}管理员（模拟）`, role: 'brigade_admin', orgId: org.id, passwordHash, isDemo: true, inspectorId: null }]),
  );
  return username;
}

/** The year's annual plan, created and published with the default rules if missing; the capacity note if one was needed. */
async function ensureAnnualPlan(admin: UseCaseContext, org: OrgRow, year: number): Promise<string | null> {
  const existing = await findAnnualPlanOf(admin.db, org.id, year);
  const id = existing?.id ?? (await createAnnualPlan(admin, { orgId: org.id, year, name: `${org.name}${year}年度“双随机、一公开”抽查计划` }));
  if (existing?.status === 'published') return existing.capacityNote ?? null;
  try {
    await publishAnnualPlan(admin, id);
    return null;
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'CONFLICT' || !(e.details as { field?: string } | undefined)?.field) throw e;
    // Over capacity (e.g. 7 inspectors for 12,000 units): published with the brigade's explanation, as a real one would.
    await publishAnnualPlan(admin, id, { capacityNote: '检查力量不足，按现有人员全力完成，必要时申请支队协调' });
    return e.message;
  }
}

/** Two staff of other departments for joint inspections (市场监管, 住建), registered once. */
async function ensureJointStaff(admin: UseCaseContext, org: OrgRow): Promise<string[]> {
  const have = (await listExternalChoices(admin.db, [org.id])).map((p) => p.id);
  if (have.length > 0) return have;
  const ids: string[] = [];
  for (const [name, organization] of [
    ['王建国', '区市场监督管理局'],
    ['李文华', '区住房和城乡建设局'],
  ] as const) {
    ids.push(await saveExternalPerson(admin, null, { orgId: org.id, kind: 'department_staff', name, organization, specialties: [], active: true }));
  }
  return ids;
}

type Action = () => Promise<void>;

class Simulation {
  private readonly queue = new Map<string, Action[]>();
  private readonly accounts = new Map<string, string>();
  private readonly checklists = new Map<string, Awaited<ReturnType<typeof loadTaskChecklists>>>();
  private slot = 0;

  constructor(
    private readonly db: Db,
    private readonly calendar: HolidayCalendar,
    private readonly passwordHash: string,
    private readonly secondUsername: string,
    private readonly lastDay: string,
  ) {}

  /** Runs `action` on `day` (a working day within the simulation; later days are dropped). */
  private at(day: string, action: Action): void {
    if (day > this.lastDay) return;
    const list = this.queue.get(day) ?? [];
    list.push(action);
    this.queue.set(day, list);
  }

  async runDay(day: string): Promise<void> {
    this.slot = 0;
    // Actions may queue more for the same day (a notice the day after…): run until none is left.
    for (let list = this.queue.get(day); list && list.length > 0; list = this.queue.get(day)) {
      this.queue.delete(day);
      for (const action of list) await action();
    }
  }

  /** `n` working days after `day` (before it when n < 0); null past the calendar's data. */
  private workingDays(day: string, n: number): string | null {
    try {
      if (n >= 0) return addWorkingDays(this.calendar, day, n);
      let d = day;
      for (let i = 0; i < -n; i++) d = previousWorkingDayBefore(this.calendar, d);
      return d;
    } catch {
      return null;
    }
  }

  /** A time on `day` for the next visit: one after another from 08:30, so each starts after the last was recorded. */
  private visitTime(day: string): Date {
    const start = atLocalTime(day, '08:30').getTime() + this.slot * 5 * 60_000;
    this.slot += 1;
    return new Date(start);
  }

  /** The monthly plan generated and published, drawn with an observer and a lottery value, and the visits planned. */
  async drawMonth(b: Brigade, year: number, month: number, day: string): Promise<void> {
    const now = atLocalTime(day, '08:30');
    const admin = await demoContextFor(this.db, b.admin, now);
    const second = await demoContextFor(this.db, this.secondUsername, now);
    const annual = (await findAnnualPlanOf(this.db, b.org.id, year))!;
    const planId = await generateMonthlyPlan(admin, annual.id, month);
    await publishMonthlyPlan(admin, planId);
    const { plan } = (await findMonthlyPlan(this.db, planId))!;
    b.summary.planned += plan.quotas.reduce((sum, q) => sum + q.quota, 0);
    const external = { source: '福彩3D', ref: `${year}${String(month * 30 - 25).padStart(3, '0')}` };
    const drawId = await freezeDraw(admin, { source: { kind: 'monthly_plan', id: planId }, observers: [{ name: '模拟监督人', capacity: '特邀廉政监督员' }], external: [external] });
    const { draw } = (await findDraw(this.db, drawId))!;
    const secret = sha256Hex(`${DEMO_OBSERVER_SECRET}-${drawId}`).slice(0, 32);
    await recordCommitment(admin, drawId, 'OBS-1', commitmentOf(draw.manifestHash, 'OBS-1', fromHex(secret)));
    await recordReveal(admin, drawId, 'OBS-1', secret);
    const value = [b.rng.int(0, 9), b.rng.int(0, 9), b.rng.int(0, 9)].join(' ');
    await recordExternalValue(admin, drawId, { ...external, value });
    await recordExternalValue(second, drawId, { ...external, value });
    await executeDraw(admin, drawId);
    const tasks = (await listTasksOfDraw(this.db, drawId)).filter((t) => t.task.status === 'assigned');
    b.summary.drawn += tasks.length;
    for (const t of tasks) this.planFirstVisit(b, t.task.id, t.task.leadIds[0]!, day, t.task.dueDate);
  }

  /** A visit on a working day from two working days after `from` to the day before the due date. */
  private planFirstVisit(b: Brigade, taskId: string, leadId: string, from: string, dueDate: string): void {
    const first = this.workingDays(from, 2);
    const last = dueDate > this.lastDay ? this.lastDay : this.workingDays(dueDate, -1);
    if (!first || !last || first > last) return;
    const days: string[] = [];
    for (let d = first; d <= last; d = this.workingDays(d, 1)!) days.push(d);
    const visitDay = days[pickVisitDay(b.visits, days.length)]!;
    const plan = planVisit(b.visits);
    const toldOn = this.workingDays(visitDay, -2)! < from ? from : this.workingDays(visitDay, -2)!;
    this.at(toldOn, async () => {
      const lead = await this.inspectorContext(leadId, atLocalTime(toldOn, '16:00'));
      if (!(await skip(() => scheduleVisit(lead, taskId, { visitDate: visitDay, lateReason: '单位负责人近期在岗时间有限，提前电话告知' }, OUTBOX)))) return;
      this.at(visitDay, () => this.firstVisit(b, taskId, leadId, visitDay, plan));
    });
  }

  private async firstVisit(b: Brigade, taskId: string, leadId: string, day: string, plan: VisitPlan): Promise<void> {
    const at = this.visitTime(day);
    const recorded = await this.inspect(b, leadId, taskId, at, plan, null);
    if (!recorded) return;
    if (plan.outcome === 'unable') {
      b.summary.unable += 1;
      // 递补 the next working day by the brigade's administrator.
      const next = this.workingDays(day, 1);
      if (next) {
        this.at(next, async () => {
          const admin = await demoContextFor(this.db, b.admin, atLocalTime(next, '09:00'));
          let replacedBy: { taskId: string } | null = null;
          await skip(async () => {
            replacedBy = await replaceTaskUnit(admin, taskId, { reason: plan.reason === 'closed' ? '单位已停业' : '查无此单位', evidence: '现场检查记录及照片' });
          });
          if (!replacedBy) return;
          b.summary.replaced += 1;
          const found = (await listTasksOfDraw(this.db, (await this.drawOfTask(taskId))!)).find((t) => t.task.id === (replacedBy as { taskId: string } | null)!.taskId);
          if (found) this.planFirstVisit(b, found.task.id, found.task.leadIds[0]!, next, found.task.dueDate);
        });
      }
      return;
    }
    b.summary.inspected += 1;
    if (plan.joint) b.summary.joint += 1;
    if (plan.failingLines === 0) return;
    b.summary.failed += 1;
    b.summary.hazards += plan.failingLines;
    // The 责令限期改正通知书 the next working day, served in person.
    const issueDay = this.workingDays(day, 1);
    if (!issueDay) return;
    this.at(issueDay, async () => {
      const record = recorded;
      const open = (await hazardsOfRecord(this.db, record)).filter((h) => h.stage === 'found');
      if (open.length === 0) return;
      const lead = await this.inspectorContext(leadId, atLocalTime(issueDay, '09:30'));
      let noticeId: string | null = null;
      await skip(async () => {
        const periods = open.map((h) => ({ hazardId: h.id, workingDays: pickCorrectionDays(b.rng) }));
        noticeId = (await issueNotice(lead, record, { type: 'deadline_notice', issueDate: issueDay, periods })).document.id;
      });
      if (!noticeId) return;
      b.summary.notices += 1;
      await skip(() => recordService({ ...lead, now: atLocalTime(issueDay, '11:30') }, noticeId!, serviceInPerson(atLocalTime(issueDay, '10:30'), '现场')));
    });
  }

  private async drawOfTask(taskId: string): Promise<string | null> {
    return (await findTask(this.db, taskId))?.task.drawId ?? null;
  }

  /** A 复查 task the daily job made: visited on time mostly, some late; not corrected → case, penalty (maybe sealing). */
  async onReinspectionTask(brigades: readonly Brigade[], taskId: string, noticeId: string, dueDate: string, today: string): Promise<void> {
    const found = await findTask(this.db, taskId);
    const b = brigades.find((x) => x.org.id === found?.task.orgId);
    if (!found || !b) return;
    if (dueDate <= this.lastDay) b.summary.reinspections += 1;
    const plan = planReinspection(b.rng);
    // A visit after the task's due date is refused by the field rules: a late 复查 is one left undone (the checks see it).
    if (plan.late) {
      if (dueDate <= this.lastDay) b.summary.reinspectionsOverdue += 1;
      return;
    }
    const tomorrow = this.workingDays(today, 1);
    if (!tomorrow) return;
    // On the due date, told the day before; a task due today is done today (told late, with the reason).
    const visitDay = tomorrow <= dueDate ? dueDate : today;
    const leadId = found.task.leadIds[0]!;
    this.at(today, async () => {
      const lead = await this.inspectorContext(leadId, atLocalTime(today, '10:00'));
      if (!(await skip(() => scheduleVisit(lead, taskId, { visitDate: visitDay, lateReason: '复查期限临近，电话告知后当日复查' }, OUTBOX)))) return;
      this.at(visitDay, async () => {
        const at = this.visitTime(visitDay);
        const record = await this.inspect(b, leadId, taskId, at, { outcome: 'inspected', failingLines: 0, joint: false }, plan.corrected ? 'corrected' : 'not_corrected');
        if (!record) return;
        b.summary.reinspectionsDone += 1;
        if (plan.corrected) b.summary.reinspectionsCorrected += 1;
        if (visitDay <= dueDate) b.summary.reinspectionsOnTime += 1;
        if (!plan.corrected) this.planCase(b, noticeId, found.task.unitId, visitDay, plan.sealed);
      });
    });
  }

  /** A case opened the next working day, decided five working days later, served, paid four working days after. */
  private planCase(b: Brigade, noticeId: string, unitId: string, reinspectedOn: string, sealed: boolean): void {
    const openedOn = this.workingDays(reinspectedOn, 1);
    if (!openedOn) return;
    this.at(openedOn, async () => {
      const hazards = (await hazardsOfNotice(this.db, noticeId)).filter((h) => h.stage === 'case' && h.caseId === null);
      if (hazards.length === 0) return;
      const admin = await demoContextFor(this.db, b.admin, atLocalTime(openedOn, '10:00'));
      if (sealed) {
        const sealedAt = atLocalTime(openedOn, '15:00');
        const ok = await skip(() =>
          seal({ ...admin, now: atLocalTime(openedOn, '16:00') }, {
            unitId,
            hazardIds: hazards.map((h) => h.id),
            places: '存在重大火灾隐患的经营场所',
            reason: '经复查，火灾隐患逾期未改正，不及时消除可能严重威胁公共安全',
            emergency: false,
            sealedAt,
            decidedAt: atLocalTime(openedOn, '11:00'),
            deciders: '大队长、教导员、防火参谋',
          }),
        );
        if (ok) b.summary.sealings += 1;
      }
      let caseId: string | null = null;
      await skip(async () => {
        caseId = (await openCase(admin, { unitId, hazardIds: hazards.map((h) => h.id), reason: '经复查，责令限期改正的火灾隐患逾期未改正', procedure: 'ordinary', partyKind: 'organisation', openedOn })).id;
      });
      if (!caseId) return;
      const id: string = caseId;
      const decidedOn = this.workingDays(openedOn, 5);
      if (!decidedOn) return;
      const amount = pickFine(b.rng);
      this.at(decidedOn, async () => {
        let decisionId: string | null = null;
        await skip(async () => {
          decisionId = (await decidePenalty({ ...admin, now: atLocalTime(decidedOn, '09:30') }, id, { provisionCode: '60-1-7', kind: 'fine', amount, procedure: 'ordinary', decidedOn, officers: [] })).decisionDocumentId;
        });
        if (!decisionId) return;
        b.summary.penalties += 1;
        b.summary.penaltyAmount += amount;
        await skip(() => recordService({ ...admin, now: atLocalTime(decidedOn, '15:00') }, decisionId!, serviceInPerson(atLocalTime(decidedOn, '14:00'), '大队办公室')));
        const paidOn = this.workingDays(decidedOn, 4);
        if (paidOn) this.at(paidOn, async () => void (await skip(() => recordPayment({ ...admin, now: atLocalTime(paidOn, '10:00') }, id, { status: 'paid', paidOn, note: '当事人已通过银行缴纳罚款' }))));
      });
    });
  }

  /** New pending entries of the brigade get a publication day (by hand), or none (forgotten: the daily job, late). */
  async queuePublications(b: Brigade, day: string): Promise<void> {
    const pending = await listPublicationsInScope(this.db, { scopePath: b.org.path, statuses: ['pending'], limit: 5000 });
    for (const { publication: p } of pending) {
      if (b.seenEntries.has(p.id)) continue;
      b.seenEntries.add(p.id);
      const delay = pickPublicationDelay(b.rng, p.kind === 'penalty' ? 'penalty' : 'result');
      if (delay === null) continue;
      const on = this.workingDays(p.eventDate < day ? day : p.eventDate, delay);
      if (!on) continue;
      this.at(on, async () => {
        const admin = await demoContextFor(this.db, b.admin, atLocalTime(on, '17:00'));
        if (await skip(() => actOnEntries(admin, [p.id], { action: 'publish' }))) b.summary.published += 1;
      });
    }
  }

  /** The inspector's account (the demo's, or one made for the simulation like the demo's field accounts). */
  private async inspectorContext(inspectorId: string, now: Date): Promise<UseCaseContext> {
    let username = this.accounts.get(inspectorId);
    if (!username) {
      const [inspector] = await findInspectorsByIds(this.db, [inspectorId]);
      if (!inspector) throw new Error(`no inspector ${inspectorId}`);
      username = `xc${inspector.badgeNo.replace(/[^0-9A-Za-z]/g, '').toLowerCase()}`;
      const jiandu = await findAccountByUsername(this.db, 'jiandu');
      if (jiandu?.account.inspectorId === inspectorId) username = 'jiandu';
      else if (!(await findAccountByUsername(this.db, username))) {
        const name = username;
        await this.db.transaction((tx) =>
          insertAccounts(tx, [{ username: name, displayName: inspector.name, role: 'inspector', orgId: inspector.orgId, passwordHash: this.passwordHash, isDemo: true, inspectorId }]),
        );
      }
      this.accounts.set(inspectorId, username);
    }
    return demoContextFor(this.db, username, now);
  }

  /**
   * The lines the task's record is judged against, as the field bundle gives them to the inspector's phone (the
   * bundle itself carries much more, and loading it for each of ~700 visits was a third of the run).
   */
  private async checklistOf(taskId: string) {
    const found = await findTask(this.db, taskId);
    if (!found) return null;
    const { task } = found;
    if (!task.drawId) return (await loadReinspectionChecklists(this.db, [task])).get(taskId)?.lines ?? null;
    let checklists = this.checklists.get(task.drawId);
    if (!checklists) {
      checklists = await loadTaskChecklists(this.db, [task.drawId]);
      this.checklists.set(task.drawId, checklists);
    }
    const unit = (await findUnitById(this.db, task.unitId))!;
    return checklists.snapshotOf(task.drawId, unit.unit).lines;
  }

  /**
   * One visit through the field use cases: started on site, a photo and signatures uploaded, the record submitted 80
   * minutes later. A 复查 (`reinspection` set) passes every line, or fails them all as not corrected. Returns the
   * record's id, or null when a rule refused a step.
   */
  private async inspect(b: Brigade, leadId: string, taskId: string, at: Date, plan: VisitPlan, reinspection: 'corrected' | 'not_corrected' | null): Promise<string | null> {
    const onSite = await this.inspectorContext(leadId, at);
    if (!(await skip(() => startTask(onSite, taskId)))) return null;
    const checklist = await this.checklistOf(taskId);
    if (!checklist) return null;
    const tag = `${taskId}-${at.getTime()}`;
    const photo = (await storeEvidenceFile(onSite, { fileName: '现场照片.png', bytes: image(`sim-photo-${tag}`) })).sha256;
    const sign = (await storeEvidenceFile(onSite, { fileName: '签名.png', bytes: image(`sim-signature-${tag}`) })).sha256;
    const unable = plan.outcome === 'unable' ? plan.reason : null;
    const failing = plan.outcome === 'inspected' ? plan.failingLines : 0;
    // Which lines fail: spread over the checklist, from the PRNG.
    const failAt = new Set<number>();
    while (reinspection === null && failAt.size < Math.min(failing, checklist.length)) failAt.add(b.rng.int(0, checklist.length - 1));
    const lines = unable
      ? []
      : checklist.map((l, k) => {
          const fails = reinspection === 'not_corrected' || failAt.has(k);
          const text = HAZARD_TEXTS[(k + b.rng.int(0, HAZARD_TEXTS.length - 1)) % HAZARD_TEXTS.length]!;
          const hazard = !fails
            ? null
            : reinspection === 'not_corrected'
              ? { description: `逾期未改正：${l.text.replace(/^[^：]*：/, '')}`.slice(0, 200), location: l.text.split('：')[0] ?? '现场', legalBasis: '《中华人民共和国消防法》第六十条第一款第七项', fixedOnSpot: false }
              : { ...text, fixedOnSpot: false };
          return { versionId: l.versionId, code: l.code, result: fails ? ('fail' as const) : ('pass' as const), note: '', uncheckedReason: '', hazard, photos: fails ? [photo] : [] };
        });
    const joint = plan.outcome === 'inspected' && plan.joint && b.jointStaff.length > 0 ? [b.jointStaff[b.rng.int(0, b.jointStaff.length - 1)]!] : [];
    const body: RecordBody = {
      taskId,
      outcome: unable ? 'unable' : 'inspected',
      startedAt: at.toISOString(),
      endedAt: new Date(at.getTime() + 75 * 60_000).toISOString(),
      accompanying: unable ? { name: '', title: '' } : { name: '单位安全管理人', title: '消防安全管理人' },
      jointStaffIds: joint,
      lines,
      conclusion: unable ? null : lines.some((l) => l.result === 'fail') ? 'hazards_found' : 'no_hazard',
      unable: unable ? { reason: unable, detail: unable === 'not_found' ? '登记地址为空置商铺，周边商户称该单位已搬离' : '卷帘门紧闭，张贴停业告示', photos: [photo] } : null,
      remarks: '',
    };
    const hash = sha256Hex(canonicalJson(body));
    const signedBy = { kind: 'signed' as const, image: sign, signedHash: hash, at: new Date(at.getTime() + 75 * 60_000).toISOString() };
    const signatures: RecordSignatures = { lead: signedBy, assistant: signedBy, representative: unable ? null : signedBy };
    const id = randomUUID();
    const ok = await skip(() => submitRecord({ ...onSite, now: new Date(at.getTime() + 80 * 60_000) }, { id, body, signatures, corrects: null }));
    return ok ? id : null;
  }
}

/** Refusals by the rules during the run, by message: shown in the summary, so a step that never succeeds is seen. */
const refusals = new Map<string, number>();

/** Runs a step; a refusal by the rules (a DomainError) skips it, returning false. */
async function skip(step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    refusals.set(e.message, (refusals.get(e.message) ?? 0) + 1);
    return false;
  }
}
