import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { unitDetailQuery } from '../../api/units.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import type { ControlProps } from './form-helpers.ts';

type ExcludedUnit = { unitId: string; reason: string };

/** A unit's name, fetched for the rows on screen only (the plan stores ids). */
function UnitName({ id }: { id: string }) {
  const unit = useQuery({ ...unitDetailQuery(id), staleTime: 5 * 60_000 });
  return <Link to={`/admin/units/${id}`}>{unit.data?.name ?? (unit.isError ? '（无法读取的单位）' : '…')}</Link>;
}

/** 不纳入范围的单位 as a form control: each unit left out of the plan with its published reason. */
export function ExcludedUnitsInput({
  value = [],
  onChange,
  disabled = false,
}: ControlProps<ExcludedUnit[]>) {
  const [unitId, setUnitId] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const duplicate = unitId !== undefined && value.some((u) => u.unitId === unitId);
  const add = () => {
    if (!unitId || !reason.trim() || duplicate) return;
    onChange?.([...value, { unitId, reason: reason.trim() }]);
    setUnitId(undefined);
    setReason('');
  };

  const columns: TableColumnsType<ExcludedUnit> = [
    { title: '单位', key: 'unit', render: (_, u) => <UnitName id={u.unitId} /> },
    { title: '不纳入理由', dataIndex: 'reason', key: 'reason' },
  ];
  if (!disabled) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 72,
      render: (_, u) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label="移出不纳入名单"
          onClick={() => onChange?.(value.filter((x) => x.unitId !== u.unitId))}
        />
      ),
    });
  }

  return (
    <Flex vertical gap={8}>
      <Table<ExcludedUnit>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={value}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有单独不纳入的单位' }}
      />
      {disabled ? null : (
        <Flex gap={8} wrap align="flex-start">
          <UnitPicker value={unitId} onChange={setUnitId} style={{ width: 320 }} aria-label="要不纳入的单位" />
          <Input
            value={reason}
            maxLength={200}
            placeholder="理由（如：在建未投用、已由其他部门监管）"
            aria-label="该单位不纳入的理由"
            style={{ width: 320 }}
            onChange={(event) => setReason(event.target.value)}
            onPressEnter={(event) => {
              event.preventDefault();
              add();
            }}
          />
          <Button icon={<PlusOutlined />} disabled={!unitId || !reason.trim() || duplicate} onClick={add}>
            添加
          </Button>
          {duplicate ? <Typography.Text type="danger">该单位已在名单中</Typography.Text> : null}
        </Flex>
      )}
    </Flex>
  );
}
