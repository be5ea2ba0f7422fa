import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { findOrgById } from '../db/org-queries.ts';
import { localDate } from '../domain/local-date.ts';
import { gatherAnnualReport } from '../usecases/reports/annual-report.ts';
import { simulateYear, type SimulationSummary } from '../usecases/system/simulate-year.ts';
import { intOption, parseOptions } from './args.ts';

const int = intOption;

const Options = z.object({
  year: int('年份', 2024, 2100).optional(),
  brigade: z.string().trim().min(1, '请给出大队名称（或其中几个字），如 --brigade 金东').optional(),
  units: int('单位数', 1, 200_000).optional(),
  months: int('月数', 1, 12).default(12),
  seed: int('种子', 0, 2 ** 31 - 1).default(2025),
  'skip-drawn': z.enum(['yes', 'no'], { error: '应为 yes 或 no' }).default('no'),
});

/**
 * `simulate-year [--year YYYY] [--brigade 名称] [--units N] [--months N] [--seed N] [--skip-drawn yes]`: plays a year
 * of the demo brigades' work through the use cases (src/usecases/system/simulate-year.ts). The year defaults to the
 * one before the current year, so the simulated draws do not meet the demo's own draws of this year.
 */
export async function runSimulateYear(db: Db, argv: string[], now: Date = new Date()): Promise<number> {
  const o = parseOptions(argv, ['year', 'brigade', 'units', 'months', 'seed', 'skip-drawn'], Options);
  const year = o.year ?? Number(localDate(now).slice(0, 4)) - 1;
  const started = Date.now();
  console.log(`开始模拟 ${year} 年 1–${o.months} 月（种子 ${o.seed}${o.brigade ? `，大队：含“${o.brigade}”` : '，全部大队'}）……`);
  const summary = await simulateYear(db, {
    year,
    brigade: o.brigade,
    units: o.units,
    months: o.months,
    seed: o.seed,
    skipDrawn: o['skip-drawn'] === 'yes',
    progress: (line) => console.log(`  [${((Date.now() - started) / 1000).toFixed(0)} 秒] ${line}`),
  });
  printSummary(summary, (Date.now() - started) / 1000);
  // The same year as the annual report counts it (its publication figures include the on-time rule).
  for (const b of summary.brigades) {
    const org = await findOrgById(db, b.brigadeId);
    if (!org) continue;
    const f = (await gatherAnnualReport(db, org, year, localDate(now))).current;
    const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
    console.log(`\n${b.name} ${year} 年度工作总结口径：名录库 ${f.unitsInRegistry} 家、检查人员 ${f.inspectors} 名；抽取 ${f.drawn ?? '—'} 家，检查 ${f.inspected} 家（完成率 ${pct(f.completionRate)}），不合格 ${f.withHazards ?? '—'} 家（不合格率 ${pct(f.failureRate)}）`);
    console.log(`  行政处罚 ${f.penalties ?? '—'} 起（罚款 ${f.fineAmount ?? '—'} 元），临时查封 ${f.sealings ?? '—'} 次，联合检查 ${f.jointInspections ?? '—'} 次；复查按期率 ${pct(f.reinspectionOnTimeRate)}；公示率 ${pct(f.publicationRate)}，按时公示率 ${pct(f.publicationOnTimeRate)}`);
  }
  return 0;
}

function printSummary(s: SimulationSummary, seconds: number): void {
  console.log(`\n模拟完成（${s.from} 至 ${s.to}，用时 ${seconds.toFixed(0)} 秒；十日、二十日检查 ${s.selfChecks} 次；每日任务自动公示 ${s.publishedByJob} 条）：`);
  for (const b of s.brigades) {
    const pct = (n: number, d: number) => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : '—');
    console.log(`\n${b.name}${b.addedUnits > 0 ? `（名录库新增 ${b.addedUnits} 家）` : ''}${b.skippedMonths.length > 0 ? `（已有抽取、跳过 ${b.skippedMonths.join('、')} 月）` : ''}`);
    if (b.capacityNote) console.log(`  检查能力预警：${b.capacityNote}`);
    console.log(`  计划抽查 ${b.planned} 家，抽取 ${b.drawn} 家`);
    console.log(`  检查 ${b.inspected} 家，无法检查 ${b.unable} 家（递补 ${b.replaced} 家），发现隐患 ${b.failed} 家（不合格率 ${pct(b.failed, b.inspected)}，隐患 ${b.hazards} 条），联合检查 ${b.joint} 次`);
    console.log(`  责令限期改正通知书 ${b.notices} 份；复查任务 ${b.reinspections} 项，已复查 ${b.reinspectionsDone} 项（按期 ${b.reinspectionsOnTime} 项），逾期未复查 ${b.reinspectionsOverdue} 项`);
    console.log(`  行政处罚 ${b.penalties} 件，罚款 ${b.penaltyAmount.toLocaleString('zh-CN')} 元；临时查封 ${b.sealings} 次`);
    console.log(`  大队公示 ${b.published} 条；纪检回访 ${b.callbackRounds} 轮（支队一轮覆盖各大队）`);
  }
  if (s.refusals.length > 0) {
    console.log('\n被业务规则拒绝而跳过的步骤：');
    for (const r of s.refusals) console.log(`  ${r.count} 次：${r.message}`);
  }
}
