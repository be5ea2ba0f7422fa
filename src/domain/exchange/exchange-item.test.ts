import { describe, expect, it } from 'vitest';
import type { PenaltyContent, ResultContent } from '../publication/publication-types.ts';
import { composeExchangeItem, exchangeItemRow, EXCHANGE_XLSX_HEADERS, splitIntoParts, type ExchangeSourceRow } from './exchange-item.ts';

const result: ResultContent = {
  kind: 'result',
  brigadeName: '婺城大队',
  unitName: '金华某某超市（店长电话 13812345678）',
  uscc: '91330702MA2E7XXXX1',
  address: '金华市婺城区八一南街 1 号',
  districtCode: '330702',
  drawCode: 'CJ-2026-11-001',
  inspectedOn: '2026-11-03',
  outcome: 'hazards',
  unableReason: null,
  items: [{ code: 'A01', name: '消防安全管理' }],
  hazards: [{ seq: 1, item: '消防安全管理', text: '未按规定开展防火巡查', fixedOnSpot: false }],
  recordVersion: 1,
};
const penalty: PenaltyContent = {
  kind: 'penalty',
  brigadeName: '婺城大队',
  unitName: '金华某某餐饮店',
  uscc: null,
  partyKind: 'person',
  partyName: '张三丰',
  decisionNumber: '婺消行罚决字〔2026〕第0003号',
  decidedOn: '2026-11-05',
  citation: '《中华人民共和国消防法》第六十条',
  penaltyKind: 'fine',
  fineAmount: 5000,
  facts: ['消防设施未保持完好有效'],
};
const row = (over: Partial<ExchangeSourceRow> = {}): ExchangeSourceRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'result',
  status: 'published',
  eventDate: '2026-11-03',
  outcome: 'hazards',
  content: result,
  publishedOn: '2026-11-06',
  displayUntil: null,
  withdrawKind: null,
  withdrawnOn: null,
  ...over,
});
const today = '2026-11-20';

describe('composeExchangeItem', () => {
  it('carries a published result as the portal shows it, numbers in names masked', () => {
    const item = composeExchangeItem(row(), { publishPersonName: false, today })!;
    expect(item.unitName).toBe('金华某某超市（店长电话 138****5678）');
    expect(item.summary).toBe('发现火灾隐患 1 处');
    expect(item.result?.hazards).toEqual([{ seq: 1, item: '消防安全管理', text: '未按规定开展防火巡查', fixedOnSpot: false }]);
    expect(item.penalty).toBeNull();
  });

  it('leaves out what the portal does not show: pending, suppressed, awaiting withdrawal, past its display period', () => {
    for (const status of ['pending', 'suppressed', 'withdrawal_pending'] as const) expect(composeExchangeItem(row({ status }), { publishPersonName: false, today })).toBeNull();
    const expired = row({ kind: 'penalty', content: penalty, outcome: 'fine', displayUntil: '2026-11-19' });
    expect(composeExchangeItem(expired, { publishPersonName: false, today })).toBeNull();
  });

  it('masks a punished person’s name and gives no credit code unless the policy publishes the name', () => {
    const p = row({ kind: 'penalty', content: penalty, outcome: 'fine', displayUntil: '2027-02-06' });
    const masked = composeExchangeItem(p, { publishPersonName: false, today })!;
    expect(masked.penalty?.partyName).toBe('张**');
    expect(masked.uscc).toBeNull();
    expect(JSON.stringify(masked)).not.toContain('张三丰');
    expect(composeExchangeItem(p, { publishPersonName: true, today })!.penalty?.partyName).toBe('张三丰');
  });

  it('sends a withdrawn penalty as its withdrawal, without the decision it replaces', () => {
    const w = row({ kind: 'penalty', content: penalty, outcome: 'fine', status: 'withdrawn', withdrawKind: 'revoked', withdrawnOn: '2026-11-10', displayUntil: '2027-02-06' });
    const item = composeExchangeItem(w, { publishPersonName: false, today })!;
    expect(item.status).toBe('withdrawn');
    expect(item.penalty).toBeNull();
    expect(item.withdrawal).toEqual({ on: '2026-11-10', reason: '处罚决定已撤销' });
    expect(JSON.stringify(item)).not.toContain('第0003号');
  });

  it('gives one spreadsheet cell per header', () => {
    expect(exchangeItemRow(composeExchangeItem(row(), { publishPersonName: false, today })!)).toHaveLength(EXCHANGE_XLSX_HEADERS.length);
  });
});

describe('splitIntoParts', () => {
  it('keeps a small period in one batch, and an empty one as one empty batch', () => {
    expect(splitIntoParts(0, 10, 3)).toEqual([{ offset: 0, count: 0 }]);
    expect(splitIntoParts(10, 10, 3)).toEqual([{ offset: 0, count: 10 }]);
  });
  it('splits a larger one into parts of at most the limit, covering every item once', () => {
    expect(splitIntoParts(25, 10, 3)).toEqual([
      { offset: 0, count: 10 },
      { offset: 10, count: 10 },
      { offset: 20, count: 5 },
    ]);
  });
  it('refuses a period needing more parts than allowed', () => {
    expect(splitIntoParts(31, 10, 3)).toBeNull();
  });
});
