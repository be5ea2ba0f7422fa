import { InboxOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { DragEvent, KeyboardEvent } from 'react';
import { useRef, useState } from 'react';

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * A file chooser: a drop area that shows only our Chinese text, opens the file dialog when clicked (or on Enter or
 * Space) and accepts a dragged file. The native file input stays in the page, visually hidden and out of the tab
 * order, so that a `<label htmlFor={id}>` (the surrounding Form.Item's "选择文件") still names and opens it; the
 * browser's own 「选择文件 / 未选择任何文件」 control, in the browser's language, is never shown.
 */
export function FilePicker({
  id,
  file,
  accept,
  hint,
  disabled = false,
  onChange,
}: {
  /** The input's id, for the Form.Item label. */
  id: string;
  file: File | null;
  accept: string;
  hint: string;
  disabled?: boolean;
  onChange: (file: File | null) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      inputRef.current?.click();
    }
  };

  return (
    <div
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-label="拖放文件到此处上传"
      aria-disabled={disabled}
      className={`file-drop${dragging ? ' file-drop-active' : ''}`}
      onClick={(event) => {
        // A click on the input itself opens the chooser already.
        if (!disabled && event.target !== inputRef.current) inputRef.current?.click();
      }}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <InboxOutlined style={{ fontSize: 36, color: '#1677ff' }} aria-hidden />
      <Typography.Text>点击选择文件，或将文件拖到此处</Typography.Text>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="file-drop-input"
        tabIndex={-1}
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          onChange(event.target.files?.[0] ?? null);
          // Choosing the same file again after a failed upload must fire onChange again.
          event.target.value = '';
        }}
      />
      {file ? (
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          <strong>已选择：{file.name}</strong>
          <Typography.Text type="secondary">（{formatSize(file.size)}）</Typography.Text>
        </Typography.Text>
      ) : null}
    </div>
  );
}
