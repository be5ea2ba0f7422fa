import type { PublicCheckItemListItem } from '@contracts/check-items.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { publicCheckItemsQuery } from '../../api/check-items.ts';
import { PortalIntro } from '../layout/portal-intro.tsx';
import { PortalQuery } from '../layout/portal-query.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { formatDateTime } from '../../lib/format.ts';

const columns: TableColumnsType<PublicCheckItemListItem> = [
  { title: '编码', dataIndex: 'code', key: 'code', width: 90 },
  {
    title: '抽查事项',
    key: 'name',
    width: 250,
    render: (_, item) => <Link to={`/portal/items/${encodeURIComponent(item.code)}`}>{item.name}</Link>,
  },
  { title: '检查方式', dataIndex: 'methodLabel', key: 'method', width: 100 },
  {
    title: '检查对象',
    dataIndex: 'objectType',
    key: 'objectType',
    render: (text: string) => (
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
        {text}
      </Typography.Paragraph>
    ),
  },
  { title: '检查主体', dataIndex: 'inspectingBody', key: 'inspectingBody', width: 130 },
  { title: '版本', key: 'version', width: 80, render: (_, item) => `第 ${item.version} 版` },
  { title: '发布日期', key: 'publishedAt', width: 120, render: (_, item) => formatDateTime(item.publishedAt).slice(0, 10) },
];

/** 抽查事项清单 on the public portal: the published items, no login. */
export default function PortalItemsPage() {
  const query = useQuery(publicCheckItemsQuery);

  return (
    <PublicLayout title="抽查事项清单">
      <Flex vertical gap={16}>
        <PortalIntro title="随机抽查事项清单">
          消防救援机构依法随机抽查的事项，列明抽查依据、内容、主体、对象、方式、比例和频次。每个事项的现场检查表随事项一并公开；事项修改后形成新版本，历次版本均可查阅。
        </PortalIntro>
        <PortalQuery query={query}>
          {(data) => {
            const inForce = data.items.filter((item) => !item.withdrawnAt);
            const withdrawn = data.items.filter((item) => item.withdrawnAt);
            return (
              <>
                <Card title={`现行事项（${inForce.length} 项）`}>
                  <Table<PublicCheckItemListItem>
                    rowKey="code"
                    columns={columns}
                    dataSource={inForce}
                    pagination={false}
                    scroll={{ x: 900 }}
                    locale={{ emptyText: '暂无公开的抽查事项' }}
                  />
                </Card>
                {withdrawn.length ? (
                  <Card title={`已废止的事项（${withdrawn.length} 项）`}>
                    <Table<PublicCheckItemListItem>
                      rowKey="code"
                      columns={[
                        ...columns,
                        { title: '状态', key: 'withdrawn', width: 90, render: () => <Tag color="red">已废止</Tag> },
                      ]}
                      dataSource={withdrawn}
                      pagination={false}
                      scroll={{ x: 900 }}
                    />
                  </Card>
                ) : null}
              </>
            );
          }}
        </PortalQuery>
      </Flex>
    </PublicLayout>
  );
}
