import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';
import {
  CreateAvailabilityRequest,
  CreateInspectorRequest,
  CreateRecusalRequest,
  ExternalPersonListQuery,
  InspectorListQuery,
  LiftAvailabilityRequest,
  RecusalListQuery,
  RevokeRecusalRequest,
  SaveExternalPersonRequest,
  UpdateInspectorRequest,
} from './inspectors.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';

const inspector = {
  name: '张三',
  badgeNo: '330702001',
  certificateNo: '浙消执 2024001',
  certificateValidFrom: '2024-01-01',
  certificateValidUntil: '2028-12-31',
  orgId: ID,
  post: 'full_time',
  duty: '防火监督员',
  roles: ['lead', 'assistant'],
  specialties: ['electrical', 'high_rise'],
  drawWeight: 10,
  phone: '13800138000',
  zoneIds: [ID],
};

const VALID: [string, z.ZodType, unknown][] = [
  [
    'InspectorListQuery',
    InspectorListQuery,
    { page: '1', pageSize: '20', q: '张', orgId: ID, post: 'full_time', status: 'active', drawable: 'true', on: '2026-06-01' },
  ],
  ['CreateInspectorRequest', CreateInspectorRequest, inspector],
  ['UpdateInspectorRequest', UpdateInspectorRequest, { ...inspector, status: 'transferred' }],
  [
    'CreateAvailabilityRequest',
    CreateAvailabilityRequest,
    { kind: 'leave', from: '2026-06-01', to: '2026-06-10', reason: '年休假' },
  ],
  ['LiftAvailabilityRequest', LiftAvailabilityRequest, { reason: '提前返岗' }],
  [
    'CreateRecusalRequest',
    CreateRecusalRequest,
    { inspectorId: ID, unitId: ID, reason: '近亲属任该单位消防安全管理人', validFrom: '2026-01-01', validTo: '2026-12-31' },
  ],
  ['RevokeRecusalRequest', RevokeRecusalRequest, { reason: '亲属已离职' }],
  ['RecusalListQuery', RecusalListQuery, { inspectorId: ID, unitId: ID }],
  ['ExternalPersonListQuery', ExternalPersonListQuery, { page: '1', pageSize: '20', kind: 'expert', q: '李' }],
  [
    'SaveExternalPersonRequest',
    SaveExternalPersonRequest,
    {
      orgId: ID,
      kind: 'expert',
      name: '李四',
      organization: '金华市建筑设计院',
      title: '高级工程师',
      specialties: ['electrical'],
      certificateNo: 'ZJ-001',
      phone: '13900139000',
      active: true,
      notes: '电气消防专家',
    },
  ],
];

describe('inspector contracts', () => {
  sweepContracts(VALID);

  it('names the list at fault and its limit', () => {
    expect(issueMessages(CreateInspectorRequest, { ...inspector, roles: ['lead', 'assistant', 'lead'] })).toEqual([
      '可任角色：最多 2 项',
    ]);
    // A string has a length too: zod reports its length after the type; the server shows the first issue.
    expect(issueMessages(CreateInspectorRequest, { ...inspector, roles: 'lead' })[0]).toBe('可任角色：必须是列表');
    expect(
      issueMessages(CreateInspectorRequest, { ...inspector, specialties: Array.from({ length: 21 }, (_, i) => `s${i}`) }),
    ).toEqual(['专长：最多 20 项']);
    expect(issueMessages(CreateInspectorRequest, { ...inspector, specialties: [' '] })).toEqual(['专长：不能为空']);
    expect(issueMessages(CreateInspectorRequest, { ...inspector, zoneIds: Array.from({ length: 21 }, () => ID) })).toEqual([
      '协作区：最多 20 个',
    ]);
    expect(issueMessages(ExternalPersonListQuery, { q: 'q'.repeat(65) })).toEqual(['关键字：最多 64 个字符']);
  });

  it('leaves the fields an update omits absent, and fills the defaults only on creation', () => {
    expect(UpdateInspectorRequest.parse({ phone: '13900139000' })).toEqual({ phone: '13900139000' });
    expect(UpdateInspectorRequest.parse({ specialties: [], zoneIds: [] })).toEqual({ specialties: [], zoneIds: [] });
    expect(issueMessages(UpdateInspectorRequest, {})).toEqual(['请至少修改一项']);
    expect(issueMessages(UpdateInspectorRequest, { specialties: [' '] })).toEqual(['专长：不能为空']);
    const { specialties, zoneIds, ...rest } = inspector;
    void [specialties, zoneIds];
    expect(CreateInspectorRequest.parse(rest)).toMatchObject({ specialties: [], zoneIds: [] });
  });

  it('keeps the cross-field date rules at the later field', () => {
    expect(
      issueMessages(CreateAvailabilityRequest, { kind: 'frozen', from: '2026-06-10', to: '2026-06-01', reason: '调查' }),
    ).toEqual(['结束日期：不能早于开始日期']);
  });
});
