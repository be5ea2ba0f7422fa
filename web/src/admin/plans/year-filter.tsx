import { Flex, Select, Typography } from 'antd';

/** The 年度 filter above the annual and monthly plan lists: a year, or every year when cleared. */
export function YearFilter({
  value,
  options,
  onChange,
}: {
  value: number | undefined;
  options: { value: number; label: string }[];
  onChange: (year: number | undefined) => void;
}) {
  return (
    <Flex align="center" gap={8}>
      <Typography.Text>年度</Typography.Text>
      <Select<number>
        allowClear
        placeholder="全部年度"
        aria-label="按年度筛选"
        value={value}
        options={options}
        style={{ width: 140 }}
        onChange={(year) => onChange(year ?? undefined)}
      />
    </Flex>
  );
}
