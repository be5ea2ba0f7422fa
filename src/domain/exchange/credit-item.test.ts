import { describe, expect, it } from 'vitest';
import type { PenaltyContent } from '../publication/publication-types.ts';
import { composeCreditItem } from './credit-item.ts';
import { DEFAULT_CREDIT_POLICY } from './credit-policy.ts';

const content: PenaltyContent = {
  kind: 'penalty',
  brigadeName: '婺城大队',
  unitName: '金华某某物流有限公司',
  uscc: '91330702MA2E7XXXX1',
  partyKind: 'organisation',
  partyName: '金华某某物流有限公司',
  decisionNumber: '婺消行罚决字〔2026〕第0007号',
  decidedOn: '2026-06-01',
  citation: '《中华人民共和国消防法》第六十条',
  penaltyKind: 'fine',
  fineAmount: 60_000,
  facts: [],
};
const row = {
  id: 'p1',
  kind: 'penalty' as const,
  status: 'published' as const,
  eventDate: '2026-06-01',
  outcome: 'fine' as const,
  content,
  publishedOn: '2026-06-05',
  displayUntil: '2029-06-05',
  withdrawKind: null,
  withdrawnOn: null,
};
const options = { publishPersonName: false, today: '2026-11-20' };

describe('composeCreditItem', () => {
  it('gives an organisation’s serious penalty its three-year period, current today', () => {
    expect(composeCreditItem(row, [], DEFAULT_CREDIT_POLICY, options)).toMatchObject({
      uscc: '91330702MA2E7XXXX1',
      serious: true,
      seriousLabel: '严重失信',
      seriousReasons: ['较大数额罚款'],
      periodFrom: '2026-06-01',
      periodUntil: '2029-05-31',
      current: true,
    });
  });
  it('never lists a natural person', () => {
    expect(composeCreditItem({ ...row, content: { ...content, partyKind: 'person', uscc: null } }, [], DEFAULT_CREDIT_POLICY, options)).toBeNull();
  });
  it('lists a withdrawn penalty as withdrawn and not current', () => {
    const item = composeCreditItem({ ...row, status: 'withdrawn', withdrawKind: 'revoked', withdrawnOn: '2026-07-01' }, [], DEFAULT_CREDIT_POLICY, options)!;
    expect(item.statusLabel).toBe('已撤回');
    expect(item.current).toBe(false);
  });
});
