import type { CaseDeadline, CaseStatus, DocumentRef, HazardStage, PaymentStatus } from '@contracts/cases.ts';
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = { open: 'processing', decided: 'warning', closed: 'success', revoked: 'default' };
export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, string> = { not_applicable: 'default', unpaid: 'error', paid: 'success', enforced: 'success' };
export const HAZARD_STAGE_COLORS: Record<HazardStage, string> = {
  found: 'orange',
  ordered: 'gold',
  reinspection: 'blue',
  corrected: 'green',
  case: 'red',
  closed: 'default',
  superseded: 'default',
};

/** A deadline as a tag: green with days left, orange due today, red overdue, grey when its year's calendar is missing. */
export function DeadlineTag({ deadline, prefix }: { deadline: CaseDeadline | null; prefix?: string }) {
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = deadline.state === 'overdue' ? 'error' : deadline.state === 'due_today' ? 'warning' : deadline.state === 'remaining' ? 'success' : 'default';
  return (
    <Tag color={color} title={deadline.due ? `期限：${deadline.due}` : undefined} style={{ whiteSpace: 'normal' }}>
      {prefix ?? ''}
      {deadline.label}
      {deadline.due ? `（${deadline.due}）` : ''}
    </Tag>
  );
}

/** A document's number linking its page, with its type and, when voided, a tag. */
export function DocumentLink({ doc }: { doc: DocumentRef }) {
  return (
    <span>
      <Link to={`/admin/documents/${doc.id}`}>{doc.number}</Link>
      <Typography.Text type="secondary"> {doc.typeLabel} · {doc.issueDate}</Typography.Text>
      {doc.status === 'voided' ? <Tag color="default" style={{ marginLeft: 4 }}>{doc.statusLabel}</Tag> : null}
    </span>
  );
}
