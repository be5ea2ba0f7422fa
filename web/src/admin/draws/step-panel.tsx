import { Alert, Flex } from 'antd';
import type { ReactNode } from 'react';

/** A step's panel on the draw page: what the people at the table do now, then one card per observer or value. */
export function StepPanel({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={title} description={description} />
      {children}
    </Flex>
  );
}
