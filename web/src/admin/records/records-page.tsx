import { RECORD_OUTCOME_LABELS, RECORD_OUTCOMES, RecordListQuery, type RecordOutcome, type RecordSummary } from '@contracts/field.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Form, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { inspectorListQuery } from '../../api/inspectors.ts';
import { recordListQuery } from '../../api/records.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import { OUTCOME_COLORS } from './record-helpers.ts';

type RecordFilterValues = { unitId?: string; inspectorId?: string; outcome?: RecordOutcome };

const OUTCOME_OPTIONS = RECORD_OUTCOMES.map((value) => ({ value, label: RECORD_OUTCOME_LABELS[value] }));

const columns: TableColumnsType<RecordSummary> = [
  {
    title: '检查对象',
    key: 'unit',
    fixed: 'left',
    render: (_, r) => (
      <div style={{ minWidth: 160, maxWidth: 260 }}>
        <Link to={`/admin/records/${r.id}`}>{r.unitName}</Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.drawCode}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  {
    title: '检查结果',
    key: 'outcome',
    render: (_, r) => (
      <Flex vertical gap={2} align="flex-start">
        <Tag color={OUTCOME_COLORS[r.outcome]}>{r.outcomeLabel}</Tag>
        {r.conclusionLabel ? <Typography.Text type="secondary">{r.conclusionLabel}</Typography.Text> : null}
      </Flex>
    ),
  },
  {
    title: '隐患',
    key: 'hazards',
    align: 'right',
    render: (_, r) => (r.hazardCount ? <Typography.Text type="danger">{r.hazardCount} 处</Typography.Text> : '—'),
  },
  { title: '照片', key: 'photos', align: 'right', render: (_, r) => (r.photoCount ? `${r.photoCount} 张` : '—') },
  {
    title: '提交',
    key: 'submitted',
    render: (_, r) => (
      <div>
        <div>{r.submittedBy}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.submittedAt)}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: '版本',
    key: 'version',
    render: (_, r) =>
      r.version > 1 ? (
        <Typography.Text title={r.correctionReason ?? undefined}>第 {r.version} 版（更正）</Typography.Text>
      ) : (
        `第 ${r.version} 版`
      ),
  },
  {
    title: '操作',
    key: 'actions',
    render: (_, r) => (
      <Flex gap={8} wrap>
        <Link to={`/admin/records/${r.id}`}>查看</Link>
        <Link to={`/admin/tasks/${r.taskId}`}>任务</Link>
      </Flex>
    ),
  },
];

/** The inspectors of the actor's scope, to filter by (the 200 a page the contract allows is a brigade's whole staff). */
function InspectorSelect(props: { value?: string; onChange?: (value: string | undefined) => void; enabled: boolean }) {
  const inspectors = useQuery({ ...inspectorListQuery({ page: 1, pageSize: 200 }), enabled: props.enabled });
  return (
    <Select<string>
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      placeholder="全部"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={inspectors.isFetching}
      options={(inspectors.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
      style={{ width: 150 }}
    />
  );
}

/**
 * /admin/records: every submitted inspection record of the actor's scope (each version; a correction is a new one),
 * newest first, server-paged; filtered by unit, inspector, outcome, or one task (a link from the task's page).
 */
export default function RecordsPage() {
  const { can } = useSession();
  const list = useListSearch(RecordListQuery);
  const result = useQuery(recordListQuery(list.query));
  const { unitId, inspectorId, outcome, taskId } = list.filters;
  const firstRow = result.data?.items[0];
  const unitName = unitId && firstRow?.unitId === unitId ? firstRow.unitName : undefined;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="检查记录"
        description="检查人员在现场提交的消防监督检查记录。记录提交后不可修改，更正作为新版本保存，各版本均可查看。"
      />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<RecordFilterValues>
            name="recordFilter"
            values={{ unitId, inspectorId, outcome }}
            onSearch={(values) => list.setFilters({ ...values, taskId })}
            onReset={list.resetFilters}
          >
            <Form.Item label="检查对象" name="unitId">
              <UnitPicker allowClear valueLabel={unitName} style={{ width: 240 }} disabled={!can('registry.read')} />
            </Form.Item>
            <Form.Item label="检查人员" name="inspectorId">
              <InspectorSelect enabled={can('registry.read')} />
            </Form.Item>
            <Form.Item label="检查结果" name="outcome">
              <Select<RecordOutcome> placeholder="全部" allowClear options={OUTCOME_OPTIONS} style={{ width: 130 }} />
            </Form.Item>
          </ListFilterForm>
          {taskId ? (
            <div>
              <Tag closable onClose={() => list.setFilters({ ...list.filters, taskId: undefined })}>
                仅看一项任务的记录{firstRow?.taskId === taskId ? `：${firstRow.unitName}` : ''}
              </Tag>
            </div>
          ) : null}
          <ListTable
            list={list}
            result={result}
            columns={columns}
            unit="份记录"
            emptyText={list.filtered ? '没有符合条件的检查记录' : '还没有提交的检查记录'}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
