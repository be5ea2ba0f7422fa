import type { SelfCheckFindingItemView } from '@contracts/self-checks.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { selfCheckKeys, selfCheckQuery } from '../../api/self-checks.ts';
import { PageHeader } from '../../components/page-header.tsx';

const LINKS: Record<SelfCheckFindingItemView['target'], (id: string) => string> = {
  task: (id) => `/admin/tasks/${id}`,
  inspector: (id) => `/admin/inspectors/${id}`,
  unit: (id) => `/admin/units/${id}`,
  publication: () => '/admin/publications',
};

/** One report: each finding with its items linked to the task, inspector, unit or the publication queue. */
export default function SelfCheckPage() {
  const { id = '' } = useParams();
  const result = useQuery(selfCheckQuery(id));
  const queryClient = useQueryClient();
  const r = result.data;
  // Opening the report reads its 待阅消息: refresh the 工作台 card.
  useEffect(() => {
    if (r) void queryClient.invalidateQueries({ queryKey: selfCheckKeys.inbox });
  }, [r, queryClient]);
  return (
    <Flex vertical gap={16}>
      <PageHeader title={r ? `${r.orgName} ${r.checkDate} 检查报告` : '检查报告'} description={<Link to="/admin/self-checks">返回十日、二十日检查</Link>} />
      <Card loading={result.isPending}>
        {r ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="类别">
              {r.kindLabel}
              {r.manual ? '（立即检查）' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="检查日期">{r.checkDate}</Descriptions.Item>
            <Descriptions.Item label="发现问题">{r.summary}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      {r && r.kind === 'detachment' ? (
        <Card title="各大队检查情况">
          <List
            dataSource={r.brigades}
            locale={{ emptyText: '当日无大队检查报告' }}
            renderItem={(b) => (
              <List.Item>
                <Flex gap={8} wrap align="center">
                  <Link to={`/admin/self-checks/${b.reportId}`}>{b.orgName}</Link>
                  <Tag color={b.total > 0 ? 'red' : 'green'}>{b.total > 0 ? `${b.total} 项` : '无'}</Tag>
                  <Typography.Text type="secondary">{b.summary}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {r?.findings.map((f) => (
        <Card
          key={f.kind}
          size="small"
          title={
            <Flex gap={8} align="center" wrap>
              <span>{f.title}</span>
              <Tag color={f.count > 0 ? 'red' : 'green'}>{f.count > 0 ? `${f.count} 项` : '无'}</Tag>
            </Flex>
          }
        >
          {f.items.length === 0 ? (
            <Typography.Text type="secondary">未发现问题</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={f.items}
              renderItem={(item) => (
                <List.Item>
                  <Link to={LINKS[item.target](item.id)}>{item.text}</Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
    </Flex>
  );
}
