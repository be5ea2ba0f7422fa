import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import type { ColumnChoice } from './columns.ts';
import { hiddenAfterChoice, hiddenColumnsKey, parseHiddenColumns } from './columns.ts';

function readStored(key: string | null): string | null {
  if (!key) return null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** A list's hidden columns, remembered in this browser's localStorage (one entry per list; none without a list). */
export function useHiddenColumns(list: string | undefined) {
  const key = list ? hiddenColumnsKey(list) : null;
  const [hidden, setHiddenState] = useState<string[]>(() => parseHiddenColumns(readStored(key)));
  const setHidden = (keys: string[]) => {
    setHiddenState(keys);
    if (!key) return;
    try {
      window.localStorage.setItem(key, JSON.stringify(keys));
    } catch {
      // Private mode or a full storage: the choice lasts until the page is reloaded.
    }
  };
  return { hidden, setHidden };
}

/** 列设置: a popover of checkboxes choosing which columns the table shows. */
export function ColumnSettings({
  choices,
  hidden,
  onChange,
}: {
  choices: ColumnChoice[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const visible = choices.filter((choice) => choice.locked || !hidden.includes(choice.key)).map((choice) => choice.key);
  const content = (
    <Flex vertical gap={8} style={{ minWidth: 180 }}>
      <Checkbox.Group aria-label="显示的列" value={visible} onChange={(keys) => onChange(hiddenAfterChoice(choices, keys))}>
        <Flex vertical gap={4}>
          {choices.map((choice) => (
            <Checkbox key={choice.key} value={choice.key} disabled={choice.locked}>
              {choice.title}
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
