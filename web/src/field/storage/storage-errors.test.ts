import { describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError, isStorageLow } from './storage-errors.ts';

describe('storage errors', () => {
  it('find a quota error wrapped by Dexie', () => {
    const wrapped = { name: 'AbortError', inner: { name: 'QuotaExceededError' } };
    expect(isQuotaError(wrapped)).toBe(true);
    expect(describeStorageError(wrapped)).toContain('存储空间不足');
  });
  it('say something Chinese for any other failure', () => {
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(describeStorageError(new Error('x'))).toContain('本机保存失败');
  });
  it('call storage low below 50 MB left or beyond 90 % used', () => {
    expect(isStorageLow({ usage: 10, quota: 40 * 1024 * 1024 })).toBe(true);
    expect(isStorageLow({ usage: 950, quota: 1000 * 1024 * 1024 })).toBe(false);
    expect(isStorageLow({ usage: 0, quota: 0 })).toBe(false);
  });
});
