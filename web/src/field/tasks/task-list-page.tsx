import type { FieldTask } from '@contracts/field.ts';
import { useField, useLiveValue } from '../app/field-context.ts';
import { Screen } from '../components/screen.tsx';
import { Banner, Button } from '../components/ui.tsx';
import { chinaToday, formatChinaMinute, formatShortDate } from '../lib/dates.ts';
import { isUnsent } from '../outbox/send-record.ts';
import { awaitsMyConfirmation, groupTasks, TASK_TABS, type TaskTab } from './task-groups.ts';

/** 今日 / 本周 / 逾期: the inspector's open tasks from the bundle kept on the device. */
export function TaskListPage({ tab }: { tab: TaskTab }) {
  const { bundle, bundleError, refreshBundle, navigate, online, db, outbox } = useField();
  const drafts = useLiveValue(async () => new Set(await db.drafts.toCollection().primaryKeys()), [db], new Set<string>());
  const waiting = new Set(outbox.filter(isUnsent).map((item) => item.taskId));
  const groups = groupTasks(bundle?.bundle.tasks ?? [], chinaToday(new Date()));
  const tasks = groups[tab];

  return (
    <Screen
      title="我的任务"
      actions={
        <Button kind="link" onClick={() => void refreshBundle()} disabled={!online}>
          刷新
        </Button>
      }
    >
      <div className="tabs" role="tablist" aria-label="任务分类">
        {TASK_TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={t.key === tab}
            className={t.key === tab ? 'tab active' : 'tab'}
            onClick={() => navigate({ name: 'tasks', tab: t.key }, { replace: true })}
          >
            {t.label}
            <span className="tab-count">{groups[t.key].length}</span>
          </button>
        ))}
      </div>
      {bundle ? <p className="muted small">任务更新于 {formatChinaMinute(bundle.savedAt)}（已下载未来 7 天的任务，离线可用）</p> : null}
      {bundleError ? <Banner kind={bundle ? 'warn' : 'error'}>任务未能更新：{bundleError}</Banner> : null}
      {!bundle && !bundleError ? <p className="muted">{online ? '正在下载任务…' : '本机还没有任务：请联网后刷新。'}</p> : null}
      {bundle && tasks.length === 0 ? <p className="empty">{EMPTY[tab]}</p> : null}
      <ul className="task-list">
        {tasks.map((task) => (
          <li key={task.id}>
            <TaskCard task={task} hasDraft={drafts.has(task.id)} waiting={waiting.has(task.id)} onOpen={() => navigate({ name: 'task', taskId: task.id })} />
          </li>
        ))}
      </ul>
    </Screen>
  );
}

const EMPTY: Record<TaskTab, string> = { today: '今天没有安排检查的任务', week: '本周没有任务', overdue: '没有逾期任务', done: '近期没有已提交的记录' };

function TaskCard({ task, hasDraft, waiting, onOpen }: { task: FieldTask; hasDraft: boolean; waiting: boolean; onOpen: () => void }) {
  return (
    <button type="button" className="card task-card" onClick={onOpen}>
      <div className="task-card-head">
        <strong>{task.unit.name}</strong>
        {task.kind === 'reinspection' ? <span className="tag tag-reinspection">复查</span> : null}
        <span className={`tag tag-${task.status}`}>{task.statusLabel}</span>
      </div>
      <div className="muted small">{task.unit.address ?? '地址未登记'}</div>
      {task.followsNotice ? <div className="muted small">复查 {task.followsNotice.number}</div> : null}
      <div className="task-card-meta">
        <span>{task.visitDate ? `检查日 ${formatShortDate(task.visitDate)}` : '未定检查日'}</span>
        <span>截止 {formatShortDate(task.dueDate)}</span>
        <span>{task.myRole === 'lead' ? '主办' : '协办'}</span>
      </div>
      <div className="task-card-flags">
        <span className="tag">{task.unit.categoryLabel}</span>
        {task.unit.isCrowded ? <span className="tag">人员密集场所</span> : null}
        {hasDraft ? <span className="tag tag-draft">草稿</span> : null}
        {waiting ? <span className="tag tag-waiting">待发送</span> : null}
        {awaitsMyConfirmation(task) ? <span className="tag tag-draft">待我确认</span> : null}
        {task.record?.assistantConfirmed ? <span className="tag tag-ok">协办已确认</span> : null}
      </div>
    </button>
  );
}
