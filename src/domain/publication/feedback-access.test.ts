import { describe, expect, it } from 'vitest';
import { canReadComplaint, canReadFeedback } from './feedback-access.ts';

const BRIGADE = 'b0000000-0000-0000-0000-000000000001';
const DETACHMENT = 'd0000000-0000-0000-0000-000000000001';

describe('who reads the units’ feedback', () => {
  it('lets only 纪检 and the system administrator read it', () => {
    expect(canReadFeedback({ role: 'auditor' })).toBe(true);
    expect(canReadFeedback({ role: 'system_admin' })).toBe(true);
    for (const role of ['brigade_admin', 'org_admin', 'inspector'] as const) expect(canReadFeedback({ role })).toBe(false);
  });

  it('shows a complaint to a 支队 auditor above the brigade that inspected', () => {
    expect(canReadComplaint({ role: 'auditor', orgId: DETACHMENT }, BRIGADE)).toBe(true);
  });

  it('never shows a complaint to an auditor of the inspecting brigade itself', () => {
    expect(canReadComplaint({ role: 'auditor', orgId: BRIGADE }, BRIGADE)).toBe(false);
  });

  it('never shows a complaint to the brigade’s administrators or inspectors, nor an org administrator', () => {
    for (const role of ['brigade_admin', 'org_admin', 'inspector'] as const) {
      expect(canReadComplaint({ role, orgId: DETACHMENT }, BRIGADE)).toBe(false);
      expect(canReadComplaint({ role, orgId: BRIGADE }, BRIGADE)).toBe(false);
    }
  });

  it('shows every complaint to the system administrator', () => {
    expect(canReadComplaint({ role: 'system_admin', orgId: BRIGADE }, BRIGADE)).toBe(true);
  });
});
