import { describe, expect, it } from 'vitest';
import { composePenalty, composeResult, outcomeOf, publicationSearchGrams } from './compose-publication.ts';

const snapshot = {
  lines: [
    { versionId: 'v1', itemCode: 'XF01', itemName: '消防安全责任制落实情况', version: 1, code: 'XF01-1', text: '是否确定消防安全管理人', basis: null },
    { versionId: 'v2', itemCode: 'XF05', itemName: '疏散通道、安全出口', version: 1, code: 'XF05-1', text: '疏散通道、安全出口是否畅通', basis: '消防法第二十八条' },
    { versionId: 'v3', itemCode: 'XF09', itemName: '厨房燃气', version: 1, code: 'XF09-1', text: '是否安装燃气泄漏报警装置', basis: null },
  ],
};
const unit = { name: '金华市某某商场有限公司', uscc: '91330702MA2XXXXX1A', address: '金华市婺城区某路1号', registeredAddress: null, districtCode: '330702' };
const line = (versionId: string, code: string, result: 'pass' | 'fail' | 'na', hazard: null | { description: string; location: string; legalBasis: string; fixedOnSpot: boolean } = null) => ({
  versionId,
  code,
  result,
  note: '',
  uncheckedReason: '',
  hazard,
  photos: [],
});

describe('composing a result entry', () => {
  it('publishes the organisation, the items applied and each hazard in the checklist’s standard wording only', () => {
    const content = composeResult({
      brigadeName: '婺城区大队',
      unit,
      drawCode: '2026335',
      record: {
        body: {
          outcome: 'inspected',
          unable: null,
          lines: [
            line('v1', 'XF01-1', 'pass'),
            line('v2', 'XF05-1', 'fail', { description: '张三宿舍门口堆放杂物，电话13900001357', location: '二楼张三宿舍', legalBasis: '消防法', fixedOnSpot: false }),
            line('v3', 'XF09-1', 'na'),
          ],
        },
        snapshot,
        version: 1,
        visitDate: '2026-11-20',
      },
    });
    expect(content).toMatchObject({
      outcome: 'hazards',
      inspectedOn: '2026-11-20',
      drawCode: '2026335',
      items: [
        { code: 'XF01', name: '消防安全责任制落实情况' },
        { code: 'XF05', name: '疏散通道、安全出口' },
      ],
      hazards: [{ seq: 1, item: '疏散通道、安全出口', text: '疏散通道、安全出口是否畅通', fixedOnSpot: false }],
    });
    const json = JSON.stringify(content);
    expect(json).not.toContain('张三');
    expect(json).not.toContain('13900001357');
    expect(outcomeOf(content)).toBe('hazards');
  });
  it('reads an unable visit as 未能检查 with its reason and no hazards', () => {
    const content = composeResult({ brigadeName: '甲', unit, drawCode: null, record: { body: { outcome: 'unable', unable: { reason: 'closed', detail: '卷帘门关闭', photos: [] }, lines: [] }, snapshot, version: 2, visitDate: '2026-11-21' } });
    expect(content).toMatchObject({ outcome: 'unable', unableReason: 'closed', hazards: [], items: [], recordVersion: 2 });
  });
});

describe('composing a penalty entry', () => {
  it('publishes the credit code of an organisation only, and each fact once', () => {
    const org = composePenalty({ brigadeName: '甲', unit, party: { kind: 'organisation', name: unit.name }, decisionNumber: 'N1', decidedOn: '2026-11-02', citation: 'C', penaltyKind: 'fine', fineAmount: 5000, facts: ['a', 'a', ' '] });
    expect(org).toMatchObject({ uscc: unit.uscc, facts: ['a'], fineAmount: 5000 });
    const person = composePenalty({ brigadeName: '甲', unit, party: { kind: 'person', name: '李四' }, decisionNumber: 'N2', decidedOn: '2026-11-02', citation: 'C', penaltyKind: 'warning', fineAmount: 100, facts: [] });
    expect(person).toMatchObject({ uscc: null, fineAmount: null, partyName: '李四' });
    expect(outcomeOf(person)).toBe('warning');
  });
  it('searches by the unit’s name and credit code, not by a person’s name', () => {
    const person = composePenalty({ brigadeName: '甲', unit, party: { kind: 'person', name: '李四' }, decisionNumber: 'N2', decidedOn: '2026-11-02', citation: 'C', penaltyKind: 'warning', fineAmount: null, facts: [] });
    const grams = publicationSearchGrams(person);
    expect(grams).toContain('商场');
    expect(grams).not.toContain('李四');
  });
});

describe('a notice’s public state', async () => {
  const { noticeState } = await import('./notice-state.ts');
  const n = { status: 'issued' as const, replaced: false, correctionDue: '2026-12-10' };
  it('reads each stage of the follow-up', () => {
    expect(noticeState({ ...n, hazardStages: ['ordered'] }, '2026-12-01').label).toBe('限期整改中（2026年12月10日前改正）');
    expect(noticeState({ ...n, hazardStages: ['ordered'] }, '2026-12-11').label).toBe('整改期限已过，待复查');
    expect(noticeState({ ...n, hazardStages: ['corrected', 'closed', 'superseded'] }, '2026-12-11').label).toBe('已整改');
    expect(noticeState({ ...n, hazardStages: ['corrected', 'case'] }, '2026-12-11').label).toBe('逾期未改正，已立案查处');
    expect(noticeState({ ...n, status: 'voided', hazardStages: [] }, '2026-12-11').label).toBe('已作废');
    expect(noticeState({ ...n, replaced: true, hazardStages: [] }, '2026-12-11').label).toBe('已更正');
  });
});
