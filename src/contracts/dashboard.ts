/** The 工作台's month: each monthly plan of this month in the actor's subtree, its draw and its tasks. */
export type MonthProgressView = {
  year: number;
  month: number;
  today: string;
  plans: {
    id: string;
    orgName: string;
    status: 'draft' | 'published';
    statusLabel: string;
    totalQuota: number;
    dueDate: string;
    draw: { id: string; code: string; status: string; statusLabel: string; total: number; done: number; open: number; overdue: number } | null;
    /** What to do next, in a sentence: 「发布月度计划」, 「组织随机抽取」, 「跟进逾期任务」… */
    next: string;
  }[];
};
