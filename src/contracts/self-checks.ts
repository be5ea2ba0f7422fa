/**
 * 十日、二十日检查 (issue 16): GET /api/self-checks (the reports in scope, newest first), GET /api/self-checks/:id (one
 * report; opening it marks the reader's inbox items about it read), POST /api/self-checks/run (「立即检查」, a brigade
 * administrator's own brigade; 201 with the report's id) and GET /api/inbox (the reader's unread 待阅消息).
 */
export type SelfCheckFindingItemView = { id: string; target: 'task' | 'inspector' | 'unit' | 'publication'; text: string };
export type SelfCheckFindingView = { kind: string; title: string; count: number; items: SelfCheckFindingItemView[] };

export type SelfCheckListItem = {
  id: string;
  orgId: string;
  orgName: string;
  checkDate: string;
  kind: 'brigade' | 'detachment';
  kindLabel: string;
  manual: boolean;
  summary: string;
  total: number;
};

export type SelfCheckListView = { items: SelfCheckListItem[]; canRunNow: boolean };

export type SelfCheckDetailView = SelfCheckListItem & {
  createdAt: string;
  findings: SelfCheckFindingView[];
  /** A detachment summary's brigades with their own reports and totals. */
  brigades: { reportId: string; orgId: string; orgName: string; total: number; summary: string }[];
};

export type InboxItemView = { id: string; title: string; body: string; link: string; createdAt: string };
export type InboxView = { items: InboxItemView[] };
