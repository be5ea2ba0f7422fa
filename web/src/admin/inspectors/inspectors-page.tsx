import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectorDetail, InspectorListItem } from '@contracts/inspectors.ts';
import { InspectorListQuery } from '@contracts/inspectors.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InspectorFilters } from '../../api/inspectors.ts';
import { inspectorDetailQuery, inspectorExportUrl, inspectorListQuery } from '../../api/inspectors.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { OrgSelect } from '../components/org-select.tsx';
import { InspectorFormModal } from './inspector-form-modal.tsx';
import { CertificateText, DrawableTag } from './inspector-tags.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import type { OrgOption } from '../../lib/org-tree.ts';
import { colorOf, INSPECTOR_POST_OPTIONS, INSPECTOR_STATUS_COLORS, INSPECTOR_STATUS_OPTIONS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';

type FilterValues = Omit<InspectorFilters, 'on'> & { on?: Dayjs | null };

const DRAWABLE_OPTIONS = [
  { value: 'true', label: '可抽取' },
  { value: 'false', label: '不可抽取' },
];

export default function InspectorsPage() {
  const { can, canChange } = useSession();
  const canManage = canChange('registry.manage');
  const navigate = useNavigate();
  const scope = useOrgScope();
  const dictionaries = useDictionaries();
  const list = useListSearch(InspectorListQuery);
  const { filters } = list;
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; id: string } | null>(null);
  const result = useQuery(inspectorListQuery(list.query));

  const formValues: FilterValues = { ...filters, on: filters.on ? dayjs(filters.on) : undefined };
  const applyFilters = ({ on, ...rest }: FilterValues) =>
    list.setFilters({ ...rest, on: on ? on.format('YYYY-MM-DD') : undefined });

  // The form refreshes the inspector queries itself.
  const close = () => setDialog(null);

  const columns: TableColumnsType<InspectorListItem> = [
    {
      title: '姓名',
      key: 'name',
      fixed: 'left',
      render: (_, inspector) => <Link to={`/admin/inspectors/${inspector.id}`}>{inspector.name}</Link>,
    },
    { title: '警号/工号', dataIndex: 'badgeNo', key: 'badgeNo' },
    { title: '执法证号', key: 'certificate', render: (_, inspector) => <CertificateText inspector={inspector} /> },
    { title: '所属机构', dataIndex: 'orgName', key: 'org' },
    {
      title: '岗位',
      key: 'post',
      render: (_, inspector) => (
        <span>
          {inspector.postLabel}
          {inspector.duty ? <Typography.Text type="secondary"> · {inspector.duty}</Typography.Text> : null}
        </span>
      ),
    },
    { title: '可任角色', key: 'roles', render: (_, inspector) => inspector.roleLabels.join('、') || '—' },
    {
      title: '专长',
      key: 'specialties',
      render: (_, inspector) =>
        inspector.specialties.length
          ? inspector.specialties.map((code) => dictionaries.label('specialty', code)).join('、')
          : '—',
    },
    { title: '抽取权重', dataIndex: 'drawWeight', key: 'drawWeight', align: 'right' },
    { title: '手机', key: 'phone', render: (_, inspector) => inspector.phoneMasked || '—' },
    {
      title: '状态',
      key: 'status',
      render: (_, inspector) => <Tag color={colorOf(INSPECTOR_STATUS_COLORS, inspector.status)}>{inspector.statusLabel}</Tag>,
    },
    { title: '可抽取', key: 'drawable', render: (_, inspector) => <DrawableTag inspector={inspector} /> },
    { title: '登录账号', key: 'account', render: (_, inspector) => inspector.accountUsername || '—' },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, inspector) => (
        <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', id: inspector.id })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="检查人员"
        description="执法检查人员名录库。执法证过期、请假、抽调、冻结期间或已调离的人员不会被抽取。"
        extra={
          canManage ? (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/admin/imports?tab=inspectors')}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
                新建检查人员
              </Button>
            </>
          ) : null
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<FilterValues>
            name="inspectorFilter"
            values={formValues}
            onSearch={applyFilters}
            onReset={list.resetFilters}
          >
            <Form.Item label="关键字" name="q">
              <Input placeholder="姓名、警号或执法证号" allowClear maxLength={64} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="所属机构" name="orgId">
              <OrgSelect placeholder="全部" allowClear orgs={scope.orgs} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label="岗位" name="post">
              <Select placeholder="全部" allowClear options={INSPECTOR_POST_OPTIONS} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label="状态" name="status">
              <Select placeholder="全部" allowClear options={INSPECTOR_STATUS_OPTIONS} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label="可抽取" name="drawable">
              <Select placeholder="全部" allowClear options={DRAWABLE_OPTIONS} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label="日期" name="on" tooltip="按该日期判断是否可抽取，默认今天">
              <DatePicker placeholder="今天" />
            </Form.Item>
          </ListFilterForm>
          <ListTable
            list={list}
            result={result}
            columns={columns}
            unit="名检查人员"
            emptyText="没有符合条件的检查人员"
            actions={
              <Button icon={<DownloadOutlined />} href={inspectorExportUrl(filters)} hidden={!can('registry.export')}>
                导出 Excel
              </Button>
            }
          />
        </Flex>
      </Card>

      {dialog?.kind === 'create' ? (
        <InspectorFormModal
          orgs={scope.orgs}
          onClose={close}
          onSaved={(inspector) => {
            close();
            void navigate(`/admin/inspectors/${inspector.id}`);
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? <EditInspector id={dialog.id} orgs={scope.orgs} onClose={close} onSaved={close} /> : null}
    </Flex>
  );
}

/** Loads the full record (the list has the phone masked) before opening the edit form. */
function EditInspector({
  id,
  orgs,
  onClose,
  onSaved,
}: {
  id: string;
  orgs: OrgOption[];
  onClose: () => void;
  onSaved: (inspector: InspectorDetail) => void;
}) {
  const detail = useQuery(inspectorDetailQuery(id));
  useEffect(() => {
    // The error was already shown as a message; nothing to edit.
    if (detail.isError) onClose();
  }, [detail.isError, onClose]);
  if (!detail.data) return null;
  return <InspectorFormModal inspector={detail.data} orgs={orgs} onClose={onClose} onSaved={onSaved} />;
}
