/**
 * The 消防监督检查记录 as a printable document (decision 0023), pure: the unit's facts, every line checked with its
 * result, the findings and the documents issued after it.
 */
import { LINE_RESULT_LABELS, CONCLUSION_LABELS, type LineResult, type Conclusion } from '../records/record-labels.ts';
import { chineseLongDate } from './chinese-date.ts';
import { signerName, type NoticeSigner } from './compose-notice.ts';
import { documentHeader, type DocumentContent, type DocumentStamp } from './document-types.ts';

export type InspectionRecordFacts = {
  unitName: string;
  unitAddress: string;
  inspectedOn: string;
  /** 「09:00–10:30」 */
  timeRange: string;
  accompanying: string;
  inspectors: readonly NoticeSigner[];
  lines: readonly { code: string; text: string; result: LineResult; hazard: { location: string; description: string; fixedOnSpot: boolean } | null }[];
  conclusion: Conclusion | null;
  remarks: string;
  /** Numbers and names of the documents issued after the inspection: 「婺消限字〔2026〕第0001号 责令限期改正通知书」. */
  documentsIssued: readonly string[];
  replaces: string | null;
};

export function composeInspectionRecord(stamp: DocumentStamp, facts: InspectionRecordFacts): DocumentContent {
  const findings = facts.lines.filter((l) => l.result === 'fail' && l.hazard);
  return {
    ...documentHeader('inspection_record', stamp),
    addressee: `${facts.unitName}：`,
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: '被检查单位', value: facts.unitName },
          { label: '地址', value: facts.unitAddress },
          { label: '检查时间', value: `${chineseLongDate(facts.inspectedOn)} ${facts.timeRange}`.trim() },
          { label: '陪同人员', value: facts.accompanying || '无' },
          { label: '检查人员', value: facts.inspectors.map(signerName).join('、') },
        ],
      },
      { kind: 'paragraph', text: '检查内容及结果：' },
      { kind: 'items', rows: facts.lines.map((l, i) => ({ no: i + 1, text: `${l.code} ${l.text}`, note: LINE_RESULT_LABELS[l.result] })) },
      {
        kind: 'paragraph',
        text:
          findings.length === 0
            ? `检查结论：${facts.conclusion ? CONCLUSION_LABELS[facts.conclusion] : '未发现火灾隐患'}。`
            : `检查结论：发现火灾隐患 ${findings.length} 处：${findings
                .map((l, i) => `（${i + 1}）${l.hazard!.location}${l.hazard!.description}${l.hazard!.fixedOnSpot ? '（已当场改正）' : ''}`)
                .join('；')}。`,
      },
      ...(facts.remarks ? [{ kind: 'paragraph' as const, text: `备注：${facts.remarks}` }] : []),
      { kind: 'paragraph', text: facts.documentsIssued.length === 0 ? '制发文书：无。' : `制发文书：${facts.documentsIssued.join('；')}。` },
      {
        kind: 'signatures',
        rows: [
          ...facts.inspectors.map((s) => ({ role: '消防监督检查人员', name: signerName(s), date: chineseLongDate(facts.inspectedOn) })),
          { role: '被检查单位随同检查人员', name: facts.accompanying || null, date: null },
        ],
      },
    ],
    receipt: false,
    replaces: facts.replaces,
  };
}
