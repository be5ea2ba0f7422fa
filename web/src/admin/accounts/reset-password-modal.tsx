import type { AccountView, ResetPasswordRequest } from '@contracts/accounts.ts';
import { ResetPasswordRequest as ResetPasswordSchema } from '@contracts/accounts.ts';
import { Form, Input, Typography } from 'antd';
import { resetAccountPassword } from '../../api/accounts.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { PASSWORD_HINT, sameAsRule, zodRule } from '../../lib/form-rules.ts';
import { useAccountMutation } from './use-account-mutation.ts';

type ResetValues = ResetPasswordRequest & { confirmPassword: string };

/** Sets a new password for another account (POST /api/accounts/:id/password). */
export function ResetPasswordModal({
  account,
  onClose,
  onSaved,
}: {
  account: AccountView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ResetValues>();

  const resetMutation = useAccountMutation(({ password }: ResetValues) => resetAccountPassword(account.id, { password }), {
    success: '密码已重置',
    form,
    onSuccess: onSaved,
  });

  return (
    <FormModal<ResetValues>
      title="重置密码"
      name="resetPasswordForm"
      form={form}
      okText="重置"
      submitting={resetMutation.isPending}
      onSubmit={(values) => resetMutation.mutate(values)}
      onClose={onClose}
    >
      <Typography.Paragraph>
        账号：{account.displayName}（{account.username}）
      </Typography.Paragraph>
      <Form.Item
        label="新密码"
        name="password"
        required
        rules={[zodRule(ResetPasswordSchema.shape.password)]}
        extra={PASSWORD_HINT}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['password']}
        rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule('password')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
