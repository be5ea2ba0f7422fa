/**
 * The annual report as structured Chinese text (issue 16), pure, in the shape of seed 000 (a brigade's handwritten
 * yearly report to its 支队): title, addressee, opening, 一、工作开展情况, 二、抽查结果 (figures, comparison with last
 * year, top hazards), 三、存在的问题, 四、下一步工作计划, signature and date. The brigade's own words replace the
 * generated default of a section wherever given; the figures are always generated.
 */

import { UNABLE_REASON_LABELS } from '../records/record-labels.ts';
import type { AnnualFigures, ComparedRow } from './annual-figures.ts';
import { compareYears } from './annual-figures.ts';

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'signature'; text: string };

/** The brigade's own words, one optional free text per section (paragraphs separated by blank lines or line breaks). */
export type OwnWords = {
  opening?: string | undefined;
  work?: string | undefined;
  problems?: string | undefined;
  nextSteps?: string | undefined;
};

export type AnnualReportInput = {
  orgName: string;
  /** The org the report goes to (the brigade's 支队); null: no addressee line. */
  addressee: string | null;
  year: number;
  current: AnnualFigures;
  previous: AnnualFigures;
  ownWords: OwnWords;
  /** The date printed under the signature, YYYY-MM-DD. */
  date: string;
};

export type AnnualReportContent = { title: string; blocks: ReportBlock[] };

export function reportTitle(orgName: string, year: number): string {
  return `${orgName}关于${year}年度消防监督“双随机、一公开”抽查情况的报告`;
}

/** An amount in 元 with thousands grouped: 「125,000」. */
function yuan(amount: number | null): string {
  if (amount === null) return '—';
  return amount.toLocaleString('zh-CN');
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${rate}%`;
}

function formatCount(n: number | null): string {
  return n === null ? '—' : String(n);
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function ownParagraphs(text: string | undefined): string[] | null {
  const parts = (text ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length > 0 ? parts : null;
}

/** 「较上年上升 12.5%」「较上年下降 3 个百分点」「与上年持平」; null when there is nothing to compare. */
export function comparisonPhrase(row: ComparedRow): string | null {
  if (row.trend === null || row.difference === null) return null;
  if (row.trend === '持平') return '与上年持平';
  const size = Math.abs(row.difference);
  if (row.rate) return `较上年${row.trend}${size}个百分点`;
  if (row.changePercent === null) return `较上年${row.trend}${size}`;
  return `较上年${row.trend}${Math.abs(row.changePercent)}%`;
}

function resultParagraphs(year: number, f: AnnualFigures, rows: ComparedRow[]): string[] {
  const phrase = (key: ComparedRow['key']) => {
    const row = rows.find((r) => r.key === key);
    const p = row ? comparisonPhrase(row) : null;
    return p ? `，${p}` : '';
  };
  if (f.source === 'none') return [`${year}年度系统中没有“双随机”抽查任务和检查记录，无法统计抽查结果。`];
  if (f.source === 'legacy') {
    return [`${year}年度的检查数据来自系统启用前导入的历史检查记录：共实施检查${f.inspected}家次。历史记录不含抽取、隐患和处罚明细，相关数字不作统计。`];
  }
  const out: string[] = [];
  out.push(
    `${year}年，我大队“双随机”抽查单位${f.drawn}家${phrase('drawn')}；实施检查${f.inspected}家，检查完成率${formatRate(f.completionRate)}` +
      (f.unable ? `；无法检查${f.unable}家（${f.unableByReason.map((r) => `${UNABLE_REASON_LABELS[r.reason]}${r.count}家`).join('、')}）` : '') +
      '。',
  );
  out.push(
    `检查中发现不合格单位${f.withHazards}家${phrase('withHazards')}，不合格率${formatRate(f.failureRate)}；共发现火灾隐患${f.hazards}处，下发责令改正通知书${f.notices}份。` +
      `组织复查${f.reinspections}次，按时复查率${formatRate(f.reinspectionOnTimeRate)}。`,
  );
  out.push(
    `依法实施行政处罚${f.penalties}起${phrase('penalties')}（罚款${f.fines}起、警告${f.warnings}起），罚款金额${yuan(f.fineAmount)}元；临时查封${f.sealings}处。` +
      `“跨部门”联合检查${f.jointInspections}次。抽查结果公示率${formatRate(f.publicationRate)}，按时公示率${formatRate(f.publicationOnTimeRate)}。`,
  );
  if (f.topHazards.length > 0) {
    out.push(`检查发现的火灾隐患主要集中在：${f.topHazards.map((h, i) => `${i + 1}.${h.itemName}——${h.lineText}（${h.count}处）`).join('；')}。`);
  }
  return out;
}

function defaultWork(f: AnnualFigures): string[] {
  return [
    `（一）加强组织领导。大队按照总、支队部署，对辖区消防安全重点单位和一般单位开展“双随机”检查，随机抽取检查对象，随机选派执法检查人员，及时公布检查结果。`,
    `（二）建立并及时更新“两库”信息。社会单位库共有单位${f.unitsInRegistry}家，执法人员库共有执法检查人员${f.inspectors}人，对检查中发现的停业、注销、查无此单位等情况及时核实更新。`,
    `（三）健全运行机制。按月制定抽查计划，通过系统随机抽取单位和执法人员，抽取过程可复核，检查结果按规定公示。`,
  ];
}

function defaultProblems(f: AnnualFigures): string[] {
  const out: string[] = [];
  const unableShare = f.drawn && f.unable ? Math.round((f.unable / f.drawn) * 1000) / 10 : 0;
  if (unableShare > 0) out.push(`（一）单位库信息仍需完善。全年无法检查单位${f.unable}家，占抽查单位的${unableShare}%，单位库更新不够及时。`);
  if (f.failureRate !== null && f.failureRate > 0) out.push(`（${out.length === 0 ? '一' : '二'}）部分单位消防安全主体责任落实不到位，不合格率为${formatRate(f.failureRate)}，同类隐患反复出现。`);
  if (out.length === 0) out.push('（一）执法效率有待进一步提高，检查记录的规范性仍需加强。');
  return out;
}

const DEFAULT_NEXT_STEPS = [
  '（一）进一步健全完善“双随机、一公开”抽查工作机制，优化内部实施程序，确保抽查工作规范、高效。',
  '（二）确定专人负责，及时更新维护单位库和执法人员库信息，确保信息完整、准确。',
  '（三）针对检查中发现的突出隐患，加强跟踪复查和宣传教育，督促单位落实消防安全责任制。',
];

/** Composes the report: generated figures, the brigade's words where given, the generated defaults elsewhere. */
export function composeAnnualReport(input: AnnualReportInput): AnnualReportContent {
  const { current: f, previous, year } = input;
  const rows = compareYears(f, previous);
  const title = reportTitle(input.orgName, year);
  const blocks: ReportBlock[] = [{ kind: 'title', text: title }];
  if (input.addressee) blocks.push({ kind: 'addressee', text: `${input.addressee}：` });
  for (const p of ownParagraphs(input.ownWords.opening) ?? [
    `${year}年，我大队认真贯彻“预防为主、防消结合”的方针，严格监督执法，扎实开展“双随机、一公开”抽查工作。现将${year}年度抽查的基本情况报告如下：`,
  ])
    blocks.push({ kind: 'paragraph', text: p });
  blocks.push({ kind: 'heading', text: '一、工作开展情况' });
  for (const p of ownParagraphs(input.ownWords.work) ?? defaultWork(f)) blocks.push({ kind: 'paragraph', text: p });
  blocks.push({ kind: 'heading', text: '二、抽查结果' });
  for (const p of resultParagraphs(year, f, rows)) blocks.push({ kind: 'paragraph', text: p });
  blocks.push({
    kind: 'table',
    header: ['项目', `${year}年`, `${year - 1}年`, '增减'],
    rows: rows.map((r) => [
      r.label,
      r.rate ? formatRate(r.current) : formatCount(r.current),
      r.rate ? formatRate(r.previous) : formatCount(r.previous),
      r.trend === '持平' ? '持平' : (comparisonPhrase(r)?.replace('较上年', '') ?? '—'),
    ]),
  });
  if (f.source === 'system') {
    blocks.push({ kind: 'paragraph', text: '各月抽查和检查情况如下：' });
    blocks.push({
      kind: 'table',
      header: ['月份', '抽查（家）', '检查（家）', '不合格（家）'],
      rows: f.months.map((m) => [`${m.month}月`, String(m.drawn), String(m.inspected), String(m.withHazards)]),
    });
  }
  blocks.push({ kind: 'heading', text: '三、存在的问题' });
  for (const p of ownParagraphs(input.ownWords.problems) ?? defaultProblems(f)) blocks.push({ kind: 'paragraph', text: p });
  blocks.push({ kind: 'heading', text: '四、下一步工作计划' });
  for (const p of ownParagraphs(input.ownWords.nextSteps) ?? DEFAULT_NEXT_STEPS) blocks.push({ kind: 'paragraph', text: p });
  blocks.push({ kind: 'signature', text: input.orgName });
  blocks.push({ kind: 'signature', text: chineseDate(input.date) });
  return { title, blocks };
}
