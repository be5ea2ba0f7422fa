import { canManageInScope } from '../../domain/access.ts';
import { checkNumberPattern, defaultNumberPattern, documentPrefixOf, formatDocumentNumber } from '../../domain/documents/document-number.ts';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findOrgForDocuments, listNumberFormats } from '../../db/document-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** A brigade in the actor's scope whose documents are numbered (404 outside the scope, 400 for a non-brigade). */
export async function numberingBrigade(ctx: UseCaseContext, db: DbOrTx, orgId: string) {
  requirePermission(ctx.actor, 'plans.read');
  const org = await findOrgForDocuments(db, orgId);
  if (!org) throw new DomainError('NOT_FOUND', '机构不存在');
  requireInScope(ctx.actor, org.path, '机构');
  if (org.kind !== 'brigade') throw new DomainError('VALIDATION_FAILED', '文号格式按大队设置：请选择一个大队', { field: 'orgId' });
  return org;
}

/** GET /api/document-formats: each document type's number pattern for a brigade (its own or the default), with an example. */
export async function getNumberFormats(ctx: UseCaseContext, orgId: string | undefined) {
  const org = await numberingBrigade(ctx, ctx.db, orgId ?? ctx.actor.orgId);
  const own = new Map((await listNumberFormats(ctx.db, org.id)).map((f) => [f.docType, f.pattern]));
  const year = Number(localDate(ctx.now).slice(0, 4));
  return {
    orgId: org.id,
    orgName: org.name,
    canManage: canManageInScope(ctx.actor, 'draws.manage', org.path),
    formats: DOCUMENT_TYPES.map((type) => {
      const pattern = own.get(type) ?? defaultNumberPattern(type);
      return { type, typeLabel: DOCUMENT_TYPE_LABELS[type], pattern, isDefault: !own.has(type), example: formatDocumentNumber(pattern, documentPrefixOf(org), year, 1) };
    }),
  };
}

export function requireValidPattern(pattern: string): void {
  const problem = checkNumberPattern(pattern);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { field: 'pattern' });
}
