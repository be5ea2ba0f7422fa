import { useId, useState } from 'react';
import { useField, useLiveValue } from '../app/field-context.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { fileUrl } from '../lib/field-api.ts';
import { compressPhoto } from './compress-photo.ts';

/**
 * The photos of one line (or of 无法检查): thumbnails, 拍照 through the phone's camera, and 删除. Each picture is shrunk
 * and hashed on the device and stored before the line names it; the draft is saved before the camera opens.
 */
export function PhotoStrip({
  taskId,
  label,
  photos,
  onAdd,
  onRemove,
  beforeCamera,
  max = 20,
}: {
  taskId: string;
  label: string;
  photos: string[];
  onAdd: (sha256: string) => void;
  onRemove: (sha256: string) => void;
  beforeCamera: () => Promise<unknown>;
  max?: number;
}) {
  const { db, reportError } = useField();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const thumbs = useLiveValue(
    async () => new Map((await db.photos.where('taskId').equals(taskId).toArray()).map((p) => [p.sha256, p.thumb])),
    [db, taskId],
    new Map<string, string>(),
  );

  const take = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of [...files].slice(0, Math.max(0, max - photos.length))) {
        const photo = await compressPhoto(file);
        try {
          await db.photos.put({
            id: `${taskId}/${photo.sha256}`,
            taskId,
            sha256: photo.sha256,
            kind: 'photo',
            mime: photo.mime,
            bytes: photo.bytes,
            byteSize: photo.bytes.byteLength,
            width: photo.width,
            height: photo.height,
            thumb: photo.thumb,
            createdAt: chinaDateTime(new Date()),
          });
        } catch (storageError) {
          reportError(storageError);
          return;
        }
        if (!photos.includes(photo.sha256)) onAdd(photo.sha256);
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '照片处理失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="photos">
      <ul className="photo-list" aria-label={`${label}（${photos.length} 张）`}>
        {photos.map((sha, index) => (
          <li key={sha} className="photo">
            {/* A photo of a corrected record was sent already: the server's copy (by its hash) stands in for the local one. */}
            <img src={thumbs.get(sha) ?? fileUrl(sha)} alt={`${label} 第 ${index + 1} 张`} />
            <button type="button" className="photo-remove" aria-label={`删除${label}第 ${index + 1} 张`} onClick={() => onRemove(sha)}>
              ×
            </button>
          </li>
        ))}
        {photos.length < max ? (
          <li>
            <label className={`photo-add${busy ? ' busy' : ''}`} htmlFor={inputId}>
              {busy ? '处理中…' : '＋ 拍照'}
            </label>
            <input
              id={inputId}
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              aria-label={`${label}：拍照`}
              disabled={busy}
              onClick={() => void beforeCamera()}
              onChange={(event) => {
                const input = event.currentTarget;
                void take(input.files).then(() => {
                  input.value = '';
                });
              }}
            />
          </li>
        ) : null}
      </ul>
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}
