import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { documentTitle } from '../lib/constants.ts';

type PageHeaderProps = {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
};

/** The title row of an admin page (also the tab title): a heading, an optional line of help, actions on the right. */
export function PageHeader({ title, description, extra }: PageHeaderProps) {
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" gap={12} wrap>
      <title>{documentTitle(title)}</title>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
