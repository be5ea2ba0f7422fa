import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { dictionaryEntries } from './schema.ts';

export type DictionaryRow = typeof dictionaryEntries.$inferSelect;
export type DictionaryKind = DictionaryRow['kind'];

export async function listDictionaryEntries(db: DbOrTx): Promise<DictionaryRow[]> {
  return db.select().from(dictionaryEntries).orderBy(asc(dictionaryEntries.kind), asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.code));
}

export async function findDictionaryEntry(db: DbOrTx, id: string): Promise<DictionaryRow | undefined> {
  const [row] = await db.select().from(dictionaryEntries).where(eq(dictionaryEntries.id, id));
  return row;
}

/** Active codes per kind, for validating what a record may store. */
export async function activeDictionaryCodes(db: DbOrTx): Promise<Map<DictionaryKind, Set<string>>> {
  const rows = await db.select({ kind: dictionaryEntries.kind, code: dictionaryEntries.code, active: dictionaryEntries.active }).from(dictionaryEntries);
  const out = new Map<DictionaryKind, Set<string>>();
  for (const r of rows) {
    if (!r.active) continue;
    if (!out.has(r.kind)) out.set(r.kind, new Set());
    out.get(r.kind)!.add(r.code);
  }
  return out;
}

export async function insertDictionaryEntry(tx: Tx, values: typeof dictionaryEntries.$inferInsert): Promise<DictionaryRow> {
  const [row] = await tx.insert(dictionaryEntries).values(values).returning();
  return row!;
}

export async function updateDictionaryEntryRow(tx: Tx, id: string, patch: Partial<typeof dictionaryEntries.$inferInsert>): Promise<DictionaryRow> {
  const [row] = await tx.update(dictionaryEntries).set(patch).where(eq(dictionaryEntries.id, id)).returning();
  return row!;
}
