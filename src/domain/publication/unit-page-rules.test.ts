import { describe, expect, it } from 'vitest';
import { earlyRequestOpen, inspectorAtPosition, roleOnTask } from './unit-page-rules.ts';

const live = { docType: 'deadline_notice', status: 'issued', replaced: false, stages: ['ordered', 'ordered'], correctionDue: '2026-12-18', reinspectionDue: null };

describe('an early 复查 request', () => {
  it('is open for a live 限期 notice with hazards to correct, up to and on its correction date', () => {
    expect(earlyRequestOpen(live, '2026-12-07')).toBe(true);
    expect(earlyRequestOpen(live, '2026-12-18')).toBe(true);
  });

  it('is closed after the correction date: the daily job makes the 复查', () => {
    expect(earlyRequestOpen(live, '2026-12-19')).toBe(false);
  });

  it('is closed for a voided, replaced or immediate notice, one already corrected, and one whose 复查 exists', () => {
    expect(earlyRequestOpen({ ...live, status: 'voided' }, '2026-12-07')).toBe(false);
    expect(earlyRequestOpen({ ...live, replaced: true }, '2026-12-07')).toBe(false);
    expect(earlyRequestOpen({ ...live, docType: 'immediate_notice' }, '2026-12-07')).toBe(false);
    expect(earlyRequestOpen({ ...live, stages: ['corrected', 'closed'] }, '2026-12-07')).toBe(false);
    expect(earlyRequestOpen({ ...live, stages: ['reinspection'], reinspectionDue: '2026-12-10' }, '2026-12-07')).toBe(false);
  });
});

describe('the inspector at a position of the unit’s page', () => {
  const task = { leadIds: ['L1'], assistantIds: ['A1', 'A2'] };

  it('resolves 主办 and 协办 by position', () => {
    expect(inspectorAtPosition(task, 'lead-0')).toBe('L1');
    expect(inspectorAtPosition(task, 'assistant-1')).toBe('A2');
  });

  it('is null for a position nobody holds or a malformed one', () => {
    expect(inspectorAtPosition(task, 'lead-1')).toBeNull();
    expect(inspectorAtPosition(task, 'boss-0')).toBeNull();
    expect(inspectorAtPosition(task, 'lead-0; drop')).toBeNull();
  });

  it('names the role an inspector had on the task', () => {
    expect(roleOnTask(task, 'L1')).toBe('主办');
    expect(roleOnTask(task, 'A2')).toBe('协办');
    expect(roleOnTask(task, 'X')).toBeNull();
  });
});
