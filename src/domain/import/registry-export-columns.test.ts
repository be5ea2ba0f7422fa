import { describe, expect, it } from 'vitest';
import {
  UNIT_EXPORT_COLUMNS,
  inspectorExportCells,
  inspectorExportColumns,
  unitExportCells,
} from './registry-export-columns.ts';
import { recognizeColumns } from './column-mapping.ts';
import { INSPECTOR_HEADER_SYNONYMS } from './inspector-import-fields.ts';
import { applyColumnMapping, recognizeHeaders } from './recognize-headers.ts';
import { validateUnitRow } from './validate-unit-row.ts';

const unit = {
  uscc: '91330702MA2LGC4C37',
  name: '金华市婺城区好运来超市',
  registeredAddress: '金华市婺城区人民路88号',
  address: '金华市婺城区人民路88号一楼',
  districtCode: '330702',
  street: '城东街道',
  community: null,
  category: 'key' as const,
  isCrowded: true,
  isFlammable: false,
  isHighRise: false,
  industry: '商场超市',
  buildingScale: 'S2',
  riskLevel: 'high',
  creditLevel: null,
  tags: ['沿街商铺', '高层建筑'],
  status: 'active' as const,
  statusEffectiveOn: null,
  statusReason: null,
  flaggedAt: null,
  flagReason: null,
  legalRepresentative: '王大明',
  contactName: '王小明',
  contactPhone: '13812345678',
  safetyOwner: '王大明',
  safetyManager: null,
  source: 'manual' as const,
  brigadeName: '婺城区消防救援大队',
  updatedAt: new Date('2026-11-22T02:05:00Z'),
};
const LABELS: Record<string, string> = { 'risk_level:high': '高', 'building_scale:S2': '300–1000㎡' };
const labels = (kind: string, code: string) => LABELS[`${kind}:${code}`] ?? code;

describe('registry exports', () => {
  it('writes a unit with labels, full phone and Beijing time', () => {
    const cells = unitExportCells(unit, labels);
    expect(cells).toHaveLength(UNIT_EXPORT_COLUMNS.length);
    const byHeader = Object.fromEntries(UNIT_EXPORT_COLUMNS.map((c, i) => [c.header, cells[i]]));
    expect(byHeader).toMatchObject({
      行政区划: '330702 婺城区',
      单位类别: '重点单位',
      人员密集场所: '是',
      风险等级: '高',
      建筑规模: '300–1000㎡',
      标签: '沿街商铺、高层建筑',
      单位状态: '正常',
      联系电话: '13812345678',
      更新时间: '2026-11-22 10:05',
    });
  });

  it('uses headers the import recognises, so an exported file reads back to the same unit', () => {
    const headers = UNIT_EXPORT_COLUMNS.map((c) => c.header);
    const { mapped } = recognizeHeaders(headers);
    expect(mapped.map((c) => c.field)).toEqual(
      expect.arrayContaining([
        'uscc',
        'name',
        'registeredAddress',
        'address',
        'districtCode',
        'street',
        'category',
        'isCrowded',
        'tags',
        'status',
        'contactPhone',
        'safetyOwner',
      ]),
    );
    const result = validateUnitRow(
      applyColumnMapping(
        unitExportCells(unit, (_k, code) => code),
        mapped,
      ),
      2,
      { withinDivisionCode: '330702' },
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        uscc: unit.uscc,
        name: unit.name,
        districtCode: '330702',
        category: 'key',
        isCrowded: true,
        tags: unit.tags,
        status: 'active',
      },
    });
  });

  it('writes inspectors with labels and the inspector import’s headers', () => {
    const columns = inspectorExportColumns('2026-11-22');
    expect(columns.at(-2)!.header).toBe('可抽取（2026-11-22）');
    const cells = inspectorExportCells({
      name: '陈静',
      badgeNo: 'JH0101',
      certificateNo: '浙0101',
      certificateValidFrom: '2024-01-01',
      certificateValidUntil: '2029-12-31',
      post: 'full_time',
      duty: null,
      roles: ['lead', 'assistant'],
      specialties: ['建筑防火'],
      drawWeight: 2,
      phone: '13957900101',
      orgName: '婺城区大队',
      status: 'active',
      drawable: false,
      undrawableReasonLabel: '已冻结',
    });
    expect(cells).toEqual([
      '陈静',
      'JH0101',
      '浙0101',
      '2024-01-01',
      '2029-12-31',
      '专职监督员',
      '',
      '主办、协办',
      '建筑防火',
      2,
      '13957900101',
      '婺城区大队',
      '在岗',
      '否',
      '已冻结',
    ]);
    expect(
      recognizeColumns(
        columns.map((c) => c.header),
        INSPECTOR_HEADER_SYNONYMS,
      ).map((c) => c.field),
    ).toEqual(['name', 'badgeNo', 'certificateNo', 'certificateValidFrom', 'certificateValidUntil', 'post', 'roles', 'phone']);
  });
});
