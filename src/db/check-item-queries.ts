import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CheckItemFields } from '../domain/check-items/check-item.ts';
import type { DbOrTx, Tx } from './client.ts';
import { accounts, checkItems, checkItemVersions, orgs } from './schema.ts';

export type CheckItemRow = typeof checkItems.$inferSelect;
export type CheckItemVersionRow = typeof checkItemVersions.$inferSelect;
/** An item with its owning org (null for the national list). */
export type CheckItemWithOwner = CheckItemRow & { ownerOrgPath: string | null; ownerOrgName: string | null };
export type CheckItemVersionWithNames = CheckItemVersionRow & { createdByName: string | null; publishedByName: string | null };
/** The columns a list needs of every version (not the long texts or the checklist). */
export type CheckItemVersionSummary = Pick<
  CheckItemVersionRow,
  'itemId' | 'version' | 'status' | 'name' | 'method' | 'inspectingBody' | 'objectType' | 'publishedAt' | 'updatedAt'
>;

const withOwner = {
  item: checkItems,
  ownerOrgPath: orgs.path,
  ownerOrgName: orgs.name,
};

const flatten = (row: { item: CheckItemRow; ownerOrgPath: string | null; ownerOrgName: string | null }): CheckItemWithOwner => ({
  ...row.item,
  ownerOrgPath: row.ownerOrgPath,
  ownerOrgName: row.ownerOrgName,
});

/** Every item in list order (sort order, then code). The list is short: dozens, not thousands. */
export async function listCheckItemsWithOwner(db: DbOrTx): Promise<CheckItemWithOwner[]> {
  const rows = await db
    .select(withOwner)
    .from(checkItems)
    .leftJoin(orgs, eq(orgs.id, checkItems.ownerOrgId))
    .orderBy(asc(checkItems.sortOrder), asc(checkItems.code));
  return rows.map(flatten);
}

/** One item by id; `lock` takes a row lock so concurrent writers of the same item queue up. */
export async function findCheckItemById(
  db: DbOrTx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CheckItemWithOwner | undefined> {
  const query = db
    .select(withOwner)
    .from(checkItems)
    .leftJoin(orgs, eq(orgs.id, checkItems.ownerOrgId))
    .where(eq(checkItems.id, id));
  const [row] = options.lock ? await query.for('update', { of: checkItems }) : await query;
  return row ? flatten(row) : undefined;
}

export async function findCheckItemByCode(db: DbOrTx, code: string): Promise<CheckItemWithOwner | undefined> {
  const [row] = await db
    .select(withOwner)
    .from(checkItems)
    .leftJoin(orgs, eq(orgs.id, checkItems.ownerOrgId))
    .where(eq(checkItems.code, code));
  return row ? flatten(row) : undefined;
}

/** The list columns of every version of every item, newest version first per item. */
export async function listCheckItemVersionSummaries(db: DbOrTx): Promise<CheckItemVersionSummary[]> {
  return db
    .select({
      itemId: checkItemVersions.itemId,
      version: checkItemVersions.version,
      status: checkItemVersions.status,
      name: checkItemVersions.name,
      method: checkItemVersions.method,
      inspectingBody: checkItemVersions.inspectingBody,
      objectType: checkItemVersions.objectType,
      publishedAt: checkItemVersions.publishedAt,
      updatedAt: checkItemVersions.updatedAt,
    })
    .from(checkItemVersions)
    .orderBy(asc(checkItemVersions.itemId), desc(checkItemVersions.version));
}

const creator = alias(accounts, 'creator');
const publisher = alias(accounts, 'publisher');

/** The versions of one item, newest first, with the names of who wrote and published them. */
export async function listCheckItemVersions(
  db: DbOrTx,
  itemId: string,
  options: { publishedOnly?: boolean } = {},
): Promise<CheckItemVersionWithNames[]> {
  const rows = await db
    .select({ version: checkItemVersions, createdByName: creator.displayName, publishedByName: publisher.displayName })
    .from(checkItemVersions)
    .leftJoin(creator, eq(creator.id, checkItemVersions.createdBy))
    .leftJoin(publisher, eq(publisher.id, checkItemVersions.publishedBy))
    .where(
      and(eq(checkItemVersions.itemId, itemId), options.publishedOnly ? eq(checkItemVersions.status, 'published') : undefined),
    )
    .orderBy(desc(checkItemVersions.version));
  return rows.map((r) => ({ ...r.version, createdByName: r.createdByName, publishedByName: r.publishedByName }));
}

export async function findDraftVersion(db: DbOrTx, itemId: string): Promise<CheckItemVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(checkItemVersions)
    .where(and(eq(checkItemVersions.itemId, itemId), eq(checkItemVersions.status, 'draft')));
  return row;
}

export async function findLatestPublishedVersion(db: DbOrTx, itemId: string): Promise<CheckItemVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(checkItemVersions)
    .where(and(eq(checkItemVersions.itemId, itemId), eq(checkItemVersions.status, 'published')))
    .orderBy(desc(checkItemVersions.version))
    .limit(1);
  return row;
}

/** The fields of a stored version, as the domain sees them. */
export function fieldsOfVersion(row: CheckItemVersionRow): CheckItemFields {
  return {
    name: row.name,
    subItem: row.subItem,
    legalBasis: row.legalBasis,
    content: row.content,
    inspectingBody: row.inspectingBody,
    objectType: row.objectType,
    method: row.method,
    ratio: row.ratio,
    frequency: row.frequency,
    inspectorRequirements: row.inspectorRequirements,
    notes: row.notes,
    checklist: row.checklist,
  };
}

/** The sort order after every existing item, so a new item goes to the end of the list. */
export async function nextCheckItemSortOrder(tx: Tx): Promise<number> {
  const [row] = await tx.select({ last: max(checkItems.sortOrder) }).from(checkItems);
  return (row?.last ?? 0) + 10;
}

export async function insertCheckItem(
  tx: Tx,
  values: { code: string; ownerOrgId: string | null; sortOrder: number; createdBy: string; createdAt: Date },
): Promise<string> {
  const [row] = await tx.insert(checkItems).values(values).returning({ id: checkItems.id });
  return row!.id;
}

export async function insertDraftVersion(
  tx: Tx,
  values: { itemId: string; version: number; fields: CheckItemFields; changeNote: string | null; createdBy: string; now: Date },
): Promise<void> {
  await tx.insert(checkItemVersions).values({
    itemId: values.itemId,
    version: values.version,
    status: 'draft',
    ...values.fields,
    changeNote: values.changeNote,
    createdBy: values.createdBy,
    createdAt: values.now,
    updatedAt: values.now,
  });
}

/** Rewrites a draft. The status condition keeps this from ever touching a published row (the trigger would refuse it too). */
export async function updateDraftVersion(
  tx: Tx,
  id: string,
  values: { fields: CheckItemFields; changeNote: string | null; now: Date },
): Promise<void> {
  await tx
    .update(checkItemVersions)
    .set({ ...values.fields, changeNote: values.changeNote, updatedAt: values.now })
    .where(and(eq(checkItemVersions.id, id), eq(checkItemVersions.status, 'draft')));
}

/** Publishes a draft; false when it is no longer a draft (someone published it first). */
export async function publishDraftVersion(tx: Tx, id: string, values: { publishedBy: string; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(checkItemVersions)
    .set({ status: 'published', publishedAt: values.now, publishedBy: values.publishedBy, updatedAt: values.now })
    .where(and(eq(checkItemVersions.id, id), eq(checkItemVersions.status, 'draft')))
    .returning({ id: checkItemVersions.id });
  return rows.length === 1;
}

export async function withdrawCheckItemRow(tx: Tx, id: string, values: { reason: string; now: Date }): Promise<void> {
  await tx.update(checkItems).set({ withdrawnAt: values.now, withdrawReason: values.reason }).where(eq(checkItems.id, id));
}

/** The highest version number of an item (0 when it has none). */
export async function maxCheckItemVersion(tx: Tx, itemId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${checkItemVersions.version}), 0)::int` })
    .from(checkItemVersions)
    .where(eq(checkItemVersions.itemId, itemId));
  return Number(row?.n ?? 0);
}
