import { CloudUploadOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { UnitListItem } from '@contracts/units.ts';
import { UNIT_SORT_VALUES, UnitListQuery } from '@contracts/units.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import type { Key } from 'react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { UnitFilters } from '../../api/units.ts';
import { unitExportUrl, unitListQuery } from '../../api/units.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { DictionaryTag } from './dictionary-tag.tsx';
import { UnitFilterForm } from './unit-filter-form.tsx';
import { UnitFormModal } from './unit-form-modal.tsx';
import { UnitStatusModal } from './unit-status-modal.tsx';
import { CategoryTag, FlagTags, UnitStatusTags } from './unit-tags.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { formatDateTime } from '../../lib/format.ts';
import { UNIT_QUALITY_LABELS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';

const dash = (value: string | null | undefined) => value || '—';

export default function UnitsPage() {
  const { can, canChange } = useSession();
  const canManage = canChange('registry.manage');
  const navigate = useNavigate();
  const list = useListSearch(UnitListQuery);
  const { query, filters } = list;
  const dictionaries = useDictionaries();
  const scope = useOrgScope();
  const [selected, setSelected] = useState<Key[]>([]);
  const [dialog, setDialog] = useState<'create' | 'bulkStatus' | null>(null);

  const result = useQuery(unitListQuery(query));

  const applyFilters = (values: UnitFilters) => {
    // A selection made under other filters would change units the user no longer sees.
    setSelected([]);
    list.setFilters(values);
  };

  const columns: TableColumnsType<UnitListItem> = [
    {
      title: '单位名称',
      key: 'name',
      fixed: 'left',
      render: (_, unit) => <Link to={`/admin/units/${unit.id}`}>{unit.name}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc' },
    { title: '类别', key: 'category', render: (_, unit) => <CategoryTag unit={unit} /> },
    { title: '属性', key: 'flags', render: (_, unit) => <FlagTags unit={unit} /> },
    {
      title: '风险等级',
      key: 'riskLevel',
      render: (_, unit) => <DictionaryTag dictionaries={dictionaries} kind="risk_level" code={unit.riskLevel} />,
    },
    { title: '状态', key: 'status', render: (_, unit) => <UnitStatusTags unit={unit} /> },
    {
      title: '实际经营地址',
      key: 'address',
      render: (_, unit) => (
        <Typography.Text style={{ maxWidth: 240 }} ellipsis={{ tooltip: unit.address }}>
          {dash(unit.address)}
        </Typography.Text>
      ),
    },
    { title: '行政区划', key: 'district', render: (_, unit) => dash(unit.districtName ?? unit.districtCode) },
    { title: '联系人', key: 'contactName', render: (_, unit) => dash(unit.contactName) },
    { title: '联系电话', key: 'contactPhone', render: (_, unit) => dash(unit.contactPhoneMasked) },
    { title: '所属大队', dataIndex: 'brigadeName', key: 'brigade' },
    { title: '更新时间', key: 'updatedAt', render: (_, unit) => formatDateTime(unit.updatedAt) },
  ];

  const afterBulk = () => {
    setDialog(null);
    setSelected([]);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="检查对象"
        description="检查对象名录库：社会单位的登记信息、状态和数据来源。单位不会被删除，停业、注销等须变更状态并说明原因。"
        extra={
          canManage ? (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/admin/imports')}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
                新建单位
              </Button>
            </>
          ) : null
        }
      />
      {filters.quality ? (
        <Alert
          type="info"
          showIcon
          title={`正在查看数据质量问题：${UNIT_QUALITY_LABELS[filters.quality]}`}
          action={
            <Button size="small" onClick={() => applyFilters({ ...filters, quality: undefined })}>
              取消此条件
            </Button>
          }
        />
      ) : null}
      <Card>
        <Flex vertical gap={16}>
          <UnitFilterForm
            filters={filters}
            dictionaries={dictionaries}
            brigades={scope.brigades}
            onApply={applyFilters}
            onClear={() => {
              setSelected([]);
              list.resetFilters();
            }}
          />
          <ListTable
            list={list}
            result={result}
            columns={columns}
            unit="家单位"
            emptyText={list.filtered ? '没有符合条件的单位' : '名录库中还没有单位'}
            sortable={UNIT_SORT_VALUES}
            columnSettings={{ list: 'units', locked: ['name'] }}
            rowSelection={
              canManage ? { selectedRowKeys: selected, onChange: setSelected, preserveSelectedRowKeys: true } : undefined
            }
            toolbar={
              canManage ? (
                <>
                  <Button icon={<EditOutlined />} disabled={!selected.length} onClick={() => setDialog('bulkStatus')}>
                    批量变更状态
                  </Button>
                  {selected.length ? (
                    <Typography.Text type="secondary">
                      已选 {selected.length} 家
                      <Button type="link" size="small" onClick={() => setSelected([])}>
                        清除选择
                      </Button>
                    </Typography.Text>
                  ) : null}
                </>
              ) : null
            }
            actions={
              <Button
                icon={<DownloadOutlined />}
                href={unitExportUrl({ ...filters, sort: query.sort, order: query.order })}
                hidden={!can('registry.export')}
              >
                导出 Excel
              </Button>
            }
          />
        </Flex>
      </Card>

      {dialog === 'create' ? (
        <UnitFormModal
          brigades={scope.brigades}
          onClose={() => setDialog(null)}
          onSaved={(unit) => {
            setDialog(null);
            void navigate(`/admin/units/${unit.id}`);
          }}
        />
      ) : null}
      {dialog === 'bulkStatus' ? (
        <UnitStatusModal unitIds={selected.map(String)} onClose={() => setDialog(null)} onSaved={afterBulk} />
      ) : null}
    </Flex>
  );
}
