import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';
import {
  BulkUnitStatusRequest,
  ChangeUnitStatusRequest,
  CreateDictionaryEntryRequest,
  CreateUnitRequest,
  DivisionCodeParams,
  DivisionListQuery,
  FlagUnitRequest,
  TransferUnitRequest,
  UnitFields,
  UnitListQuery,
  UnitQualityQuery,
  UpdateDictionaryEntryRequest,
  UpdateUnitRequest,
} from './units.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';

const unit = {
  name: '金华市婺城区鑫源餐饮店',
  uscc: '92330702MA2EXAMPLE',
  registeredAddress: '金华市婺城区八一南街 1 号',
  address: '金华市婺城区八一南街 1 号',
  districtCode: '330702',
  street: '城东街道',
  community: '八一社区',
  category: 'small_venue',
  isCrowded: true,
  isFlammable: false,
  isHighRise: false,
  industry: '餐饮',
  buildingScale: '小型',
  riskLevel: '中',
  creditLevel: 'A',
  tags: ['九小场所', '电动自行车集中停放场所'],
  legalRepresentative: '王五',
  contactName: '赵六',
  contactPhone: '13800138000',
  safetyOwner: '王五',
  safetyManager: '赵六',
  source: 'manual',
};
const status = { status: 'suspended', reason: '停业整顿', effectiveOn: '2026-06-01' };

const VALID: [string, z.ZodType, unknown][] = [
  [
    'UnitListQuery',
    UnitListQuery,
    {
      page: '1',
      pageSize: '20',
      q: '鑫源',
      category: ['key', 'small_venue'],
      status: 'active,suspended',
      flags: ['isCrowded'],
      riskLevel: ['高', '中'],
      creditLevel: 'A,B',
      tags: ['学校'],
      industry: ['餐饮'],
      districtCode: '330702',
      brigadeId: ID,
      quality: 'missing_address',
      sort: 'name',
      order: 'asc',
    },
  ],
  ['UnitFields', UnitFields, unit],
  ['CreateUnitRequest', CreateUnitRequest, { ...unit, brigadeId: ID }],
  ['UpdateUnitRequest', UpdateUnitRequest, unit],
  ['ChangeUnitStatusRequest', ChangeUnitStatusRequest, status],
  ['BulkUnitStatusRequest', BulkUnitStatusRequest, { ...status, unitIds: [ID] }],
  ['UnitQualityQuery', UnitQualityQuery, { brigadeId: ID }],
  ['DivisionListQuery', DivisionListQuery, { within: '330700' }],
  ['DivisionCodeParams', DivisionCodeParams, { code: '330702' }],
  ['TransferUnitRequest', TransferUnitRequest, { brigadeId: ID, reason: '辖区调整' }],
  ['FlagUnitRequest', FlagUnitRequest, { flagged: true, reason: '疑似已注销' }],
  [
    'CreateDictionaryEntryRequest',
    CreateDictionaryEntryRequest,
    { kind: 'risk_level', code: 'high', label: '高', color: '#d4380d', weight: 8, sortOrder: 1 },
  ],
  [
    'UpdateDictionaryEntryRequest',
    UpdateDictionaryEntryRequest,
    { label: '高', color: '#d4380d', weight: 8, sortOrder: 1, active: false },
  ],
];

describe('unit and dictionary contracts', () => {
  sweepContracts(VALID);

  it('names the unit field at fault', () => {
    expect(issueMessages(CreateUnitRequest, { ...unit, brigadeId: ID, isHighRise: 'yes' })).toEqual(['高层建筑：应为是或否']);
    expect(issueMessages(CreateUnitRequest, { ...unit, brigadeId: ID, tags: ['学校', ''] })).toEqual(['标签：不能为空']);
    expect(issueMessages(CreateUnitRequest, { ...unit, brigadeId: ID, tags: '学校' })).toEqual(['标签：必须是列表']);
    expect(issueMessages(CreateUnitRequest, { ...unit, brigadeId: ID, districtCode: 330702 })).toEqual([
      '行政区划：应为 6 位代码',
    ]);
    expect(issueMessages(BulkUnitStatusRequest, { ...status, unitIds: ID })).toEqual(['单位：必须是列表']);
  });

  it('leaves the fields an update omits absent, and fills the defaults only on creation', () => {
    expect(UpdateUnitRequest.parse({ name: '新名称' })).toEqual({ name: '新名称' });
    expect(UpdateUnitRequest.parse({ isCrowded: false })).toEqual({ isCrowded: false });
    expect(issueMessages(UpdateUnitRequest, {})).toEqual(['请至少修改一项']);
    expect(issueMessages(UpdateUnitRequest, { isHighRise: 'yes' })).toEqual(['高层建筑：应为是或否']);
    const { isCrowded, isFlammable, isHighRise, tags, source, ...rest } = unit;
    void [isCrowded, isFlammable, isHighRise, tags, source];
    expect(CreateUnitRequest.parse({ ...rest, brigadeId: ID })).toMatchObject({
      isCrowded: false,
      isFlammable: false,
      isHighRise: false,
      tags: [],
      source: 'manual',
    });
  });

  it('names the list filter at fault', () => {
    expect(issueMessages(UnitListQuery, { tags: 'a'.repeat(65) })).toEqual(['标签：取值过长']);
    expect(issueMessages(UnitListQuery, { industry: '餐饮,,住宿' })).toEqual(['行业：取值不能为空']);
    expect(issueMessages(UnitListQuery, { riskLevel: Array.from({ length: 51 }, (_, i) => `r${i}`) })).toEqual([
      '风险等级：最多 50 个取值',
    ]);
  });

  it('names the dictionary field at fault', () => {
    const entry = { kind: 'risk_level', code: 'high', label: '高' };
    expect(issueMessages(CreateDictionaryEntryRequest, { ...entry, sortOrder: 10_000 })).toEqual(['排序：应在 0–9999 之间']);
    expect(issueMessages(CreateDictionaryEntryRequest, { ...entry, sortOrder: '1' })).toEqual(['排序：必须是整数']);
    expect(issueMessages(CreateDictionaryEntryRequest, { ...entry, weight: 2.5 })).toEqual(['权重：必须是整数']);
    expect(issueMessages(CreateDictionaryEntryRequest, { ...entry, color: 0xd4380d })).toEqual(['颜色：应为 #RRGGBB']);
    expect(issueMessages(UpdateDictionaryEntryRequest, { active: 'false' })).toEqual(['启用：应为是或否']);
    expect(issueMessages(UpdateDictionaryEntryRequest, {})).toEqual(['请至少修改一项']);
  });
});
