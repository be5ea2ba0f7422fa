import type { FieldTask, FieldTaskBundle } from '../../src/contracts/field.ts';

/**
 * A task bundle as GET /api/field/tasks answers it (src/contracts/field.ts), for the screenshots and the field-load
 * bench while the server's field routes live on another branch. Never used by the app itself.
 */
export const FIXTURE_VERSION_ID = '6f1c2a44-9b1e-4c55-8a55-0c7d7f0e1a01';

const checklist: FieldTask['checklist'] = [
  { versionId: FIXTURE_VERSION_ID, itemName: '消防安全管理', code: '1.1', text: '消防安全责任制落实，确定消防安全责任人、管理人', basis: '《中华人民共和国消防法》第十六条' },
  { versionId: FIXTURE_VERSION_ID, itemName: '消防设施器材', code: '2.1', text: '灭火器配置数量、类型符合要求，压力正常，在有效期内', basis: '《消防法》第十六条第一款第二项' },
  { versionId: FIXTURE_VERSION_ID, itemName: '安全疏散', code: '3.1', text: '疏散通道、安全出口畅通，未被锁闭、占用、堵塞', basis: '《消防法》第二十八条' },
  { versionId: FIXTURE_VERSION_ID, itemName: '安全疏散', code: '3.2', text: '应急照明、疏散指示标志完好有效', basis: '《机关、团体、企业、事业单位消防安全管理规定》第二十一条' },
  { versionId: FIXTURE_VERSION_ID, itemName: '用火用电', code: '4.1', text: '电气线路敷设规范，无私拉乱接', basis: null },
];

function task(id: string, name: string, over: Partial<FieldTask>): FieldTask {
  return {
    id,
    drawCode: 'CJ-2026-12-001',
    status: 'notified',
    statusLabel: '已告知',
    dueDate: '2026-12-31',
    visitDate: null,
    notice: { state: 'sent', stateLabel: '已发送', sentAt: '2026-12-03T09:00:00+08:00', late: false, lateReason: null },
    myRole: 'lead',
    unit: {
      id: `${id.slice(0, 30)}000001`,
      name,
      creditCode: '91330106MA2H3K4L5P',
      address: '杭州市西湖区文三路 398 号',
      category: 'key',
      categoryLabel: '消防安全重点单位',
      isCrowded: true,
      contactName: '陈立新',
      contactPhone: '0571-8888 6666',
    },
    people: [
      { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: '李建国', certificateNo: '浙消执 330100123', role: 'lead' },
      { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: '王晓峰', certificateNo: '浙消执 330100456', role: 'assistant' },
    ],
    jointStaffChoices: [{ id: 'a1b2c3d4-0000-4000-8000-000000000009', name: '赵敏', organization: '西湖区市场监督管理局' }],
    previousInspections: [{ on: '2025-06-12', kindLabel: '日常监督检查' }],
    openNotices: [],
    checklist,
    record: null,
    ...over,
  };
}

/** Three tasks: one visited `today`, one later this week, one overdue. */
export function fieldBundleFixture(today: string, inspector = { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: '李建国' }): FieldTaskBundle {
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const before = new Date(Date.parse(`${today}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  return {
    today,
    inspector,
    at: `${today}T08:00:00+08:00`,
    tasks: [
      task('5d0c7a8e-1f2b-4c3d-9e4f-5a6b7c8d9e01', '西湖文化广场购物中心', { visitDate: today }),
      task('5d0c7a8e-1f2b-4c3d-9e4f-5a6b7c8d9e02', '杭州市第十四中学', { visitDate: later, myRole: 'assistant', unit: { ...task('x', '', {}).unit, name: '杭州市第十四中学', address: '杭州市西湖区凤起路 178 号', categoryLabel: '一般单位', isCrowded: true } }),
      task('5d0c7a8e-1f2b-4c3d-9e4f-5a6b7c8d9e03', '文三路小型餐饮店（九小场所）', {
        dueDate: before,
        status: 'assigned',
        statusLabel: '待告知',
        notice: null,
        unit: { ...task('x', '', {}).unit, name: '文三路小型餐饮店（九小场所）', categoryLabel: '九小场所', isCrowded: false, contactPhone: null },
      }),
    ],
  };
}
