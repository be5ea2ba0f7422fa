import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { inboxQuery } from '../../api/self-checks.ts';

/** 待阅消息 on the 工作台 (issue 16): the reader's unread items (十日、二十日检查 reports); opening one reads it. */
export function InboxCard() {
  const inbox = useQuery(inboxQuery());
  const items = inbox.data?.items ?? [];
  if (!inbox.isPending && items.length === 0) return null;
  return (
    <Card
      title={
        <span>
          待阅消息 <Badge count={items.length} />
        </span>
      }
      loading={inbox.isPending}
      extra={<Link to="/admin/self-checks">十日、二十日检查</Link>}
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta title={<Link to={i.link}>{i.title}</Link>} description={<Typography.Text type="secondary">{i.body}</Typography.Text>} />
          </List.Item>
        )}
      />
    </Card>
  );
}
