import type { AccountView } from '@contracts/accounts.ts';
import { SetAccountStatusRequest } from '@contracts/accounts.ts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { setAccountStatus } from '../../api/accounts.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { zodRule } from '../../lib/form-rules.ts';

type StatusValues = { reason: string };

/** 停用 or 启用 an account; both need a reason for the audit log (POST /api/accounts/:id/status). */
export function AccountStatusModal({
  account,
  onClose,
  onSaved,
}: {
  account: AccountView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusValues>();
  const handleError = useApiErrorHandler();
  const disabling = !account.disabled;
  const action = disabling ? '停用' : '启用';

  const statusMutation = useMutation({
    mutationFn: ({ reason }: StatusValues) => setAccountStatus(account.id, { disabled: disabling, reason }),
    onSuccess: () => {
      void message.success(`账号已${action}`);
      onSaved();
    },
    onError: (error) => handleError(error, form),
  });

  return (
    <FormModal<StatusValues>
      title={`${action}账号`}
      name="accountStatusForm"
      form={form}
      okText={action}
      submitting={statusMutation.isPending}
      onSubmit={(values) => statusMutation.mutate(values)}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {disabling ? '停用后该账号将无法登录。' : '启用后该账号可以重新登录。'}账号：{account.displayName}（
        {account.username}）
      </Typography.Paragraph>
      <Form.Item label={`${action}原因`} name="reason" required rules={[zodRule(SetAccountStatusRequest.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
