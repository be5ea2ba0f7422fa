import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The card that opens a portal list page: its heading and a paragraph on what the page publishes. */
export function PortalIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{children}</Typography.Paragraph>
    </Card>
  );
}
