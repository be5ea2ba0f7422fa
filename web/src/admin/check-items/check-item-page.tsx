import { EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { CheckItemDetail, CheckItemVersionView } from '@contracts/check-items.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { checkItemKeys, checkItemQuery, publishCheckItemDraft, withdrawCheckItem } from '../../api/check-items.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { CheckItemFields, ChecklistByApplicability, VersionDiff } from '../../shared/check-items/check-item-content.tsx';
import { CheckItemEditorModal } from './check-item-editor-modal.tsx';
import { useCheckItemMutation } from './use-check-item-mutation.ts';
import { ReasonModal } from '../components/reason-modal.tsx';
import { useConfirmAction } from '../../hooks/use-confirm-action.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

export default function CheckItemPage() {
  const { id = '' } = useParams();
  const query = useQuery(checkItemQuery(id));
  return (
    <QueryGate
      query={query}
      notFound={{
        title: '找不到该抽查事项',
        subTitle: '事项不存在，或不在您的管辖范围内。',
        backTo: '/admin/check-items',
        backText: '返回抽查事项清单',
      }}
    >
      {(item) => <CheckItemView item={item} />}
    </QueryGate>
  );
}

const versionColumns: TableColumnsType<CheckItemVersionView> = [
  { title: '版本', key: 'version', width: 90, render: (_, v) => `第 ${v.version} 版` },
  {
    title: '状态',
    key: 'status',
    width: 90,
    render: (_, v) => <Tag color={v.status === 'draft' ? 'orange' : 'green'}>{v.statusLabel}</Tag>,
  },
  {
    title: '修改说明',
    key: 'changeNote',
    render: (_, v) => <span style={{ whiteSpace: 'pre-wrap' }}>{v.changeNote ?? '—'}</span>,
  },
  {
    title: '时间',
    key: 'time',
    width: 230,
    render: (_, v) => (v.publishedAt ? `发布于 ${formatDateTime(v.publishedAt)}` : `保存于 ${formatDateTime(v.updatedAt)}`),
  },
  {
    title: '经办',
    key: 'who',
    width: 140,
    render: (_, v) => (v.status === 'published' ? (v.publishedByName ?? '系统内置') : (v.createdByName ?? '—')),
  },
];

function CheckItemView({ item }: { item: CheckItemDetail }) {
  const { canChange } = useSession();
  const confirm = useConfirmAction();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'withdraw' | null>(null);

  const draft = item.versions.find((v) => v.status === 'draft') ?? null;
  const current = item.versions.find((v) => v.status === 'published') ?? null;
  const canEdit = item.canManage && canChange('items.manage') && !item.withdrawnAt;
  const shown = item.versions.find((v) => v.version === chosen) ?? current ?? draft;
  const nextVersion = draft?.version ?? (item.versions[0]?.version ?? 0) + 1;
  const title = `${item.code} ${(current ?? draft)?.name ?? ''}`;

  const publish = useCheckItemMutation(
    (version: CheckItemVersionView) => publishCheckItemDraft(item.id, { version: version.version, updatedAt: version.updatedAt }),
    {
      success: (saved) => `已发布第 ${saved.versions.find((v) => v.status === 'published')?.version ?? ''} 版`,
      onSuccess: () => setChosen(null),
      // Another administrator may have published or changed the draft meanwhile: show where it stands now.
      refreshOnError: true,
    },
  );

  const confirmPublish = (version: CheckItemVersionView) =>
    confirm({
      title: `发布 ${item.code} 第 ${version.version} 版？`,
      content: '发布后该版本立即在门户网站公开，且不能再修改；以后的修改将形成新的版本。',
      okText: '确认发布',
      action: () => publish.mutateAsync(version),
    });

  const onSaved = () => {
    setDialog(null);
    setChosen(null);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={title}
        description={<BackLink to="/admin/check-items">返回抽查事项清单</BackLink>}
        extra={
          canEdit ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {draft ? '编辑草稿' : `修改（形成第 ${nextVersion} 版草稿）`}
              </Button>
              {draft ? (
                <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} onClick={() => confirmPublish(draft)}>
                  发布第 {draft.version} 版
                </Button>
              ) : null}
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('withdraw')}>
                废止
              </Button>
            </>
          ) : null
        }
      />
      {item.withdrawnAt ? (
        <Alert
          type="error"
          showIcon
          title={`该事项已于 ${formatDateTime(item.withdrawnAt)} 废止`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>废止原因：{item.withdrawReason ?? '—'}</span>}
        />
      ) : draft ? (
        <Alert
          type="info"
          showIcon
          title={
            current
              ? `第 ${draft.version} 版草稿尚未发布，门户网站显示的是第 ${current.version} 版。`
              : '该事项尚未发布，门户网站不显示。'
          }
        />
      ) : null}
      {item.internalNote ? (
        <Alert
          type="warning"
          showIcon
          title="内部说明（不在门户公开）"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{item.internalNote}</span>}
        />
      ) : null}
      <Card title="版本历史" extra={<Typography.Text type="secondary">所属：{item.ownerOrgName ?? '全国'}</Typography.Text>}>
        <Table<CheckItemVersionView>
          rowKey="version"
          columns={versionColumns}
          dataSource={item.versions}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          rowSelection={{
            type: 'radio',
            columnTitle: '查看',
            selectedRowKeys: shown ? [shown.version] : [],
            onChange: (keys) => setChosen(Number(keys[0])),
            getCheckboxProps: (v) => ({ 'aria-label': `查看第 ${v.version} 版` }),
          }}
          onRow={(v) => ({ onClick: () => setChosen(v.version) })}
        />
      </Card>
      {shown ? (
        <>
          <Card
            title={
              <Flex gap={8} align="center" wrap>
                <span>第 {shown.version} 版内容</span>
                <Tag color={shown.status === 'draft' ? 'orange' : 'green'}>{shown.statusLabel}</Tag>
              </Flex>
            }
          >
            <CheckItemFields content={shown} />
          </Card>
          {shown.diff ? (
            <Card title={`第 ${shown.version} 版的修改`}>
              <VersionDiff diff={shown.diff} previousVersion={shown.version - 1} />
            </Card>
          ) : null}
          <Card title={`检查表（共 ${shown.checklist.length} 项）`}>
            <ChecklistByApplicability checklist={shown.checklist} />
          </Card>
        </>
      ) : null}
      {dialog === 'edit' && (draft ?? current) ? (
        <CheckItemEditorModal
          mode="edit"
          item={item}
          base={draft ?? { ...current!, changeNote: '' }}
          draftVersion={nextVersion}
          onClose={() => setDialog(null)}
          onSaved={onSaved}
        />
      ) : null}
      {dialog === 'withdraw' ? (
        <ReasonModal
          title={`废止 ${item.code}`}
          name="withdrawCheckItemForm"
          label="废止原因"
          okText="废止"
          successText="已废止"
          submit={(reason) => withdrawCheckItem(item.id, reason)}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void queryClient.invalidateQueries({ queryKey: checkItemKeys.all });
          }}
        >
          <Typography.Paragraph type="secondary">
            废止后该事项不能再修改或发布，已发布的版本仍在门户网站保留并标明已废止。
          </Typography.Paragraph>
        </ReasonModal>
      ) : null}
    </Flex>
  );
}
