import { useQuery } from '@tanstack/react-query';
import type { SelectProps } from 'antd';
import { Select } from 'antd';
import { divisionsQuery } from '../../api/dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';

type DivisionSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'mode'> & {
  /** Offer retired codes (kept for old records) as choices; otherwise they show only as the current value. */
  allowRetired?: boolean;
};

/**
 * 行政区划: the counties (GB/T 2260) of the caller's prefecture, from GET /api/divisions?within=…, searchable
 * by name or code. A current value outside the list stays visible as its code.
 */
export function DivisionSelect({ allowRetired = false, value, ...props }: DivisionSelectProps) {
  const { prefectureCode } = useOrgScope();
  const divisions = useQuery(divisionsQuery(prefectureCode));
  const options = (divisions.data ?? []).map((division) => ({
    value: division.code,
    label: division.retired ? `${division.name}（${division.code}，已撤销）` : `${division.name}（${division.code}）`,
    disabled: division.retired && !allowRetired && division.code !== value,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: value, disabled: false });
  }
  return (
    <Select<string>
      {...props}
      value={value}
      loading={divisions.isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      notFoundContent={prefectureCode ? undefined : '无法确定本单位所在的行政区划'}
    />
  );
}
