import { z } from 'zod';
import { AVAILABILITY_KINDS, INSPECTOR_POSTS, INSPECTOR_ROLES, INSPECTOR_STATUSES } from '../domain/registry/inspector-rules.ts';
import { cleanText, isoDate, nameText, PageQuery, queryText, text, uuidParam } from './common.ts';

// The closed value sets and their Chinese labels are the domain's (src/domain/registry/inspector-rules.ts, pure),
// named here so the web takes them from the contracts instead of keeping copies.
export {
  AVAILABILITY_KIND_LABELS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  INSPECTOR_STATUS_LABELS,
} from '../domain/registry/inspector-rules.ts';
export const INSPECTOR_POST_VALUES = INSPECTOR_POSTS;
export const INSPECTOR_ROLE_VALUES = INSPECTOR_ROLES;
export const INSPECTOR_STATUS_VALUES = INSPECTOR_STATUSES;
export const AVAILABILITY_KIND_VALUES = AVAILABILITY_KINDS;

export const InspectorListQuery = PageQuery.extend({
  q: queryText('关键字', 64).optional(),
  orgId: uuidParam('所属机构').optional(),
  post: z.enum(INSPECTOR_POST_VALUES, { error: '岗位：无效' }).optional(),
  status: z.enum(INSPECTOR_STATUS_VALUES, { error: '状态：无效' }).optional(),
  /** Only inspectors who can (true) or cannot (false) be drawn on `on` (default today). */
  drawable: z.enum(['true', 'false'], { error: '可抽取：只能是 true 或 false' }).optional(),
  on: isoDate('日期').optional(),
});
export type InspectorListQuery = z.infer<typeof InspectorListQuery>;

export type AvailabilityView = {
  id: string;
  kind: string;
  kindLabel: string;
  from: string;
  to: string | null;
  reason: string;
  createdByName: string | null;
  createdAt: string;
  liftedAt: string | null;
  liftReason: string | null;
  /** In force on the reference date. */
  current: boolean;
};

export type RecusalView = {
  id: string;
  inspectorId: string;
  inspectorName: string;
  unitId: string;
  unitName: string;
  unitUscc: string;
  reason: string;
  validFrom: string;
  validTo: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
};

export type InspectorListItem = {
  id: string;
  name: string;
  badgeNo: string;
  certificateNo: string | null;
  certificateValidUntil: string | null;
  orgId: string;
  orgName: string;
  post: string;
  postLabel: string;
  duty: string | null;
  roles: string[];
  roleLabels: string[];
  specialties: string[];
  drawWeight: number;
  /** Masked (138****5678) in lists. */
  phoneMasked: string | null;
  status: string;
  statusLabel: string;
  drawable: boolean;
  undrawableReason: string | null;
  undrawableReasonLabel: string | null;
  accountUsername: string | null;
};

export type InspectorDetail = Omit<InspectorListItem, 'phoneMasked'> & {
  phone: string | null;
  certificateValidFrom: string | null;
  availability: AvailabilityView[];
  recusals: RecusalView[];
  zones: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
};

const optionalText = (label: string, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), cleanText(label, max).nullable().optional());

/** Specialty codes (dictionary "specialty"), shared by inspectors and external people. Empty by default on creation. */
const specialties = z
  .array(text('专长', { max: 50, messages: { tooLong: '专长：每项最多 50 个字符' } }), { error: '专长：必须是列表' })
  .max(20, '专长：最多 20 项');

/**
 * The editable fields of an inspector, without defaults. Defaults belong to creation only: zod 4's `.partial()` keeps a
 * field's `.default()` and fills it in when the field is absent, so an update built from defaulted fields would empty
 * the specialties and zone memberships the client left out.
 */
const inspectorFieldShape = z.object({
  name: nameText('姓名', 32),
  badgeNo: cleanText('警号/工号', 32),
  certificateNo: optionalText('执法证号', 64),
  certificateValidFrom: isoDate('执法证有效期起').nullable().optional(),
  certificateValidUntil: isoDate('执法证有效期止').nullable().optional(),
  orgId: uuidParam('所属机构'),
  post: z.enum(INSPECTOR_POST_VALUES, { error: '岗位：无效' }),
  duty: optionalText('职务', 50),
  roles: z
    .array(z.enum(INSPECTOR_ROLE_VALUES, { error: '可任角色：只能是主办或协办' }), { error: '可任角色：必须是列表' })
    .min(1, '可任角色：至少选择一项')
    .max(2, '可任角色：最多 2 项'),
  specialties,
  /** Omitted = the default weight of the post (dictionary "inspector_post_weight"). */
  drawWeight: z
    .number({ error: '抽取权重：必须是整数' })
    .int('抽取权重：必须是整数')
    .min(1, '抽取权重：1–64')
    .max(64, '抽取权重：1–64')
    .optional(),
  phone: optionalText('手机号', 30),
  zoneIds: z.array(uuidParam('协作区'), { error: '协作区：必须是列表' }).max(20, '协作区：最多 20 个'),
});

/** The fields of a new inspector: omitted specialties and zones are empty. */
export const InspectorFields = inspectorFieldShape.extend({
  specialties: specialties.default([]),
  zoneIds: inspectorFieldShape.shape.zoneIds.default([]),
});

export const CreateInspectorRequest = InspectorFields;
export type CreateInspectorRequest = z.infer<typeof CreateInspectorRequest>;

/** PATCH: only the fields sent, each validated as on creation; an omitted field stays absent and keeps its stored value. */
export const UpdateInspectorRequest = inspectorFieldShape
  .partial()
  .extend({ status: z.enum(INSPECTOR_STATUS_VALUES, { error: '状态：无效' }).optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '请至少修改一项');
export type UpdateInspectorRequest = z.infer<typeof UpdateInspectorRequest>;

export const CreateAvailabilityRequest = z
  .object({
    kind: z.enum(AVAILABILITY_KIND_VALUES, { error: '类型：只能是请假、抽调或冻结' }),
    from: isoDate('开始日期'),
    to: isoDate('结束日期').nullable().optional(),
    reason: cleanText('原因', 200),
  })
  .refine((v) => !v.to || v.to >= v.from, { message: '结束日期：不能早于开始日期', path: ['to'] });
export type CreateAvailabilityRequest = z.infer<typeof CreateAvailabilityRequest>;

export const LiftAvailabilityRequest = z.object({ reason: cleanText('原因', 200) });
export type LiftAvailabilityRequest = z.infer<typeof LiftAvailabilityRequest>;

export const CreateRecusalRequest = z
  .object({
    inspectorId: uuidParam('检查人员'),
    unitId: uuidParam('单位'),
    reason: cleanText('回避原因', 200),
    validFrom: isoDate('有效期起'),
    validTo: isoDate('有效期止').nullable().optional(),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { message: '有效期止：不能早于有效期起', path: ['validTo'] });
export type CreateRecusalRequest = z.infer<typeof CreateRecusalRequest>;

export const RecusalListQuery = z.object({ inspectorId: uuidParam('检查人员').optional(), unitId: uuidParam('单位').optional() });
export type RecusalListQuery = z.infer<typeof RecusalListQuery>;

export const RevokeRecusalRequest = z.object({ reason: cleanText('原因', 200) });
export type RevokeRecusalRequest = z.infer<typeof RevokeRecusalRequest>;

export const EXTERNAL_KIND_VALUES = ['expert', 'department_staff'] as const;

export type ExternalPersonView = {
  id: string;
  orgId: string;
  orgName: string;
  kind: string;
  kindLabel: string;
  name: string;
  organization: string;
  title: string | null;
  specialties: string[];
  certificateNo: string | null;
  phoneMasked: string | null;
  active: boolean;
  notes: string | null;
};

export const ExternalPersonListQuery = PageQuery.extend({
  kind: z.enum(EXTERNAL_KIND_VALUES, { error: '类型：只能是专家或部门人员' }).optional(),
  q: queryText('关键字', 64).optional(),
});
export type ExternalPersonListQuery = z.infer<typeof ExternalPersonListQuery>;

/** On PUT, an omitted `phone` keeps the stored number (lists only ever show it masked). */
export const SaveExternalPersonRequest = z.object({
  orgId: uuidParam('所属机构'),
  kind: z.enum(EXTERNAL_KIND_VALUES, { error: '类型：只能是专家或部门人员' }),
  name: nameText('姓名', 32),
  organization: nameText('工作单位/所属部门', 100),
  title: optionalText('职称/职务', 50),
  specialties: specialties.default([]),
  certificateNo: optionalText('证件号', 64),
  phone: optionalText('手机号', 30),
  active: z.boolean({ error: '在库：应为是或否' }).default(true),
  notes: optionalText('备注', 500),
});
export type SaveExternalPersonRequest = z.infer<typeof SaveExternalPersonRequest>;
