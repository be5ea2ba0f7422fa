import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { UnitFilters } from '../../api/units.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import type { DictionaryLookup } from '../../hooks/use-dictionaries.ts';
import {
  UNIT_CATEGORY_OPTIONS,
  UNIT_FLAG_OPTIONS,
  UNIT_QUALITY_OPTIONS,
  UNIT_STATUS_OPTIONS,
} from '../../lib/registry-labels.ts';
import { DivisionSelect } from './division-select.tsx';

type FilterValues = Omit<UnitFilters, 'sort' | 'order'>;

const ADVANCED_KEYS = ['riskLevel', 'creditLevel', 'tags', 'industry', 'districtCode', 'brigadeId'] as const;

const multiple = { mode: 'multiple' as const, allowClear: true, placeholder: '全部', maxTagCount: 'responsive' as const };

/**
 * The filter bar of the units list. It starts from the filters in the address bar; 查询 hands the new
 * filters back (the page writes them to the address bar, which restarts this form).
 */
export function UnitFilterForm({
  filters,
  dictionaries,
  brigades,
  onApply,
  onClear,
}: {
  filters: UnitFilters;
  dictionaries: DictionaryLookup;
  /** 大队 to filter by; the filter is shown only when there are several. */
  brigades: { id: string; name: string }[];
  onApply: (filters: FilterValues) => void;
  onClear: () => void;
}) {
  const [expanded, setExpanded] = useState(() =>
    ADVANCED_KEYS.some((key) => {
      const value = filters[key];
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    }),
  );

  const hiddenActive = ADVANCED_KEYS.filter((key) => {
    const value = filters[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }).length;

  // Collapsed fields are not in the form: keep their filters as they are.
  const apply = (values: FilterValues) =>
    onApply(expanded ? values : { ...Object.fromEntries(ADVANCED_KEYS.map((key) => [key, filters[key]])), ...values });

  return (
    <ListFilterForm<FilterValues>
      name="unitFilter"
      values={filters}
      onSearch={apply}
      onReset={onClear}
      extra={
        <Button type="link" icon={expanded ? <UpOutlined /> : <DownOutlined />} onClick={() => setExpanded((value) => !value)}>
          {expanded ? '收起' : hiddenActive ? `更多筛选（${hiddenActive}）` : '更多筛选'}
        </Button>
      }
    >
      <Form.Item label="关键字" name="q">
        <Input placeholder="名称、地址或信用代码" allowClear maxLength={100} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="单位类别" name="category">
        <Select {...multiple} options={UNIT_CATEGORY_OPTIONS} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select {...multiple} options={UNIT_STATUS_OPTIONS} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="场所属性" name="flags">
        <Select {...multiple} options={UNIT_FLAG_OPTIONS} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="数据质量" name="quality">
        <Select allowClear placeholder="全部" options={UNIT_QUALITY_OPTIONS} style={{ width: 200 }} />
      </Form.Item>
      {expanded ? (
        <>
          <Form.Item label="风险等级" name="riskLevel">
            <Select {...multiple} options={dictionaries.options('risk_level', filters.riskLevel)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="信用等级" name="creditLevel">
            <Select {...multiple} options={dictionaries.options('credit_level', filters.creditLevel)} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="标签" name="tags">
            <Select
              {...multiple}
              showSearch={{ optionFilterProp: 'label' }}
              options={dictionaries.options('special_tag', filters.tags)}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label="行业" name="industry">
            <Select
              {...multiple}
              showSearch={{ optionFilterProp: 'label' }}
              options={dictionaries.options('industry', filters.industry)}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label="行政区划" name="districtCode">
            <DivisionSelect allowClear allowRetired placeholder="全部" style={{ width: 220 }} />
          </Form.Item>
          {brigades.length > 1 ? (
            <Form.Item label="所属大队" name="brigadeId">
              <Select
                allowClear
                placeholder="全部"
                showSearch={{ optionFilterProp: 'label' }}
                options={brigades.map((brigade) => ({ value: brigade.id, label: brigade.name }))}
                style={{ width: 220 }}
              />
            </Form.Item>
          ) : null}
        </>
      ) : null}
    </ListFilterForm>
  );
}
