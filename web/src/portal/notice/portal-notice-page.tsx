import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { publicNoticeQuery } from '../../api/public.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { formatLongDate } from '../../lib/format.ts';
import { PublicLayout } from '../layout/public-layout.tsx';

const TITLE = '消防监督检查告知';

/**
 * /portal/notice/:code — what the unit's pre-notice message links to: which brigade comes on which day, and what to
 * have ready. Names the organisation only (no inspector); the code in the link is the only key.
 */
export default function PortalNoticePage() {
  const { code = '' } = useParams();
  const notice = useQuery(publicNoticeQuery(code));

  if (notice.isPending) {
    return (
      <PublicLayout title={TITLE}>
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (notice.isError) {
    const missing = notice.error instanceof ApiError && (notice.error.status === 404 || notice.error.status === 400);
    return (
      <PublicLayout title={TITLE}>
        <Card>
          {missing ? (
            <Result status="404" title="找不到该告知" subTitle="请核对短信中的链接或告知编号；如有疑问，请致电短信落款的消防救援大队。" />
          ) : (
            <LoadFailed onRetry={() => void notice.refetch()} />
          )}
        </Card>
      </PublicLayout>
    );
  }
  const data = notice.data;
  return (
    <PublicLayout title={TITLE}>
      <Card>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {data.unitName}
            </Typography.Title>
            <Tag color="blue">{data.stateLabel}</Tag>
          </Flex>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'brigade', label: '检查机构', children: data.brigadeName },
              { key: 'date', label: '检查日期', children: data.visitDate ? formatLongDate(data.visitDate) : '待定' },
              { key: 'code', label: '告知编号', children: <span data-latin>{code}</span> },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.text}</Typography.Paragraph>
          {data.prepare.length ? (
            <div>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                请提前准备
              </Typography.Title>
              <ol style={{ paddingInlineStart: 20, margin: 0 }}>
                {data.prepare.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ol>
            </div>
          ) : null}
        </Flex>
      </Card>
    </PublicLayout>
  );
}
