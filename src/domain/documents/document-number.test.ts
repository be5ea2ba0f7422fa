import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumberPattern, defaultNumberPattern, documentPrefixOf, formatDocumentNumber, type NumberedType } from './document-number.ts';
import { DOCUMENT_TYPES } from './document-types.ts';

describe('formatDocumentNumber', () => {
  it('fills the default patterns', () => {
    expect(formatDocumentNumber(defaultNumberPattern('deadline_notice'), '婺', 2026, 1)).toBe('婺消限字〔2026〕第0001号');
    expect(formatDocumentNumber(defaultNumberPattern('immediate_notice'), '婺', 2026, 12)).toBe('婺消即字〔2026〕第0012号');
    expect(formatDocumentNumber(defaultNumberPattern('penalty_decision'), '婺', 2026, 7)).toBe('婺消行罚决字〔2026〕第000007号');
    expect(formatDocumentNumber(defaultNumberPattern('sealing_lifted'), '金', 2027, 3)).toBe('金消解封字〔2027〕第0003号');
    expect(formatDocumentNumber(defaultNumberPattern('case'), '婺', 2026, 5)).toBe('婺消立字〔2026〕第0005号');
  });

  it('pads to the width but never cuts a longer sequence; {序号} alone is not padded', () => {
    expect(formatDocumentNumber('{代字}消限字〔{年}〕第{序号:4}号', '婺', 2026, 12345)).toBe('婺消限字〔2026〕第12345号');
    expect(formatDocumentNumber('{年}-{序号}', '婺', 2026, 42)).toBe('2026-42');
  });

  it('refuses a sequence that is not a positive integer', () => {
    for (const seq of [0, -1, 1.5, Number.NaN]) expect(() => formatDocumentNumber('{年}{序号}', '婺', 2026, seq)).toThrow(RangeError);
  });

  it('every default pattern is valid, and distinct sequences give distinct numbers', () => {
    const types: NumberedType[] = [...DOCUMENT_TYPES, 'case'];
    for (const type of types) expect(checkNumberPattern(defaultNumberPattern(type)), type).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), (type, a, b) => {
        const pattern = defaultNumberPattern(type);
        const na = formatDocumentNumber(pattern, '婺', 2026, a);
        expect(na).not.toMatch(/[{}]/);
        expect(na === formatDocumentNumber(pattern, '婺', 2026, b)).toBe(a === b);
      }),
    );
  });
});

describe('checkNumberPattern', () => {
  it.each([
    ['', '文号格式：长度应为 1–60 个字符'],
    ['{年}{序号}'.padEnd(61, '号'), '文号格式：长度应为 1–60 个字符'],
    ['{代字}消限字第{序号:4}号', '文号格式：必须且只能含一个 {年}'],
    ['{年}{年}{序号}', '文号格式：必须且只能含一个 {年}'],
    ['{代字}消限字〔{年}〕号', '文号格式：必须且只能含一个 {序号}'],
    ['{年}{序号:4}{序号}', '文号格式：必须且只能含一个 {序号}'],
    ['{单位}{年}{序号}', '文号格式：只能使用 {代字}、{年}、{序号} 或 {序号:位数}'],
    ['{年}{序号:10}', '文号格式：只能使用 {代字}、{年}、{序号} 或 {序号:位数}'],
    ['{年}{序号}}', '文号格式：只能使用 {代字}、{年}、{序号} 或 {序号:位数}'],
    ['{年{序号}', '文号格式：只能使用 {代字}、{年}、{序号} 或 {序号:位数}'],
  ])('refuses %j: %s', (pattern, message) => {
    expect(checkNumberPattern(pattern)).toBe(message);
  });

  it('accepts patterns with {年} and {序号} once each, {代字} optional', () => {
    expect(checkNumberPattern('{年}{序号}')).toBeNull();
    expect(checkNumberPattern('{代字}{代字}消〔{年}〕{序号:6}')).toBeNull();
  });
});

describe('documentPrefixOf', () => {
  it('takes the brigade’s own 代字, else the first character of its short name', () => {
    expect(documentPrefixOf({ docPrefix: '婺城', shortName: '婺城大队' })).toBe('婺城');
    expect(documentPrefixOf({ docPrefix: null, shortName: '婺城大队' })).toBe('婺');
    expect(documentPrefixOf({ docPrefix: '', shortName: '金东大队' })).toBe('金');
    expect(documentPrefixOf({ docPrefix: null, shortName: '𠀋城大队' })).toBe('𠀋');
    expect(documentPrefixOf({ docPrefix: null, shortName: '' })).toBe('');
  });
});
