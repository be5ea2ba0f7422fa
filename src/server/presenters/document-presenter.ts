import {
  DOCUMENT_LIST_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  HAZARD_STAGE_LABELS,
  SERVICE_METHOD_LABELS,
  type DocumentListStatus,
  type DocumentServiceView,
  type DocumentSummary,
  type DocumentType,
  type DocumentView,
  type HazardStage,
  type HazardView,
} from '../../contracts/documents.ts';
import { printedHash } from '../../domain/documents/document-hash.ts';
import { localDate } from '../../domain/local-date.ts';
import type { DocumentServiceRow } from '../../db/document-queries.ts';
import type { DocumentDetail } from '../../usecases/documents/get-document.ts';
import type { HazardWithDeadline } from '../../usecases/documents/hazard-deadline.ts';
import type { DocumentWithDeadline } from '../../usecases/documents/list-documents.ts';

export function documentListStatus(status: string, replacedByNumber: string | null): DocumentListStatus {
  if (status === 'voided') return 'voided';
  return replacedByNumber ? 'replaced' : 'valid';
}

export function presentDocumentSummary(row: DocumentWithDeadline): DocumentSummary {
  const d = row.document;
  const status = documentListStatus(d.status, row.replacedByNumber);
  return {
    id: d.id,
    number: d.number,
    type: d.docType as DocumentType,
    typeLabel: DOCUMENT_TYPE_LABELS[d.docType as DocumentType],
    unitId: d.unitId,
    unitName: row.unitName,
    issueDate: d.issueDate,
    status,
    statusLabel: status === 'replaced' ? `已被更正（${row.replacedByNumber}）` : DOCUMENT_LIST_STATUS_LABELS[status],
    replacedByNumber: row.replacedByNumber,
    served: row.servedCount > 0,
    serviceDue: row.deadline.serviceDue,
    deadlineLabel: row.deadline.label,
    overdue: row.deadline.overdue,
  };
}

export function presentHazard(row: HazardWithDeadline): HazardView {
  const h = row.hazard;
  return {
    id: h.id,
    seq: h.seq,
    description: h.description,
    location: h.location,
    legalBasis: h.legalBasis,
    fixedOnSpot: h.fixedOnSpot,
    stage: h.stage as HazardStage,
    stageLabel: HAZARD_STAGE_LABELS[h.stage as HazardStage],
    foundOn: h.foundOn,
    correctionDue: h.correctionDue,
    deadlineLabel: row.deadline?.label ?? null,
    overdue: row.deadline?.overdue ?? false,
    unitId: h.unitId,
    unitName: row.unitName,
    taskId: h.taskId,
    recordId: h.recordId,
    noticeId: h.noticeId,
    noticeNumber: row.noticeNumber,
    caseId: h.caseId,
    closedOn: h.closedOn,
  };
}

function presentService(s: DocumentServiceRow, serviceDue: string | null): DocumentServiceView {
  return {
    id: s.id,
    method: s.method,
    methodLabel: SERVICE_METHOD_LABELS[s.method],
    servedAt: s.servedAt.toISOString(),
    place: s.place,
    recipientName: s.recipientName,
    recipientRelation: s.recipientRelation,
    refusalReason: s.refusalReason,
    witness: s.witness,
    postalTracking: s.postalTracking,
    electronicAddress: s.electronicAddress,
    consentFile: s.consentFile,
    evidenceFiles: s.evidenceFiles,
    late: serviceDue !== null && localDate(s.servedAt) > serviceDue,
  };
}

export function presentDocument(detail: DocumentDetail): DocumentView {
  const d = detail.document;
  return {
    ...presentDocumentSummary(detail),
    orgId: d.orgId,
    orgName: detail.orgName,
    content: d.content,
    contentHash: d.contentHash,
    printedHash: printedHash(d.contentHash),
    checkCode: d.checkCode,
    checkPath: `/portal/documents/${d.checkCode}`,
    taskId: d.taskId,
    recordId: d.recordId,
    inspectedOn: detail.inspectedOn,
    issuedLate: detail.deadline.serviceDue !== null && d.issueDate > detail.deadline.serviceDue,
    replaces: detail.replaces,
    replacedBy: detail.replacedBy,
    voidReason: d.voidReason,
    voidedAt: d.voidedAt ? d.voidedAt.toISOString() : null,
    issuedAt: d.issuedAt.toISOString(),
    services: detail.services.map((s) => presentService(s, detail.deadline.serviceDue)),
    hazards: detail.hazards.map(presentHazard),
    unitEvidence: detail.unitEvidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      contentType: e.contentType,
      byteSize: e.byteSize,
      submittedAt: e.submittedAt.toISOString(),
      url: `/api/files/${e.sha256}`,
    })),
    earlyRequests: detail.earlyRequests.map((r) => ({ requestedOn: r.requestedOn, note: r.note, byUnit: r.recordedBy === null })),
    canManage: detail.canManage,
    canVoid: detail.canVoid,
  };
}
