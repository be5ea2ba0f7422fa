import { z } from 'zod';
import { isoDate, text } from './common.ts';

/**
 * 复查 (decision 0023): a task made from a 责令限期改正通知书 — by the daily job, by hand (POST
 * /api/documents/:id/reinspection) or on the unit's early request registered by staff (this body, POST
 * /api/documents/:id/reinspection-requests). Both answer 201 with the new task (TaskDetailView).
 */
export const ReinspectionRequestBody = z.object({
  /** The day the unit asked (not after today, not before the notice). */
  requestedOn: isoDate('申请日期'),
  note: text('申请说明', { max: 500, min: 0 }).default(''),
});
export type ReinspectionRequestBody = z.infer<typeof ReinspectionRequestBody>;
