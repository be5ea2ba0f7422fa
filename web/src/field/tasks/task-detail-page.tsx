import type { FieldTask, RecordBody } from '@contracts/field.ts';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useField, useLiveValue } from '../app/field-context.ts';
import { Screen } from '../components/screen.tsx';
import { Banner, Button, Section, TextField } from '../components/ui.tsx';
import { chinaDateTime, chinaToday, daysBetween, formatShortDate } from '../lib/dates.ts';
import { scheduleVisit, startTask } from '../lib/field-api.ts';
import { newId } from '../lib/ids.ts';
import { confirmationKey } from '../outbox/send-record.ts';
import { pickCorrectionSource } from '../records/correction-source.ts';
import { startCorrection, startDraft } from '../records/record-draft.ts';

/** Everything about one task before going in: the unit, how to get there and whom to call, who goes, the visit date. */
export function TaskDetailPage({ taskId }: { taskId: string }) {
  const { taskById, navigate, db, online, reportError, outbox } = useField();
  const task = taskById(taskId);
  const draft = useLiveValue(async () => (await db.drafts.get(taskId)) ?? null, [db, taskId], null);
  const serverRecordId = task?.record?.id ?? null;
  const serverRecord = useLiveValue(async () => (serverRecordId ? ((await db.records.get(serverRecordId))?.view ?? null) : null), [db, serverRecordId], null);

  if (!task) {
    return (
      <Screen title="任务" back={{ name: 'tasks', tab: 'today' }}>
        <p className="empty">本机没有这项任务：请返回任务列表刷新。</p>
      </Screen>
    );
  }

  const open = async (outcome: RecordBody['outcome']) => {
    try {
      if (!draft) {
        const fresh = { ...startDraft(task, newId(), chinaDateTime(new Date())), outcome };
        await db.drafts.put(fresh);
        // Tells the server the inspection has begun (检查中); offline, the record itself says so later.
        if (online && (task.status === 'assigned' || task.status === 'notified')) void startTask(task.id).catch(() => undefined);
      }
      navigate({ name: 'record', taskId: task.id });
    } catch (error) {
      reportError(error);
    }
  };

  const finished = task.status === 'done' || task.status === 'unable' || task.status === 'closed';
  const confirmItem = task.record ? outbox.find((i) => i.recordId === confirmationKey(task.record!.id)) : undefined;
  const assistantConfirmed = Boolean(task.record?.assistantConfirmed || confirmItem?.state === 'sent');
  const awaitsMe = task.myRole === 'assistant' && task.record !== null && !assistantConfirmed;
  const correctionSource = finished ? pickCorrectionSource(task, serverRecord, outbox) : null;

  /** A correction: a new draft (new record id) from the submitted body; every signature is made again. */
  const correct = async () => {
    if (!correctionSource) return;
    try {
      await db.drafts.put(startCorrection(task, correctionSource, newId(), chinaDateTime(new Date())));
      navigate({ name: 'record', taskId: task.id });
    } catch (error) {
      reportError(error);
    }
  };

  const { unit } = task;
  const mapQuery = encodeURIComponent(unit.address ?? unit.name);
  return (
    <Screen title="任务详情" back={{ name: 'tasks', tab: 'today' }}>
      <div className="card">
        <div className="task-card-head">
          <strong className="unit-name">{unit.name}</strong>
          {task.kind === 'reinspection' ? <span className="tag tag-reinspection">复查</span> : null}
          <span className={`tag tag-${task.status}`}>{task.statusLabel}</span>
        </div>
        <div className="muted small">
          {task.drawCode} · {unit.categoryLabel}
          {unit.isCrowded ? ' · 人员密集场所' : ''}
          {unit.creditCode ? ` · ${unit.creditCode}` : ''}
        </div>
        <dl className="facts">
          <dt>地址</dt>
          <dd>
            {unit.address ?? '未登记'}
            <span className="link-row">
              <a href={`https://uri.amap.com/search?keyword=${mapQuery}&callnative=1`} target="_blank" rel="noreferrer">
                高德地图导航
              </a>
              <a href={`geo:0,0?q=${mapQuery}`}>其他地图</a>
            </span>
          </dd>
          <dt>联系人</dt>
          <dd>
            {unit.contactName ?? '未登记'}
            {unit.contactPhone ? (
              <a className="tel" href={`tel:${unit.contactPhone.replace(/[^\d+]/g, '')}`}>
                拨打 {unit.contactPhone}
              </a>
            ) : null}
          </dd>
          {task.followsNotice ? (
            <>
              <dt>复查依据</dt>
              <dd>责令限期改正通知书 {task.followsNotice.number}（逐项核查是否已改正）</dd>
            </>
          ) : null}
          <dt>截止日期</dt>
          <dd>{formatShortDate(task.dueDate)}</dd>
          <dt>检查日期</dt>
          <dd>{task.visitDate ? formatShortDate(task.visitDate) : '未确定'}</dd>
          {task.notice ? (
            <>
              <dt>告知</dt>
              <dd>
                {task.notice.stateLabel}
                {task.notice.late ? `（迟延告知：${task.notice.lateReason ?? ''}）` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </div>

      <div className="actions">
        {draft?.state === 'submitted' ? (
          <Button kind="primary" block onClick={() => navigate({ name: 'outbox' })}>
            记录已提交，查看发送情况
          </Button>
        ) : draft ? (
          <Button kind="primary" block onClick={() => void open(draft.outcome)}>
            {draft.corrects ? `继续填写更正记录（第 ${draft.corrects.version + 1} 版）` : '继续填写检查记录'}
          </Button>
        ) : finished ? (
          <>
            <Banner kind="ok">
              此任务已提交检查记录{task.record ? `（第 ${task.record.version} 版）` : ''}。{assistantConfirmed ? ' 协办已确认。' : ''}
            </Banner>
            {task.record ? (
              <Button kind={awaitsMe ? 'primary' : 'default'} block onClick={() => navigate({ name: 'submitted', taskId: task.id })}>
                {awaitsMe ? '查看记录并签名确认（协办）' : '查看已提交的记录'}
              </Button>
            ) : null}
            {task.myRole === 'lead' && task.status !== 'closed' ? (
              <Button block disabled={!correctionSource} onClick={() => void correct()}>
                {correctionSource ? `更正检查记录（将成为第 ${correctionSource.version + 1} 版）` : '更正检查记录（联网后读取原记录）'}
              </Button>
            ) : null}
          </>
        ) : (
          <>
            <Button kind="primary" block onClick={() => void open('inspected')}>
              开始检查
            </Button>
            <Button block onClick={() => void open('unable')}>
              无法检查
            </Button>
          </>
        )}
      </div>

      <Section title="检查人员">
        <ul className="plain-list">
          {task.people.map((person) => (
            <li key={person.id}>
              <strong>{person.name}</strong> <span className="tag">{person.role === 'lead' ? '主办' : '协办'}</span>
              <span className="muted small">{person.certificateNo ? ` 执法证 ${person.certificateNo}` : ''}</span>
            </li>
          ))}
        </ul>
      </Section>

      {task.myRole === 'lead' && (task.status === 'assigned' || task.status === 'notified') ? <VisitScheduler task={task} /> : null}

      <Section title="以往检查">
        {task.previousInspections.length === 0 ? (
          <p className="muted">无记录</p>
        ) : (
          <ul className="plain-list">
            {task.previousInspections.map((p) => (
              <li key={`${p.on}-${p.kindLabel}`}>
                {p.on} · {p.kindLabel}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="未办结的文书">
        {task.openNotices.length === 0 ? (
          <p className="muted">无</p>
        ) : (
          <ul className="plain-list">
            {task.openNotices.map((n) => (
              <li key={n.number}>
                {n.title}（{n.number}）{n.deadline ? ` 期限 ${n.deadline}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="检查内容">
        <p className="muted">共 {task.checklist.length} 项检查内容。</p>
      </Section>
    </Screen>
  );
}

/** The lead sets the visit date; the unit is told. A notice later than the day before needs a reason (the server decides). */
function VisitScheduler({ task }: { task: FieldTask }) {
  const { online, refreshBundle } = useField();
  const today = chinaToday(new Date());
  const [visitDate, setVisitDate] = useState(task.visitDate ?? '');
  const [lateReason, setLateReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const soon = visitDate !== '' && daysBetween(today, visitDate) < 2;

  const save = async () => {
    if (!visitDate) return setMessage({ kind: 'error', text: '请选择检查日期' });
    setBusy(true);
    setMessage(null);
    try {
      await scheduleVisit(task.id, visitDate, lateReason.trim());
      setMessage({ kind: 'ok', text: '检查日期已确定，系统将告知被检查单位。' });
      await refreshBundle();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : '保存失败，请重试' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="安排检查日期（主办）">
      <TextField label="检查日期" type="date" value={visitDate} onChange={setVisitDate} min={today} max={task.dueDate} />
      {soon ? (
        <TextField
          label="迟延告知理由"
          multiline
          value={lateReason}
          onChange={setLateReason}
          maxLength={500}
          hint="告知晚于检查日前一个工作日时必须填写。"
        />
      ) : null}
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <Button onClick={() => void save()} disabled={!online || busy}>
        {online ? '确定检查日期并告知单位' : '需联网后才能告知单位'}
      </Button>
    </Section>
  );
}
