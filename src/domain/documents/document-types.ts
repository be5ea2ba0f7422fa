/**
 * The documents after an inspection (decision 0023): their types, Chinese names, number words and the printable
 * content every renderer (PDF, .docx) and the public check page read. Pure, zod-free: the web imports the labels.
 *
 * A document's `content` is everything printed on it, fixed when it is issued: its SHA-256 over RFC 8785 canonical
 * JSON (`contentHash`) is printed on the paper and shown on the public check page, so a forged or altered notice does
 * not match. A correction is a new document naming the one it replaces; an issued document never changes.
 */

export const DOCUMENT_TYPES = [
  'inspection_record',
  'immediate_notice',
  'deadline_notice',
  'reinspection_opinion',
  'sealing_decision',
  'sealing_lifted',
  'penalty_summary',
  'penalty_decision',
  'referral_letter',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  inspection_record: '消防监督检查记录',
  immediate_notice: '责令立即改正通知书',
  deadline_notice: '责令限期改正通知书',
  reinspection_opinion: '复查意见书',
  sealing_decision: '临时查封决定书',
  sealing_lifted: '解除临时查封决定书',
  penalty_summary: '当场行政处罚决定书',
  penalty_decision: '行政处罚决定书',
  referral_letter: '案件移送函',
};

/** The word between the agency's 代字 and 字 in a document number: 「婺消限字〔2026〕第0001号」. */
export const DOCUMENT_NUMBER_WORDS: Record<DocumentType, string> = {
  inspection_record: '检',
  immediate_notice: '即',
  deadline_notice: '限',
  reinspection_opinion: '复',
  sealing_decision: '封',
  sealing_lifted: '解封',
  penalty_summary: '当罚决',
  penalty_decision: '行罚决',
  referral_letter: '移',
};

export const DOCUMENT_STATUSES = ['issued', 'voided'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = { issued: '已开具', voided: '已作废' };

/** 送达方式: in person, left at the premises on refusal (留置), by post, electronic (only with written consent). */
export const SERVICE_METHODS = ['direct', 'left', 'post', 'electronic'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: '直接送达',
  left: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
};

/** One block of printed content, in reading order. */
export type DocumentBlock =
  /** A paragraph of running text. */
  | { kind: 'paragraph'; text: string }
  /** Numbered items (violations, decisions): each with its own deadline line when it has one. */
  | { kind: 'items'; rows: { no: number; text: string; note: string | null }[] }
  /** Label–value rows (the party, the unit's facts, the penalty). */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** Signatures: who signs, and the name and date printed when known (blank lines otherwise). */
  | { kind: 'signatures'; rows: { role: string; name: string | null; date: string | null }[] };

/**
 * Everything printed on a document. `schema` names this shape so a reader of the hash knows what was hashed.
 * `checkCode` opens /portal/documents/<checkCode>; it is printed beside the QR code with the first 16 hex digits of
 * the content hash (the hash cannot cover itself: it is computed over this object).
 */
export type DocumentContent = {
  schema: 'xf-doc/1';
  type: DocumentType;
  title: string;
  orgName: string;
  number: string;
  issueDate: string;
  checkCode: string;
  /** The party the document is addressed to, as printed before the colon: 「金华市某某有限公司：」. */
  addressee: string;
  blocks: DocumentBlock[];
  /** Whether the paper carries the party's receipt block (送达回执: signature and date). */
  receipt: boolean;
  /** The number of the document this one replaces (a correction), printed under the title. */
  replaces: string | null;
};

/** What issuing adds to a document's content once its number is taken (src/usecases/documents/issue-document.ts). */
export type DocumentStamp = { number: string; issueDate: string; checkCode: string; orgName: string };

/** The part of every document's content that comes from its type and its stamp: schema, type, title, brigade, number, date, code. */
export function documentHeader(type: DocumentType, stamp: DocumentStamp) {
  return {
    schema: 'xf-doc/1' as const,
    type,
    title: DOCUMENT_TYPE_LABELS[type],
    orgName: stamp.orgName,
    number: stamp.number,
    issueDate: stamp.issueDate,
    checkCode: stamp.checkCode,
  };
}
