import type { FieldTask, Signature } from '@contracts/field.ts';
import { useState } from 'react';
import { useField } from '../app/field-context.ts';
import { Banner, Button, Checkbox, Choice, Section, TextField } from '../components/ui.tsx';
import { chinaDateTime, formatChinaMinute } from '../lib/dates.ts';
import { sha256Hex, sha256OfText } from '../lib/hash.ts';
import { bytesOfDataUrl } from '../photos/compress-photo.ts';
import { signatureImage } from '../storage/field-db.ts';
import { isSignatureCurrent, sameBodyAsSeen, signDraft, SIGNING_RACED_NOTICE, type Draft, type SignatureRole } from './record-draft.ts';
import { SignatureBox } from './signature-box.tsx';
import { SignatureImage } from './signature-image.tsx';

const hashCanonical = sha256OfText;

/**
 * The signatures, each over the body hash of the moment (decision 0020): the lead, the assistant here or later on
 * their own device, and the unit's representative or a recorded refusal with a witness.
 */
export function SignaturesSection({
  task,
  draft,
  save,
  latest,
  canSign,
}: {
  task: FieldTask;
  draft: Draft;
  save: (draft: Draft) => Promise<unknown>;
  /** The draft as last saved: a signature finishing after other edits adds itself to them, never to an older copy. */
  latest: () => Draft | null;
  canSign: boolean;
}) {
  const { db, reportError } = useField();
  const lead = task.people.find((p) => p.role === 'lead');
  const assistants = task.people.filter((p) => p.role === 'assistant');

  /**
   * Signs over `seen`, the draft on screen when 确认 was pressed. Should another save land while the signature is made
   * (another signature, a photo being stored), the signature is added to the latest draft when its body is still the
   * one seen; when the content changed it is not kept, and the record says so: a signature covers only what was seen.
   */
  const sign = async (role: SignatureRole, make: (signedHash: string, at: string) => Signature, seen: Draft | null) => {
    if (!seen) return;
    const at = chinaDateTime(new Date());
    for (let base = seen; ; ) {
      const next = await signDraft(base, role, (hash) => make(hash, at), hashCanonical, at);
      // (A draft submitted meanwhile is left alone by save itself.)
      const now = latest();
      if (!now) return;
      if (now === base) return void (await save(next));
      if (!sameBodyAsSeen(seen, now)) return void (await save({ ...now, voidedNotice: SIGNING_RACED_NOTICE }));
      base = now;
    }
  };

  const signWithImage = (role: SignatureRole) => async (dataUrl: string) => {
    const seen = latest();
    try {
      const bytes = bytesOfDataUrl(dataUrl);
      const sha = await sha256Hex(bytes);
      await db.photos.put(signatureImage(task.id, sha, bytes, dataUrl, chinaDateTime(new Date())));
      await sign(role, (signedHash, at) => ({ kind: 'signed', image: sha, signedHash, at }), seen);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Section title="签名">
      {draft.voidedNotice ? <Banner kind="warn">{draft.voidedNotice}</Banner> : null}
      {!canSign ? <Banner kind="info">请先完成上面标出的必填内容，再签名。签名后如修改内容，签名将作废。</Banner> : null}
      <SignatureSlot taskId={task.id} title={`主办人员${lead ? `（${lead.name}）` : ''}`} signature={draft.signatures.lead} current={isSignatureCurrent(draft, draft.signatures.lead)}>
        <SignatureBox label="主办" disabled={!canSign} onConfirm={signWithImage('lead')} />
      </SignatureSlot>
      <SignatureSlot
        taskId={task.id}
        title={`协办人员${assistants.length ? `（${assistants.map((a) => a.name).join('、')}）` : ''}`}
        signature={draft.assistantElsewhere ? null : draft.signatures.assistant}
        current={isSignatureCurrent(draft, draft.signatures.assistant)}
      >
        <Checkbox
          label="协办将在自己的设备上确认"
          checked={draft.assistantElsewhere}
          onChange={(assistantElsewhere) => {
            const base = latest();
            if (base) void save({ ...base, assistantElsewhere, signatures: assistantElsewhere ? { ...base.signatures, assistant: null } : base.signatures });
          }}
        />
        {draft.assistantElsewhere ? null : <SignatureBox label="协办" disabled={!canSign} onConfirm={signWithImage('assistant')} />}
      </SignatureSlot>
      {draft.outcome === 'inspected' ? (
        <SignatureSlot taskId={task.id} title="被检查单位人员" signature={draft.signatures.representative} current={isSignatureCurrent(draft, draft.signatures.representative)}>
          <RepresentativeSigning canSign={canSign} onSign={signWithImage('representative')} onRefuse={(witness, reason) => sign('representative', (signedHash, at) => ({ kind: 'refused', witness, reason, signedHash, at }), latest())} />
        </SignatureSlot>
      ) : null}
    </Section>
  );
}

function SignatureSlot({
  taskId,
  title,
  signature,
  current,
  children,
}: {
  taskId: string;
  title: string;
  signature: Signature | null;
  current: boolean;
  children: React.ReactNode;
}) {
  const done = signature !== null && current;
  return (
    <div className={`signature-slot${done ? ' signed' : ''}`}>
      <div className="signature-slot-head">
        <strong>{title}</strong>
        {done ? (
          <span className="tag tag-ok">{signature.kind === 'signed' ? `已签名 ${formatChinaMinute(signature.at)}` : `拒绝签名（见证人 ${signature.witness}）`}</span>
        ) : (
          <span className="tag">未签名</span>
        )}
      </div>
      {done && signature.kind === 'signed' ? <SignatureImage taskId={taskId} signature={signature} who={title} /> : null}
      {done ? null : children}
    </div>
  );
}

function RepresentativeSigning({ canSign, onSign, onRefuse }: { canSign: boolean; onSign: (dataUrl: string) => Promise<void>; onRefuse: (witness: string, reason: string) => Promise<void> }) {
  const [mode, setMode] = useState<'sign' | 'refuse' | null>(null);
  const [witness, setWitness] = useState('');
  const [reason, setReason] = useState('');
  return (
    <>
      <Choice
        label="被检查单位人员签名方式"
        options={[
          { value: 'sign', label: '当场签名' },
          { value: 'refuse', label: '拒绝签名' },
        ]}
        value={mode}
        onChange={setMode}
      />
      {mode === 'sign' ? <SignatureBox label="被检查单位" disabled={!canSign} onConfirm={onSign} /> : null}
      {mode === 'refuse' ? (
        <div>
          <TextField label="见证人" required maxLength={40} value={witness} onChange={setWitness} />
          <TextField label="拒签说明" required multiline maxLength={500} value={reason} onChange={setReason} />
          <Button kind="primary" disabled={!canSign || !witness.trim() || !reason.trim()} onClick={() => void onRefuse(witness.trim(), reason.trim())}>
            记录拒绝签名
          </Button>
        </div>
      ) : null}
    </>
  );
}
