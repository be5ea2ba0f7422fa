import { z } from 'zod';
import type { Permission } from '../domain/access.ts';
import { text } from './common.ts';

/** What an account may do (src/domain/access.ts): the session lists them, the web shows what they allow. */
export type { Permission } from '../domain/access.ts';

/** A password as typed: surrounding spaces kept (they are part of it), the text rule otherwise. */
export const password = (label: string, tooLong = `${label}：过长`) =>
  text(label, { max: 256, trim: false, messages: { type: `${label}：必须填写`, empty: `${label}：必须填写`, tooLong } });

export const LoginRequest = z.object({
  username: text('用户名', { max: 64, messages: { type: '用户名：必须填写', empty: '用户名：必须填写' } }),
  password: password('密码'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: password('当前密码'),
  newPassword: password('新密码'),
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
    /** The 执法检查人员 this account is (a field account has one): it has tasks of its own (我的任务). */
    inspectorId: string | null;
  };
  org: { id: string; name: string; kind: string; kindLabel: string };
  permissions: Permission[];
  readOnly: boolean;
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
};
