import { Flex, Spin } from 'antd';

/** Shown while a page's code or first data loads. */
export function PageSpin({ fullPage = false }: { fullPage?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullPage ? '100vh' : 240 }}>
      <Spin size="large" description="加载中…" />
    </Flex>
  );
}
