import { describe, expect, it } from 'vitest';
import { composeReferralLetter } from './compose-referral.ts';

describe('案件移送函', () => {
  it('is addressed to the department and names the unit, the facts, why, the attachments and the contact', () => {
    const content = composeReferralLetter(
      { number: '婺消移字〔2026〕第0001号', issueDate: '2026-12-07', checkCode: 'ABCD2345EFGH', orgName: '金华市婺城区消防救援大队' },
      {
        departmentName: '金华市婺城区市场监督管理局',
        party: { kind: 'organisation', name: '金华市某某商贸有限公司', address: '八一南街 1 号', uscc: '91330702MA2XXXXXX1' },
        facts: ['销售不合格灭火器'],
        reason: '消防产品质量问题由市场监督管理部门查处',
        caseNumber: '婺消立字〔2026〕第0001号',
        attachments: ['现场检查记录复印件'],
        contact: { name: '王五', phone: '0579-88888888' },
      },
    );
    expect(content).toMatchObject({ type: 'referral_letter', title: '案件移送函', addressee: '金华市婺城区市场监督管理局', receipt: false });
    expect(content.blocks[0]).toEqual({ kind: 'paragraph', text: '本机关在消防监督检查中发现金华市某某商贸有限公司案（婺消立字〔2026〕第0001号），经审查，认为该案不属于本机关管辖（或者需由你单位依法处理），现将有关情况函告如下：' });
    expect(content.blocks).toContainEqual({ kind: 'items', rows: [{ no: 1, text: '销售不合格灭火器', note: null }] });
    expect(content.blocks).toContainEqual({ kind: 'paragraph', text: '移送理由：消防产品质量问题由市场监督管理部门查处' });
    expect(content.blocks).toContainEqual({ kind: 'items', rows: [{ no: 1, text: '附件：现场检查记录复印件', note: null }] });
    expect(content.blocks).toContainEqual({ kind: 'fields', rows: [{ label: '联系人', value: '王五' }, { label: '联系电话', value: '0579-88888888' }] });
  });
});
