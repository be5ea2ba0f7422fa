import { and, eq, gte, inArray, isNotNull, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { containsPattern } from './sql-helpers.ts';
import { cases, documents, inspectionHistory, inspectors, orgs, sealings, units } from './schema.ts';

/*
 * The facts of one brigade's year for the annual report (issue 16, decision 0025). A task counts in the year of its due
 * date; its latest record version is the one that counts (a corrected record replaces the first); a hazard superseded
 * by a correction does not count.
 */

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/** Brigades whose name or short name contains `text` (the command line's --brigade). */
export async function findBrigadesByName(db: DbOrTx, text: string) {
  const pattern = containsPattern(text);
  return db
    .select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName, path: orgs.path, parentId: orgs.parentId })
    .from(orgs)
    .where(and(eq(orgs.kind, 'brigade'), sql`(${orgs.name} like ${pattern} or ${orgs.shortName} like ${pattern})`));
}

export async function countRegistry(db: DbOrTx, brigadeId: string): Promise<{ units: number; inspectors: number }> {
  const [u] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.brigadeId, brigadeId), ne(units.status, 'deregistered')));
  const [i] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectors)
    .where(and(eq(inspectors.orgId, brigadeId), eq(inspectors.status, 'active')));
  return { units: u?.n ?? 0, inspectors: i?.n ?? 0 };
}

export type DrawTaskRow = { month: number; outcome: 'inspected' | 'unable' | null; unableReason: string | null; hasHazards: boolean; joint: boolean };

/** The year's standing 双随机 tasks (not replaced, not cancelled) with their latest record's outcome. */
export async function drawTaskFacts(db: DbOrTx, brigadeId: string, year: number): Promise<DrawTaskRow[]> {
  const result = await db.execute(sql`
    with latest as (
      select distinct on (r.task_id) r.id, r.task_id, r.outcome, r.body
      from inspection_records r join tasks t on t.id = r.task_id
      where t.org_id = ${brigadeId} and t.kind = 'draw' and t.due_date between ${yearStart(year)} and ${yearEnd(year)}
      order by r.task_id, r.version desc
    )
    select extract(month from t.due_date)::int as "month",
           l.outcome as "outcome",
           l.body -> 'unable' ->> 'reason' as "unableReason",
           coalesce(exists (select 1 from hazards h where h.task_id = t.id and h.stage <> 'superseded'), false) as "hasHazards",
           coalesce(jsonb_array_length(l.body -> 'jointStaffIds') > 0, false) as "joint"
    from tasks t left join latest l on l.task_id = t.id
    where t.org_id = ${brigadeId} and t.kind = 'draw' and t.due_date between ${yearStart(year)} and ${yearEnd(year)}
      and t.status not in ('replaced', 'cancelled')`);
  return rowsOf<DrawTaskRow>(result);
}

/**
 * The hazards found by the year's 双随机 inspections, grouped by checklist line in the standard wording the record
 * was made against (its snapshot); a hazard whose line the snapshot lacks is grouped by its own description.
 */
export async function hazardLineFacts(db: DbOrTx, brigadeId: string, year: number): Promise<{ itemName: string; lineText: string; count: number }[]> {
  const result = await db.execute(sql`
    select coalesce(l.line ->> 'itemName', '其他') as "itemName", coalesce(l.line ->> 'text', h.description) as "lineText", count(*)::int as "count"
    from hazards h
    join tasks t on t.id = h.task_id
    join inspection_records r on r.id = h.record_id
    left join lateral (select x as line from jsonb_array_elements(r.snapshot -> 'lines') x where x ->> 'code' = h.line_code limit 1) l on true
    where t.org_id = ${brigadeId} and t.kind = 'draw' and t.due_date between ${yearStart(year)} and ${yearEnd(year)}
      and t.status not in ('replaced', 'cancelled') and h.stage <> 'superseded'
    group by 1, 2`);
  return rowsOf<{ itemName: string; lineText: string; count: number }>(result);
}

/** The year's 复查 tasks (by due date, not cancelled) and the visit day of their latest record. */
export async function reinspectionFacts(db: DbOrTx, brigadeId: string, year: number): Promise<{ dueDate: string; visitDate: string | null }[]> {
  const result = await db.execute(sql`
    select t.due_date::text as "dueDate",
           (select r.visit_date::text from inspection_records r where r.task_id = t.id order by r.version desc limit 1) as "visitDate"
    from tasks t
    where t.org_id = ${brigadeId} and t.kind = 'reinspection' and t.due_date between ${yearStart(year)} and ${yearEnd(year)}
      and t.status <> 'cancelled'`);
  return rowsOf<{ dueDate: string; visitDate: string | null }>(result);
}

function inYear(column: Parameters<typeof gte>[0], year: number): SQL {
  return and(gte(column, yearStart(year)), lte(column, yearEnd(year)))!;
}

/** 责令限期改正 and 责令立即改正 notices issued in the year and not voided. */
export async function countNotices(db: DbOrTx, brigadeId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(
      and(
        eq(documents.orgId, brigadeId),
        inArray(documents.docType, ['deadline_notice', 'immediate_notice']),
        eq(documents.status, 'issued'),
        inYear(documents.issueDate, year),
      ),
    );
  return row?.n ?? 0;
}

/** Penalties decided in the year and not revoked: kind and fine. */
export async function penaltyFacts(db: DbOrTx, brigadeId: string, year: number): Promise<{ kind: 'warning' | 'fine'; amount: number }[]> {
  const rows = await db
    .select({ kind: cases.penaltyKind, amount: cases.fineAmount })
    .from(cases)
    .where(and(eq(cases.orgId, brigadeId), notInArray(cases.status, ['open', 'revoked']), isNotNull(cases.penaltyKind), inYear(cases.decidedOn, year)));
  return rows.map((r) => ({ kind: r.kind ?? 'warning', amount: r.amount ?? 0 }));
}

export async function countSealings(db: DbOrTx, brigadeId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sealings)
    .where(and(eq(sealings.orgId, brigadeId), inYear(sealings.sealedOn, year)));
  return row?.n ?? 0;
}

/** Inspections of the brigade's units in the legacy history (imported from before the system) dated in the year. */
export async function countLegacyInspections(db: DbOrTx, brigadeId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionHistory)
    .innerJoin(units, eq(units.id, inspectionHistory.unitId))
    .where(and(eq(units.brigadeId, brigadeId), eq(inspectionHistory.source, 'legacy'), inYear(inspectionHistory.inspectedOn, year)));
  return row?.n ?? 0;
}
