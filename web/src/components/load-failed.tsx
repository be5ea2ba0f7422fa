import { Button, Result } from 'antd';

/** Shown in place of content whose data could not be loaded (the reason was already shown as a message). */
export function LoadFailed({ title = '数据加载失败', onRetry }: { title?: string; onRetry: () => void }) {
  return (
    <Result
      status="warning"
      title={title}
      subTitle="请检查网络后重试。"
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
