import type { DocumentListStatus, HazardStage } from '@contracts/documents.ts';
import { Tag, Typography } from 'antd';

const STATUS_COLORS: Record<DocumentListStatus, string> = { valid: 'green', voided: 'default', replaced: 'orange' };
const STAGE_COLORS: Record<HazardStage, string> = {
  found: 'red',
  ordered: 'orange',
  reinspection: 'blue',
  corrected: 'green',
  case: 'magenta',
  closed: 'default',
  superseded: 'default',
};

export function DocumentStatusTag({ status, label }: { status: DocumentListStatus; label: string }) {
  return <Tag color={STATUS_COLORS[status]}>{label}</Tag>;
}

export function HazardStageTag({ stage, label }: { stage: HazardStage; label: string }) {
  return <Tag color={STAGE_COLORS[stage]}>{label}</Tag>;
}

/** A deadline label, red when overdue. */
export function DeadlineText({ label, overdue }: { label: string | null; overdue: boolean }) {
  if (!label) return <>—</>;
  return <Typography.Text type={overdue ? 'danger' : label.includes('无法计算') ? 'warning' : undefined}>{label}</Typography.Text>;
}
