import { PlusOutlined } from '@ant-design/icons';
import type { AccountView } from '@contracts/accounts.ts';
import { AccountListQuery } from '@contracts/accounts.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { accountListQuery, accountOptionsQuery } from '../../api/accounts.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { AccountFormModal } from './account-form-modal.tsx';
import { AccountStatusModal } from './account-status-modal.tsx';
import { OrgSelect } from '../components/org-select.tsx';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

type AccountFilters = Pick<AccountListQuery, 'q' | 'role' | 'orgId' | 'status'>;

type Dialog = { kind: 'create' } | { kind: 'edit' | 'status' | 'password'; account: AccountView };

const STATUS_OPTIONS = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已停用' },
];

export default function AccountsPage() {
  const { canChange } = useSession();
  const canManage = canChange('accounts.manage');
  const list = useListSearch(AccountListQuery);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const result = useQuery(accountListQuery(list.query));
  const options = useQuery(accountOptionsQuery);

  // The modals refresh the account lists themselves.
  const closeDialog = () => setDialog(null);

  const columns: TableColumnsType<AccountView> = [
    { title: '用户名', dataIndex: 'username', key: 'username' },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '角色', dataIndex: 'roleLabel', key: 'role' },
    { title: '所属机构', dataIndex: 'orgName', key: 'org' },
    {
      title: '状态',
      key: 'status',
      render: (_, account) =>
        account.disabled ? (
          <Tooltip title={`停用时间：${formatDateTime(account.disabledAt)}；原因：${account.disabledReason ?? '—'}`}>
            <Tag color="red">已停用</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', render: (value: string) => formatDateTime(value) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, account) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', account })}>
            编辑
          </Button>
          <Button type="link" size="small" danger={!account.disabled} onClick={() => setDialog({ kind: 'status', account })}>
            {account.disabled ? '启用' : '停用'}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', account })}>
            重置密码
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="账号管理"
        description="管理本级及下辖机构的系统账号。停用、启用和重置密码均记入审计日志。"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              新建账号
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<AccountFilters>
            name="accountFilter"
            values={list.filters}
            onSearch={list.setFilters}
            onReset={list.resetFilters}
          >
            <Form.Item label="关键字" name="q">
              <Input placeholder="用户名或姓名" allowClear maxLength={64} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item label="角色" name="role">
              <Select placeholder="全部" allowClear options={options.data?.roles ?? []} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label="所属机构" name="orgId">
              <OrgSelect placeholder="全部" allowClear orgs={options.data?.orgs ?? []} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label="状态" name="status">
              <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
            </Form.Item>
          </ListFilterForm>
          <ListTable list={list} result={result} columns={columns} unit="个账号" />
        </Flex>
      </Card>

      {dialog?.kind === 'create' ? <AccountFormModal options={options.data} onClose={closeDialog} onSaved={closeDialog} /> : null}
      {dialog?.kind === 'edit' ? (
        <AccountFormModal account={dialog.account} options={options.data} onClose={closeDialog} onSaved={closeDialog} />
      ) : null}
      {dialog?.kind === 'status' ? (
        <AccountStatusModal account={dialog.account} onClose={closeDialog} onSaved={closeDialog} />
      ) : null}
      {dialog?.kind === 'password' ? (
        <ResetPasswordModal account={dialog.account} onClose={closeDialog} onSaved={closeDialog} />
      ) : null}
    </Flex>
  );
}
