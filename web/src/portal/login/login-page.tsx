import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest } from '@contracts/auth.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { login, sessionQuery } from '../../api/auth.ts';
import { PublicLayout } from '../layout/public-layout.tsx';
import { safeNextPath } from '../../lib/navigation.ts';

export default function LoginPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const next = safeNextPath(searchParams.get('next'));

  const loginMutation = useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQuery.queryKey, session);
      void navigate(session.account.mustChangePassword ? '/admin/password' : (next ?? '/admin'), { replace: true });
    },
  });

  return (
    <PublicLayout title="登录">
      <Card className="login-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0, textAlign: 'center' }}>
          账号登录
        </Typography.Title>
        {next ? (
          <Alert type="info" showIcon title="请先登录，登录后将返回您要访问的页面。" style={{ marginBottom: 16 }} />
        ) : null}
        {loginMutation.error ? (
          <Alert type="error" showIcon title={loginMutation.error.message} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginRequest>
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => loginMutation.mutate(values)}
          disabled={loginMutation.isPending}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={loginMutation.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
