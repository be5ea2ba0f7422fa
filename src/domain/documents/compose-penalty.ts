/**
 * The printed content of a penalty decision (decision 0023): the 行政处罚决定书 of the ordinary procedure and the
 * 当场行政处罚决定书 of the summary procedure. Pure: everything comes in, the content goes out; issueDocument numbers,
 * hashes and stores it.
 */
import type { PenaltyKind } from '../cases/case-types.ts';
import { formatYuan } from '../cases/fire-law-provisions.ts';
import { yuanInCapitals } from './amount-in-words.ts';
import { REMEDY_SENTENCE, chineseDate, partyPronoun, partyRows, type DocumentParty } from './case-document-text.ts';
import { documentHeader, type DocumentContent, type DocumentStamp } from './document-types.ts';

export type PenaltyHazard = { description: string; location: string };

export type PenaltyDecisionFacts = {
  party: DocumentParty;
  hazards: readonly PenaltyHazard[];
  /** The 责令改正通知书 that ordered the correction, when one did. */
  notice: { title: string; number: string; issueDate: string } | null;
  /** The 复查 and what it found, when known. */
  reinspection: { date: string; corrected: boolean } | null;
  citation: string;
  kind: PenaltyKind;
  /** Whole yuan; null for a warning. */
  amount: number | null;
};

export const EVIDENCE_SENTENCE = '以上事实有现场检查记录、照片、复查意见书等证据证实。';
export const ENFORCEMENT_SENTENCE = '逾期不申请行政复议，不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。';
export const PAYMENT_SENTENCE =
  '被处罚人应当自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。';

/** 「决定给予罚款人民币10,000元（大写：壹万元整）的处罚」 or 「决定给予警告的处罚」. */
export function penaltySentence(kind: PenaltyKind, amount: number | null): string {
  if (kind === 'warning' || amount === null) return '决定给予警告的处罚';
  return `决定给予罚款人民币${formatYuan(amount)}元（大写：${yuanInCapitals(amount)}）的处罚`;
}

function hazardText(h: PenaltyHazard): string {
  return h.location ? `${h.location}：${h.description}` : h.description;
}

/** 行政处罚决定书 (普通程序). */
export function composePenaltyDecision(stamp: DocumentStamp, f: PenaltyDecisionFacts): DocumentContent {
  const you = partyPronoun(f.party.kind);
  const blocks: DocumentContent['blocks'] = [
    { kind: 'fields', rows: partyRows(f.party) },
    { kind: 'paragraph', text: `经查，${you}存在下列消防安全违法行为：` },
    { kind: 'items', rows: f.hazards.map((h, i) => ({ no: i + 1, text: hazardText(h), note: null })) },
  ];
  const history: string[] = [];
  if (f.notice) history.push(`本机关于${chineseDate(f.notice.issueDate)}以《${f.notice.title}》（${f.notice.number}）责令${you}改正`);
  if (f.reinspection) history.push(`${chineseDate(f.reinspection.date)}复查，${f.reinspection.corrected ? '上述违法行为已改正' : '上述违法行为仍未改正'}`);
  if (history.length > 0) blocks.push({ kind: 'paragraph', text: `${history.join('；')}。` });
  blocks.push({ kind: 'paragraph', text: EVIDENCE_SENTENCE });
  blocks.push({ kind: 'paragraph', text: `根据${f.citation}的规定，${penaltySentence(f.kind, f.amount)}。` });
  if (f.kind === 'fine') blocks.push({ kind: 'paragraph', text: PAYMENT_SENTENCE });
  blocks.push({ kind: 'paragraph', text: REMEDY_SENTENCE });
  blocks.push({ kind: 'paragraph', text: ENFORCEMENT_SENTENCE });
  return {
    ...documentHeader('penalty_decision', stamp),
    addressee: f.party.name,
    blocks,
    receipt: true,
    replaces: null,
  };
}

export type PenaltySummaryFacts = {
  party: DocumentParty;
  hazards: readonly PenaltyHazard[];
  citation: string;
  kind: PenaltyKind;
  amount: number | null;
  /** When and where the penalty was decided on the spot. */
  decidedOn: string;
  place: string;
  /** The officers who decided it (at least one signs). */
  officers: readonly string[];
};

/** 当场行政处罚决定书 (简易程序): violation, penalty, basis, amount, time, place, remedy, the officer's signature. */
export function composePenaltySummary(stamp: DocumentStamp, f: PenaltySummaryFacts): DocumentContent {
  const violation = f.hazards.map(hazardText).join('；');
  const rows = [
    ...partyRows(f.party),
    { label: '违法行为', value: violation },
    { label: '处罚依据', value: f.citation },
    { label: '处罚种类', value: f.kind === 'fine' ? '罚款' : '警告' },
    ...(f.kind === 'fine' && f.amount !== null ? [{ label: '罚款金额', value: `人民币${formatYuan(f.amount)}元（大写：${yuanInCapitals(f.amount)}）` }] : []),
    { label: '处罚时间', value: chineseDate(f.decidedOn) },
    { label: '处罚地点', value: f.place },
  ];
  const blocks: DocumentContent['blocks'] = [
    { kind: 'fields', rows },
    { kind: 'paragraph', text: `根据${f.citation}的规定，当场${penaltySentence(f.kind, f.amount)}。` },
  ];
  if (f.kind === 'fine') blocks.push({ kind: 'paragraph', text: PAYMENT_SENTENCE });
  blocks.push({ kind: 'paragraph', text: REMEDY_SENTENCE });
  blocks.push({
    kind: 'signatures',
    rows: [
      ...(f.officers.length > 0 ? f.officers : ['']).map((name) => ({ role: '执法人员', name: name === '' ? null : name, date: chineseDate(f.decidedOn) })),
    ],
  });
  return {
    ...documentHeader('penalty_summary', stamp),
    addressee: f.party.name,
    blocks,
    receipt: true,
    replaces: null,
  };
}
