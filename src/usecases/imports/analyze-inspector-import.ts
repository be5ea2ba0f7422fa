import { isInScope, type Actor } from '../../domain/access.ts';
import {
  classifyInspectorImportRows,
  prepareInspectorImportRows,
  type InspectorImportPlan,
  type RegistryInspector,
} from '../../domain/import/classify-inspector-import.ts';
import { mappedColumns, mappingFromColumns, recognizeColumns, type ColumnMapping } from '../../domain/import/column-mapping.ts';
import { summarizeImportRows, type ImportSummary } from '../../domain/import/import-outcome.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import { INSPECTOR_HEADER_SYNONYMS, INSPECTOR_IMPORT_SPEC } from '../../domain/import/inspector-import-fields.ts';
import {
  DEFAULT_DRAW_WEIGHTS,
  INSPECTOR_POSTS,
  type DrawWeightTable,
  type InspectorPost,
  type InspectorRole,
} from '../../domain/registry/inspector-rules.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listDictionaryEntries } from '../../db/dictionary-queries.ts';
import { findInspectorsByBadges, findInspectorsByCertificates } from '../../db/import-queries.ts';
import { scopePathOf } from '../lib/actor.ts';

export type InspectorImportAnalysis = { mapping: ColumnMapping; plan: InspectorImportPlan; summary: ImportSummary };

/**
 * The dry run of an inspectors file for an org, as `actor` sees the registry: validation, the registry's
 * copy of each badge number (anywhere: it is unique system-wide), shared certificate numbers in the
 * actor's subtree, certificate validity on `today`. `mapping` null means the recognised headers.
 */
export async function analyzeInspectorImport(
  db: DbOrTx,
  input: { table: ImportTable; mapping: ColumnMapping | null; orgId: string; today: string },
  actor: Actor,
): Promise<InspectorImportAnalysis> {
  const mapping =
    input.mapping ??
    mappingFromColumns(input.table.headers.length, recognizeColumns(input.table.headers, INSPECTOR_HEADER_SYNONYMS));
  const prepared = prepareInspectorImportRows(input.table.rows, mappedColumns(mapping, INSPECTOR_IMPORT_SPEC));
  const valid = prepared.flatMap((r) => (r.value ? [r.value] : []));

  const byBadge = new Map<string, RegistryInspector>();
  for (const row of await findInspectorsByBadges(
    db,
    valid.map((v) => v.badgeNo),
  )) {
    byBadge.set(row.badgeNo, {
      ...row,
      inScope: isInScope(actor, row.orgPath),
      post: row.post as InspectorPost,
      roles: row.roles as InspectorRole[],
    });
  }
  const certificateKeys = valid.flatMap((v) => (v.certificateNo ? [v.certificateNo.replace(/\s+/g, '').toUpperCase()] : []));
  const byCertificate = new Map<string, { badgeNo: string; name: string }[]>();
  for (const holder of await findInspectorsByCertificates(db, certificateKeys, scopePathOf(actor))) {
    const list = byCertificate.get(holder.certificateKey) ?? [];
    list.push({ badgeNo: holder.badgeNo, name: holder.name });
    byCertificate.set(holder.certificateKey, list);
  }

  const drawWeights: DrawWeightTable = { ...DEFAULT_DRAW_WEIGHTS };
  for (const entry of await listDictionaryEntries(db)) {
    if (
      entry.kind === 'inspector_post_weight' &&
      entry.active &&
      entry.weight !== null &&
      INSPECTOR_POSTS.includes(entry.code as InspectorPost)
    ) {
      drawWeights[entry.code as InspectorPost] = entry.weight;
    }
  }

  const plan = classifyInspectorImportRows(
    prepared,
    { byBadge, byCertificate },
    { orgId: input.orgId, today: input.today, drawWeights },
  );
  return { mapping, plan, summary: summarizeImportRows(plan.rows) };
}
