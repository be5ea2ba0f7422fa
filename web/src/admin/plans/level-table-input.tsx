import type { TableColumnsType } from 'antd';
import { InputNumber, Table, Tag } from 'antd';
import type { DictionaryKind } from '../../api/dictionaries.ts';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import type { ControlProps } from './form-helpers.ts';

type Row = { code: string; label: string; color: string | null };

/**
 * A number per dictionary level (风险等级 or 信用等级) as a form control over `Record<code, number>`: every
 * level of the dictionary is a row, plus codes the value holds that the dictionary no longer lists. An
 * emptied cell removes the code (the rule's fallback applies). `scale` converts the shown number to the
 * stored one (100: percent points shown, basis points stored).
 */
export function LevelTableInput({
  kind,
  value = {},
  onChange,
  disabled = false,
  column,
  min,
  max,
  scale = 1,
  suffix,
  placeholder,
}: ControlProps<Record<string, number>> & {
  kind: DictionaryKind;
  column: string;
  min: number;
  max: number;
  scale?: number;
  suffix?: string;
  placeholder?: string;
}) {
  const dictionaries = useDictionaries();
  const rows: Row[] = dictionaries.entries(kind).map((e) => ({ code: e.code, label: e.label, color: e.color }));
  for (const code of Object.keys(value)) {
    if (!rows.some((row) => row.code === code)) rows.push({ code, label: code, color: null });
  }
  const set = (code: string, shown: number | null) => {
    const next = { ...value };
    if (shown === null) delete next[code];
    else next[code] = Math.round(shown * scale);
    onChange?.(next);
  };
  const columns: TableColumnsType<Row> = [
    { title: '等级', key: 'label', render: (_, row) => <Tag color={row.color ?? undefined}>{row.label}</Tag> },
    {
      title: column,
      key: 'value',
      width: 180,
      render: (_, row) => (
        <InputNumber<number>
          value={value[row.code] === undefined ? null : value[row.code]! / scale}
          min={min}
          max={max}
          precision={scale === 1 ? 0 : 2}
          suffix={suffix}
          placeholder={placeholder}
          disabled={disabled}
          aria-label={`${row.label} ${column}`}
          style={{ width: 140 }}
          onChange={(shown) => set(row.code, shown)}
        />
      ),
    },
  ];
  return (
    <Table<Row>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={dictionaries.loading}
      pagination={false}
      locale={{ emptyText: '字典中没有等级' }}
    />
  );
}
