import type { TaskDetailView } from '@contracts/draws.ts';
import type { ReinspectionRequestBody } from '@contracts/reinspections.ts';
import { api } from './client.ts';

const at = (noticeId: string) => `/api/documents/${encodeURIComponent(noticeId)}`;

/** 安排复查: the 复查 task of a 责令限期改正通知书 (decision 0023). */
export const createReinspection = (noticeId: string) => api.post<TaskDetailView>(`${at(noticeId)}/reinspection`);

/** 登记提前复查申请: the unit's early request; the 复查 task is made at once. */
export const requestEarlyReinspection = (noticeId: string, body: ReinspectionRequestBody) =>
  api.post<TaskDetailView>(`${at(noticeId)}/reinspection-requests`, body);
