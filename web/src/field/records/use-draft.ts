import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldDb } from '../storage/field-db.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { editDraft, type Draft } from './record-draft.ts';

/**
 * Whether every edit so far is on the device: `saving` while a write is outstanding; `failed` when the last write
 * failed (until one succeeds again); else when the last one landed.
 */
export type SaveState = { saving: boolean; failed: boolean; savedAt: Date | null };

/**
 * The draft of one task, saved on every change (field rule 7): each edit is written to IndexedDB at once, in
 * order; `flush` waits for the writes (before the camera opens, which may reload the page in some browsers).
 * `saveState` tells the inspector when the last edit is on the device, not merely on the screen.
 */
export function useDraft(db: FieldDb, taskId: string, onError: (error: unknown) => void) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<SaveState>({ saving: false, failed: false, savedAt: null });
  const current = useRef<Draft | null>(null);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const outstanding = useRef(0);

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
      // Once submitted (the outbox holds it), nothing finishing late writes the draft back as being edited.
      if (current.current?.state === 'submitted') return writes.current;
      current.current = next;
      setDraft(next);
      outstanding.current += 1;
      setSaveState((state) => ({ ...state, saving: true }));
      const landed = (ok: boolean) => {
        outstanding.current -= 1;
        const saving = outstanding.current > 0;
        setSaveState((state) => (ok ? { saving, failed: false, savedAt: new Date() } : { ...state, saving, failed: true }));
      };
      writes.current = writes.current
        .then(() => db.drafts.put(next))
        .then(
          () => landed(true),
          (error: unknown) => {
            landed(false);
            onError(error);
          },
        );
      return writes.current;
    },
    [db, onError],
  );

  /** The draft as the caller has just stored it itself (submitting: in one transaction with the outbox). */
  const stored = useCallback((next: Draft) => {
    current.current = next;
    setDraft(next);
  }, []);

  /** Applies a body edit to the latest draft (voiding signatures when the body changed) and saves it. */
  const change = useCallback(
    (edit: (draft: Draft) => Draft) => {
      if (!current.current) return;
      void save(editDraft(current.current, edit, chinaDateTime(new Date())));
    },
    [save],
  );

  const flush = useCallback(() => writes.current, []);
  const latest = useCallback(() => current.current, []);

  return { draft, change, save, stored, flush, latest, saveState };
}
