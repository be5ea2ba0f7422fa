import { PlusOutlined } from '@ant-design/icons';
import type { AvailabilityView, InspectorDetail, RecusalView } from '@contracts/inspectors.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { inspectorDetailQuery, inspectorKeys, liftAvailability, revokeRecusal } from '../../api/inspectors.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { AvailabilityModal } from './availability-modal.tsx';
import { InspectorFormModal } from './inspector-form-modal.tsx';
import { CertificateText } from './inspector-tags.tsx';
import { RecusalModal } from './recusal-modal.tsx';
import { ReasonModal } from '../components/reason-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AVAILABILITY_KIND_COLORS, colorOf, INSPECTOR_STATUS_COLORS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';
import { todayInChina } from '../../lib/today.ts';

type Dialog =
  | { kind: 'edit' | 'availability' | 'recusal' }
  | { kind: 'lift'; period: AvailabilityView }
  | { kind: 'revoke'; recusal: RecusalView };

export default function InspectorDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery(inspectorDetailQuery(id));
  return (
    <QueryGate
      query={query}
      notFound={{
        title: '找不到该检查人员',
        subTitle: '人员不存在，或不在您的管辖范围内。',
        backTo: '/admin/inspectors',
        backText: '返回检查人员列表',
      }}
    >
      {(inspector) => <InspectorDetailView inspector={inspector} />}
    </QueryGate>
  );
}

const today = () => todayInChina();

/** 生效中 / 未开始 / 已结束 / 已解除 for an availability period. */
function periodState(period: AvailabilityView) {
  if (period.liftedAt) return { label: '已解除', color: 'default' };
  if (period.current) return { label: '生效中', color: 'red' };
  if (period.from > today()) return { label: '未开始', color: 'blue' };
  return { label: '已结束', color: 'default' };
}

const periodOpen = (period: AvailabilityView) => !period.liftedAt && (period.to === null || period.to >= today());

function InspectorDetailView({ inspector }: { inspector: InspectorDetail }) {
  const { canChange } = useSession();
  const canManage = canChange('registry.manage');
  const queryClient = useQueryClient();
  const dictionaries = useDictionaries();
  const scope = useOrgScope();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  // The inspector's own modals refresh its queries themselves; a ReasonModal leaves that to its caller.
  const close = () => setDialog(null);
  const afterSave = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: inspectorKeys.all });
    void queryClient.invalidateQueries({ queryKey: inspectorKeys.recusals });
  };

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: inspector.name },
    { key: 'badgeNo', label: '警号/工号', children: inspector.badgeNo },
    {
      key: 'status',
      label: '人员状态',
      children: <Tag color={colorOf(INSPECTOR_STATUS_COLORS, inspector.status)}>{inspector.statusLabel}</Tag>,
    },
    { key: 'certificate', label: '执法证号', children: <CertificateText inspector={inspector} /> },
    { key: 'certificateValidFrom', label: '执法证有效期起', children: inspector.certificateValidFrom ?? '—' },
    { key: 'org', label: '所属机构', children: inspector.orgName },
    { key: 'post', label: '岗位', children: inspector.postLabel },
    { key: 'duty', label: '职务', children: inspector.duty || '—' },
    { key: 'roles', label: '可任角色', children: inspector.roleLabels.join('、') || '—' },
    {
      key: 'specialties',
      label: '专长',
      children: inspector.specialties.length
        ? inspector.specialties.map((code) => dictionaries.label('specialty', code)).join('、')
        : '—',
    },
    { key: 'drawWeight', label: '抽取权重', children: inspector.drawWeight },
    { key: 'phone', label: '手机号', children: inspector.phone || '—' },
    {
      key: 'zones',
      label: '协作区',
      children: inspector.zones.length ? inspector.zones.map((zone) => zone.name).join('、') : '—',
    },
    { key: 'account', label: '登录账号', children: inspector.accountUsername || '未关联' },
    { key: 'createdAt', label: '创建时间', children: formatDateTime(inspector.createdAt) },
    { key: 'updatedAt', label: '更新时间', children: formatDateTime(inspector.updatedAt) },
  ];

  const availabilityColumns: TableColumnsType<AvailabilityView> = [
    {
      title: '类型',
      key: 'kind',
      render: (_, period) => <Tag color={colorOf(AVAILABILITY_KIND_COLORS, period.kind)}>{period.kindLabel}</Tag>,
    },
    { title: '开始日期', dataIndex: 'from', key: 'from' },
    { title: '结束日期', key: 'to', render: (_, period) => period.to ?? '直至解除' },
    { title: '原因', dataIndex: 'reason', key: 'reason' },
    { title: '登记人', key: 'createdBy', render: (_, period) => period.createdByName ?? '—' },
    { title: '登记时间', key: 'createdAt', render: (_, period) => formatDateTime(period.createdAt) },
    {
      title: '状态',
      key: 'state',
      render: (_, period) => {
        const state = periodState(period);
        const tag = <Tag color={state.color}>{state.label}</Tag>;
        return period.liftedAt ? (
          <Tooltip title={`解除时间：${formatDateTime(period.liftedAt)}；原因：${period.liftReason ?? '—'}`}>{tag}</Tooltip>
        ) : (
          tag
        );
      },
    },
  ];
  if (canManage) {
    availabilityColumns.push({
      title: '操作',
      key: 'actions',
      render: (_, period) =>
        periodOpen(period) ? (
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'lift', period })}>
            解除
          </Button>
        ) : null,
    });
  }

  const recusalColumns: TableColumnsType<RecusalView> = [
    {
      title: '单位',
      key: 'unit',
      render: (_, recusal) => <Link to={`/admin/units/${recusal.unitId}`}>{recusal.unitName}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'unitUscc', key: 'uscc' },
    { title: '回避原因', dataIndex: 'reason', key: 'reason' },
    {
      title: '有效期',
      key: 'validity',
      render: (_, recusal) => `${recusal.validFrom} 至 ${recusal.validTo ?? '长期'}`,
    },
    {
      title: '状态',
      key: 'state',
      render: (_, recusal) =>
        recusal.revokedAt ? (
          <Tooltip title={`撤销时间：${formatDateTime(recusal.revokedAt)}；原因：${recusal.revokeReason ?? '—'}`}>
            <Tag>已撤销</Tag>
          </Tooltip>
        ) : recusal.validTo && recusal.validTo < today() ? (
          <Tag>已过期</Tag>
        ) : (
          <Tag color="orange">有效</Tag>
        ),
    },
  ];
  if (canManage) {
    recusalColumns.push({
      title: '操作',
      key: 'actions',
      render: (_, recusal) =>
        recusal.revokedAt ? null : (
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'revoke', recusal })}>
            撤销
          </Button>
        ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={inspector.name}
        description={<BackLink to="/admin/inspectors">返回检查人员列表</BackLink>}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'edit' })}>
              编辑
            </Button>
          ) : null
        }
      />
      {inspector.drawable ? (
        <Alert type="success" showIcon title="今天可被抽取" />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`今天不可抽取：${inspector.undrawableReasonLabel ?? inspector.undrawableReason ?? '不符合抽取条件'}`}
        />
      )}
      <Card title="基本信息">
        <Descriptions items={items} column={{ xs: 1, md: 2, xl: 3 }} />
      </Card>
      <Card
        title="请假、抽调与冻结"
        extra={
          canManage ? (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'availability' })}>
              新增
            </Button>
          ) : null
        }
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">时段内该人员不会被抽取。冻结和解冻记入审计日志，纪检人员可以查看。</Typography.Text>
          <Table<AvailabilityView>
            rowKey="id"
            columns={availabilityColumns}
            dataSource={inspector.availability}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '没有请假、抽调或冻结记录' }}
          />
        </Flex>
      </Card>
      <Card
        title="回避声明"
        extra={
          canManage ? (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'recusal' })}>
              新增回避
            </Button>
          ) : null
        }
      >
        <Table<RecusalView>
          rowKey="id"
          columns={recusalColumns}
          dataSource={inspector.recusals}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有回避声明' }}
        />
      </Card>

      {dialog?.kind === 'edit' ? (
        <InspectorFormModal inspector={inspector} orgs={scope.orgs} onClose={close} onSaved={close} />
      ) : null}
      {dialog?.kind === 'availability' ? <AvailabilityModal inspector={inspector} onClose={close} onSaved={close} /> : null}
      {dialog?.kind === 'recusal' ? <RecusalModal inspector={inspector} onClose={close} onSaved={close} /> : null}
      {dialog?.kind === 'lift' ? (
        <ReasonModal
          title={dialog.period.kind === 'frozen' ? '解冻' : `解除${dialog.period.kindLabel}`}
          name="liftAvailabilityForm"
          label="解除原因"
          okText="解除"
          successText="已解除"
          submit={(reason) => liftAvailability(dialog.period.id, { reason })}
          onClose={() => setDialog(null)}
          onSaved={afterSave}
        >
          {dialog.period.kind === 'frozen' ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="解冻须由大队管理员办理，记入审计日志，纪检人员可以查看。"
            />
          ) : null}
          <Typography.Paragraph>
            {dialog.period.kindLabel}：{dialog.period.from} 至 {dialog.period.to ?? '直至解除'}；原因：{dialog.period.reason}
          </Typography.Paragraph>
        </ReasonModal>
      ) : null}
      {dialog?.kind === 'revoke' ? (
        <ReasonModal
          title="撤销回避"
          name="revokeRecusalForm"
          label="撤销原因"
          okText="撤销"
          successText="回避声明已撤销"
          submit={(reason) => revokeRecusal(dialog.recusal.id, { reason })}
          onClose={() => setDialog(null)}
          onSaved={afterSave}
        >
          <Typography.Paragraph>
            回避单位：{dialog.recusal.unitName}（{dialog.recusal.unitUscc}）
          </Typography.Paragraph>
        </ReasonModal>
      ) : null}
    </Flex>
  );
}
