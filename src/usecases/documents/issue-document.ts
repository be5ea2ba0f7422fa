import { randomBytes } from 'node:crypto';
import { documentContentHash } from '../../domain/documents/document-hash.ts';
import { defaultNumberPattern, documentPrefixOf, formatDocumentNumber } from '../../domain/documents/document-number.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentContent, type DocumentStamp, type DocumentType } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { shortCodeFrom } from '../../domain/tasks/notice-text.ts';
import type { Tx } from '../../db/client.ts';
import { allocateSequence, findNumberPattern, findOrgForDocuments, insertDocument, isCheckCodeTaken, type DocumentRow } from '../../db/document-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';


export type IssueDocumentInput = {
  orgId: string;
  unitId: string;
  type: DocumentType;
  /** The date printed on the document (成文日期), 'YYYY-MM-DD'; its year picks the counter. */
  issueDate: string;
  taskId?: string | null;
  recordId?: string | null;
  caseId?: string | null;
  /** A correction: the document this one replaces (it must be of the same type and unit, and not voided). */
  replaces?: DocumentRow | null;
  /** Builds the printed content from the stamp (pure: the composers in src/domain/documents). */
  compose: (stamp: DocumentStamp) => DocumentContent;
  /** Extra facts for the audit entry. */
  auditSummary?: Record<string, unknown>;
};

/**
 * Issues a document inside the caller's transaction (decision 0023): takes the brigade's next number for the type
 * and year from the counter row (no gaps, no twins: a failure later in the transaction gives it back), a random
 * check code, composes and hashes the printed content, stores it (never to change) and audits the issue.
 */
export async function issueDocument(tx: Tx, ctx: UseCaseContext, input: IssueDocumentInput): Promise<DocumentRow> {
  const org = await findOrgForDocuments(tx, input.orgId);
  if (!org) throw new DomainError('NOT_FOUND', '开具文书的机构不存在');
  if (input.replaces) {
    const old = input.replaces;
    if (old.docType !== input.type || old.unitId !== input.unitId) throw new DomainError('CONFLICT', '更正文书必须与被更正的文书类型和单位相同');
  }
  const year = Number(input.issueDate.slice(0, 4));
  const pattern = (await findNumberPattern(tx, input.orgId, input.type)) ?? defaultNumberPattern(input.type);
  const seq = await allocateSequence(tx, input.orgId, input.type, year);
  const number = formatDocumentNumber(pattern, documentPrefixOf(org), year, seq);
  let checkCode = shortCodeFrom(randomBytes(10));
  while (await isCheckCodeTaken(tx, checkCode)) checkCode = shortCodeFrom(randomBytes(10));
  const content = input.compose({ number, issueDate: input.issueDate, checkCode, orgName: org.name });
  const contentHash = documentContentHash(content);
  const row: DocumentRow = {
    id: crypto.randomUUID(),
    orgId: input.orgId,
    unitId: input.unitId,
    docType: input.type,
    number,
    year,
    seq,
    issueDate: input.issueDate,
    taskId: input.taskId ?? null,
    recordId: input.recordId ?? null,
    caseId: input.caseId ?? null,
    replacesId: input.replaces?.id ?? null,
    content,
    contentHash,
    checkCode,
    status: 'issued',
    voidReason: null,
    voidedAt: null,
    voidedBy: null,
    issuedBy: ctx.actor.accountId,
    issuedAt: ctx.now,
  };
  await insertDocument(tx, row);
  await recordAudit(tx, ctx, {
    action: 'document.issue',
    targetType: 'document',
    targetId: row.id,
    orgId: input.orgId,
    summary: { type: DOCUMENT_TYPE_LABELS[input.type], number, contentHash, replaces: input.replaces?.number ?? null, ...input.auditSummary },
  });
  return row;
}
