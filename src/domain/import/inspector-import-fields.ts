/**
 * The inspector fields an import file may fill (执法检查人员名录), their Chinese labels and the headers
 * recognised for each, best first. The badge number (警号/工号) is the key: unique across the system.
 */
import type { ImportFieldSpec } from './column-mapping.ts';

export const INSPECTOR_IMPORT_FIELDS = [
  'name',
  'badgeNo',
  'certificateNo',
  'certificateValidFrom',
  'certificateValidUntil',
  'post',
  'roles',
  'phone',
] as const;
export type InspectorImportField = (typeof INSPECTOR_IMPORT_FIELDS)[number];

export const REQUIRED_INSPECTOR_IMPORT_FIELDS: readonly InspectorImportField[] = ['name', 'badgeNo'];

export const INSPECTOR_IMPORT_FIELD_LABELS: Record<InspectorImportField, string> = {
  name: '姓名',
  badgeNo: '警号/工号',
  certificateNo: '执法证号',
  certificateValidFrom: '执法证有效期起',
  certificateValidUntil: '执法证有效期止',
  post: '岗位',
  roles: '可任角色',
  phone: '手机号',
};

export const INSPECTOR_HEADER_SYNONYMS: Record<InspectorImportField, readonly string[]> = {
  name: ['姓名', '人员姓名', '执法人员姓名', '检查人员姓名', '监督员姓名'],
  badgeNo: ['警号/工号', '警号', '工号', '工号/警号', '警号(工号)', '工号(警号)', '人员编号'],
  certificateNo: ['执法证号', '执法证编号', '执法证件号', '执法证', '执法资格证号', '执法证件编号'],
  certificateValidFrom: ['执法证有效期起', '有效期起', '有效期自', '有效期开始', '有效期起始日期', '发证日期', '起始日期'],
  certificateValidUntil: [
    '执法证有效期止',
    '有效期止',
    '有效期至',
    '有效期截止',
    '有效期截止日期',
    '有效期结束',
    '截止日期',
    '到期日期',
  ],
  post: ['岗位', '岗位类别', '岗位类型', '人员类别'],
  roles: ['可任角色', '可担任角色', '执法角色', '角色'],
  phone: ['手机号', '手机', '手机号码', '联系电话', '电话'],
};

export const INSPECTOR_IMPORT_SPEC: ImportFieldSpec<InspectorImportField> = {
  fields: INSPECTOR_IMPORT_FIELDS,
  labels: INSPECTOR_IMPORT_FIELD_LABELS,
  required: REQUIRED_INSPECTOR_IMPORT_FIELDS,
};
