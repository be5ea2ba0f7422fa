import type { PublicCheckItemDetail, PublicCheckItemVersionView } from '@contracts/check-items.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Collapse, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { publicCheckItemQuery } from '../../api/check-items.ts';
import { ApiError } from '../../api/client.ts';
import { BackLink } from '../../components/back-link.tsx';
import { LoadFailed } from '../../components/load-failed.tsx';
import { CheckItemFields, ChecklistByApplicability, VersionDiff } from '../../shared/check-items/check-item-content.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { formatDateTime } from '../../lib/format.ts';

const backLink = <BackLink to="/portal/items">返回抽查事项清单</BackLink>;

/** One published item on the portal: the version in force, its checklist, and every earlier published version. */
export default function PortalItemPage() {
  const { code = '' } = useParams();
  const { data, error, isPending, refetch } = useQuery(publicCheckItemQuery(code));

  if (isPending) {
    return (
      <PublicLayout title="抽查事项">
        <Card>
          <Skeleton active />
        </Card>
      </PublicLayout>
    );
  }
  if (error || !data) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <PublicLayout title="抽查事项">
        <Card>
          {missing ? (
            <Result status="404" title="找不到该抽查事项" subTitle="事项不存在或尚未发布。" extra={backLink} />
          ) : (
            <LoadFailed onRetry={() => void refetch()} />
          )}
        </Card>
      </PublicLayout>
    );
  }
  return <PortalItem item={data} />;
}

const publishedOn = (version: PublicCheckItemVersionView) => formatDateTime(version.publishedAt).slice(0, 10);

function VersionBody({ version }: { version: PublicCheckItemVersionView }) {
  return (
    <Flex vertical gap={16}>
      {version.changeNote ? (
        <Typography.Text>
          修改说明：<span style={{ whiteSpace: 'pre-wrap' }}>{version.changeNote}</span>
        </Typography.Text>
      ) : null}
      <CheckItemFields content={version} />
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        检查表（共 {version.checklist.length} 项）
      </Typography.Title>
      <ChecklistByApplicability checklist={version.checklist} />
    </Flex>
  );
}

function PortalItem({ item }: { item: PublicCheckItemDetail }) {
  const { current, history } = item;
  return (
    <PublicLayout title={`${item.code} ${current.name}`}>
      <Flex vertical gap={16}>
        <Card>
          <Flex vertical gap={8}>
            {backLink}
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {current.name}
            </Typography.Title>
            <Flex gap={8} wrap>
              <Tag>{item.code}</Tag>
              <Tag color="blue">现行第 {current.version} 版</Tag>
              <Tag>发布于 {publishedOn(current)}</Tag>
              <Tag>{item.ownerOrgName ?? '全国通用'}</Tag>
              {item.withdrawnAt ? <Tag color="red">已废止</Tag> : null}
            </Flex>
          </Flex>
        </Card>
        {item.withdrawnAt ? (
          <Alert
            type="error"
            showIcon
            title={`该事项已于 ${formatDateTime(item.withdrawnAt).slice(0, 10)} 废止，以下为废止前的最后版本`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>废止原因：{item.withdrawReason ?? '—'}</span>}
          />
        ) : null}
        <Card title={`第 ${current.version} 版（现行）`}>
          <VersionBody version={current} />
        </Card>
        {current.diff ? (
          <Card title={`第 ${current.version} 版的修改`}>
            <VersionDiff diff={current.diff} previousVersion={current.version - 1} />
          </Card>
        ) : null}
        <Card title="历史版本">
          {history.length ? (
            <Collapse
              items={history.map((version) => ({
                key: String(version.version),
                label: `第 ${version.version} 版（发布于 ${publishedOn(version)}）`,
                children: <VersionBody version={version} />,
              }))}
            />
          ) : (
            <Typography.Text type="secondary">该事项只有现行版本，没有更早的版本。</Typography.Text>
          )}
        </Card>
      </Flex>
    </PublicLayout>
  );
}
