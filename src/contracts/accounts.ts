import { z } from 'zod';
import { password } from './auth.ts';
import { ROLES } from '../domain/access.ts';
import { cleanText, nameText, PageQuery, queryText, uuidParam } from './common.ts';

export const ROLE_VALUES = ROLES;

const roleField = z.enum(ROLE_VALUES, { error: '角色：不是有效的角色' });

export const AccountListQuery = PageQuery.extend({
  q: queryText('关键字', 64).optional(),
  role: roleField.optional(),
  orgId: uuidParam('所属机构').optional(),
  status: z.enum(['active', 'disabled'], { error: '状态：只能是 active 或 disabled' }).optional(),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export type AccountView = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  orgId: string;
  orgName: string;
  disabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  mustChangePassword: boolean;
  createdAt: string;
};

export const CreateAccountRequest = z.object({
  username: z
    .string({ error: '用户名：必须填写' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名：3–32 位，以字母开头，只含字母、数字、下划线、点或连字符'),
  displayName: nameText('姓名', 32),
  role: roleField,
  orgId: uuidParam('所属机构'),
  password: password('初始密码', '初始密码：最多 256 个字符'),
});
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const UpdateAccountRequest = z
  .object({
    displayName: nameText('姓名', 32).optional(),
    role: roleField.optional(),
    orgId: uuidParam('所属机构').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '请至少修改一项');
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

export const SetAccountStatusRequest = z.object({
  disabled: z.boolean({ error: '停用：必须是是/否' }),
  reason: cleanText('原因', 200),
});
export type SetAccountStatusRequest = z.infer<typeof SetAccountStatusRequest>;

export const ResetPasswordRequest = z.object({
  password: password('新密码', '新密码：最多 256 个字符'),
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;
