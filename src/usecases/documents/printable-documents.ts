import { DomainError } from '../../domain/errors.ts';
import { findDocumentsByIds } from '../../db/document-queries.ts';
import type { PrintableDocument } from '../../render/document-pdf.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** Documents to print, in the order asked, each readable by the actor (one missing or out of scope: 404 naming none). */
export async function printableDocuments(ctx: UseCaseContext, ids: readonly string[]): Promise<(PrintableDocument & { number: string; typeLabel: string })[]> {
  requirePermission(ctx.actor, 'plans.read');
  const unique = [...new Set(ids)];
  const rows = await findDocumentsByIds(ctx.db, unique);
  if (rows.length !== unique.length) throw new DomainError('NOT_FOUND', '部分文书不存在');
  for (const r of rows) requireInScope(ctx.actor, r.orgPath, '部分文书');
  return unique.map((id) => {
    const { document: d } = rows.find((r) => r.document.id === id)!;
    return { content: d.content, contentHash: d.contentHash, voided: d.status === 'voided', number: d.number, typeLabel: d.content.title };
  });
}
