import type { Signature } from '@contracts/field.ts';
import { useField, useLiveValue } from '../app/field-context.ts';
import { fileUrl } from '../lib/field-api.ts';

/**
 * A handwritten signature as it was stored: the PNG kept on this device (its data URL: the page allows data: images,
 * not blob:), or, once sent and deleted here, the server's copy by its hash. A refusal shows its witness and reason.
 */
export function SignatureImage({ taskId, signature, who }: { taskId: string; signature: Signature; who: string }) {
  const { db } = useField();
  const sha = signature.kind === 'signed' ? signature.image : null;
  const local = useLiveValue(async () => (sha ? ((await db.photos.get(`${taskId}/${sha}`))?.thumb ?? null) : null), [db, taskId, sha], null);
  if (signature.kind === 'refused') {
    return (
      <p className="muted small">
        拒绝签名 · 见证人 {signature.witness} · {signature.reason}
      </p>
    );
  }
  return <img className="signature-image" src={local ?? fileUrl(signature.image)} alt={`${who}签名`} />;
}
