import type { z } from 'zod';
import { isoDate, PageQuery, queryText } from './common.ts';

export const AuditListQuery = PageQuery.extend({
  action: queryText('操作类型', 64).optional(),
  q: queryText('关键字', 64).optional(),
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
