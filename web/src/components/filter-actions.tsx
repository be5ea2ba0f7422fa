import { Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';

/** The 查询 / 清空 pair at the end of a list page's filter form; `extra` goes after them. */
export function FilterActions({ onClear, extra }: { onClear: () => void; extra?: ReactNode }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button onClick={onClear}>清空</Button>
        {extra}
      </Space>
    </Form.Item>
  );
}
