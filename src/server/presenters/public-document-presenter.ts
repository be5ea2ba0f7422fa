import { DOCUMENT_LIST_STATUS_LABELS, DOCUMENT_TYPE_LABELS, type DocumentType, type PublicDocumentView } from '../../contracts/documents.ts';
import type { getPublicDocument } from '../../usecases/public/get-public-document.ts';
import { documentListStatus } from './document-presenter.ts';

/**
 * The public check of a paper document (/portal/documents/<code>): number, type, date, the issuing brigade, the unit
 * (an organisation, published by name as the draw results publish it), status and the full content hash. Nothing
 * else: no person, no hazard text, no id.
 */
export function presentPublicDocument(found: Awaited<ReturnType<typeof getPublicDocument>>): PublicDocumentView {
  const d = found.document;
  const status = documentListStatus(d.status, found.replacedByNumber);
  return {
    number: d.number,
    typeLabel: DOCUMENT_TYPE_LABELS[d.docType as DocumentType],
    issueDate: d.issueDate,
    orgName: found.orgName,
    unitName: found.unitName,
    status,
    statusLabel: DOCUMENT_LIST_STATUS_LABELS[status],
    replacedByNumber: status === 'replaced' ? found.replacedByNumber : null,
    contentHash: d.contentHash,
  };
}
