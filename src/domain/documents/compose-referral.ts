/** The printed content of a 案件移送函 (decision 0023): to the department, the unit, the facts, why, attachments, contact. Pure. */
import type { DocumentParty } from './case-document-text.ts';
import { documentHeader, type DocumentContent, type DocumentStamp } from './document-types.ts';

export type ReferralFacts = {
  /** The receiving department as addressed: 「金华市婺城区市场监督管理局」. */
  departmentName: string;
  party: DocumentParty;
  /** The facts found (the hazards, in words). */
  facts: readonly string[];
  /** Why the matter belongs to that department. */
  reason: string;
  /** The case number, when a case is referred. */
  caseNumber: string | null;
  attachments: readonly string[];
  contact: { name: string; phone: string };
};

export function composeReferralLetter(stamp: DocumentStamp, f: ReferralFacts): DocumentContent {
  const subject = f.caseNumber ? `${f.party.name}案（${f.caseNumber}）` : `${f.party.name}消防安全违法行为`;
  return {
    ...documentHeader('referral_letter', stamp),
    addressee: f.departmentName,
    blocks: [
      { kind: 'paragraph', text: `本机关在消防监督检查中发现${subject}，经审查，认为该案不属于本机关管辖（或者需由你单位依法处理），现将有关情况函告如下：` },
      { kind: 'fields', rows: [
        { label: '单位名称', value: f.party.name },
        { label: '地址', value: f.party.address },
        ...(f.party.uscc ? [{ label: '统一社会信用代码', value: f.party.uscc }] : []),
      ] },
      { kind: 'paragraph', text: '经查，存在下列事实：' },
      { kind: 'items', rows: f.facts.map((text, i) => ({ no: i + 1, text, note: null })) },
      { kind: 'paragraph', text: `移送理由：${f.reason}` },
      { kind: 'paragraph', text: '请依法处理，并将处理结果函告本机关。' },
      ...(f.attachments.length > 0 ? [{ kind: 'items' as const, rows: f.attachments.map((text, i) => ({ no: i + 1, text: `附件：${text}`, note: null })) }] : []),
      { kind: 'fields', rows: [
        { label: '联系人', value: f.contact.name },
        { label: '联系电话', value: f.contact.phone },
      ] },
    ],
    receipt: false,
    replaces: null,
  };
}
