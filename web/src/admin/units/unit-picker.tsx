import type { UnitListItem } from '@contracts/units.ts';
import { useQuery } from '@tanstack/react-query';
import type { SelectProps } from 'antd';
import { Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { searchUnits } from '../../api/units.ts';

type UnitOption = { value: string; label: string; unit: UnitListItem | null };

/**
 * Picks one unit by remote search (GET /api/units?q=…&pageSize=20) on name, address or credit code. `valueLabel`: the
 * name of a unit chosen before (a list filter read from the address bar), shown until another is picked.
 */
export function UnitPicker({
  valueLabel,
  ...props
}: Omit<SelectProps<string, UnitOption>, 'options' | 'showSearch' | 'filterOption'> & { valueLabel?: string | undefined }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useQuery({
    queryKey: ['units', 'picker', q],
    queryFn: () => searchUnits(q),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  // The picked unit stays among the options, so the field keeps showing its name after the search changes.
  const [picked, setPicked] = useState<UnitOption | null>(null);
  const options: UnitOption[] = (q ? (result.data?.items ?? []) : []).map((unit) => ({ value: unit.id, label: unit.name, unit }));
  if (picked && picked.value === props.value && !options.some((option) => option.value === picked.value)) {
    options.unshift(picked);
  } else if (valueLabel && props.value && !options.some((option) => option.value === props.value)) {
    options.unshift({ value: props.value, label: valueLabel, unit: null });
  }

  return (
    <Select<string, UnitOption>
      {...props}
      onChange={(value, option) => {
        setPicked(Array.isArray(option) ? null : (option ?? null));
        props.onChange?.(value, option);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      placeholder={props.placeholder ?? '输入单位名称、地址或信用代码搜索'}
      notFoundContent={result.isFetching ? <Spin size="small" /> : q ? '没有找到单位' : '请输入关键字'}
      optionRender={({ data }) =>
        data.unit ? (
          <div>
            <div>{data.unit.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {data.unit.uscc} · {data.unit.address ?? '无实际经营地址'}
            </Typography.Text>
          </div>
        ) : (
          data.label
        )
      }
    />
  );
}
