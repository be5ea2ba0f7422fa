import { LINE_RESULT_LABELS, REINSPECTION_LINE_RESULT_LABELS, type LineResult } from '@contracts/field-labels.ts';
import type { FieldChecklistLine } from '@contracts/field.ts';
import { Choice, TextField } from '../components/ui.tsx';
import { PhotoStrip } from '../photos/photo-strip.tsx';
import type { DraftHazard, DraftLine } from './record-draft.ts';

const RESULT_ORDER: LineResult[] = ['pass', 'fail', 'na', 'unchecked'];
const RESULT_OPTIONS = RESULT_ORDER.map((value) => ({ value, label: LINE_RESULT_LABELS[value] }));
/** A 复查 line: 符合 reads 已改正, 不符合 未改正 (decision 0023). */
const REINSPECTION_OPTIONS = RESULT_ORDER.map((value) => ({ value, label: REINSPECTION_LINE_RESULT_LABELS[value] }));
const toneOf = (value: LineResult) => (value === 'pass' ? 'good' : value === 'fail' ? 'bad' : 'neutral');

/** One checklist line: its text, an explicit result (nothing preselected), the hazard when 不符合, a note and photos. */
export function ChecklistLine({
  index,
  line,
  draftLine,
  taskId,
  onChange,
  beforeCamera,
  reinspection = false,
}: {
  index: number;
  line: FieldChecklistLine;
  draftLine: DraftLine;
  taskId: string;
  onChange: (change: (line: DraftLine) => DraftLine) => void;
  beforeCamera: () => Promise<unknown>;
  reinspection?: boolean;
}) {
  const setHazard = (change: Partial<DraftHazard>) => onChange((l) => ({ ...l, hazard: { ...l.hazard, ...change } }));
  const title = `第 ${index + 1} 项`;
  return (
    <article className={`card line line-${draftLine.result ?? 'none'}`} aria-label={`${title} ${line.code}`}>
      <div className="line-head">
        <span className="line-no">{index + 1}</span>
        <div>
          <div className="muted small">
            {line.itemName} · {line.code}
          </div>
          <p className="line-text">{line.text}</p>
          {line.basis ? (
            <details className="basis">
              <summary>检查依据</summary>
              <p>{line.basis}</p>
            </details>
          ) : null}
        </div>
      </div>
      <Choice label={`${title}检查结果`} options={reinspection ? REINSPECTION_OPTIONS : RESULT_OPTIONS} value={draftLine.result} onChange={(result) => onChange((l) => ({ ...l, result }))} tone={toneOf} />
      {draftLine.result === 'unchecked' ? (
        <TextField label="未查原因" required multiline maxLength={500} value={draftLine.uncheckedReason} onChange={(uncheckedReason) => onChange((l) => ({ ...l, uncheckedReason }))} />
      ) : null}
      {draftLine.result === 'fail' ? (
        <div className="hazard" aria-label={`${title}隐患`}>
          <TextField label={reinspection ? '仍存在的问题' : '隐患描述'} required multiline maxLength={1000} value={draftLine.hazard.description} onChange={(description) => setHazard({ description })} />
          <TextField label="隐患部位" required maxLength={200} value={draftLine.hazard.location} onChange={(location) => setHazard({ location })} />
          <TextField label="违反的规定" required multiline maxLength={500} value={draftLine.hazard.legalBasis} onChange={(legalBasis) => setHazard({ legalBasis })} hint="已按检查依据预填，可修改。" />
          <div className="field">
            <span className="field-label">当场改正</span>
            <Choice
              label={`${title}是否当场改正`}
              options={[
                { value: 'yes', label: '已当场改正' },
                { value: 'no', label: '未当场改正' },
              ]}
              value={draftLine.hazard.fixedOnSpot === null ? null : draftLine.hazard.fixedOnSpot ? 'yes' : 'no'}
              onChange={(value) => setHazard({ fixedOnSpot: value === 'yes' })}
            />
          </div>
        </div>
      ) : null}
      {draftLine.result !== null ? (
        <>
          <TextField label="说明" multiline maxLength={1000} value={draftLine.note} onChange={(note) => onChange((l) => ({ ...l, note }))} />
          <PhotoStrip
            taskId={taskId}
            label={`${title}现场照片`}
            photos={draftLine.photos}
            beforeCamera={beforeCamera}
            onAdd={(sha) => onChange((l) => ({ ...l, photos: [...l.photos, sha] }))}
            onRemove={(sha) => onChange((l) => ({ ...l, photos: l.photos.filter((p) => p !== sha) }))}
          />
        </>
      ) : null}
    </article>
  );
}
