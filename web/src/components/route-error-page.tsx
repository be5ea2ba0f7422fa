import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** Router error boundary: a page failed to load (e.g. after a deployment) or crashed while rendering. */
export function RouteErrorPage() {
  return (
    <div className="full-page-center">
      <Result
        status="error"
        title="页面出错了"
        subTitle="页面加载或显示时发生错误，请刷新后重试。"
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>,
          <Link key="home" to="/">
            返回首页
          </Link>,
        ]}
      />
    </div>
  );
}
