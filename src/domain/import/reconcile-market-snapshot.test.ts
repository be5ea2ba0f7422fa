import { describe, expect, it } from 'vitest';
import { isEndingRegistrationStatus, planReconciliation, readMarketSnapshot } from './reconcile-market-snapshot.ts';

const units = [
  { id: '1', uscc: 'A', name: '甲', flagged: false },
  { id: '2', uscc: 'B', name: '乙', flagged: false },
  { id: '3', uscc: 'C', name: '丙', flagged: true },
  { id: '4', uscc: 'D', name: '丁', flagged: false },
];
const snapshot = readMarketSnapshot(
  [
    { rowNumber: 2, cells: ['b', '吊销，未注销'] },
    { rowNumber: 3, cells: ['D', '存续（在营、开业、在册）'] },
    { rowNumber: 4, cells: ['D', '迁出'] },
    { rowNumber: 5, cells: ['', '注销'] },
    { rowNumber: 6, cells: ['X', '在业'] },
  ],
  { uscc: 0, status: 1 },
);

describe('market-regulation reconciliation', () => {
  it('knows which registration statuses end a business here', () => {
    expect(['注销', '吊销', '撤销', '迁出', '吊销，未注销'].every(isEndingRegistrationStatus)).toBe(true);
    expect(['存续', '在业', '开业', '停业', '歇业', null].some(isEndingRegistrationStatus)).toBe(false);
  });

  it('reads codes case-insensitively, ignores rows without one and keeps the row that flags', () => {
    expect(snapshot.rowCount).toBe(4);
    expect(snapshot.entries.get('B')).toEqual({ rowNumber: 2, status: '吊销，未注销' });
    expect(snapshot.entries.get('D')).toEqual({ rowNumber: 4, status: '迁出' });
  });

  it('flags units marked 注销/吊销/迁出, and in a full snapshot those missing from it; never the already flagged', () => {
    expect(planReconciliation(units, snapshot, true)).toEqual({
      toFlag: [
        { unitId: '1', uscc: 'A', name: '甲', reason: '市场监管比对：全量登记名录中无此统一社会信用代码' },
        { unitId: '2', uscc: 'B', name: '乙', reason: '市场监管比对：登记状态为「吊销，未注销」（比对文件第 2 行）' },
        { unitId: '4', uscc: 'D', name: '丁', reason: '市场监管比对：登记状态为「迁出」（比对文件第 4 行）' },
      ],
      alreadyFlagged: 1,
    });
  });

  it('flags only by status when the snapshot is partial', () => {
    expect(planReconciliation(units, snapshot, false).toFlag.map((f) => f.uscc)).toEqual(['B', 'D']);
  });
});
