import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldDb } from '../storage/field-db.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { editDraft, type Draft } from './record-draft.ts';

/**
 * The draft of one task, saved on every change (field rule 7): each edit is written to IndexedDB at once, in
 * order; `flush` waits for the writes (before the camera opens, which may reload the page in some browsers).
 */
export function useDraft(db: FieldDb, taskId: string, onError: (error: unknown) => void) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const current = useRef<Draft | null>(null);
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void db.drafts
      .get(taskId)
      .then((stored) => {
        if (!live) return;
        current.current = stored ?? null;
        setDraft(stored ?? null);
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [db, taskId, onError]);

  const save = useCallback(
    (next: Draft) => {
      current.current = next;
      setDraft(next);
      writes.current = writes.current.then(() => db.drafts.put(next)).catch(onError);
      return writes.current;
    },
    [db, onError],
  );

  /** Applies a body edit (voiding signatures when the body changed) and saves it. */
  const change = useCallback(
    (edit: (draft: Draft) => Draft) => {
      if (!current.current) return;
      void save(editDraft(current.current, edit, chinaDateTime(new Date())));
    },
    [save],
  );

  const flush = useCallback(() => writes.current, []);

  return { draft, change, save, flush, latest: () => current.current };
}
