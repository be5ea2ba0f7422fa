import { z } from 'zod';

/** Every error response of the API. `message` is Chinese and names the field when one is at fault. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The top-level request field at fault (the form field; a list's error names the list). */
    field: z.string().optional(),
    /** Where inside `field` exactly, when deeper: "checklist.2.code" (list indexes as numbers, dot-separated). */
    path: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Text input: trimmed, no control characters (they break documents and exports). */
export const cleanText = (label: string, max: number) =>
  z
    .string({ error: `${label}：必须是文本` })
    .trim()
    .min(1, `${label}：不能为空`)
    .max(max, `${label}：最多 ${max} 个字符`)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label}：含有不可见的控制字符`);

export const uuidParam = (label: string) => z.string({ error: `${label}：编号格式不正确` }).uuid(`${label}：编号格式不正确`);

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date written YYYY-MM-DD (z.iso.date: 2026-02-30 and 2025-02-29 fail). `label` names the field,
 * or builds the name from the issue's path when the field sits in a list (「第 4 天的日期」).
 */
export const isoDate = (label: string | ((path: readonly PropertyKey[]) => string)) =>
  z.iso.date({
    error: (issue) => {
      const name = typeof label === 'string' ? label : label(issue.path ?? []);
      if (typeof issue.input !== 'string') return `${name}：必须是文本`;
      return DATE_SHAPE.test(issue.input) ? `${name}：不是有效的日期` : `${name}：应为 YYYY-MM-DD 格式的日期`;
    },
  });

export const IdParams = z.object({ id: uuidParam('编号') });
export type IdParams = z.infer<typeof IdParams>;

export const PageQuery = z.object({
  page: z.coerce.number({ error: '页码：必须是数字' }).int('页码：必须是整数').min(1, '页码：至少为 1').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数：必须是数字' })
    .int('每页条数：必须是整数')
    .min(1, '每页条数：至少为 1')
    .max(200, '每页条数：最多 200')
    .default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** `totalCapped`: the list stopped counting at `total` (shown as "20,000+"); narrow the filter for an exact figure. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalCapped?: boolean };

/** Field keys → Chinese labels, used when a request fails validation on a field without its own message. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  displayName: '姓名',
  role: '角色',
  orgId: '所属机构',
  parentId: '上级机构',
  kind: '机构类型',
  name: '名称',
  shortName: '简称',
  divisionCode: '行政区划代码',
  detachmentId: '所属支队',
  brigadeIds: '成员大队',
  reason: '原因',
  disabled: '停用',
  action: '操作类型',
  from: '开始时间',
  to: '结束时间',
  q: '关键字',
  page: '页码',
  pageSize: '每页条数',
};
