import type { AnnualReportDocxRequest, AnnualReportQuery, AnnualReportView } from '../../contracts/annual-report.ts';
import { hasPermission } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import type { UnableReason } from '../../domain/records/record-labels.ts';
import { publicationRecord } from '../../domain/publication/publication-rules.ts';
import { compareYears, computeAnnualFigures, type AnnualFacts, type AnnualFigures } from '../../domain/reports/annual-figures.ts';
import { composeAnnualReport, reportTitle, type AnnualReportContent, type OwnWords } from '../../domain/reports/annual-report-content.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { findOrgById, listOrgsInScope, type OrgRow } from '../../db/org-queries.ts';
import { publicationFactsInScope } from '../../db/publication-queries.ts';
import {
  countLegacyInspections,
  findBrigadesByName,
  countNotices,
  countRegistry,
  countSealings,
  drawTaskFacts,
  hazardLineFacts,
  penaltyFacts,
  reinspectionFacts,
} from '../../db/report-queries.ts';
import { renderAnnualReportDocx } from '../../render/annual-report-docx.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { effectivePolicy } from '../publication/publication-policy.ts';

/**
 * The facts of one brigade's year. The registry counts (units, inspectors) are as of today: the registry keeps no
 * year-end snapshot, so last year's column shows the same counts (decision 0025).
 */
async function gatherFacts(db: DbOrTx, brigade: OrgRow, year: number, today: string): Promise<AnnualFacts> {
  // One query after another: PGlite answers one at a time anyway, and PostgreSQL is not the bottleneck for one brigade.
  const registry = await countRegistry(db, brigade.id);
  const tasks = await drawTaskFacts(db, brigade.id, year);
  const hazardLines = await hazardLineFacts(db, brigade.id, year);
  const reinspections = await reinspectionFacts(db, brigade.id, year);
  const notices = await countNotices(db, brigade.id, year);
  const penalties = await penaltyFacts(db, brigade.id, year);
  const sealings = await countSealings(db, brigade.id, year);
  const legacy = await countLegacyInspections(db, brigade.id, year);
  const pubFacts = await publicationFactsInScope(db, brigade.path);
  const ofYear = pubFacts.filter((f) => f.orgId === brigade.id && f.eventDate.startsWith(`${year}-`));
  const calendar = await loadHolidayCalendar(db);
  const record = publicationRecord(calendar, ofYear, today, (await effectivePolicy(db, brigade.path)).policy);
  return {
    year,
    unitsInRegistry: registry.units,
    inspectors: registry.inspectors,
    tasks: tasks.map((t) => ({ ...t, unableReason: t.unableReason as UnableReason | null })),
    legacyInspections: legacy,
    reinspections,
    hazardLines,
    hazardCount: hazardLines.reduce((sum, h) => sum + h.count, 0),
    notices,
    penalties,
    sealings,
    publication: {
      due: record.publishedOnTime + record.publishedLate + record.overdue,
      published: record.publishedOnTime + record.publishedLate,
      onTime: record.publishedOnTime,
    },
  };
}

export type GatheredReport = { brigade: OrgRow; addressee: string | null; current: AnnualFigures; previous: AnnualFigures };

/** This year's and last year's figures of a brigade, and the org the report is addressed to (its parent). */
export async function gatherAnnualReport(db: DbOrTx, brigade: OrgRow, year: number, today: string): Promise<GatheredReport> {
  if (brigade.kind !== 'brigade') throw new DomainError('VALIDATION_FAILED', '大队：年度工作总结按大队生成，请选择一个大队', { field: 'orgId' });
  const parent = brigade.parentId ? await findOrgById(db, brigade.parentId) : undefined;
  return {
    brigade,
    addressee: parent?.name ?? null,
    current: computeAnnualFigures(await gatherFacts(db, brigade, year, today), today),
    previous: computeAnnualFigures(await gatherFacts(db, brigade, year - 1, today), today),
  };
}

/** The report's content and its .docx, dated today (or the year's last day for a past year). */
export async function buildAnnualReportDocx(
  gathered: GatheredReport,
  year: number,
  ownWords: OwnWords,
  today: string,
): Promise<{ content: AnnualReportContent; bytes: Uint8Array; fileName: string }> {
  const date = today < `${year + 1}-01-01` ? today : `${year}-12-31`;
  const content = composeAnnualReport({ orgName: gathered.brigade.name, addressee: gathered.addressee, year, current: gathered.current, previous: gathered.previous, ownWords, date });
  const bytes = await renderAnnualReportDocx(content, gathered.brigade.name);
  return { content, bytes, fileName: `${gathered.brigade.name}${year}年度双随机一公开工作总结.docx` };
}

function requireReader(ctx: UseCaseContext): void {
  if (!hasPermission(ctx.actor, 'plans.read')) throw new DomainError('FORBIDDEN', '您没有查看年度工作总结的权限');
}

/** GET /api/annual-report: a brigade's figures beside last year's, for the page's preview. */
export async function getAnnualReport(ctx: UseCaseContext, query: AnnualReportQuery): Promise<AnnualReportView> {
  requireReader(ctx);
  const brigades = (await listOrgsInScope(ctx.db, ctx.actor.orgPath))
    .filter((o) => o.kind === 'brigade')
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const orgId = query.orgId ?? brigades[0]?.id;
  if (!orgId) throw new DomainError('VALIDATION_FAILED', '大队：您的管辖范围内没有大队', { field: 'orgId' });
  const brigade = await requireOrgInScope(ctx, ctx.db, orgId, { name: 'orgId', label: '大队' });
  const gathered = await gatherAnnualReport(ctx.db, brigade, query.year, localDate(ctx.now));
  return {
    orgId: brigade.id,
    orgName: brigade.name,
    addressee: gathered.addressee,
    year: query.year,
    title: reportTitle(brigade.name, query.year),
    current: gathered.current,
    previous: gathered.previous,
    comparison: compareYears(gathered.current, gathered.previous),
    brigades,
  };
}

/** POST /api/annual-report/docx: the report as .docx with the brigade's own words. */
export async function downloadAnnualReport(ctx: UseCaseContext, request: AnnualReportDocxRequest): Promise<{ bytes: Uint8Array; fileName: string }> {
  requireReader(ctx);
  const brigade = await requireOrgInScope(ctx, ctx.db, request.orgId, { name: 'orgId', label: '大队' });
  const today = localDate(ctx.now);
  const gathered = await gatherAnnualReport(ctx.db, brigade, request.year, today);
  const { bytes, fileName } = await buildAnnualReportDocx(gathered, request.year, request.ownWords, today);
  return { bytes, fileName };
}

/**
 * The brigade the command line names (`--brigade 金东`): the one whose name or short name contains the text.
 * None, or more than one, is refused naming the candidates.
 */
export async function findBrigadeForReport(db: DbOrTx, text: string): Promise<OrgRow> {
  const found = await findBrigadesByName(db, text.trim());
  const exact = found.filter((o) => o.name === text.trim() || o.shortName === text.trim());
  const candidates = exact.length === 1 ? exact : found;
  if (candidates.length === 0) throw new DomainError('VALIDATION_FAILED', `大队：找不到名称含“${text}”的大队`, { field: 'brigade' });
  if (candidates.length > 1) {
    const names = candidates.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    throw new DomainError('VALIDATION_FAILED', `大队：“${text}”对应多个大队（${names.join('、')}），请写得更具体`, { field: 'brigade' });
  }
  const org = await findOrgById(db, candidates[0]!.id);
  return org!;
}
