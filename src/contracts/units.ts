import { z } from 'zod';
import { UNIT_CATEGORIES, UNIT_SOURCES, UNIT_STATUSES } from '../domain/registry/unit-rules.ts';
import { cleanText, isoDate, nameText, PageQuery, queryText, text, uuidParam } from './common.ts';

// The closed value sets and their Chinese labels are the domain's (src/domain/registry/unit-rules.ts, pure), named
// here so the web takes them from the contracts instead of keeping copies.
export { UNIT_CATEGORY_LABELS, UNIT_SOURCE_LABELS, UNIT_STATUS_LABELS } from '../domain/registry/unit-rules.ts';
export const UNIT_CATEGORY_VALUES = UNIT_CATEGORIES;
export const UNIT_STATUS_VALUES = UNIT_STATUSES;
export const UNIT_SOURCE_VALUES = UNIT_SOURCES;
export const UNIT_FLAG_VALUES = ['isCrowded', 'isFlammable', 'isHighRise'] as const;
/** Data-quality problems, each a filter of the list (see GET /api/units/quality). */
export const UNIT_QUALITY_VALUES = [
  'missing_address',
  'missing_contact',
  'missing_safety_owner',
  'missing_district',
  'suspected_duplicate',
  'flagged',
  'stale',
] as const;
export const UNIT_SORT_VALUES = ['name', 'uscc', 'category', 'status', 'riskLevel', 'updatedAt', 'createdAt'] as const;

/** Comma-separated or repeated query values → array. */
const list = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',')),
      z.array(z.enum(values, { error: `${label}：包含无效的取值` })).optional(),
    )
    .optional();
const textList = (label: string) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',')),
      z
        .array(text(label, { max: 64, messages: { empty: `${label}：取值不能为空`, tooLong: `${label}：取值过长` } }))
        .max(50, `${label}：最多 50 个取值`)
        .optional(),
    )
    .optional();

export const UnitListQuery = PageQuery.extend({
  q: queryText('关键字', 100).optional(),
  category: list(UNIT_CATEGORY_VALUES, '单位类别'),
  status: list(UNIT_STATUS_VALUES, '状态'),
  flags: list(UNIT_FLAG_VALUES, '场所属性'),
  riskLevel: textList('风险等级'),
  creditLevel: textList('信用等级'),
  tags: textList('标签'),
  industry: textList('行业'),
  districtCode: z
    .string({ error: '行政区划：应为 6 位代码' })
    .regex(/^[0-9]{6}$/, '行政区划：应为 6 位代码')
    .optional(),
  brigadeId: uuidParam('所属大队').optional(),
  quality: z.enum(UNIT_QUALITY_VALUES, { error: '数据质量：不是有效的类别' }).optional(),
  sort: z.enum(UNIT_SORT_VALUES, { error: '排序字段：无效' }).default('updatedAt'),
  order: z.enum(['asc', 'desc'], { error: '排序方向：只能是 asc 或 desc' }).default('desc'),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export type UnitListItem = {
  id: string;
  uscc: string;
  name: string;
  address: string | null;
  registeredAddress: string | null;
  districtCode: string | null;
  districtName: string | null;
  street: string | null;
  category: string;
  categoryLabel: string;
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  industry: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  tags: string[];
  status: string;
  statusLabel: string;
  flagged: boolean;
  flagReason: string | null;
  contactName: string | null;
  /** Masked in lists (138****5678); full on the detail page. */
  contactPhoneMasked: string | null;
  brigadeId: string;
  brigadeName: string;
  source: string;
  sourceLabel: string;
  updatedAt: string;
};

export type UnitHistoryItem = { at: string; actorName: string; kind: string; kindLabel: string; summary: unknown };

export type UnitDetail = Omit<UnitListItem, 'contactPhoneMasked'> & {
  community: string | null;
  buildingScale: string | null;
  legalRepresentative: string | null;
  contactPhone: string | null;
  safetyOwner: string | null;
  safetyManager: string | null;
  statusEffectiveOn: string | null;
  statusReason: string | null;
  flaggedAt: string | null;
  createdAt: string;
  drawable: boolean;
  undrawableReason: string | null;
  undrawableReasonLabel: string | null;
  usccWarnings: string[];
  probableDuplicates: { id: string; name: string; uscc: string; address: string | null }[];
  history: UnitHistoryItem[];
  /** Every inspection of the unit on record (newest first); `counted`: it counts toward the frequency rules. */
  /** `taskId`: the task an inspection of this system comes from (its page has the record). */
  inspections: { on: string; kind: string; kindLabel: string; counted: boolean; sourceLabel: string; note: string | null; taskId: string | null }[];
  /** The unit's tasks (newest first: drawn ones and 复查), each with its latest inspection record. */
  tasks: {
    id: string;
    kind: 'draw' | 'reinspection';
    kindLabel: string;
    /** Null for a 复查 task (drawCode 「复查」). */
    drawId: string | null;
    drawCode: string;
    stratum: string;
    dueDate: string;
    status: string;
    statusLabel: string;
    leads: string[];
    assistants: string[];
    record: { id: string; version: number; outcomeLabel: string; conclusionLabel: string | null } | null;
  }[];
};

const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), cleanText(label, max).nullable().optional());
/** A person's name, or blank. */
const optionalName = (label: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), nameText(label, max).nullable().optional());

/**
 * The editable fields of a unit, without defaults. The credit code is validated by the domain (check character).
 * Defaults belong to creation only: zod 4's `.partial()` keeps a field's `.default()` and fills it in when the field
 * is absent, so an update built from defaulted fields would reset the flags, tags and source the client left out.
 */
const unitFieldShape = z.object({
  name: nameText('单位名称', 100),
  uscc: text('统一社会信用代码', {
    max: 40,
    messages: { type: '统一社会信用代码：必须填写', empty: '统一社会信用代码：必须填写', tooLong: '统一社会信用代码：过长' },
  }),
  registeredAddress: optionalText('住所（注册地址）', 200),
  address: optionalText('实际经营地址', 200),
  districtCode: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string({ error: '行政区划：应为 6 位代码' })
      .regex(/^[0-9]{6}$/, '行政区划：应为 6 位代码')
      .nullable()
      .optional(),
  ),
  street: optionalText('街道（乡镇）', 50),
  community: optionalText('社区（村）', 50),
  category: z.enum(UNIT_CATEGORY_VALUES, { error: '单位类别：不是有效的类别' }),
  isCrowded: z.boolean({ error: '人员密集场所：应为是或否' }),
  isFlammable: z.boolean({ error: '易燃易爆场所：应为是或否' }),
  isHighRise: z.boolean({ error: '高层建筑：应为是或否' }),
  industry: optionalText('行业', 50),
  buildingScale: optionalText('建筑规模', 50),
  riskLevel: optionalText('风险等级', 50),
  creditLevel: optionalText('信用等级', 50),
  tags: z
    .array(text('标签', { max: 50, messages: { tooLong: '标签：每个最多 50 个字符' } }), { error: '标签：必须是列表' })
    .max(30, '标签：最多 30 个'),
  legalRepresentative: optionalName('法定代表人', 50),
  contactName: optionalName('联系人', 50),
  contactPhone: optionalText('联系电话', 30),
  safetyOwner: optionalName('消防安全责任人', 50),
  safetyManager: optionalName('消防安全管理人', 50),
  source: z.enum(UNIT_SOURCE_VALUES, { error: '数据来源：无效' }),
});

/** The fields of a new unit: omitted site flags, tags and source take their defaults. */
export const UnitFields = unitFieldShape.extend({
  isCrowded: unitFieldShape.shape.isCrowded.default(false),
  isFlammable: unitFieldShape.shape.isFlammable.default(false),
  isHighRise: unitFieldShape.shape.isHighRise.default(false),
  tags: unitFieldShape.shape.tags.default([]),
  source: unitFieldShape.shape.source.default('manual'),
});

export const CreateUnitRequest = UnitFields.extend({ brigadeId: uuidParam('所属大队') });
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;

/** PATCH: only the fields sent, each validated as on creation; an omitted field stays absent and keeps its stored value. */
export const UpdateUnitRequest = unitFieldShape
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), '请至少修改一项');
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequest>;

export const ChangeUnitStatusRequest = z.object({
  status: z.enum(UNIT_STATUS_VALUES, { error: '状态：不是有效的状态' }),
  reason: cleanText('原因', 200),
  effectiveOn: isoDate('生效日期'),
});
export type ChangeUnitStatusRequest = z.infer<typeof ChangeUnitStatusRequest>;

export const BulkUnitStatusRequest = ChangeUnitStatusRequest.extend({
  unitIds: z
    .array(uuidParam('单位'), { error: '单位：必须是列表' })
    .min(1, '单位：请至少选择一个')
    .max(5000, '单位：一次最多 5000 个'),
});
export type BulkUnitStatusRequest = z.infer<typeof BulkUnitStatusRequest>;

export const TransferUnitRequest = z.object({
  brigadeId: uuidParam('转入大队'),
  reason: cleanText('原因', 200),
});
export type TransferUnitRequest = z.infer<typeof TransferUnitRequest>;
/** After a transfer the unit may have left the caller's subtree, so only where it went is returned. */
export type TransferUnitResult = { id: string; brigadeId: string; brigadeName: string; stillVisible: boolean };

export const FlagUnitRequest = z.object({
  flagged: z.boolean({ error: '标记：必须是是/否' }),
  reason: cleanText('原因', 200),
});
export type FlagUnitRequest = z.infer<typeof FlagUnitRequest>;

export const UnitQualityQuery = z.object({ brigadeId: uuidParam('所属大队').optional() });
export type UnitQualityQuery = z.infer<typeof UnitQualityQuery>;

export type UnitQualityView = {
  total: number;
  counts: Record<(typeof UNIT_QUALITY_VALUES)[number], number>;
  staleDays: number;
};

export type DictionaryEntryView = {
  id: string;
  kind: string;
  code: string;
  label: string;
  color: string | null;
  weight: number | null;
  sortOrder: number;
  active: boolean;
};

export const DICTIONARY_KIND_VALUES = [
  'industry',
  'building_scale',
  'special_tag',
  'risk_level',
  'credit_level',
  'inspector_post_weight',
  'specialty',
] as const;

const dictionaryColor = z.string({ error: '颜色：应为 #RRGGBB' }).regex(/^#[0-9a-fA-F]{6}$/, '颜色：应为 #RRGGBB');
const dictionaryWeight = z
  .number({ error: '权重：必须是整数' })
  .int('权重：必须是整数')
  .min(1, '权重：1–64')
  .max(64, '权重：1–64');
const dictionarySortOrder = z
  .number({ error: '排序：必须是整数' })
  .int('排序：必须是整数')
  .min(0, '排序：应在 0–9999 之间')
  .max(9999, '排序：应在 0–9999 之间');

export const CreateDictionaryEntryRequest = z.object({
  kind: z.enum(DICTIONARY_KIND_VALUES, { error: '字典类型：无效' }),
  code: cleanText('代码', 50),
  label: cleanText('名称', 50),
  color: dictionaryColor.nullable().optional(),
  weight: dictionaryWeight.nullable().optional(),
  sortOrder: dictionarySortOrder.default(0),
});
export type CreateDictionaryEntryRequest = z.infer<typeof CreateDictionaryEntryRequest>;

export const UpdateDictionaryEntryRequest = z
  .object({
    label: cleanText('名称', 50).optional(),
    color: dictionaryColor.nullable().optional(),
    weight: dictionaryWeight.nullable().optional(),
    sortOrder: dictionarySortOrder.optional(),
    active: z.boolean({ error: '启用：应为是或否' }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '请至少修改一项');
export type UpdateDictionaryEntryRequest = z.infer<typeof UpdateDictionaryEntryRequest>;

export const DivisionListQuery = z.object({
  within: z.string({ error: '上级行政区划：应为 6 位代码' }).regex(/^[0-9]{6}$/, '上级行政区划：应为 6 位代码'),
});
export type DivisionListQuery = z.infer<typeof DivisionListQuery>;

export const DivisionCodeParams = z.object({
  code: z.string({ error: '行政区划：应为 6 位代码' }).regex(/^[0-9]{6}$/, '行政区划：应为 6 位代码'),
});
export type DivisionCodeParams = z.infer<typeof DivisionCodeParams>;

export type DivisionView = { code: string; name: string; fullName: string; retired: boolean };
