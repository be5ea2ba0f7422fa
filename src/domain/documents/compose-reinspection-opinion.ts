/**
 * The 复查意见书 (decision 0023), pure: after a 复查 of a 责令限期改正通知书, one numbered item per hazard the notice
 * ordered corrected, each 已改正 or 未改正; when any is not corrected, the sentence on what follows. Signed by the
 * inspectors who made the 复查 (name and 执法证号); the paper carries the party's receipt block.
 */
import { documentHeader, type DocumentContent } from './document-types.ts';

export type ReinspectionOpinionInput = {
  stamp: { number: string; issueDate: string; checkCode: string; orgName: string };
  /** The party as printed before the colon (the unit's name). */
  addressee: string;
  noticeNumber: string;
  /** The day of the 复查 visit. */
  inspectedOn: string;
  items: { location: string; description: string; corrected: boolean }[];
  inspectors: { name: string; certificateNo: string | null }[];
};

export const NOT_CORRECTED_SENTENCE = '对逾期未改正的消防安全违法行为，我队将依法处理。';

/** 'YYYY-MM-DD' → 「2026年12月2日」. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

export function composeReinspectionOpinion(input: ReinspectionOpinionInput): DocumentContent {
  const { stamp } = input;
  const anyNotCorrected = input.items.some((i) => !i.corrected);
  return {
    ...documentHeader('reinspection_opinion', stamp),
    addressee: input.addressee,
    blocks: [
      {
        kind: 'paragraph',
        text: `根据《中华人民共和国消防法》第五十三条，我队于${chineseDate(input.inspectedOn)}对你单位执行${input.noticeNumber}责令限期改正通知书的情况进行了复查，结果如下：`,
      },
      {
        kind: 'items',
        rows: input.items.map((item, i) => ({ no: i + 1, text: `${item.location}：${item.description}：${item.corrected ? '已改正' : '未改正'}`, note: null })),
      },
      ...(anyNotCorrected ? [{ kind: 'paragraph' as const, text: NOT_CORRECTED_SENTENCE }] : []),
      {
        kind: 'signatures',
        rows: input.inspectors.map((p) => ({
          role: '消防监督检查人员',
          name: p.certificateNo ? `${p.name}（执法证号：${p.certificateNo}）` : p.name,
          date: stamp.issueDate,
        })),
      },
    ],
    receipt: true,
    replaces: null,
  };
}
