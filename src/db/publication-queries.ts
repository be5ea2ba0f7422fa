import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { searchGrams } from '../domain/registry/search-grams.ts';
import type { PublicationKind, PublicationOutcome, PublicationPolicy, PublicationStatus } from '../domain/publication/publication-types.ts';
import { readTogether, type DbOrTx, type Tx } from './client.ts';
import { anyUuidOf, containsPattern } from './sql-helpers.ts';
import { caseless, frequentGramShares } from './unit-queries.ts';
import { conductComplaints, documents, draws, hazards, inspectionRecords, orgs, publications, publicationSettings, units, visitRatings } from './schema.ts';

export type PublicationRow = typeof publications.$inferSelect;
type PublicationInsert = typeof publications.$inferInsert;

export async function insertPublication(tx: Tx, values: PublicationInsert): Promise<PublicationRow> {
  const [row] = await tx.insert(publications).values(values).returning();
  return row!;
}

export async function updatePublication(tx: Tx, id: string, patch: Partial<PublicationInsert>): Promise<void> {
  await tx.update(publications).set(patch).where(eq(publications.id, id));
}

export async function findPublicationOfTask(db: DbOrTx, taskId: string, forUpdate = false): Promise<PublicationRow | null> {
  const q = db.select().from(publications).where(and(eq(publications.kind, 'result'), eq(publications.taskId, taskId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPublicationOfCase(db: DbOrTx, caseId: string, forUpdate = false): Promise<PublicationRow | null> {
  const q = db.select().from(publications).where(and(eq(publications.kind, 'penalty'), eq(publications.caseId, caseId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** An entry with its brigade's path (for the scope check). */
export async function findPublication(db: DbOrTx, id: string, forUpdate = false) {
  const q = db
    .select({ publication: publications, orgPath: orgs.path, orgName: orgs.name })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(eq(publications.id, id));
  const [row] = forUpdate ? await q.for('update', { of: publications }) : await q;
  return row ?? null;
}

/** Entries of the brigades in scope in the given statuses (the queue), oldest event first. */
export async function listPublicationsInScope(
  db: DbOrTx,
  filter: { scopePath: string | null; statuses?: readonly PublicationStatus[]; kind?: PublicationKind; orgId?: string; limit: number },
) {
  return db
    .select({ publication: publications, orgName: orgs.name, orgPath: orgs.path })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(
      and(
        filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined,
        filter.statuses ? inArray(publications.status, [...filter.statuses]) : undefined,
        filter.kind ? eq(publications.kind, filter.kind) : undefined,
        filter.orgId ? eq(publications.orgId, filter.orgId) : undefined,
      ),
    )
    .orderBy(asc(publications.eventDate), asc(publications.id))
    .limit(filter.limit);
}

/** The facts the publication record counts, per brigade in scope. */
export async function publicationFactsInScope(db: DbOrTx, scopePath: string | null) {
  return db
    .select({
      orgId: publications.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      kind: publications.kind,
      status: publications.status,
      eventDate: publications.eventDate,
      publishedOn: publications.publishedOn,
      withdrawRequestedOn: publications.withdrawRequestedOn,
      withdrawnOn: publications.withdrawnOn,
    })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined);
}

/** Pending entries of every brigade (the daily auto-publication job), with their brigade's path. */
export async function pendingPublications(db: DbOrTx) {
  return db
    .select({ id: publications.id, orgPath: orgs.path, createdOn: publications.createdOn, status: publications.status })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(eq(publications.status, 'pending'));
}

// ---------- policies ----------

/** The policy rows set on the org at `orgPath` or above it, nearest first. */
export async function policiesAbove(db: DbOrTx, orgPath: string): Promise<{ orgId: string; orgName: string; policy: PublicationPolicy }[]> {
  return db
    .select({ orgId: publicationSettings.orgId, orgName: orgs.name, policy: publicationSettings.policy })
    .from(publicationSettings)
    .innerJoin(orgs, eq(orgs.id, publicationSettings.orgId))
    .where(sql`${orgPath} like ${orgs.path} || '%'`)
    .orderBy(desc(sql`length(${orgs.path})`));
}

export async function savePolicy(tx: Tx, orgId: string, policy: PublicationPolicy, accountId: string, now: Date): Promise<void> {
  await tx
    .insert(publicationSettings)
    .values({ orgId, policy, updatedBy: accountId, updatedAt: now })
    .onConflictDoUpdate({ target: publicationSettings.orgId, set: { policy, updatedBy: accountId, updatedAt: now } });
}

// ---------- the portal ----------

/** Entries the portal shows today: published or withdrawn, and within their display period. */
export function onPortal(today: string): SQL {
  return sql`${publications.status} in ('published', 'withdrawn') and (${publications.displayUntil} is null or ${publications.displayUntil} >= ${today})`;
}

export type PortalSearch = {
  q?: string | undefined;
  district?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: PublicationOutcome | undefined;
  kind?: PublicationKind | undefined;
  unitId?: string | undefined;
  today: string;
  page: number;
  pageSize: number;
};

/** The most results a search counts exactly; beyond it the portal says 「超过 10000 条」. */
export const PORTAL_COUNT_CAP = 10_000;
const USCC_LIKE = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/i;

/**
 * How a text search uses the bigram index, from the share of entries holding the query's rarest bigram (the planner's
 * statistics; a bigram missing from them is rare). The index hands back row addresses, and each candidate must then be
 * read to confirm it, a row at a time; the covering indexes (migration 0023) hold the unit name and credit code, so
 * walking the entries newest first and confirming each with LIKE reads no rows at all. Hence:
 * - a page uses the bigram index only for rare text (under 1 %): otherwise the walk meets a page's rows within a few
 *   thousand index entries;
 * - the capped count also uses it for text under 5 % when nothing else narrows the search: then the walk would cross
 *   hundreds of thousands of entries to find 10,001 matches, where the bigram index reads about 10,001 rows.
 */
export const PORTAL_RARE_GRAM_SHARE = 0.01;
export const PORTAL_COUNT_GRAM_SHARE = 0.05;

export type PortalGramPlan = { page: boolean; count: boolean };

export async function portalGramPlan(db: DbOrTx, s: PortalSearch): Promise<PortalGramPlan> {
  const text = s.q?.trim();
  if (!text || USCC_LIKE.test(text)) return { page: false, count: false };
  const grams = searchGrams(text);
  if (grams.length === 0) return { page: false, count: false };
  const share = await frequentGramShares(db, 'publications');
  const rarest = Math.min(...grams.map((g) => share.get(g) ?? 0));
  const narrowed = Boolean(s.district || s.from || s.to || s.outcome || s.kind || s.unitId);
  return { page: rarest < PORTAL_RARE_GRAM_SHARE, count: rarest < PORTAL_RARE_GRAM_SHARE || (rarest < PORTAL_COUNT_GRAM_SHARE && !narrowed) };
}

/**
 * The search's conditions. Each filter has a covering index (migration 0023): entries newest first, by outcome, by
 * district and the penalties, each holding the columns the other filters read, so that finding a page's ids and the
 * capped count read no rows. Hence the district as an equality when it names one county, and the kind as a literal
 * (the planner matches it to the penalties' partial index).
 */
function portalWhere(s: PortalSearch, gramIndex: boolean): SQL {
  const c: (SQL | undefined)[] = [onPortal(s.today)];
  const q = s.q?.trim();
  if (q) {
    if (USCC_LIKE.test(q)) c.push(eq(publications.uscc, q.toUpperCase()));
    else {
      const grams = searchGrams(q);
      if (grams.length > 0 && gramIndex) c.push(sql`${publications.searchGrams} @> ${sql.param(grams, publications.searchGrams)}`);
      // For text without letter case LIKE gives the rows ILIKE gives, at a third of the cost.
      const op = caseless(q) ? sql`like` : sql`ilike`;
      c.push(sql`(${publications.unitName} ${op} ${containsPattern(q)} or coalesce(${publications.uscc}, '') ${op} ${containsPattern(q)})`);
    }
  }
  if (s.district) {
    const prefix = s.district.replace(/0+$/, '');
    // district_code has six characters: a six-digit prefix is the code itself.
    c.push(prefix.length === 6 ? eq(publications.districtCode, prefix) : sql`${publications.districtCode} like ${prefix + '%'}`);
  }
  if (s.from) c.push(sql`${publications.eventDate} >= ${s.from}`);
  if (s.to) c.push(sql`${publications.eventDate} <= ${s.to}`);
  if (s.outcome) c.push(eq(publications.outcome, s.outcome));
  if (s.kind) c.push(sql`${publications.kind} = ${sql.raw(s.kind === 'penalty' ? "'penalty'" : "'result'")}`);
  if (s.unitId) c.push(eq(publications.unitId, s.unitId));
  return and(...c.filter((x): x is SQL => x !== undefined))!;
}

/**
 * A page of the portal's search, newest event first, with the count (capped at PORTAL_COUNT_CAP + 1). The page's ids
 * are found first (from an index alone when the table is vacuumed), then only those rows are read.
 */
export async function searchPortal(db: DbOrTx, s: PortalSearch) {
  const use = await portalGramPlan(db, s);
  const where = portalWhere(s, use.page);
  const page = db
    .select({ id: publications.id, eventDate: publications.eventDate })
    .from(publications)
    .where(where)
    .orderBy(desc(publications.eventDate), desc(publications.id))
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize)
    .as('page');
  const [rows, counted] = await readTogether(db, [
    () =>
      db
        .select({
          id: publications.id,
          kind: publications.kind,
          status: publications.status,
          eventDate: publications.eventDate,
          outcome: publications.outcome,
          content: publications.content,
          publishedOn: publications.publishedOn,
          withdrawKind: publications.withdrawKind,
          withdrawnOn: publications.withdrawnOn,
          unitId: publications.unitId,
          taskId: publications.taskId,
        })
        .from(page)
        .innerJoin(publications, eq(publications.id, page.id))
        .orderBy(desc(page.eventDate), desc(page.id)),
    () =>
      db.execute(
        sql`select count(*)::int as n from (select 1 from ${publications} where ${use.count === use.page ? where : portalWhere(s, use.count)} limit ${PORTAL_COUNT_CAP + 1}) c`,
      ),
  ]);
  const { rows: countRows } = counted as unknown as { rows: { n: number }[] };
  return { rows, total: Number(countRows[0]?.n ?? 0) };
}

/** One entry as the portal shows it (null when it is not on the portal today). */
export async function findPortalEntry(db: DbOrTx, id: string, today: string) {
  const [row] = await db
    .select({ publication: publications, drawCode: draws.code, orgPath: orgs.path })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .leftJoin(draws, eq(draws.id, publications.drawId))
    .where(and(eq(publications.id, id), onPortal(today)));
  return row ?? null;
}

/** The portal entries of these tasks of a draw: task id → entry id (the draw page links each task to its result). */
export async function portalEntriesOfDraw(db: DbOrTx, drawId: string, taskIds: readonly string[], today: string): Promise<Map<string, string>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .select({ taskId: publications.taskId, id: publications.id })
    .from(publications)
    .where(and(eq(publications.drawId, drawId), anyUuidOf(publications.taskId, taskIds), eq(publications.kind, 'result'), onPortal(today)));
  return new Map(rows.map((r) => [r.taskId!, r.id]));
}

/** A unit's name and district, when at least one of its entries is on the portal. */
export async function findPortalUnit(db: DbOrTx, unitId: string, today: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, uscc: units.uscc, address: units.address, districtCode: units.districtCode })
    .from(units)
    .where(and(eq(units.id, unitId), sql`exists (select 1 from ${publications} where ${publications.unitId} = ${units.id} and ${onPortal(today)})`));
  return row ?? null;
}

// ---------- notices' state ----------

/** The correction notices of tasks, with the stages and correction dates of the hazards each one ordered corrected. */
export async function noticesOfTasks(db: DbOrTx, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  const docs = await db
    .select({
      id: documents.id,
      taskId: documents.taskId,
      docType: documents.docType,
      number: documents.number,
      issueDate: documents.issueDate,
      status: documents.status,
      checkCode: documents.checkCode,
      replacedBy: sql<string | null>`(select d2.number from ${documents} d2 where d2.replaces_id = ${documents.id} limit 1)`,
    })
    .from(documents)
    .where(and(inArray(documents.taskId, [...taskIds]), inArray(documents.docType, ['deadline_notice', 'immediate_notice'])))
    .orderBy(asc(documents.issueDate), asc(documents.number));
  const hazardRows =
    docs.length === 0
      ? []
      : await db
          .select({ noticeId: hazards.noticeId, stage: hazards.stage, correctionDue: hazards.correctionDue })
          .from(hazards)
          .where(inArray(hazards.noticeId, docs.map((d) => d.id)));
  return docs.map((d) => {
    const own = hazardRows.filter((h) => h.noticeId === d.id);
    const dues = own.flatMap((h) => (h.correctionDue ? [h.correctionDue] : [])).sort();
    return { ...d, hazardStages: own.map((h) => h.stage), correctionDue: dues.at(-1) ?? null };
  });
}

// ---------- the unit's feedback (纪检) ----------

export async function listRatingsInScope(db: DbOrTx, scopePath: string | null, limit: number) {
  return db
    .select({ rating: visitRatings, unitName: units.name, orgName: orgs.name })
    .from(visitRatings)
    .innerJoin(units, eq(units.id, visitRatings.unitId))
    .innerJoin(orgs, eq(orgs.id, visitRatings.orgId))
    .where(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined)
    .orderBy(desc(visitRatings.submittedAt))
    .limit(limit);
}

export async function listComplaintsInScope(db: DbOrTx, scopePath: string | null, limit: number) {
  return db
    .select({ complaint: conductComplaints, unitName: units.name, orgName: orgs.name, orgPath: orgs.path })
    .from(conductComplaints)
    .innerJoin(units, eq(units.id, conductComplaints.unitId))
    .innerJoin(orgs, eq(orgs.id, conductComplaints.orgId))
    .where(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined)
    .orderBy(desc(conductComplaints.submittedAt))
    .limit(limit);
}


/** The checklist's standard wording of hazards' lines (from their records' snapshots), in the hazards' order. */
export async function standardTextsOfHazards(db: DbOrTx, hazardRows: readonly { recordId: string; lineCode: string }[]): Promise<string[]> {
  const recordIds = [...new Set(hazardRows.map((h) => h.recordId))];
  if (recordIds.length === 0) return [];
  const records = await db.select({ id: inspectionRecords.id, snapshot: inspectionRecords.snapshot }).from(inspectionRecords).where(inArray(inspectionRecords.id, recordIds));
  const text = new Map<string, string>();
  for (const r of records) for (const l of r.snapshot.lines) text.set(`${r.id}|${l.code}`, l.text);
  return hazardRows.flatMap((h) => {
    const t = text.get(`${h.recordId}|${h.lineCode}`);
    return t ? [t] : [];
  });
}

/** The districts of the entries on the portal today (the portal's district filter offers only these). */
export async function portalDistrictCodes(db: DbOrTx, today: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: publications.districtCode })
    .from(publications)
    .where(and(onPortal(today), sql`${publications.districtCode} is not null`));
  return rows.flatMap((r) => (r.code ? [r.code] : [])).sort();
}
