import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { publicDocumentQuery } from '../../api/documents.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { formatLongDate } from '../../lib/format.ts';
import { PublicLayout } from '../layout/public-layout.tsx';
import { compareDigest, printedDigest } from './digest.ts';

const TITLE = '执法文书核验';
const STATUS_COLORS = { valid: 'green', voided: 'red', replaced: 'orange' } as const;

/**
 * /portal/documents/:code — what the QR code on a paper document opens: whether the brigade issued it, whether it is
 * still in force, and the digest to compare with the one printed beside the code. Nothing about people or hazards.
 */
export default function PortalDocumentPage() {
  const { code = '' } = useParams();
  const doc = useQuery(publicDocumentQuery(code));
  const [typed, setTyped] = useState('');

  if (doc.isPending) {
    return (
      <PublicLayout title={TITLE}>
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (doc.isError) {
    const missing = doc.error instanceof ApiError && (doc.error.status === 404 || doc.error.status === 400);
    return (
      <PublicLayout title={TITLE}>
        <Card>
          {missing ? (
            <Result status="404" title="未找到该文书" subTitle="请核对纸质文书上的核验码。查不到的文书不是本系统开具的，请向落款的消防救援机构核实。" />
          ) : (
            <LoadFailed onRetry={() => void doc.refetch()} />
          )}
        </Card>
      </PublicLayout>
    );
  }
  const d = doc.data;
  const result = compareDigest(typed, d.contentHash);
  const statusText =
    d.status === 'valid'
      ? `本文书确由${d.orgName}开具，目前有效。`
      : d.status === 'voided'
        ? '本文书已被开具机构作废，不再具有效力。'
        : `本文书已被更正，请以更正后的文书 ${d.replacedByNumber ?? ''} 为准。`;
  return (
    <PublicLayout title={TITLE}>
      <Card>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {d.number}
            </Typography.Title>
            <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag>
          </Flex>
          <Alert type={d.status === 'valid' ? 'success' : 'warning'} showIcon message={statusText} />
          <Link to={`/portal/unit?code=${encodeURIComponent(code)}`} style={{ fontSize: 16 }}>
            我是被检查单位，查看整改要求
          </Link>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'type', label: '文书名称', children: d.typeLabel },
              { key: 'number', label: '文号', children: d.number },
              { key: 'date', label: '成文日期', children: formatLongDate(d.issueDate) },
              { key: 'org', label: '开具机构', children: d.orgName },
              { key: 'unit', label: '被检查单位', children: d.unitName },
              ...(d.replacedByNumber ? [{ key: 'replaced', label: '更正后的文书', children: d.replacedByNumber }] : []),
              {
                key: 'hash',
                label: '内容摘要（SHA-256）',
                children: (
                  <Typography.Text data-latin copyable style={{ fontFamily: 'ui-monospace, monospace', wordBreak: 'break-all' }}>
                    {d.contentHash}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Flex>
      </Card>
      <Card title="核对纸质文书" style={{ marginTop: 16 }}>
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            纸质文书二维码旁印有核验码和 16 位「内容摘要」。本页的内容摘要前 16 位应为 <Typography.Text code data-latin>{printedDigest(d.contentHash)}</Typography.Text>。
            请把纸上印的 16 位摘要输入下框，系统帮您比对；不一致说明纸质文书的内容可能被改动过，请向开具机构核实。
          </Typography.Paragraph>
          <Input
            aria-label="纸质文书上的内容摘要"
            placeholder="例如 1a2b 3c4d 5e6f 7a8b"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            maxLength={24}
            style={{ maxWidth: 320, fontFamily: 'ui-monospace, monospace' }}
          />
          {result === 'match' ? <Alert type="success" showIcon message="一致：纸质文书的摘要与系统记录相符。" /> : null}
          {result === 'mismatch' ? <Alert type="error" showIcon message="不一致：纸质文书的摘要与系统记录不符，请向开具机构核实。" /> : null}
        </Flex>
      </Card>
    </PublicLayout>
  );
}
