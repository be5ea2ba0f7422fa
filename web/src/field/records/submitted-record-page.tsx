import { CONCLUSION_LABELS, LINE_RESULT_LABELS, REINSPECTION_LINE_RESULT_LABELS, UNABLE_REASON_LABELS } from '@contracts/field-labels.ts';
import type { FieldTask, RecordView, Signature } from '@contracts/field.ts';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useField, useLiveValue } from '../app/field-context.ts';
import { Screen } from '../components/screen.tsx';
import { Banner, Button, Section } from '../components/ui.tsx';
import { chinaDateTime, formatChinaMinute } from '../lib/dates.ts';
import { fetchRecord, fileUrl } from '../lib/field-api.ts';
import { sha256Hex } from '../lib/hash.ts';
import { confirmationKey, type OutboxItem } from '../outbox/send-record.ts';
import { bytesOfDataUrl } from '../photos/compress-photo.ts';
import { signatureImage, type StoredRecord } from '../storage/field-db.ts';
import { SignatureBox } from './signature-box.tsx';
import { SignatureImage } from './signature-image.tsx';

/**
 * The task's submitted record, read-only, as the server keeps it (kept on the device for offline use): lines,
 * hazards, photos, signatures. The 协办 confirms it here with their own signature over its body hash (decision 0020),
 * sent through the outbox like a record.
 */
export function SubmittedRecordPage({ taskId }: { taskId: string }) {
  const { db, taskById, online, outbox } = useField();
  const task = taskById(taskId);
  const recordId = task?.record?.id ?? null;
  // undefined while the device's copy is being read; null when there is none (then it is fetched, online).
  const stored = useLiveValue<StoredRecord | null | undefined>(
    async () => (recordId ? ((await db.records.get(recordId)) ?? null) : null),
    [db, recordId],
    undefined,
  );
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!recordId || stored !== null || !online) return;
    let live = true;
    fetchRecord(recordId)
      .then((view) => db.records.put({ id: view.id, taskId: view.taskId, view, savedAt: chinaDateTime(new Date()) }))
      .catch((error: unknown) => {
        if (live) setLoadError(error instanceof ApiError ? error.message : '读取检查记录失败，请稍后重试');
      });
    return () => {
      live = false;
    };
  }, [db, recordId, stored, online]);

  const back = { name: 'task' as const, taskId };
  if (!task || !task.record) {
    return (
      <Screen title="已提交的记录" back={back}>
        <p className="empty">本机没有这项任务的已提交记录：请返回任务列表刷新。</p>
      </Screen>
    );
  }
  if (!stored) {
    return (
      <Screen title="已提交的记录" back={back}>
        {loadError ? <Banner kind="error">{loadError}</Banner> : null}
        <p className="empty">{online ? '正在读取检查记录…' : '本机尚未保存这份记录：联网后即可查看并确认。'}</p>
      </Screen>
    );
  }
  const view = stored.view;
  const item = outbox.find((i) => i.recordId === confirmationKey(view.id)) ?? null;
  return (
    <Screen title="已提交的记录" back={back}>
      <RecordSummaryCard task={task} view={view} />
      {view.body.outcome === 'inspected' ? <LinesSection view={view} reinspection={task.kind === 'reinspection'} /> : <UnableSection view={view} />}
      <Section title="现场人员">
        <dl className="facts">
          <dt>陪同人员</dt>
          <dd>{view.body.accompanying.name ? `${view.body.accompanying.name}${view.body.accompanying.title ? `（${view.body.accompanying.title}）` : ''}` : '无'}</dd>
          <dt>备注</dt>
          <dd>{view.body.remarks || '无'}</dd>
        </dl>
      </Section>
      <Section title="签名">
        <SignatureRow title="主办人员" taskId={taskId} signature={view.signatures.lead} />
        {view.signatures.assistant ? <SignatureRow title="协办人员" taskId={taskId} signature={view.signatures.assistant} /> : null}
        {view.body.outcome === 'inspected' ? <SignatureRow title="被检查单位人员" taskId={taskId} signature={view.signatures.representative} /> : null}
      </Section>
      {task.myRole === 'assistant' && !view.signatures.assistant ? <AssistantConfirmation task={task} view={view} item={item} /> : null}
    </Screen>
  );
}

function RecordSummaryCard({ task, view }: { task: FieldTask; view: RecordView }) {
  return (
    <div className="card record-head">
      <div className="task-card-head">
        <strong className="unit-name">{view.unitName}</strong>
        <span className="tag">第 {view.version} 版</span>
      </div>
      <div className="muted small">
        {view.drawCode} · {view.outcomeLabel}
        {view.body.conclusion ? ` · ${CONCLUSION_LABELS[view.body.conclusion]}` : ''}
      </div>
      <div className="muted small">
        {view.submittedBy} 提交于 {formatChinaMinute(view.submittedAt)} · 检查时间 {formatChinaMinute(view.body.startedAt)}
      </div>
      {view.correctionReason ? <div className="small">更正理由：{view.correctionReason}</div> : null}
      {task.record?.assistantConfirmed || view.assistantConfirmedAt ? <span className="tag tag-ok">协办已确认</span> : null}
    </div>
  );
}

function Photos({ label, photos }: { label: string; photos: string[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-list" aria-label={`${label}（${photos.length} 张）`}>
      {photos.map((sha, index) => (
        <li key={sha} className="photo">
          <img src={fileUrl(sha)} alt={`${label} 第 ${index + 1} 张`} loading="lazy" />
        </li>
      ))}
    </ul>
  );
}

function LinesSection({ view, reinspection }: { view: RecordView; reinspection: boolean }) {
  return (
    <Section title={`检查内容（${view.body.lines.length} 项）`}>
      {view.body.lines.map((line, index) => {
        const label = view.lineLabels[`${line.versionId}:${line.code}`];
        return (
          <article key={`${line.versionId}/${line.code}`} className="readonly-line" aria-label={`第 ${index + 1} 项 ${line.code}`}>
            <div className="readonly-line-head">
              <span>
                {index + 1}. {label?.text ?? line.code}
              </span>
              <span className={`tag${line.result === 'fail' ? ' tag-fail' : line.result === 'pass' ? ' tag-ok' : ''}`}>{(reinspection ? REINSPECTION_LINE_RESULT_LABELS : LINE_RESULT_LABELS)[line.result]}</span>
            </div>
            {line.uncheckedReason ? <div className="muted small">未查原因：{line.uncheckedReason}</div> : null}
            {line.note ? <div className="muted small">说明：{line.note}</div> : null}
            {line.hazard ? (
              <div className="hazard small">
                <div>隐患描述：{line.hazard.description}</div>
                <div>隐患部位：{line.hazard.location}</div>
                <div>违反的规定：{line.hazard.legalBasis}</div>
                <div>{line.hazard.fixedOnSpot ? '已当场改正' : '未当场改正'}</div>
              </div>
            ) : null}
            <Photos label={`第 ${index + 1} 项现场照片`} photos={line.photos} />
          </article>
        );
      })}
    </Section>
  );
}

function UnableSection({ view }: { view: RecordView }) {
  const unable = view.body.unable;
  if (!unable) return null;
  return (
    <Section title="无法检查">
      <dl className="facts">
        <dt>原因</dt>
        <dd>{UNABLE_REASON_LABELS[unable.reason]}</dd>
        <dt>情况说明</dt>
        <dd>{unable.detail}</dd>
      </dl>
      <Photos label="无法检查照片" photos={unable.photos} />
    </Section>
  );
}

function SignatureRow({ title, taskId, signature }: { title: string; taskId: string; signature: Signature | null }) {
  return (
    <div className={`signature-slot${signature ? ' signed' : ''}`}>
      <div className="signature-slot-head">
        <strong>{title}</strong>
        <span className={`tag${signature ? ' tag-ok' : ''}`}>
          {signature ? (signature.kind === 'signed' ? `已签名 ${formatChinaMinute(signature.at)}` : '拒绝签名') : '未签名'}
        </span>
      </div>
      {signature ? <SignatureImage taskId={taskId} signature={signature} who={title} /> : null}
    </div>
  );
}

/** The 协办 signs over the record's body hash; the confirmation waits in the outbox until the server has it. */
function AssistantConfirmation({ task, view, item }: { task: FieldTask; view: RecordView; item: OutboxItem | null }) {
  const { db, online, sendNow, reportError, navigate, sending, bundle } = useField();
  const me = bundle?.bundle.inspector.name ?? '';
  const confirmed = task.record?.assistantConfirmed || view.assistantConfirmedAt !== null || item?.state === 'sent';
  const signature = item?.kind === 'confirm' ? item.confirm.signature : null;

  const confirm = async (dataUrl: string) => {
    try {
      const bytes = bytesOfDataUrl(dataUrl);
      const sha = await sha256Hex(bytes);
      const at = chinaDateTime(new Date());
      const key = confirmationKey(view.id);
      const next: OutboxItem = {
        recordId: key,
        taskId: task.id,
        unitName: task.unit.name,
        kind: 'confirm',
        confirm: { recordId: view.id, version: view.version, bodyHash: view.bodyHash, signature: { kind: 'signed', image: sha, signedHash: view.bodyHash, at } },
        files: [sha],
        state: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: at,
        lastTriedAt: null,
        sentAt: null,
      };
      await db.transaction('rw', db.photos, db.outbox, async () => {
        await db.photos.put(signatureImage(task.id, sha, bytes, dataUrl, at));
        await db.outbox.put(next);
      });
      if (online) void sendNow(key);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Section title="协办确认">
      {confirmed ? (
        <Banner kind="ok" role="status">
          协办已确认
        </Banner>
      ) : item ? (
        <>
          <Banner kind={item.state === 'failed' ? 'error' : 'info'} role="status">
            {item.state === 'failed' ? `确认未被接受：${item.lastError ?? ''}` : '确认已签名，正在待发送中等待发送；发送成功前本机会一直保留。'}
          </Banner>
          {item.state === 'pending' && item.lastError ? <div className="field-error">{item.lastError}</div> : null}
          <Button kind="primary" block disabled={sending} onClick={() => void sendNow(item.recordId)}>
            {sending ? '正在发送…' : online ? '立即发送' : '立即发送（当前离线）'}
          </Button>
          <Button block onClick={() => navigate({ name: 'outbox' })}>
            查看待发送
          </Button>
        </>
      ) : (
        <>
          <p className="muted small">
            {me ? `${me}：` : ''}请核对以上内容（第 {view.version} 版）。签名即确认这份记录的内容，签名覆盖记录内容的校验值。
          </p>
          <SignatureBox label="协办" onConfirm={confirm} />
        </>
      )}
      {signature && !confirmed ? <SignatureImage taskId={task.id} signature={signature} who="协办人员" /> : null}
    </Section>
  );
}
