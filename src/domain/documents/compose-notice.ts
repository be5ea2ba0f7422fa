/**
 * The printed content of 责令限期改正通知书 and 责令立即改正通知书 (decision 0023), pure: composed once at issue from
 * the record's hazards and fixed forever (its hash is printed on the paper).
 */
import { chineseLongDate } from './chinese-date.ts';
import { documentHeader, type DocumentContent, type DocumentStamp } from './document-types.ts';

/** What issueDocument stamps on every document (number, date, check code, the issuing brigade's name). */

export type NoticeHazard = { location: string; description: string; legalBasis: string; correctionDue: string | null };

export type NoticeSigner = { name: string; certificateNo: string | null };

export type NoticeFacts = {
  type: 'deadline_notice' | 'immediate_notice';
  /** The party as addressed: the unit's name. */
  unitName: string;
  /** The inspection day. */
  inspectedOn: string;
  hazards: readonly NoticeHazard[];
  inspectors: readonly NoticeSigner[];
  /** The number of the notice this one corrects. */
  replaces: string | null;
};

export const REMEDY_SENTENCE =
  '如不服本通知，可以在收到本通知之日起六十日内依法向上一级消防救援机构或者本级人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

export const DURING_CORRECTION_SENTENCE = '改正期间，你单位应当采取措施，确保消防安全。';

export function basisSentence(inspectedOn: string): string {
  return `根据《中华人民共和国消防法》第五十三条的规定，我队于${chineseLongDate(inspectedOn)}对你单位进行了消防监督检查，发现你单位存在下列消防安全违法行为：`;
}

/** One numbered item: 「一层东侧安全出口上锁（违反《消防法》第二十八条）」. */
export function noticeItemText(h: NoticeHazard): string {
  return `${h.location}${h.description}（违反${h.legalBasis}）`;
}

export function signerName(s: NoticeSigner): string {
  return s.certificateNo ? `${s.name}（执法证号：${s.certificateNo}）` : s.name;
}

export function composeNotice(stamp: DocumentStamp, facts: NoticeFacts): DocumentContent {
  const deadline = facts.type === 'deadline_notice';
  const rows = facts.hazards.map((h, i) => {
    if (deadline && !h.correctionDue) throw new RangeError('a deadline notice needs a correction date for every hazard');
    return { no: i + 1, text: noticeItemText(h), note: deadline ? `于${chineseLongDate(h.correctionDue!)}前改正` : '立即改正' };
  });
  return {
    ...documentHeader(facts.type, stamp),
    addressee: `${facts.unitName}：`,
    blocks: [
      { kind: 'paragraph', text: basisSentence(facts.inspectedOn) },
      { kind: 'items', rows },
      ...(deadline ? [{ kind: 'paragraph' as const, text: DURING_CORRECTION_SENTENCE }] : []),
      { kind: 'paragraph', text: REMEDY_SENTENCE },
      {
        kind: 'signatures',
        rows: [
          ...facts.inspectors.map((s) => ({ role: '消防监督检查人员', name: signerName(s), date: null })),
        ],
      },
    ],
    receipt: true,
    replaces: facts.replaces,
  };
}
