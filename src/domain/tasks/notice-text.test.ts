import { describe, expect, it } from 'vitest';
import { noticeMessageText } from './notice-text.ts';

const input = { brigadeName: '婺城区消防救援大队', unitName: '某某商贸有限公司', visitDate: '2026-12-09', link: '/portal/notice/ABCDEFGHJK' };

describe('noticeMessageText', () => {
  it('announces a drawn task as a 双随机 抽查', () => {
    expect(noticeMessageText(input)).toBe(
      '【婺城区消防救援大队】某某商贸有限公司：我队定于2026年12月9日对贵单位进行消防监督抽查（双随机），请安排人员陪同并备好消防安全管理资料。告知书：/portal/notice/ABCDEFGHJK',
    );
  });

  it('announces a 复查 as a 复查 of the ordered corrections, not as a draw', () => {
    const text = noticeMessageText({ ...input, kind: 'reinspection' });
    expect(text).toContain('进行消防监督复查（核查责令限期改正的隐患整改情况）');
    expect(text).not.toContain('双随机');
  });
});
