import { PaperClipOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { uploadEvidenceFile } from '../api/files.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

/**
 * Evidence files for a record (photos, PDFs): each is uploaded as soon as it is chosen and kept by the SHA-256 of its
 * bytes; `onChange` gets the hashes of those uploaded. A file the server refuses (not a photo or PDF, too large) shows
 * the server's reason under its name.
 */
export function EvidenceFilesInput({ onChange, max = 10 }: { onChange: (sha256s: string[]) => void; max?: number }) {
  const [files, setFiles] = useState<UploadFile<{ sha256: string }>[]>([]);
  const report = (next: UploadFile<{ sha256: string }>[]) => {
    setFiles(next);
    onChange(next.flatMap((f) => (f.status === 'done' && f.response ? [f.response.sha256] : [])));
  };
  return (
    <Upload<{ sha256: string }>
      accept={ACCEPT}
      multiple
      maxCount={max}
      fileList={files}
      customRequest={({ file, onSuccess, onError }) => {
        uploadEvidenceFile(file as File).then(
          (stored) => onSuccess?.(stored),
          (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error))),
        );
      }}
      onChange={({ fileList }) =>
        report(fileList.map((f) => (f.status === 'error' ? { ...f, response: undefined, error: f.error, name: f.name } : f)))
      }
      itemRender={(node, file) => (
        <div>
          {node}
          {file.status === 'error' ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {file.error instanceof ApiError ? file.error.message : '上传失败，请重试'}
            </Typography.Text>
          ) : null}
        </div>
      )}
    >
      <Button icon={<PaperClipOutlined />}>添加照片或 PDF</Button>
    </Upload>
  );
}
