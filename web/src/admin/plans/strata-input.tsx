import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { StratumRuleInput } from '@contracts/plans.ts';
import type { TableColumnsType } from 'antd';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { ControlProps } from './form-helpers.ts';
import type { StratumFilter } from '../../shared/plans/labels.ts';
import { EMPTY_FILTER } from '../../shared/plans/labels.ts';
import { StratumFilterFields } from './stratum-filter-fields.tsx';
import { useFilterDescription } from './use-filter-description.ts';

export type Stratum = z.infer<typeof StratumRuleInput>;

const MAX_STRATA = 12;

/** A code not used yet: custom_1, custom_2 … */
function freeCode(strata: Stratum[]): string {
  for (let n = 1; ; n += 1) {
    const code = `custom_${n}`;
    if (!strata.some((s) => s.code === code)) return code;
  }
}

/**
 * 分层与年度比例 as a form control: the strata in precedence order (a unit belongs to the first enabled
 * stratum whose filter matches), each with its switch, name, filter and annual ratio or 不设目标.
 */
export function StrataInput({
  value = [],
  onChange,
  disabled = false,
}: ControlProps<Stratum[]>) {
  const describe = useFilterDescription();
  const [editing, setEditing] = useState<number | null>(null);
  const change = (index: number, patch: Partial<Stratum>) =>
    onChange?.(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange?.(next);
  };

  const columns: TableColumnsType<Stratum> = [
    { title: '顺序', key: 'order', width: 56, render: (_, _s, index) => index + 1 },
    {
      title: '启用',
      key: 'enabled',
      width: 64,
      render: (_, s, index) => (
        <Switch
          size="small"
          checked={s.enabled}
          disabled={disabled}
          aria-label={`启用分层 ${s.name}`}
          onChange={(enabled) => change(index, { enabled })}
        />
      ),
    },
    {
      title: '分层名称',
      key: 'name',
      width: 200,
      render: (_, s, index) => (
        <Input
          value={s.name}
          maxLength={40}
          disabled={disabled}
          aria-label={`分层 ${index + 1} 名称`}
          status={s.name.trim() ? undefined : 'error'}
          onChange={(event) => change(index, { name: event.target.value })}
        />
      ),
    },
    {
      title: '范围',
      key: 'filter',
      render: (_, s, index) => (
        <Flex align="flex-start" gap={4}>
          <Typography.Text style={{ flex: 1 }}>{describe(s.filter)}</Typography.Text>
          {disabled ? null : (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(index)} aria-label={`编辑 ${s.name} 的范围`}>
              编辑
            </Button>
          )}
        </Flex>
      ),
    },
    {
      title: '年度抽查比例',
      key: 'ratio',
      width: 220,
      render: (_, s, index) => (
        <Flex vertical gap={4}>
          <InputNumber<number>
            value={s.annualRatioBp === null ? null : s.annualRatioBp / 100}
            min={0}
            max={100}
            precision={2}
            suffix="%"
            style={{ width: 120 }}
            disabled={disabled || s.annualRatioBp === null}
            aria-label={`${s.name} 年度抽查比例`}
            onChange={(percent) => change(index, { annualRatioBp: Math.round((percent ?? 0) * 100) })}
          />
          <Checkbox
            checked={s.annualRatioBp === null}
            disabled={disabled}
            onChange={(event) => change(index, { annualRatioBp: event.target.checked ? null : 0 })}
          >
            不设目标（按月手工确定）
          </Checkbox>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 116,
      render: (_, s, index) =>
        disabled ? null : (
          <Flex gap={2}>
            <Tooltip title="上移（优先匹配）">
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`上移 ${s.name}`} onClick={() => move(index, -1)} />
            </Tooltip>
            <Tooltip title="下移">
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === value.length - 1}
                aria-label={`下移 ${s.name}`}
                onClick={() => move(index, 1)}
              />
            </Tooltip>
            <Tooltip title="删除此分层">
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={value.length <= 1}
                aria-label={`删除 ${s.name}`}
                onClick={() => onChange?.(value.filter((_s, i) => i !== index))}
              />
            </Tooltip>
          </Flex>
        ),
    },
  ];

  const editingStratum = editing === null ? undefined : value[editing];
  return (
    <Flex vertical gap={8}>
      <Table<Stratum>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={value}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(s) => ({ style: s.enabled ? undefined : { opacity: 0.6 } })}
      />
      {disabled ? null : (
        <div>
          <Button
            icon={<PlusOutlined />}
            disabled={value.length >= MAX_STRATA}
            onClick={() =>
              onChange?.([...value, { code: freeCode(value), name: '新分层', enabled: true, filter: EMPTY_FILTER, annualRatioBp: null }])
            }
          >
            添加分层
          </Button>
        </div>
      )}
      {editingStratum && editing !== null ? (
        <StratumFilterModal
          title={`分层范围：${editingStratum.name}`}
          filter={editingStratum.filter}
          onClose={() => setEditing(null)}
          onSave={(filter) => {
            change(editing, { filter });
            setEditing(null);
          }}
        />
      ) : null}
    </Flex>
  );
}

function StratumFilterModal({
  title,
  filter,
  onClose,
  onSave,
}: {
  title: string;
  filter: StratumFilter;
  onClose: () => void;
  onSave: (filter: StratumFilter) => void;
}) {
  const [form] = Form.useForm<{ filter: StratumFilter }>();
  return (
    <Modal open title={title} okText="确定" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Typography.Paragraph type="secondary">单位须同时满足以下所有条件；留空或「不限」表示不作限制。</Typography.Paragraph>
      <Form form={form} name="stratumFilterForm" layout="vertical" initialValues={{ filter }} onFinish={(values) => onSave({ ...filter, ...values.filter })}>
        <StratumFilterFields prefix={['filter']} />
      </Form>
    </Modal>
  );
}
