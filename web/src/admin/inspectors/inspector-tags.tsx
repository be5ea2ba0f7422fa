import type { InspectorListItem } from '@contracts/inspectors.ts';
import { Tag, Tooltip, Typography } from 'antd';
import { todayInChina } from '../../lib/today.ts';

/** Whether an enforcement certificate valid until `until` (YYYY-MM-DD) has expired by today. */
export const isCertificateExpired = (until: string | null) => Boolean(until && until < todayInChina());

/** 执法证号 with its validity; the date in red once the certificate has expired (then not drawable). */
export function CertificateText({
  inspector,
}: {
  inspector: Pick<InspectorListItem, 'certificateNo' | 'certificateValidUntil'>;
}) {
  if (!inspector.certificateNo && !inspector.certificateValidUntil) return <>—</>;
  const expired = isCertificateExpired(inspector.certificateValidUntil);
  return (
    <span>
      {inspector.certificateNo ?? '—'}
      {inspector.certificateValidUntil ? (
        <Typography.Text type={expired ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
          有效期至 {inspector.certificateValidUntil}
          {expired ? '（已过期）' : ''}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** 可抽取 / 不可抽取 (reason on hover). */
export function DrawableTag({
  inspector,
}: {
  inspector: Pick<InspectorListItem, 'drawable' | 'undrawableReason' | 'undrawableReasonLabel'>;
}) {
  if (inspector.drawable) return <Tag color="green">可抽取</Tag>;
  return (
    <Tooltip title={inspector.undrawableReasonLabel ?? inspector.undrawableReason ?? '不符合抽取条件'}>
      <Tag color="red">不可抽取</Tag>
    </Tooltip>
  );
}
