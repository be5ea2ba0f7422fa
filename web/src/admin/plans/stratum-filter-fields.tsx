import { useQuery } from '@tanstack/react-query';
import { Form, Radio, Select } from 'antd';
import { divisionsQuery } from '../../api/dictionaries.ts';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { UNIT_CATEGORY_OPTIONS } from '../../lib/registry-labels.ts';
import { TRI_STATE_FIELDS } from '../../shared/plans/labels.ts';

type TriValue = 'yes' | 'no' | 'any';
const TRI_OPTIONS: { value: TriValue; label: string }[] = [
  { value: 'any', label: '不限' },
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
const toTri = (value: unknown): TriValue => (value === true ? 'yes' : value === false ? 'no' : 'any');
const fromTri = (value: TriValue): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);

/**
 * The fields of a StratumFilterInput (which units a stratum or a campaign takes) under `prefix` in the
 * surrounding form: categories, the 是/否/不限 conditions, special tags and districts. Empty means "any".
 */
export function StratumFilterFields({ prefix }: { prefix: (string | number)[] }) {
  const dictionaries = useDictionaries();
  const { prefectureCode } = useOrgScope();
  const divisions = useQuery(divisionsQuery(prefectureCode));
  const districtOptions = (divisions.data ?? [])
    .filter((d) => !d.retired)
    .map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));

  return (
    <>
      <Form.Item label="单位类别" name={[...prefix, 'categories']} extra="不选表示全部类别。">
        <Select mode="multiple" allowClear options={UNIT_CATEGORY_OPTIONS} placeholder="全部类别" />
      </Form.Item>
      {TRI_STATE_FIELDS.map(({ key, label }) => (
        <Form.Item
          key={key}
          label={label}
          name={[...prefix, key]}
          getValueProps={(value: unknown) => ({ value: toTri(value) })}
          normalize={(value: TriValue) => fromTri(value)}
        >
          <Radio.Group options={TRI_OPTIONS} optionType="button" />
        </Form.Item>
      ))}
      <Form.Item label="特殊标签（具有其一即可）" name={[...prefix, 'tagsAny']} extra="不选表示不按标签筛选。">
        <Select
          mode="multiple"
          allowClear
          loading={dictionaries.loading}
          options={dictionaries.options('special_tag')}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="不限"
        />
      </Form.Item>
      <Form.Item label="行政区划" name={[...prefix, 'districtCodes']} extra="不选表示全部行政区划。">
        <Select
          mode="multiple"
          allowClear
          loading={divisions.isFetching}
          options={districtOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部行政区划"
        />
      </Form.Item>
    </>
  );
}
