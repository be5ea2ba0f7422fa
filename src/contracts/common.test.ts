import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DATE_RANGE, isoDate, isoDateTime, nameText, nameTextProblem, queryText, text, textProblem } from './common.ts';
import { HOSTILE_DATES, issueMessages } from './contract-test-helpers.ts';

import { LINE_BREAKS, SPOOFING, ZERO_WIDTH } from './contract-test-helpers.ts';

describe('the text rule', () => {
  it('lets ordinary text through, rare characters and emoji (whole surrogate pairs) included', () => {
    for (const ok of [
      '金华市婺城区鑫源餐饮店（普通合伙）',
      '阿依古丽·买买提',
      '𠮷野家',
      '😀 笑脸',
      "O'Brien",
      '第一行\n第二行\t制表',
    ]) {
      expect(textProblem(ok)).toBeNull();
    }
  });

  it('refuses NUL, lone surrogates and control characters, saying which', () => {
    expect(textProblem('a\u0000b')).toBe('含有空字符（U+0000），请删除后重试');
    expect(textProblem('\ud800x')).toBe('含有无效的字符编码（不成对的代理项），请重新输入');
    expect(textProblem('x\udc00')).toBe('含有无效的字符编码（不成对的代理项），请重新输入');
    expect(textProblem('\udc00\ud800')).toBe('含有无效的字符编码（不成对的代理项），请重新输入');
    expect(textProblem('a\u0007b')).toBe('含有不可见的控制字符');
    expect(textProblem('a\u0085b')).toBe('含有不可见的控制字符');
  });

  it('refuses in a name what would let it lie on screen, but keeps it out of the base rule', () => {
    for (const c of [...SPOOFING, ...ZERO_WIDTH, ...LINE_BREAKS]) {
      expect(nameTextProblem(`张${c}三`)).toBe('不能含有换行、文字方向控制符或零宽字符等不可见字符');
    }
    expect(textProblem('مرحبا \u200f')).toBeNull();
    expect(nameTextProblem('阿依古丽·买买提')).toBeNull();
  });

  it('names the field in every message, from a label or from the place in a list', () => {
    const name = text('名称', { max: 4 });
    expect(issueMessages(name, 3)).toEqual(['名称：必须是文本']);
    expect(issueMessages(name, '  ')).toEqual(['名称：不能为空']);
    expect(issueMessages(name, '一二三四五')).toEqual(['名称：最多 4 个字符']);
    expect(issueMessages(name, 'a\u0000')).toEqual(['名称：含有空字符（U+0000），请删除后重试']);
    expect(name.parse('  甲乙  ')).toBe('甲乙');
    const rows = text((p) => `第 ${Number(p[0]) + 1} 行名称`, { max: 10 });
    const list = (rows as z.ZodType).array();
    expect(issueMessages(list, ['甲', '\ud800'])).toEqual(['第 2 行名称：含有无效的字符编码（不成对的代理项），请重新输入']);
  });

  it('keeps the spaces of a password and lets a query value be empty', () => {
    expect(text('密码', { max: 10, trim: false }).parse(' pw ')).toBe(' pw ');
    expect(queryText('关键字', 10).parse('')).toBe('');
    expect(issueMessages(queryText('关键字', 10), ['a', 'b'])).toEqual(['关键字：必须是文本']);
    expect(issueMessages(nameText('姓名', 10), '张\u202e三')).toEqual([
      '姓名：不能含有换行、文字方向控制符或零宽字符等不可见字符',
    ]);
  });
});

describe('dates', () => {
  it(`accepts ${DATE_RANGE.min} to ${DATE_RANGE.max} and names the range otherwise`, () => {
    const date = isoDate('生效日期');
    expect(date.parse(DATE_RANGE.min)).toBe(DATE_RANGE.min);
    expect(date.parse(DATE_RANGE.max)).toBe(DATE_RANGE.max);
    for (const bad of HOSTILE_DATES) expect(issueMessages(date, bad)).toEqual(['生效日期：应在 1900-01-01 至 2099-12-31 之间']);
    expect(issueMessages(date, '2026-02-30')).toEqual(['生效日期：不是有效的日期']);
  });

  it('bounds a moment to the same range', () => {
    const moment = isoDateTime('保存时间');
    expect(moment.parse('2026-06-01T08:00:00.000+08:00')).toBe('2026-06-01T08:00:00.000+08:00');
    expect(issueMessages(moment, '0000-01-01T00:00:00Z')).toEqual(['保存时间：应在 1900-01-01 至 2099-12-31 之间']);
    expect(issueMessages(moment, '2026-02-30T00:00:00Z')).toEqual(['保存时间：应为 ISO 8601 时间']);
  });
});
