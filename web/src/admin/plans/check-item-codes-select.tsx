import { useQuery } from '@tanstack/react-query';
import type { SelectProps } from 'antd';
import { Select } from 'antd';
import { checkItemsQuery } from '../../api/check-items.ts';

/**
 * 抽查事项 of a plan or campaign: the published, not withdrawn items of the 抽查事项清单, by code and name.
 * A code the plan holds that the list no longer offers stays visible as it is.
 */
export function CheckItemCodesSelect({ value, ...props }: Omit<SelectProps<string[]>, 'options' | 'mode'>) {
  const items = useQuery(checkItemsQuery);
  const options = (items.data?.items ?? [])
    .filter((item) => item.current && !item.withdrawnAt)
    .map((item) => ({ value: item.code, label: `${item.code} ${item.current?.name ?? ''}` }));
  for (const code of value ?? []) {
    if (!options.some((option) => option.value === code)) options.push({ value: code, label: code });
  }
  return (
    <Select<string[]>
      {...props}
      value={value}
      mode="multiple"
      allowClear
      loading={items.isFetching}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择抽查事项"
    />
  );
}
