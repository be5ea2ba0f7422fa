import type { ImportRowOutcome } from '@contracts/imports.ts';
import {
  AVAILABILITY_KIND_LABELS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  INSPECTOR_STATUS_LABELS,
  type AVAILABILITY_KIND_VALUES,
  type EXTERNAL_KIND_VALUES,
  type INSPECTOR_POST_VALUES,
  type INSPECTOR_ROLE_VALUES,
  type INSPECTOR_STATUS_VALUES,
} from '@contracts/inspectors.ts';
import {
  UNIT_CATEGORY_LABELS,
  UNIT_SOURCE_LABELS,
  UNIT_STATUS_LABELS,
  type DICTIONARY_KIND_VALUES,
  type UNIT_CATEGORY_VALUES,
  type UNIT_FLAG_VALUES,
  type UNIT_QUALITY_VALUES,
  type UNIT_SOURCE_VALUES,
  type UNIT_STATUS_VALUES,
} from '@contracts/units.ts';

/**
 * Chinese labels (and tag colours) of the registries' closed value sets, for selects and tags. Labels the server also
 * uses come from the contracts (the domain's own, decision 0019) and are named here beside their colours and options;
 * the rest (flags, data-quality conditions, dictionary kinds) are the web's alone.
 */
export {
  AVAILABILITY_KIND_LABELS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  INSPECTOR_STATUS_LABELS,
  UNIT_CATEGORY_LABELS,
  UNIT_SOURCE_LABELS,
  UNIT_STATUS_LABELS,
};

export type UnitCategory = (typeof UNIT_CATEGORY_VALUES)[number];
export type UnitStatus = (typeof UNIT_STATUS_VALUES)[number];
export type UnitFlag = (typeof UNIT_FLAG_VALUES)[number];
export type UnitQuality = (typeof UNIT_QUALITY_VALUES)[number];
export type UnitSource = (typeof UNIT_SOURCE_VALUES)[number];
export type DictionaryKind = (typeof DICTIONARY_KIND_VALUES)[number];
export type InspectorPost = (typeof INSPECTOR_POST_VALUES)[number];
export type InspectorRole = (typeof INSPECTOR_ROLE_VALUES)[number];
export type InspectorStatus = (typeof INSPECTOR_STATUS_VALUES)[number];
export type AvailabilityKind = (typeof AVAILABILITY_KIND_VALUES)[number];
export type ExternalKind = (typeof EXTERNAL_KIND_VALUES)[number];

type Option<V extends string> = { value: V; label: string };
const options = <V extends string>(labels: Record<V, string>): Option<V>[] =>
  (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

export const UNIT_CATEGORY_COLORS: Record<UnitCategory, string> = {
  key: 'volcano',
  general: 'blue',
  small_venue: 'cyan',
  other: 'default',
};
export const UNIT_CATEGORY_OPTIONS = options(UNIT_CATEGORY_LABELS);

export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = {
  active: 'green',
  suspended: 'orange',
  deregistered: 'default',
  relocated: 'purple',
  not_found: 'red',
};
export const UNIT_STATUS_OPTIONS = options(UNIT_STATUS_LABELS);

export const UNIT_FLAG_LABELS: Record<UnitFlag, string> = {
  isCrowded: '人员密集场所',
  isFlammable: '易燃易爆场所',
  isHighRise: '高层建筑',
};
export const UNIT_FLAG_OPTIONS = options(UNIT_FLAG_LABELS);

export const UNIT_SOURCE_OPTIONS = options(UNIT_SOURCE_LABELS);

export const UNIT_QUALITY_LABELS: Record<UnitQuality, string> = {
  missing_address: '缺少实际经营地址',
  missing_contact: '缺少联系人或联系电话',
  missing_safety_owner: '缺少消防安全责任人',
  missing_district: '缺少行政区划',
  suspected_duplicate: '疑似重复',
  flagged: '疑似僵尸单位（待核实）',
  stale: '超过一年未更新',
};
export const UNIT_QUALITY_OPTIONS = options(UNIT_QUALITY_LABELS);

export const DICTIONARY_KIND_LABELS: Record<DictionaryKind, string> = {
  industry: '行业',
  building_scale: '建筑规模',
  special_tag: '特殊标签',
  risk_level: '风险等级',
  credit_level: '信用等级',
  inspector_post_weight: '岗位抽取权重',
  specialty: '专长',
};

export const INSPECTOR_POST_OPTIONS = options(INSPECTOR_POST_LABELS);

export const INSPECTOR_ROLE_OPTIONS = options(INSPECTOR_ROLE_LABELS);

export const INSPECTOR_STATUS_COLORS: Record<InspectorStatus, string> = {
  active: 'green',
  transferred: 'default',
  retired: 'default',
};
export const INSPECTOR_STATUS_OPTIONS = options(INSPECTOR_STATUS_LABELS);

export const AVAILABILITY_KIND_COLORS: Record<AvailabilityKind, string> = {
  leave: 'blue',
  seconded: 'purple',
  frozen: 'red',
};
export const AVAILABILITY_KIND_OPTIONS = options(AVAILABILITY_KIND_LABELS);

export const EXTERNAL_KIND_LABELS: Record<ExternalKind, string> = {
  expert: '专家库',
  department_staff: '其他部门执法人员',
};

export const IMPORT_OUTCOME_LABELS: Record<ImportRowOutcome, string> = {
  new: '新增',
  changed: '变更',
  unchanged: '无变化',
  invalid: '错误',
};
export const IMPORT_OUTCOME_COLORS: Record<ImportRowOutcome, string> = {
  new: 'green',
  changed: 'blue',
  unchanged: 'default',
  invalid: 'red',
};

/** A label from a closed set, falling back to the raw value for codes the client does not know yet. */
export function labelOf<V extends string>(labels: Record<V, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return Object.hasOwn(labels, value) ? labels[value as V] : value;
}

export function colorOf<V extends string>(colors: Record<V, string>, value: string): string | undefined {
  return Object.hasOwn(colors, value) ? colors[value as V] : undefined;
}
