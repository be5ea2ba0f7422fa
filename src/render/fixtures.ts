/**
 * Printable documents for the renderers' tests, the document bench and the sample script: a 责令限期改正通知书 as the
 * documents use case composes it (decision 0023), built here by hand so rendering is tested without a database.
 */
import { documentContentHash } from '../domain/documents/document-hash.ts';
import type { DocumentContent } from '../domain/documents/document-types.ts';
import type { PrintableDocument } from './document-pdf.ts';

const HAZARDS: { text: string; note: string }[] = [
  {
    text: '一层东侧疏散楼梯间堆放纸箱等杂物，占用疏散通道，违反《中华人民共和国消防法》第二十八条',
    note: '于2026年10月16日前改正',
  },
  {
    text: '二层仓库配置的3具手提式干粉灭火器压力不足，未保持完好有效，违反《中华人民共和国消防法》第十六条第一款第二项',
    note: '于2026年10月23日前改正',
  },
  { text: '三层营业区安全出口标志灯损坏，未保持完好有效', note: '于2026年10月23日前改正' },
  { text: '消防控制室值班人员未持证上岗', note: '于2026年11月6日前改正' },
];

export type NoticeOptions = {
  /** The sequence in the number 「婺消限字〔2026〕第0001号」. Default 1. */
  seq?: number;
  /** How many items (hazards); more than the four written out repeat them. Default 2. */
  items?: number;
  voided?: boolean;
  /** The number of the document this one corrects. */
  replaces?: string | null;
  checkCode?: string;
};

/** A 责令限期改正通知书 of 金华市婺城区消防救援大队 to a trading company, dated 2026-10-09. */
export function deadlineNoticeContent(options: NoticeOptions = {}): DocumentContent {
  const seq = options.seq ?? 1;
  const count = options.items ?? 2;
  const rows = Array.from({ length: count }, (_, i) => {
    const hazard = HAZARDS[i % HAZARDS.length]!;
    return { no: i + 1, text: hazard.text, note: hazard.note };
  });
  const range = count === 1 ? '第1项' : `第1项至第${count}项`;
  return {
    schema: 'xf-doc/1',
    type: 'deadline_notice',
    title: '责令限期改正通知书',
    orgName: '金华市婺城区消防救援大队',
    number: `婺消限字〔2026〕第${String(seq).padStart(4, '0')}号`,
    issueDate: '2026-10-09',
    checkCode: options.checkCode ?? `K7PX2M${String(seq).padStart(4, '0')}`,
    addressee: '金华市婺城区鸿运商贸有限公司：',
    blocks: [
      {
        kind: 'paragraph',
        text: `根据《中华人民共和国消防法》第五十三条的规定，我大队于2026年10月9日对你单位（场所）进行了消防监督检查，发现你单位（场所）存在下列${range}消防安全违法行为：`,
      },
      { kind: 'items', rows },
      {
        kind: 'paragraph',
        text: `根据《中华人民共和国消防法》第六十条的规定，现责令你单位（场所）对上述${range}违法行为于各项所列期限前改正。改正期间，你单位（场所）应当采取必要的安全防范措施，防止火灾发生。改正完毕或者期限届满，消防救援机构将在三个工作日内进行复查；你单位（场所）也可以在期限届满前书面申请复查。`,
      },
      {
        kind: 'fields',
        rows: [
          { label: '被检查单位', value: '金华市婺城区鸿运商贸有限公司' },
          { label: '地址', value: '浙江省金华市婺城区八一南街123号' },
          { label: '统一社会信用代码', value: '91330702MA2E8K1X3Q' },
          { label: '法定代表人', value: '王建国' },
        ],
      },
      {
        kind: 'paragraph',
        text: '如不服本通知，可以在收到本通知书之日起六十日内依法向金华市婺城区人民政府申请行政复议，或者在六个月内依法向金华市婺城区人民法院提起行政诉讼。',
      },
      {
        kind: 'signatures',
        rows: [
          { role: '消防监督检查人员', name: '张伟', date: '2026-10-09' },
          { role: '消防监督检查人员', name: '李娜', date: '2026-10-09' },
          { role: '被检查单位负责人', name: null, date: null },
        ],
      },
    ],
    receipt: true,
    replaces: options.replaces ?? null,
  };
}

/** The notice as printed: content, its hash and status. */
export function deadlineNotice(options: NoticeOptions = {}): PrintableDocument {
  const content = deadlineNoticeContent(options);
  return { content, contentHash: documentContentHash(content), voided: options.voided ?? false };
}

export const SAMPLE_PUBLIC_BASE_URL = 'https://xf.jinhua.example.cn';
