import { z } from 'zod';
import { isoDate, PageQuery } from './common.ts';

export const AuditListQuery = PageQuery.extend({
  action: z.string({ error: '操作类型：必须是文本' }).trim().max(64, '操作类型：最多 64 个字符').optional(),
  q: z.string({ error: '关键字：必须是文本' }).trim().max(64, '关键字：最多 64 个字符').optional(),
  from: isoDate('开始时间').optional(),
  to: isoDate('结束时间').optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export type AuditEntryView = {
  seq: number;
  at: string;
  actorName: string;
  actorRoleLabel: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  targetType: string;
  targetId: string | null;
  orgName: string | null;
  summary: unknown;
  hash: string;
};

export type AuditVerifyView =
  | { ok: true; checked: number; lastHash: string; verifiedAt: string }
  | { ok: false; checked: number; brokenSeq: number; reason: string; message: string; verifiedAt: string };

export type AuditActionOption = { value: string; label: string };
