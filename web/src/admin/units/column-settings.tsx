import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';

type ColumnChoice = { key: string; title: string; locked?: boolean };

/** Reads the hidden column keys saved under `storageKey`; an empty list when nothing (valid) is stored. */
function readHidden(storageKey: string): string[] {
  try {
    const raw = window.localStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Hidden table columns, remembered in localStorage under `storageKey`. */
export function useHiddenColumns(storageKey: string) {
  const [hidden, setHiddenState] = useState<string[]>(() => readHidden(storageKey));
  const setHidden = (keys: string[]) => {
    setHiddenState(keys);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(keys));
    } catch {
      // Private mode or a full storage: the choice lasts until the page is reloaded.
    }
  };
  return { hidden, setHidden };
}

/** 列设置: a popover of checkboxes choosing which columns the table shows. */
export function ColumnSettings({
  columns,
  hidden,
  onChange,
}: {
  columns: ColumnChoice[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const visible = columns.filter((column) => !hidden.includes(column.key)).map((column) => column.key);
  const content = (
    <Flex vertical gap={8} style={{ minWidth: 180 }}>
      <Checkbox.Group
        aria-label="显示的列"
        value={visible}
        onChange={(keys) => onChange(columns.filter((c) => !c.locked && !keys.includes(c.key)).map((c) => c.key))}
      >
        <Flex vertical gap={4}>
          {columns.map((column) => (
            <Checkbox key={column.key} value={column.key} disabled={column.locked}>
              {column.title}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">设置保存在本浏览器</Typography.Text>
        <Button size="small" type="link" onClick={() => onChange([])}>
          全部显示
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="列设置" content={content}>
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
