import { describe, expect, it } from 'vitest';
import { serviceProblem, type ServiceFacts } from './service-rules.ts';

const blank: ServiceFacts = { method: 'direct', recipientName: '', refusalReason: '', witness: '', postalTracking: '', electronicAddress: '', consentFile: null };

describe('serviceProblem', () => {
  it('asks each method for what proves it', () => {
    expect(serviceProblem(blank)?.field).toBe('recipientName');
    expect(serviceProblem({ ...blank, recipientName: '王五' })).toBeNull();
    expect(serviceProblem({ ...blank, method: 'left' })?.message).toBe('拒收事由：留置送达须写明拒收事由');
    expect(serviceProblem({ ...blank, method: 'left', refusalReason: '拒绝签收' })?.message).toBe('见证人：留置送达须有见证人');
    expect(serviceProblem({ ...blank, method: 'left', refusalReason: '拒绝签收', witness: '赵六' })).toBeNull();
    expect(serviceProblem({ ...blank, method: 'post' })?.field).toBe('postalTracking');
    expect(serviceProblem({ ...blank, method: 'electronic', electronicAddress: 'a@b.cn' })?.field).toBe('consentFile');
    expect(serviceProblem({ ...blank, method: 'electronic', electronicAddress: 'a@b.cn', consentFile: 'f'.repeat(64) })).toBeNull();
  });
});
