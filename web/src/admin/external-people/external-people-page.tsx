import { PlusOutlined } from '@ant-design/icons';
import type { ExternalPersonView } from '@contracts/inspectors.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Form, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { externalPeopleQuery } from '../../api/inspectors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ExternalPersonFormModal } from './external-person-form-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { usePaging } from '../../hooks/use-paging.ts';
import type { ExternalKind } from '../../lib/registry-labels.ts';
import { EXTERNAL_KIND_LABELS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';
import { FilterActions } from '../../components/filter-actions.tsx';

const KINDS: ExternalKind[] = ['expert', 'department_staff'];

export default function ExternalPeoplePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const kind: ExternalKind = searchParams.get('kind') === 'department_staff' ? 'department_staff' : 'expert';
  return (
    <Flex vertical gap={16}>
      <PageHeader title="专家与部门人员" description="专家库和其他部门的执法人员，供跨部门联合检查和专家参与检查时选用。" />
      <Card>
        <Tabs
          activeKey={kind}
          onChange={(key) => setSearchParams(key === 'expert' ? {} : { kind: key }, { replace: true })}
          items={KINDS.map((key) => ({
            key,
            label: EXTERNAL_KIND_LABELS[key],
            children: <ExternalPeopleTab kind={key} />,
          }))}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}

function ExternalPeopleTab({ kind }: { kind: ExternalKind }) {
  const { session, canChange } = useSession();
  const canManage = canChange('registry.manage');
  const scope = useOrgScope();
  const dictionaries = useDictionaries();
  const [filterForm] = Form.useForm<{ q?: string }>();
  const [q, setQ] = useState<string | undefined>();
  const { paging, firstPage, pagination } = usePaging('人');
  const [editing, setEditing] = useState<{ person?: ExternalPersonView } | null>(null);
  const list = useQuery(externalPeopleQuery({ kind, q, ...paging }));
  const expert = kind === 'expert';

  const columns: TableColumnsType<ExternalPersonView> = [
    { title: '姓名', dataIndex: 'name', key: 'name', fixed: 'left' },
    { title: expert ? '工作单位' : '所属部门', dataIndex: 'organization', key: 'organization' },
    { title: '职称/职务', key: 'title', render: (_, person) => person.title || '—' },
    {
      title: '专长',
      key: 'specialties',
      render: (_, person) =>
        person.specialties.length ? person.specialties.map((code) => dictionaries.label('specialty', code)).join('、') : '—',
    },
    { title: expert ? '证件号' : '执法证号', key: 'certificateNo', render: (_, person) => person.certificateNo || '—' },
    { title: '手机', key: 'phone', render: (_, person) => person.phoneMasked || '—' },
    {
      title: '状态',
      key: 'active',
      render: (_, person) => (person.active ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>),
    },
    { title: '登记机构', dataIndex: 'orgName', key: 'org' },
    {
      title: '备注',
      key: 'notes',
      render: (_, person) => (
        <Typography.Text style={{ maxWidth: 200 }} ellipsis={{ tooltip: person.notes }}>
          {person.notes || '—'}
        </Typography.Text>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, person) => (
        <Button type="link" size="small" onClick={() => setEditing({ person })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={12} wrap>
        <Form
          form={filterForm}
          name={`externalFilter-${kind}`}
          layout="inline"
          className="filter-form"
          onFinish={(values) => {
            setQ(values.q?.trim() || undefined);
            firstPage();
          }}
        >
          <Form.Item label="关键字" name="q">
            <Input placeholder="姓名、单位或专长" allowClear maxLength={64} style={{ width: 220 }} />
          </Form.Item>
          <FilterActions
            onClear={() => {
              filterForm.resetFields();
              setQ(undefined);
              firstPage();
            }}
          />
        </Form>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {expert ? '新建专家' : '新建部门执法人员'}
          </Button>
        ) : null}
      </Flex>
      <Table<ExternalPersonView>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={pagination(list.data?.total)}
        locale={{ emptyText: expert ? '专家库中还没有人员' : '还没有登记其他部门执法人员' }}
      />
      {editing ? (
        <ExternalPersonFormModal
          kind={kind}
          person={editing.person}
          orgs={scope.orgs}
          defaultOrgId={session.org.id}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
