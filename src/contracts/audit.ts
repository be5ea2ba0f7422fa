import { z } from 'zod';
import { isoDate, PageQuery, queryText } from './common.ts';

export const AuditListQuery = PageQuery.extend({
  action: queryText('操作类型', 64).optional(),
  q: queryText('关键字', 64).optional(),
  actor: queryText('操作人', 64).optional(),
  targetType: queryText('对象类型', 32).optional(),
  targetId: queryText('对象编号', 64).optional(),
  /** Sign-ins are folded away unless asked for: hide (when omitted), show, or only them. */
  logins: z.enum(['hide', 'show', 'only'], { error: '登录记录：应为 hide、show 或 only' }).optional(),
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
  targetTypeLabel: string;
  targetId: string | null;
  /** The object by name (姓名（用户名）, a unit's name, a draw's code …), null when gone or nameless. */
  targetName: string | null;
  orgName: string | null;
  summary: unknown;
  /** The summary in Chinese: 「字段：值」, a change as 「旧值 → 新值」. */
  lines: { label: string; value: string }[];
  hash: string;
};

export type AuditVerifyView =
  | { ok: true; checked: number; lastHash: string; verifiedAt: string }
  | { ok: false; checked: number; brokenSeq: number; reason: string; message: string; verifiedAt: string };

export type AuditActionOption = { value: string; label: string };

/** What the audit log can be filtered by: its actions and the kinds of object. */
export type AuditFilterOptions = { actions: AuditActionOption[]; targetTypes: AuditActionOption[] };
