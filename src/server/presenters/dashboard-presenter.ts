import type { MonthProgressView } from '../../contracts/dashboard.ts';
import type { getMonthProgress } from '../../usecases/dashboard/get-month-progress.ts';
import { DRAW_STATUS_LABELS } from '../../contracts/draws.ts';

type Progress = Awaited<ReturnType<typeof getMonthProgress>>;

/** The next step of a month's plan, as a sentence for the 工作台. */
function nextStep(plan: Progress['plans'][number]): string {
  if (plan.status === 'draft') return '审核并发布本月计划';
  if (!plan.draw) return '组织随机抽取';
  if (plan.draw.status === 'frozen') return '完成监督人承诺、揭示和开奖号码录入后执行抽取';
  if (plan.draw.overdue > 0) return `跟进 ${plan.draw.overdue} 项逾期任务`;
  if (plan.draw.open > 0) return `${plan.draw.open} 项任务待检查`;
  return '本月任务已全部完成';
}

export function presentMonthProgress(progress: Progress): MonthProgressView {
  return {
    year: progress.year,
    month: progress.month,
    today: progress.today,
    plans: progress.plans.map((p) => ({
      id: p.id,
      orgName: p.orgName,
      status: p.status,
      statusLabel: p.status === 'published' ? '已发布' : '草稿',
      totalQuota: p.totalQuota,
      dueDate: p.dueDate,
      draw: p.draw
        ? {
            id: p.draw.drawId,
            code: p.draw.code,
            status: p.draw.status,
            statusLabel: DRAW_STATUS_LABELS[p.draw.status],
            total: p.draw.total,
            done: p.draw.done,
            open: p.draw.open,
            overdue: p.draw.overdue,
          }
        : null,
      next: nextStep(p),
    })),
  };
}
