import { CONCLUSION_LABELS, UNABLE_REASON_LABELS, UNABLE_REASONS, type Conclusion } from '@contracts/field-labels.ts';
import type { FieldTask, SubmitRecordRequest } from '@contracts/field.ts';
import { useState } from 'react';
import { useField } from '../app/field-context.ts';
import { Screen } from '../components/screen.tsx';
import { Banner, Button, Checkbox, Choice, Section, TextField } from '../components/ui.tsx';
import { chinaDateTime, formatChinaMinute, formatChinaTime } from '../lib/dates.ts';
import type { OutboxItem } from '../outbox/send-record.ts';
import { PhotoStrip } from '../photos/photo-strip.tsx';
import { ChecklistLine } from './checklist-line.tsx';
import {
  buildRecordBody,
  correctsOf,
  filesOfRecord,
  findBodyProblems,
  findSignatureProblems,
  progressOf,
  suggestConclusion,
  updateLine,
  versionOf,
  type Draft,
} from './record-draft.ts';
import { SignaturesSection } from './signatures-section.tsx';
import { useDraft, type SaveState } from './use-draft.ts';

const CONCLUSION_OPTIONS = (['no_hazard', 'hazards_found'] as const).map((value) => ({ value, label: CONCLUSION_LABELS[value] }));
const UNABLE_OPTIONS = UNABLE_REASONS.map((value) => ({ value, label: UNABLE_REASON_LABELS[value] }));

/** The inspection record of one task: the checklist or the 无法检查 path, the conclusion, people, signatures, submit. */
export function RecordPage({ taskId }: { taskId: string }) {
  const { db, taskById, reportError, navigate, online, sendNow } = useField();
  const task = taskById(taskId);
  const { draft, change, save, stored, flush, latest, saveState } = useDraft(db, taskId, reportError);
  const [showProblems, setShowProblems] = useState(false);

  if (draft === undefined) return <div className="splash">正在读取草稿…</div>;
  if (!task || !draft) {
    return (
      <Screen title="检查记录" back={{ name: 'tasks', tab: 'today' }}>
        <p className="empty">没有找到这项任务的草稿：请从任务详情开始检查。</p>
      </Screen>
    );
  }
  const back = { name: 'task' as const, taskId };
  if (draft.state === 'submitted') {
    return (
      <Screen title="检查记录" back={back}>
        <Banner kind="ok">记录已提交，正在待发送中等待发送；发送成功前本机会一直保留。</Banner>
        <Button kind="primary" block onClick={() => navigate({ name: 'outbox' })}>
          查看待发送
        </Button>
      </Screen>
    );
  }

  const bodyProblems = findBodyProblems(draft, task.checklist);
  const signatureProblems = findSignatureProblems(draft);
  const progress = progressOf(draft);

  const submit = async () => {
    try {
      // What is sent is what is stored: the latest draft once every write has landed (a photo or a signature may
      // finish between the tap and here), checked again.
      await flush();
      const final = latest() ?? draft;
      if (findBodyProblems(final, task.checklist).length + findSignatureProblems(final).length > 0) {
        setShowProblems(true);
        return;
      }
      const body = buildRecordBody(final);
      const request: SubmitRecordRequest = { id: final.recordId, body, signatures: final.signatures, corrects: correctsOf(final) };
      const item: OutboxItem = {
        recordId: final.recordId,
        taskId,
        unitName: task.unit.name,
        request,
        version: versionOf(final),
        files: filesOfRecord(body, final.signatures),
        state: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: chinaDateTime(new Date()),
        lastTriedAt: null,
        sentAt: null,
      };
      const submitted: Draft = { ...final, state: 'submitted' };
      await db.transaction('rw', db.outbox, db.drafts, async () => {
        await db.outbox.put(item);
        await db.drafts.put(submitted);
      });
      stored(submitted);
      navigate({ name: 'outbox' });
      if (online) void sendNow(final.recordId);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Screen title={draft.corrects ? '更正检查记录' : '检查记录'} back={back}>
      {draft.corrects ? (
        <Section title={`更正记录（第 ${versionOf(draft)} 版）`}>
          <p className="muted small">
            更正第 {draft.corrects.version} 版：内容已按原记录填好，修改后全部签名须重新签署（签名覆盖新的记录内容）。原记录保留不变。
          </p>
          <TextField
            label="更正理由"
            required
            multiline
            maxLength={500}
            value={draft.corrects.reason}
            onChange={(reason) => change((d) => ({ ...d, corrects: d.corrects ? { ...d.corrects, reason } : null }))}
          />
        </Section>
      ) : null}
      <div className="record-head card">
        <strong>{task.unit.name}</strong>
        <div className="muted small">
          开始于 {formatChinaMinute(draft.startedAt)} · <SaveStatus state={saveState} />
          {draft.outcome === 'inspected' ? ` · 已填 ${progress.done}/${progress.total} 项，不符合 ${progress.fails} 项` : ''}
        </div>
      </div>
      <Choice
        label="检查情况"
        options={[
          { value: 'inspected', label: '正常检查' },
          { value: 'unable', label: '无法检查' },
        ]}
        value={draft.outcome}
        onChange={(outcome) => change((d) => ({ ...d, outcome }))}
      />
      {draft.outcome === 'inspected' ? (
        <InspectedForm task={task} draft={draft} change={change} flush={flush} />
      ) : (
        <UnableForm task={task} draft={draft} change={change} flush={flush} />
      )}
      <Section title="现场人员">
        <TextField label="陪同人员姓名" maxLength={40} value={draft.accompanying.name} onChange={(name) => change((d) => ({ ...d, accompanying: { ...d.accompanying, name } }))} />
        <TextField label="陪同人员职务" maxLength={40} value={draft.accompanying.title} onChange={(title) => change((d) => ({ ...d, accompanying: { ...d.accompanying, title } }))} />
        {task.jointStaffChoices.length > 0 ? (
          <fieldset className="joint">
            <legend>联合检查人员</legend>
            {task.jointStaffChoices.map((person) => (
              <Checkbox
                key={person.id}
                label={`${person.name}（${person.organization}）`}
                checked={draft.jointStaffIds.includes(person.id)}
                onChange={(checked) =>
                  change((d) => ({ ...d, jointStaffIds: checked ? [...d.jointStaffIds, person.id] : d.jointStaffIds.filter((id) => id !== person.id) }))
                }
              />
            ))}
          </fieldset>
        ) : null}
        <TextField label="备注" multiline maxLength={2000} value={draft.remarks} onChange={(remarks) => change((d) => ({ ...d, remarks }))} />
      </Section>
      <SignaturesSection task={task} draft={draft} save={save} latest={latest} canSign={bodyProblems.length === 0} />
      {showProblems && bodyProblems.length + signatureProblems.length > 0 ? (
        <Banner kind="error">
          <strong>还不能提交：</strong>
          <ul className="problems">
            {[...bodyProblems, ...signatureProblems].map((p, i) => (
              <li key={i}>
                {p.where}：{p.message}
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <div className="actions">
        <Button kind="primary" block onClick={() => void submit()}>
          提交到待发送
        </Button>
      </div>
    </Screen>
  );
}

/** Every edit is written to the device as it is made; this says when the last one is there. */
function SaveStatus({ state }: { state: SaveState }) {
  if (state.saving) return <span role="status">正在保存到本机…</span>;
  if (state.failed) return <strong role="alert" className="save-failed">最近的修改未能保存到本机，请重试</strong>;
  if (!state.savedAt) return <span role="status">本机自动保存</span>;
  return <span role="status">已保存到本机 {formatChinaTime(state.savedAt)}</span>;
}

type FormProps = { task: FieldTask; draft: Draft; change: (edit: (d: Draft) => Draft) => void; flush: () => Promise<unknown> };

function InspectedForm({ task, draft, change, flush }: FormProps) {
  const suggestion = suggestConclusion(draft);
  return (
    <>
      <Section title={`检查内容（${task.checklist.length} 项）`}>
        {task.checklist.map((line, index) => {
          const draftLine = draft.lines[index];
          if (!draftLine) return null;
          return (
            <ChecklistLine
              key={`${line.versionId}/${line.code}`}
              index={index}
              line={line}
              draftLine={draftLine}
              taskId={task.id}
              beforeCamera={flush}
              reinspection={task.kind === 'reinspection'}
              onChange={(edit) => change((d) => updateLine(d, index, edit))}
            />
          );
        })}
      </Section>
      <Section title="检查结论">
        <p className="muted small">按检查结果，建议结论为「{CONCLUSION_LABELS[suggestion]}」；请明确选择。</p>
        <Choice<Conclusion>
          label="检查结论"
          options={CONCLUSION_OPTIONS}
          value={draft.conclusion}
          onChange={(conclusion) => change((d) => ({ ...d, conclusion }))}
          tone={(v) => (v === 'hazards_found' ? 'bad' : 'good')}
        />
      </Section>
    </>
  );
}

function UnableForm({ task, draft, change, flush }: FormProps) {
  return (
    <Section title="无法检查">
      <Choice
        label="无法检查原因"
        options={UNABLE_OPTIONS}
        value={draft.unable.reason}
        onChange={(reason) => change((d) => ({ ...d, unable: { ...d.unable, reason } }))}
      />
      <TextField label="情况说明" required multiline maxLength={1000} value={draft.unable.detail} onChange={(detail) => change((d) => ({ ...d, unable: { ...d.unable, detail } }))} />
      <div className="field">
        <span className="field-label">现场照片（至少一张）</span>
        <PhotoStrip
          taskId={task.id}
          label="无法检查照片"
          photos={draft.unable.photos}
          beforeCamera={flush}
          onAdd={(sha) => change((d) => ({ ...d, unable: { ...d.unable, photos: [...d.unable.photos, sha] } }))}
          onRemove={(sha) => change((d) => ({ ...d, unable: { ...d.unable, photos: d.unable.photos.filter((p) => p !== sha) } }))}
        />
      </div>
    </Section>
  );
}
