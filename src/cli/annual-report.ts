import fs from 'node:fs';
import { z } from 'zod';
import { REPORT_YEARS } from '../contracts/annual-report.ts';
import { localDate } from '../domain/local-date.ts';
import type { Db } from '../db/client.ts';
import { buildAnnualReportDocx, findBrigadeForReport, gatherAnnualReport } from '../usecases/reports/annual-report.ts';
import { parseOptions } from './args.ts';

const Options = z.object({
  brigade: z.string({ error: '请给出大队名称（或其中几个字），如 --brigade 金东' }).trim().min(1, '请给出大队名称（或其中几个字），如 --brigade 金东'),
  year: z
    .string({ error: '请给出年份，如 --year 2026' })
    .regex(/^\d{4}$/, '应为四位数字的年份，如 2026')
    .transform(Number)
    .refine((y) => y >= REPORT_YEARS.min && y <= REPORT_YEARS.max, `应在 ${REPORT_YEARS.min}–${REPORT_YEARS.max} 之间`),
  out: z.string({ error: '请给出输出文件，如 --out report.docx' }).trim().min(1, '请给出输出文件，如 --out report.docx'),
});

/**
 * `annual-report --brigade 金东 --year 2026 --out report.docx`: the brigade's 年度“双随机、一公开”工作总结 as .docx,
 * with generated text in every section (the page lets a brigade put its own words in). Prints the main figures.
 */
export async function runAnnualReport(db: Db, argv: string[], now: Date = new Date()): Promise<number> {
  const options = parseOptions(argv, ['brigade', 'year', 'out'], Options);
  const brigade = await findBrigadeForReport(db, options.brigade);
  const today = localDate(now);
  const gathered = await gatherAnnualReport(db, brigade, options.year, today);
  const { bytes } = await buildAnnualReportDocx(gathered, options.year, {}, today);
  fs.writeFileSync(options.out, bytes);
  const f = gathered.current;
  console.log(`已生成 ${options.out}：${brigade.name} ${options.year} 年度工作总结`);
  console.log(`  抽查 ${f.drawn ?? '—'} 家，检查 ${f.inspected} 家，不合格 ${f.withHazards ?? '—'} 家，行政处罚 ${f.penalties} 起，联合检查 ${f.jointInspections ?? '—'} 次`);
  return 0;
}
