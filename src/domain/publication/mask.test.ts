import { describe, expect, it } from 'vitest';
import { maskText, publishedPartyName } from './mask.ts';

describe('masking for publication', () => {
  it('finds numbers inside free text and leaves the words alone', () => {
    const text = '联系人电话13900001357，身份证110101199003071234，座机0579-82345678，账户6222021234567890123';
    const masked = maskText(text);
    expect(masked).not.toContain('13900001357');
    expect(masked).not.toContain('110101199003071234');
    expect(masked).not.toContain('82345678');
    expect(masked).not.toContain('6222021234567890123');
    expect(masked).toContain('联系人电话139****1357');
    expect(masked).toContain('身份证1101**********1234');
    expect(masked).toContain('座机0579-****5678');
    expect(masked).toMatch(/账户\*+0123$/);
  });
  it('leaves a text without numbers as it is, dates and short numbers included', () => {
    expect(maskText('金华市某某商场 2026年12月4日 第3层')).toBe('金华市某某商场 2026年12月4日 第3层');
  });
  it('publishes an organisation by name and a person masked unless policy allows', () => {
    expect(publishedPartyName({ kind: 'organisation', name: '某某商场有限公司' }, false)).toBe('某某商场有限公司');
    expect(publishedPartyName({ kind: 'person', name: '李四' }, false)).toBe('李*');
    expect(publishedPartyName({ kind: 'person', name: '李四' }, true)).toBe('李四');
  });
});
