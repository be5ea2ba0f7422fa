import { PrinterOutlined } from '@ant-design/icons';
import {
  DOCUMENT_LIST_STATUS_LABELS,
  DOCUMENT_LIST_STATUSES,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  DocumentListQuery,
  type DocumentListStatus,
  type DocumentSummary,
  type DocumentType,
} from '@contracts/documents.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { documentListQuery, printDocuments } from '../../api/documents.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { useSession } from '../../session/session-context.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import { DeadlineText, DocumentStatusTag } from './document-tags.tsx';
import { NumberFormatsCard } from './number-formats-card.tsx';

type Filters = { type?: DocumentType; status?: DocumentListStatus; q?: string; unitId?: string };

const columns: TableColumnsType<DocumentSummary> = [
  {
    title: '文号',
    key: 'number',
    fixed: 'left',
    render: (_, d) => (
      <div style={{ minWidth: 150 }}>
        <Link to={`/admin/documents/${d.id}`}>{d.number}</Link>
      </div>
    ),
  },
  { title: '文书', dataIndex: 'typeLabel' },
  { title: '被检查单位', key: 'unit', render: (_, d) => <Link to={`/admin/units/${d.unitId}`}>{d.unitName}</Link> },
  { title: '成文日期', dataIndex: 'issueDate' },
  { title: '状态', key: 'status', render: (_, d) => <DocumentStatusTag status={d.status} label={d.statusLabel} /> },
  { title: '送达', key: 'served', render: (_, d) => (d.served ? <Tag color="green">已送达</Tag> : <Tag>未送达</Tag>) },
  { title: '期限', key: 'deadline', render: (_, d) => <DeadlineText label={d.deadlineLabel} overdue={d.overdue} /> },
];

/** /admin/documents: every document of the actor's scope, newest first; several printed at once as one PDF. */
export default function DocumentsPage() {
  const { session, can, canChange } = useSession();
  const list = useListSearch(DocumentListQuery);
  const result = useQuery(documentListQuery(list.query));
  const [selected, setSelected] = useState<string[]>([]);
  const [printing, setPrinting] = useState(false);
  const onError = useApiErrorHandler();
  const { type, status, q, unitId } = list.filters;
  const firstRow = result.data?.items[0];
  const unitName = unitId && firstRow?.unitId === unitId ? firstRow.unitName : undefined;
  const print = async () => {
    setPrinting(true);
    try {
      await printDocuments(selected);
    } catch (e) {
      onError(e as Error);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Flex vertical gap={16}>
      <PageHeader title="执法文书" description="检查后开具的执法文书。文书开具后不可修改：更正将开具新文书，作废的文号保留并标明作废。" />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<Filters> name="documentFilter" values={{ type, status, q, unitId }} onSearch={(v) => list.setFilters(v)} onReset={list.resetFilters}>
            <Form.Item label="文书" name="type">
              <Select<DocumentType> allowClear placeholder="全部" style={{ width: 180 }} options={DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))} />
            </Form.Item>
            <Form.Item label="状态" name="status">
              <Select<DocumentListStatus> allowClear placeholder="全部" style={{ width: 120 }} options={DOCUMENT_LIST_STATUSES.map((s) => ({ value: s, label: DOCUMENT_LIST_STATUS_LABELS[s] }))} />
            </Form.Item>
            <Form.Item label="被检查单位" name="unitId">
              <UnitPicker allowClear valueLabel={unitName} style={{ width: 220 }} disabled={!can('registry.read')} />
            </Form.Item>
            <Form.Item label="文号" name="q">
              <Input allowClear placeholder="文号中的文字" style={{ width: 180 }} />
            </Form.Item>
          </ListFilterForm>
          <ListTable
            list={list}
            result={result}
            columns={columns}
            unit="份文书"
            emptyText={list.filtered ? '没有符合条件的文书' : '还没有开具的文书'}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
            toolbar={
              <Button icon={<PrinterOutlined />} disabled={selected.length === 0} loading={printing} onClick={() => void print()}>
                批量打印{selected.length ? `（${selected.length}）` : ''}
              </Button>
            }
          />
        </Flex>
      </Card>
      {session.org.kind === 'brigade' && canChange('draws.manage') ? <NumberFormatsCard orgId={session.org.id} /> : null}
    </Flex>
  );
}
