import { describe, expect, it } from 'vitest';
import { canHandleCases, canReadCases } from './case-access.ts';

const brigade = '/c/d/b/';
describe('case access', () => {
  it('lets the brigade’s administrators act and leaders above read', () => {
    expect(canHandleCases({ role: 'brigade_admin', orgPath: brigade }, brigade)).toBe(true);
    expect(canHandleCases({ role: 'brigade_admin', orgPath: '/c/d/other/' }, brigade)).toBe(false);
    expect(canHandleCases({ role: 'org_admin', orgPath: '/c/d/' }, brigade)).toBe(false);
    expect(canHandleCases({ role: 'auditor', orgPath: brigade }, brigade)).toBe(false);
    expect(canReadCases({ role: 'org_admin', orgPath: '/c/d/' }, brigade)).toBe(true);
    expect(canReadCases({ role: 'auditor', orgPath: '/c/' }, brigade)).toBe(true);
    expect(canReadCases({ role: 'org_admin', orgPath: '/c/x/' }, brigade)).toBe(false);
    expect(canReadCases({ role: 'system_admin', orgPath: '/c/' }, brigade)).toBe(true);
  });
});
