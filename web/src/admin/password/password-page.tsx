import type { ChangePasswordRequest } from '@contracts/auth.ts';
import { ChangePasswordRequest as ChangePasswordSchema } from '@contracts/auth.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { changePassword, sessionQuery } from '../../api/auth.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { PASSWORD_HINT, sameAsRule, zodRule } from '../../lib/form-rules.ts';
import { useSession } from '../../session/session-context.ts';

type PasswordValues = ChangePasswordRequest & { confirmPassword: string };

export default function PasswordPage() {
  const { session } = useSession();
  const forced = session.account.mustChangePassword;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<PasswordValues>();

  const changeMutation = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordValues) => changePassword({ currentPassword, newPassword }),
    onSuccess: async () => {
      void message.success('密码已修改');
      form.resetFields();
      // Reload the session: the forced-change flag (and possibly the CSRF token) has changed.
      await queryClient.refetchQueries({ queryKey: sessionQuery.queryKey });
      if (forced) void navigate('/admin', { replace: true });
    },
    onError: (error) => handleError(error, form),
  });

  return (
    <Flex vertical gap={16}>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 520 }}>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            title="首次登录或密码已被重置，请先修改密码后再使用系统。"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<PasswordValues>
          form={form}
          name="changePassword"
          layout="vertical"
          onFinish={(values) => changeMutation.mutate(values)}
          disabled={changeMutation.isPending}
        >
          <Form.Item
            label="当前密码"
            name="currentPassword"
            required
            rules={[zodRule(ChangePasswordSchema.shape.currentPassword)]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            required
            rules={[zodRule(ChangePasswordSchema.shape.newPassword)]}
            extra={PASSWORD_HINT}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule('newPassword')]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={changeMutation.isPending}>
            确认修改
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
