import type { Page } from '@contracts/common.ts';
import type { DrawSummary, DrawView, FreezeDrawRequest, PublicDrawTaskView, PublicDrawView, PublicUnitRankView, TaskView } from '@contracts/draws.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, ApiError, withQuery } from './client.ts';

const at = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

export type TaskStatus = TaskView['status'];

export const drawKeys = {
  all: ['draws'] as const,
  list: ['draws', 'list'] as const,
  draw: (id: string) => ['draws', 'draw', id] as const,
  tasks: (filter: { mine: boolean; status?: TaskStatus | undefined }) => ['draws', 'tasks', filter] as const,
  public: ['public', 'draws'] as const,
};

// ---- the draw table (admin) ----

export const drawsQuery = queryOptions({ queryKey: drawKeys.list, queryFn: () => api.get<DrawSummary[]>('/api/draws') });

export const drawQuery = (id: string) =>
  queryOptions({ queryKey: drawKeys.draw(id), queryFn: () => api.get<DrawView>(at('/api/draws', id)) });

/** Freezes the manifest of a published monthly plan or campaign and publishes its hash (201 with the draw). */
export const freezeDraw = (body: FreezeDrawRequest) => api.post<DrawView>('/api/draws', body);

const observerPath = (drawId: string, observerId: string) =>
  `${at('/api/draws', drawId)}/observers/${encodeURIComponent(observerId)}`;

/** Only the commitment leaves the browser; the secret stays with the observer until the reveal. */
export const recordCommitment = (drawId: string, observerId: string, commitment: string) =>
  api.post<DrawView>(`${observerPath(drawId, observerId)}/commitment`, { commitment });

/** `reveal`: the secret's bytes as lowercase hex. */
export const recordReveal = (drawId: string, observerId: string, reveal: string) =>
  api.post<DrawView>(`${observerPath(drawId, observerId)}/reveal`, { reveal });

export const recordExternalValue = (drawId: string, body: { source: string; ref: string; value: string }) =>
  api.post<DrawView>(`${at('/api/draws', drawId)}/external`, body);

export const executeDraw = (drawId: string) => api.post<DrawView>(`${at('/api/draws', drawId)}/execute`);

export const voidDraw = (drawId: string, reason: string) => api.post<DrawView>(`${at('/api/draws', drawId)}/void`, { reason });

// ---- tasks ----

/** The tasks of every draw in scope. */
export const tasksQuery = (status: TaskStatus | undefined) =>
  queryOptions({
    queryKey: drawKeys.tasks({ mine: false, status }),
    queryFn: () => api.get<TaskView[]>(withQuery('/api/tasks', { status })),
  });

/** 我的任务; `noInspector`: the server's message when the account has no linked inspector (its 404, not a failure). */
export type MyTasks = { tasks: TaskView[]; noInspector: string | null };

export const myTasksQuery = queryOptions({
  queryKey: drawKeys.tasks({ mine: true }),
  queryFn: async (): Promise<MyTasks> => {
    try {
      return { tasks: await api.get<TaskView[]>('/api/tasks?mine=true'), noInspector: null };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { tasks: [], noInspector: error.message };
      throw error;
    }
  },
});

export type ReplacementEvidence = { reason: string; evidence: string; evidenceFiles?: string[] };

export const replaceTaskInspector = (taskId: string, body: ReplacementEvidence & { inspectorId: string }) =>
  api.post<{ replacementId: string }>(`${at('/api/tasks', taskId)}/replace-inspector`, body);

export const replaceTaskUnit = (taskId: string, body: ReplacementEvidence) =>
  api.post<{ taskId: string; unitId: string }>(`${at('/api/tasks', taskId)}/replace-unit`, body);

// ---- public portal (no login) ----

export const publicDrawsQuery = queryOptions({
  queryKey: drawKeys.public,
  queryFn: () => api.get<DrawSummary[]>('/api/public/draws'),
});

export const publicDrawQuery = (code: string) =>
  queryOptions({
    queryKey: [...drawKeys.public, code] as const,
    queryFn: () => api.get<PublicDrawView>(at('/api/public/draws', code)),
  });

/** A page of a draw's tasks (or of those a voided draw would have created), in draw order; the previous page stays shown while the next one loads. */
export const publicDrawTasksQuery = (code: string, paging: { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: [...drawKeys.public, code, 'tasks', paging] as const,
    queryFn: () => api.get<Page<PublicDrawTaskView>>(withQuery(`${at('/api/public/draws', code)}/tasks`, paging)),
    placeholderData: keepPreviousData,
  });

export const publicBundleUrl = (code: string) => `${at('/api/public/draws', code)}/bundle`;

/** The published bundle as JSON, to verify in the browser. */
/** The bundle as sent (its JCS text), as a Blob: the verifier hashes the manifest and result in it as received. */
export const fetchPublicBundle = (code: string) => api.blob(publicBundleUrl(code));

export const publicUnitRankQuery = (code: string, q: string) =>
  queryOptions({
    queryKey: [...drawKeys.public, code, 'units', q] as const,
    queryFn: () => api.get<PublicUnitRankView[]>(withQuery(`${at('/api/public/draws', code)}/units`, { q })),
    enabled: q.length >= 2,
  });
