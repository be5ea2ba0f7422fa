import { PlusOutlined } from '@ant-design/icons';
import type { ExternalPersonView } from '@contracts/inspectors.ts';
import { ExternalPersonListQuery } from '@contracts/inspectors.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Form, Input, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { externalPeopleQuery } from '../../api/inspectors.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import type { ListControls } from '../../components/list-page/use-list-search.ts';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ExternalPersonFormModal } from './external-person-form-modal.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import type { ExternalKind } from '../../lib/registry-labels.ts';
import { EXTERNAL_KIND_LABELS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';

const KINDS: ExternalKind[] = ['expert', 'department_staff'];

type PeopleList = ListControls<ExternalPersonListQuery>;

export default function ExternalPeoplePage() {
  // The tab is the query's `kind` (专家 when absent): a search keeps it, another tab starts its own list.
  const list = useListSearch(ExternalPersonListQuery, { keep: ['kind'] });
  const kind: ExternalKind = list.query.kind ?? 'expert';
  return (
    <Flex vertical gap={16}>
      <PageHeader title="专家与部门人员" description="专家库和其他部门的执法人员，供跨部门联合检查和专家参与检查时选用。" />
      <Card>
        <Tabs
          activeKey={kind}
          onChange={(key) => list.update({ kind: key === 'department_staff' ? key : undefined, q: undefined, page: 1 })}
          items={KINDS.map((key) => ({
            key,
            label: EXTERNAL_KIND_LABELS[key],
            children: <ExternalPeopleTab kind={key} list={list} />,
          }))}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}

function ExternalPeopleTab({ kind, list }: { kind: ExternalKind; list: PeopleList }) {
  const { session, canChange } = useSession();
  const canManage = canChange('registry.manage');
  const scope = useOrgScope();
  const dictionaries = useDictionaries();
  const [editing, setEditing] = useState<{ person?: ExternalPersonView } | null>(null);
  const result = useQuery(externalPeopleQuery({ ...list.query, kind }));
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
        <ListFilterForm<{ q?: string }>
          name={`externalFilter-${kind}`}
          values={list.filters}
          onSearch={list.setFilters}
          onReset={list.resetFilters}
        >
          <Form.Item label="关键字" name="q">
            <Input placeholder="姓名、单位或专长" allowClear maxLength={64} style={{ width: 220 }} />
          </Form.Item>
        </ListFilterForm>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {expert ? '新建专家' : '新建部门执法人员'}
          </Button>
        ) : null}
      </Flex>
      <ListTable
        list={list}
        result={result}
        columns={columns}
        unit="人"
        emptyText={expert ? '专家库中还没有人员' : '还没有登记其他部门执法人员'}
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
