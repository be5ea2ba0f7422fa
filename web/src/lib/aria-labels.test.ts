import { describe, expect, it } from 'vitest';
import { chineseAriaLabel } from './aria-labels.ts';

describe('chineseAriaLabel', () => {
  it('renames the English accessible names antd writes whatever the locale', () => {
    expect(chineseAriaLabel('Select all')).toBe('全选本页');
    expect(chineseAriaLabel('Select row 12')).toBe('选择第 12 行');
    expect(chineseAriaLabel('Row 3 selected')).toBe('第 3 行已选中');
    expect(chineseAriaLabel('Clear')).toBe('清除');
  });

  it('leaves our own names alone', () => {
    expect(chineseAriaLabel('后台菜单')).toBeNull();
    expect(chineseAriaLabel('Select rows')).toBeNull();
  });
});
