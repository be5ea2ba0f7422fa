import { z } from 'zod';

export const LoginRequest = z.object({
  username: z.string({ error: '用户名：必须填写' }).trim().min(1, '用户名：必须填写').max(64, '用户名：最多 64 个字符'),
  password: z.string({ error: '密码：必须填写' }).min(1, '密码：必须填写').max(256, '密码：过长'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string({ error: '当前密码：必须填写' }).min(1, '当前密码：必须填写').max(256, '当前密码：过长'),
  newPassword: z.string({ error: '新密码：必须填写' }).min(1, '新密码：必须填写').max(256, '新密码：过长'),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export type SessionInfo = {
  account: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    roleLabel: string;
    mustChangePassword: boolean;
  };
  org: { id: string; name: string; kind: string; kindLabel: string };
  permissions: string[];
  readOnly: boolean;
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
};
