/**
 * The columns of the registry exports (.xlsx), in Chinese. The headers are the ones the import recognises
 * (单位名称, 统一社会信用代码, 实际经营地址 …; 姓名, 警号/工号 …) and coded values are written as their labels,
 * so an exported file can be corrected and imported again. Telephone numbers are complete: the export is an
 * internal working document and every export is audited.
 */
import { localDateTimeText } from '../local-date.ts';
import { findDivision } from '../registry/divisions.ts';
import {
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  INSPECTOR_STATUS_LABELS,
  type InspectorPost,
  type InspectorRole,
  type InspectorStatus,
} from '../registry/inspector-rules.ts';
import {
  UNIT_CATEGORY_LABELS,
  UNIT_SOURCE_LABELS,
  UNIT_STATUS_LABELS,
  type UnitCategory,
  type UnitSource,
  type UnitStatus,
} from '../registry/unit-rules.ts';

export type ExportColumn = { header: string; width: number };

export type ExportDictionaryKind = 'industry' | 'building_scale' | 'risk_level' | 'credit_level';
/** Label of a dictionary code; the code itself when the dictionary no longer has it. */
export type DictionaryLabelOf = (kind: ExportDictionaryKind, code: string) => string;

export type UnitExportSource = {
  uscc: string;
  name: string;
  registeredAddress: string | null;
  address: string | null;
  districtCode: string | null;
  street: string | null;
  community: string | null;
  category: UnitCategory;
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  industry: string | null;
  buildingScale: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  tags: string[];
  status: UnitStatus;
  statusEffectiveOn: string | null;
  statusReason: string | null;
  flaggedAt: Date | null;
  flagReason: string | null;
  legalRepresentative: string | null;
  contactName: string | null;
  contactPhone: string | null;
  safetyOwner: string | null;
  safetyManager: string | null;
  source: UnitSource;
  brigadeName: string;
  updatedAt: Date;
};

export const UNIT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: '统一社会信用代码', width: 22 },
  { header: '单位名称', width: 36 },
  { header: '住所（注册地址）', width: 40 },
  { header: '实际经营地址', width: 40 },
  { header: '行政区划', width: 16 },
  { header: '所属街道', width: 14 },
  { header: '社区（村）', width: 14 },
  { header: '单位类别', width: 10 },
  { header: '人员密集场所', width: 8 },
  { header: '易燃易爆场所', width: 8 },
  { header: '高层建筑', width: 8 },
  { header: '行业', width: 12 },
  { header: '建筑规模', width: 14 },
  { header: '风险等级', width: 8 },
  { header: '信用等级', width: 14 },
  { header: '标签', width: 24 },
  { header: '单位状态', width: 10 },
  { header: '状态生效日期', width: 12 },
  { header: '状态原因', width: 24 },
  { header: '待核实标记', width: 8 },
  { header: '标记原因', width: 30 },
  { header: '法定代表人', width: 10 },
  { header: '联系人', width: 10 },
  { header: '联系电话', width: 16 },
  { header: '消防安全责任人', width: 10 },
  { header: '消防安全管理人', width: 10 },
  { header: '数据来源', width: 12 },
  { header: '所属大队', width: 20 },
  { header: '更新时间', width: 17 },
];

const yesNo = (value: boolean) => (value ? '是' : '否');


/** One unit as the cells of UNIT_EXPORT_COLUMNS, in order; empty values as ''. */
export function unitExportCells(unit: UnitExportSource, labelOf: DictionaryLabelOf): string[] {
  const label = (kind: ExportDictionaryKind, code: string | null) => (code === null ? '' : labelOf(kind, code));
  const division = unit.districtCode === null ? undefined : findDivision(unit.districtCode);
  return [
    unit.uscc,
    unit.name,
    unit.registeredAddress ?? '',
    unit.address ?? '',
    unit.districtCode === null ? '' : division ? `${unit.districtCode} ${division.name}` : unit.districtCode,
    unit.street ?? '',
    unit.community ?? '',
    UNIT_CATEGORY_LABELS[unit.category],
    yesNo(unit.isCrowded),
    yesNo(unit.isFlammable),
    yesNo(unit.isHighRise),
    label('industry', unit.industry),
    label('building_scale', unit.buildingScale),
    label('risk_level', unit.riskLevel),
    label('credit_level', unit.creditLevel),
    unit.tags.join('、'),
    UNIT_STATUS_LABELS[unit.status],
    unit.statusEffectiveOn ?? '',
    unit.statusReason ?? '',
    yesNo(unit.flaggedAt !== null),
    unit.flagReason ?? '',
    unit.legalRepresentative ?? '',
    unit.contactName ?? '',
    unit.contactPhone ?? '',
    unit.safetyOwner ?? '',
    unit.safetyManager ?? '',
    UNIT_SOURCE_LABELS[unit.source],
    unit.brigadeName,
    localDateTimeText(unit.updatedAt),
  ];
}

export type InspectorExportSource = {
  name: string;
  badgeNo: string;
  certificateNo: string | null;
  certificateValidFrom: string | null;
  certificateValidUntil: string | null;
  post: InspectorPost;
  duty: string | null;
  roles: string[];
  specialties: string[];
  drawWeight: number;
  phone: string | null;
  orgName: string;
  status: InspectorStatus;
  drawable: boolean;
  undrawableReasonLabel: string | null;
};

/** The columns of the inspector export; `on` (YYYY-MM-DD) is the date drawability was judged on. */
export function inspectorExportColumns(on: string): ExportColumn[] {
  return [
    { header: '姓名', width: 10 },
    { header: '警号/工号', width: 14 },
    { header: '执法证号', width: 20 },
    { header: '执法证有效期起', width: 14 },
    { header: '执法证有效期止', width: 14 },
    { header: '岗位', width: 12 },
    { header: '职务', width: 14 },
    { header: '可任角色', width: 12 },
    { header: '专长', width: 24 },
    { header: '抽取权重', width: 8 },
    { header: '手机号', width: 16 },
    { header: '所属机构', width: 20 },
    { header: '人员状态', width: 8 },
    { header: `可抽取（${on}）`, width: 14 },
    { header: '不可抽取原因', width: 24 },
  ];
}

export function inspectorExportCells(inspector: InspectorExportSource): (string | number)[] {
  return [
    inspector.name,
    inspector.badgeNo,
    inspector.certificateNo ?? '',
    inspector.certificateValidFrom ?? '',
    inspector.certificateValidUntil ?? '',
    INSPECTOR_POST_LABELS[inspector.post],
    inspector.duty ?? '',
    inspector.roles.map((r) => INSPECTOR_ROLE_LABELS[r as InspectorRole] ?? r).join('、'),
    inspector.specialties.join('、'),
    inspector.drawWeight,
    inspector.phone ?? '',
    inspector.orgName,
    INSPECTOR_STATUS_LABELS[inspector.status],
    yesNo(inspector.drawable),
    inspector.undrawableReasonLabel ?? '',
  ];
}
