import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';
import {
  CommitmentRequest,
  DrawCodeParams,
  ExternalValueRequest,
  FreezeDrawRequest,
  ObserverParams,
  PublicDrawTasksQuery,
  PublicUnitSearchQuery,
  ReplaceInspectorRequest,
  ReplaceUnitRequest,
  RevealRequest,
  TaskListQuery,
} from './draws.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';

const freeze = {
  source: { kind: 'monthly_plan', id: ID },
  observers: [{ name: '王五', capacity: '纪检监察人员' }],
  external: [{ source: '福彩3D', ref: '2026150' }],
};

const VALID: [string, z.ZodType, unknown][] = [
  ['FreezeDrawRequest (monthly plan)', FreezeDrawRequest, freeze],
  ['FreezeDrawRequest (campaign)', FreezeDrawRequest, { ...freeze, source: { kind: 'campaign', id: ID } }],
  ['ObserverParams', ObserverParams, { id: ID, observerId: 'OBS-1' }],
  ['CommitmentRequest', CommitmentRequest, { commitment: 'AB'.repeat(32) }],
  ['RevealRequest', RevealRequest, { reveal: '7f3a9c' }],
  ['ExternalValueRequest', ExternalValueRequest, { source: '福彩3D', ref: '2026150', value: '3 8 1' }],
  ['ReplaceInspectorRequest', ReplaceInspectorRequest, { inspectorId: ID, reason: '需回避', evidence: '回避申请表' }],
  ['ReplaceUnitRequest', ReplaceUnitRequest, { reason: '单位已停业', evidence: '现场照片' }],
  ['TaskListQuery', TaskListQuery, { mine: 'true', status: 'assigned' }],
  ['DrawCodeParams', DrawCodeParams, { code: 'D-2026-06-330702-001' }],
  ['PublicUnitSearchQuery', PublicUnitSearchQuery, { q: '鑫源餐饮' }],
  ['PublicDrawTasksQuery', PublicDrawTasksQuery, { page: '2', pageSize: '50', stratum: 'crowded_key' }],
];

describe('draw contracts', () => {
  sweepContracts(VALID);

  it('names the draw source, observers and external sources', () => {
    expect(issueMessages(FreezeDrawRequest, { ...freeze, source: { kind: 'annual_plan', id: ID } })).toEqual([
      '抽取来源：应为月度计划（monthly_plan）或专项检查（campaign）',
    ]);
    expect(issueMessages(FreezeDrawRequest, { ...freeze, source: ID })).toEqual(['抽取来源：格式不正确']);
    expect(issueMessages(FreezeDrawRequest, { ...freeze, observers: ['王五'] })).toEqual(['监督人：格式不正确']);
    expect(issueMessages(FreezeDrawRequest, { ...freeze, external: [] })).toEqual(['外部随机源：至少指定一个']);
    expect(issueMessages(FreezeDrawRequest, { ...freeze, external: null })).toEqual(['外部随机源：必须是列表']);
  });

  it('names the address part and the filter at fault', () => {
    expect(issueMessages(ObserverParams, { id: ID, observerId: 'OBS-100' })).toEqual(['监督人编号：格式不正确']);
    expect(issueMessages(DrawCodeParams, { code: 'D-2026' })).toEqual(['抽取编号：格式不正确']);
    expect(issueMessages(TaskListQuery, { mine: 'yes' })).toEqual(['仅看我的任务：只能是 true 或 false']);
    expect(issueMessages(TaskListQuery, { status: 'open' })).toEqual([
      '任务状态：只能是 assigned（待检查）、notified（已告知）、in_progress（检查中）、done（已检查）、unable（无法检查）、closed（已办结）、replaced（已递补）或 cancelled（已取消）',
    ]);
    expect(issueMessages(PublicUnitSearchQuery, { q: '餐'.repeat(61) })).toEqual(['查询：最多 60 个字']);
  });

  it('pages a draw’s tasks 1 to 100 at a time, of one stratum at most', () => {
    expect(PublicDrawTasksQuery.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(issueMessages(PublicDrawTasksQuery, { pageSize: '101' })).toEqual(['每页条数：最多 100']);
    expect(issueMessages(PublicDrawTasksQuery, { pageSize: 'x' })).toEqual(['每页条数：必须是数字']);
    expect(issueMessages(PublicDrawTasksQuery, { page: '0' })).toEqual(['页码：至少为 1']);
    expect(issueMessages(PublicDrawTasksQuery, { stratum: '重点' })).toEqual(['分层：格式不正确']);
    expect(issueMessages(PublicDrawTasksQuery, { stratum: ['a', 'b'] })).toEqual(['分层：格式不正确']);
  });
});
