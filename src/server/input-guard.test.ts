import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableTextError } from './input-guard.ts';

const NUL = '含有空字符（U+0000），请删除后重试';
const SURROGATE = '含有无效的字符编码（不成对的代理项），请重新输入';

describe('findUnstorableText', () => {
  it('finds nothing in ordinary requests, rare characters, emoji and bidi text included', () => {
    expect(findUnstorableText({ name: '𠮷野家 😀', tags: ['学校', '\u202e'], n: 1, ok: true, none: null })).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
    expect(findUnstorableText(Buffer.from([0, 0xed, 0xa0, 0x80]))).toBeNull();
  });

  it('finds a NUL or a lone surrogate at any depth, with the keys that lead to it', () => {
    expect(findUnstorableText({ q: 'a\u0000b' })).toEqual({ path: ['q'], problem: NUL, inKey: false });
    expect(findUnstorableText({ observers: [{ name: 'ok' }, { name: '\ud800x' }] })).toEqual({
      path: ['observers', 1, 'name'],
      problem: SURROGATE,
      inKey: false,
    });
    expect(findUnstorableText('x\udc00')).toEqual({ path: [], problem: SURROGATE, inKey: false });
  });

  it('finds them in keys too', () => {
    expect(findUnstorableText({ 'a\u0000': 1 })).toEqual({ path: [], problem: NUL, inKey: true });
    expect(findUnstorableText({ settings: { weights: { '\udfff': 1 } } })).toEqual({
      path: ['settings', 'weights'],
      problem: SURROGATE,
      inKey: true,
    });
  });

  it('walks a body nested a hundred thousand levels deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`) as unknown;
    expect(findUnstorableText(deep)?.path).toHaveLength(100_000);
  });
});

describe('unstorableTextError', () => {
  it('names the top-level field, and the exact place when deeper', () => {
    const error = unstorableTextError('请求内容', { path: ['observers', 1, 'name'], problem: SURROGATE, inKey: false });
    expect(error.message).toBe(`字段 observers：${SURROGATE}`);
    expect(error.details).toEqual({ field: 'observers', path: 'observers.1.name' });
    const labelled = unstorableTextError('查询参数', { path: ['q'], problem: NUL, inKey: false });
    expect(labelled.message).toBe(`关键字：${NUL}`);
    expect(labelled.details).toEqual({ field: 'q' });
  });

  it('says which part of the request it is when there is no field to name', () => {
    expect(unstorableTextError('请求内容', { path: [], problem: NUL, inKey: true }).message).toBe(`请求内容：字段名${NUL}`);
    expect(unstorableTextError('请求内容', { path: [], problem: NUL, inKey: false }).details).toBeUndefined();
  });
});
