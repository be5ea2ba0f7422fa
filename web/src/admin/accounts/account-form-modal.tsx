import type { AccountView, CreateAccountRequest, UpdateAccountRequest } from '@contracts/accounts.ts';
import { CreateAccountRequest as CreateAccountSchema } from '@contracts/accounts.ts';
import { App, Form, Input, Select } from 'antd';
import type { AccountOptions } from '../../api/accounts.ts';
import { createAccount, updateAccount } from '../../api/accounts.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { PASSWORD_HINT, zodRule } from '../../lib/form-rules.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { useAccountMutation } from './use-account-mutation.ts';

type AccountFormModalProps = {
  /** The account to edit; absent to create one. */
  account?: AccountView;
  options: AccountOptions | undefined;
  onClose: () => void;
  onSaved: () => void;
};

/** Create an account (POST /api/accounts) or edit name, role and org (PATCH /api/accounts/:id). */
export function AccountFormModal({ account, options, onClose, onSaved }: AccountFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateAccountRequest>();

  const saveMutation = useAccountMutation(
    (values: CreateAccountRequest) => {
      if (!account) return createAccount(values);
      return updateAccount(account.id, changedFields(account, values));
    },
    { success: account ? '账号已保存' : '账号已创建', form, onSuccess: onSaved },
  );

  const submit = (values: CreateAccountRequest) => {
    if (account && Object.keys(changedFields(account, values)).length === 0) {
      void message.info('没有需要保存的修改');
      onClose();
      return;
    }
    saveMutation.mutate(values);
  };

  return (
    <FormModal<CreateAccountRequest>
      title={account ? `编辑账号：${account.username}` : '新建账号'}
      name="accountForm"
      form={form}
      initialValues={
        account
          ? {
              username: account.username,
              displayName: account.displayName,
              role: account.role as CreateAccountRequest['role'],
              orgId: account.orgId,
            }
          : undefined
      }
      submitting={saveMutation.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        label="用户名"
        name="username"
        required
        rules={account ? [] : [zodRule(CreateAccountSchema.shape.username)]}
        extra={account ? '用户名创建后不可修改。' : '3–32 位，以字母开头，可含字母、数字、下划线、点或连字符。'}
      >
        <Input autoComplete="off" autoCapitalize="none" disabled={Boolean(account)} />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" required rules={[zodRule(CreateAccountSchema.shape.displayName)]}>
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={options?.roles ?? []} loading={!options} />
      </Form.Item>
      <Form.Item label="所属机构" name="orgId" rules={[{ required: true, message: '请选择所属机构' }]}>
        <OrgSelect orgs={options?.orgs ?? []} loading={!options} />
      </Form.Item>
      {account ? null : (
        <Form.Item
          label="初始密码"
          name="password"
          required
          rules={[zodRule(CreateAccountSchema.shape.password)]}
          extra={PASSWORD_HINT}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** Only what the user actually changed, so the audit log records the real edit. */
function changedFields(account: AccountView, values: CreateAccountRequest): UpdateAccountRequest {
  const changes: UpdateAccountRequest = {};
  if (values.displayName.trim() !== account.displayName) changes.displayName = values.displayName.trim();
  if (values.role !== account.role) changes.role = values.role;
  if (values.orgId !== account.orgId) changes.orgId = values.orgId;
  return changes;
}
