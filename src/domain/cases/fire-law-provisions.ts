/**
 * The provisions a fire-safety penalty may rest on, with the ranges the law allows (《中华人民共和国消防法》2021 unless
 * noted), and the pure checks of a proposed penalty against them (decision 0023). The list is maintained here, in
 * code, so a change of law arrives as a reviewed release with its tests; each entry names the hazard it answers.
 */
import type { PartyKind, PenaltyKind, Procedure } from './case-types.ts';

export type FineRange = { min: number; max: number };

export type FireLawProvision = {
  code: string;
  /** As cited on the decision: 「《中华人民共和国消防法》第六十条第一款第一项」. */
  citation: string;
  /** The conduct it answers, in plain words. */
  conduct: string;
  /** What the law allows for an organisation and for a person; null: that party cannot be fined under it. */
  organisation: { warning: boolean; fine: FineRange | null } | null;
  person: { warning: boolean; fine: FineRange | null } | null;
};

const FIRE_LAW = '《中华人民共和国消防法》';
const ORG_5K_50K = { warning: false, fine: { min: 5000, max: 50000 } };
const PERSON_WARNING_500 = { warning: true, fine: { min: 0, max: 500 } };

export const FIRE_LAW_PROVISIONS: readonly FireLawProvision[] = [
  { code: '60-1-1', citation: `${FIRE_LAW}第六十条第一款第一项`, conduct: '消防设施、器材或者消防安全标志的配置、设置不符合国家标准、行业标准，或者未保持完好有效', organisation: ORG_5K_50K, person: null },
  { code: '60-1-2', citation: `${FIRE_LAW}第六十条第一款第二项`, conduct: '损坏、挪用或者擅自拆除、停用消防设施、器材', organisation: ORG_5K_50K, person: PERSON_WARNING_500 },
  { code: '60-1-3', citation: `${FIRE_LAW}第六十条第一款第三项`, conduct: '占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为', organisation: ORG_5K_50K, person: PERSON_WARNING_500 },
  { code: '60-1-4', citation: `${FIRE_LAW}第六十条第一款第四项`, conduct: '埋压、圈占、遮挡消火栓或者占用防火间距', organisation: ORG_5K_50K, person: PERSON_WARNING_500 },
  { code: '60-1-5', citation: `${FIRE_LAW}第六十条第一款第五项`, conduct: '占用、堵塞、封闭消防车通道，妨碍消防车通行', organisation: ORG_5K_50K, person: PERSON_WARNING_500 },
  { code: '60-1-6', citation: `${FIRE_LAW}第六十条第一款第六项`, conduct: '人员密集场所在门窗上设置影响逃生和灭火救援的障碍物', organisation: ORG_5K_50K, person: null },
  { code: '60-1-7', citation: `${FIRE_LAW}第六十条第一款第七项`, conduct: '对火灾隐患经消防救援机构通知后不及时采取措施消除', organisation: ORG_5K_50K, person: null },
  { code: '61', citation: `${FIRE_LAW}第六十一条`, conduct: '生产、储存、经营易燃易爆危险品的场所与居住场所设置在同一建筑物内，或者未与居住场所保持安全距离', organisation: ORG_5K_50K, person: null },
  { code: '63', citation: `${FIRE_LAW}第六十三条`, conduct: '违反规定进入生产、储存易燃易爆危险品场所，或者违反规定使用明火作业、在具有火灾、爆炸危险的场所吸烟、使用明火', organisation: null, person: PERSON_WARNING_500 },
  { code: '65-2', citation: `${FIRE_LAW}第六十五条第二款`, conduct: '人员密集场所使用不合格的消防产品或者国家明令淘汰的消防产品，逾期未改正', organisation: ORG_5K_50K, person: null },
  { code: '66', citation: `${FIRE_LAW}第六十六条`, conduct: '电器产品、燃气用具的安装、使用及其线路、管路的设计、敷设、维护保养、检测不符合消防技术标准和管理规定，逾期不改正', organisation: { warning: false, fine: { min: 1000, max: 5000 } }, person: { warning: false, fine: { min: 1000, max: 5000 } } },
  { code: '58-1-4', citation: `${FIRE_LAW}第五十八条第一款第四项`, conduct: '公众聚集场所未经消防救援机构许可，擅自投入使用、营业', organisation: { warning: false, fine: { min: 30000, max: 300000 } }, person: null },
];

export function findProvision(code: string): FireLawProvision | null {
  return FIRE_LAW_PROVISIONS.find((p) => p.code === code) ?? null;
}

/** The summary procedure (当场处罚) is only for a warning or a fine ≤ 200 CNY (person) / ≤ 3,000 CNY (organisation). */
export const SUMMARY_FINE_LIMITS: Record<PartyKind, number> = { person: 200, organisation: 3000 };

export type PenaltyProposal = { provisionCode: string; partyKind: PartyKind; kind: PenaltyKind; amount: number | null; procedure: Procedure };

/** Every reason a proposed penalty is outside the law, in Chinese, naming the field; empty when it is within it. */
export function checkPenalty(p: PenaltyProposal): { field: string; message: string }[] {
  const provision = findProvision(p.provisionCode);
  if (!provision) return [{ field: 'provisionCode', message: '处罚依据：不在维护的消防法条款清单中' }];
  const allowed = provision[p.partyKind];
  const party = p.partyKind === 'organisation' ? '单位' : '个人';
  if (!allowed) return [{ field: 'provisionCode', message: `处罚依据：${provision.citation}不适用于${party}` }];
  const problems: { field: string; message: string }[] = [];
  if (p.kind === 'warning') {
    if (!allowed.warning) problems.push({ field: 'kind', message: `处罚种类：${provision.citation}对${party}不设警告，应处罚款` });
    if (p.amount !== null && p.amount !== 0) problems.push({ field: 'amount', message: '罚款金额：警告不应填写罚款金额' });
  } else {
    const range = allowed.fine;
    if (!range) problems.push({ field: 'kind', message: `处罚种类：${provision.citation}对${party}不设罚款` });
    else if (p.amount === null || !Number.isInteger(p.amount) || p.amount <= 0) problems.push({ field: 'amount', message: '罚款金额：应为正整数（元）' });
    else if (p.amount < range.min || p.amount > range.max) {
      problems.push({ field: 'amount', message: `罚款金额：${provision.citation}对${party}的罚款幅度为 ${formatYuan(range.min)} 至 ${formatYuan(range.max)} 元，${formatYuan(p.amount)} 元超出幅度` });
    }
  }
  if (p.procedure === 'summary' && p.kind === 'fine' && p.amount !== null && p.amount > SUMMARY_FINE_LIMITS[p.partyKind]) {
    problems.push({ field: 'procedure', message: `办理程序：简易程序只适用于警告或对${party}不超过 ${formatYuan(SUMMARY_FINE_LIMITS[p.partyKind])} 元的罚款，应适用普通程序` });
  }
  return problems;
}

/** 5000 → 「5,000」. */
export function formatYuan(amount: number): string {
  return amount.toLocaleString('en-US');
}
