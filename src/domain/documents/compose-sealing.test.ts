import { describe, expect, it } from 'vitest';
import { composeSealingDecision, composeSealingLifted } from './compose-sealing.ts';
import type { DocumentBlock } from './document-types.ts';

const stamp = { number: '婺消封字〔2026〕第0001号', issueDate: '2026-12-07', checkCode: 'ABCD2345EFGH', orgName: '金华市婺城区消防救援大队' };
const party = { kind: 'organisation' as const, name: '金华市某某商贸有限公司', address: '金华市婺城区八一南街 1 号', uscc: '91330702MA2XXXXXX1' };
const paragraphs = (blocks: DocumentBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('临时查封决定书', () => {
  it('prints the reason, the basis, the places, the period, lifting, the remedy and the list sentence', () => {
    const content = composeSealingDecision(stamp, { party, reason: '安全出口全部锁闭。', places: '地下一层仓库', sealedOn: '2026-12-07', sealedUntil: '2027-01-06' });
    expect(content).toMatchObject({ type: 'sealing_decision', title: '临时查封决定书', receipt: true });
    expect(content.blocks[3]).toEqual({ kind: 'fields', rows: [{ label: '查封场所、部位', value: '地下一层仓库' }, { label: '查封期限', value: '自2026年12月7日至2027年1月6日' }] });
    const texts = paragraphs(content.blocks);
    expect(texts[0]).toBe('经查，你单位存在下列火灾隐患，不及时消除可能严重威胁公共安全：安全出口全部锁闭。');
    expect(texts[1]).toBe('根据《中华人民共和国消防法》第五十四条和《消防监督检查规定》第二十二条的规定，本机关决定对下列场所、部位、设施或者设备予以临时查封：');
    expect(texts[2]).toContain('可以向本机关申请解除临时查封');
    expect(texts).toContain('查封物品清单一式两份，一份交当事人，一份附卷。');
    expect(texts).toContain('如不服本决定，可以在收到本决定书之日起六十日内依法向上一级消防救援机构或者本级人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。');
  });

  it('解除临时查封决定书 names the decision it lifts and the day', () => {
    const content = composeSealingLifted({ ...stamp, number: '婺消解封字〔2026〕第0001号' }, { party, decision: { number: '婺消封字〔2026〕第0001号', issueDate: '2026-12-07' }, places: '地下一层仓库', liftedOn: '2026-12-20' });
    expect(content).toMatchObject({ type: 'sealing_lifted', title: '解除临时查封决定书' });
    expect(paragraphs(content.blocks)).toEqual([
      '本机关于2026年12月7日以《临时查封决定书》（婺消封字〔2026〕第0001号）对你单位的地下一层仓库予以临时查封。经检查，火灾隐患已消除，根据《中华人民共和国消防法》第五十四条和《消防监督检查规定》第二十二条的规定，本机关决定自2026年12月20日起解除临时查封。',
    ]);
  });
});
