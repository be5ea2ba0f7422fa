import type { AccountView } from '@contracts/accounts.ts';
import { SetAccountStatusRequest } from '@contracts/accounts.ts';
import { Form, Input, Typography } from 'antd';
import { setAccountStatus } from '../../api/accounts.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { useAccountMutation } from './use-account-mutation.ts';

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
  const [form] = Form.useForm<StatusValues>();
  const disabling = !account.disabled;
  const action = disabling ? '停用' : '启用';

  const statusMutation = useAccountMutation(
    ({ reason }: StatusValues) => setAccountStatus(account.id, { disabled: disabling, reason }),
    { success: `账号已${action}`, form, onSuccess: onSaved },
  );

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
        {disabling ? '停用后该账号将无法登录。' : '启用后该账号可以重新登录。'}账号：{account.displayName}（{account.username}）
      </Typography.Paragraph>
      <Form.Item label={`${action}原因`} name="reason" required rules={[zodRule(SetAccountStatusRequest.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
