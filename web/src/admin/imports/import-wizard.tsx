import { UploadOutlined } from '@ant-design/icons';
import type { ImportPreviewView } from '@contracts/imports.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Select, Steps, Typography } from 'antd';
import { useState } from 'react';
import { isUnauthenticated } from '../../api/client.ts';
import type { ImportKind } from '../../api/imports.ts';
import { commitImport, uploadImport } from '../../api/imports.ts';
import { inspectorKeys } from '../../api/inspectors.ts';
import { unitKeys } from '../../api/units.ts';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import type { OrgOption } from '../../lib/org-tree.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { FilePicker } from '../../components/file-picker.tsx';
import type { CommitMode } from './import-preview.tsx';
import { ImportPreview, ImportResultSummary } from './import-preview.tsx';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

const HELP: Record<ImportKind, string> = {
  units:
    '支持 .xlsx 和 .csv（UTF-8、带签名的 UTF-8、GBK/GB18030 编码自动识别）。可识别“单位名称、统一社会信用代码、住所、联系人、联系电话、法定代表人”等常见表头；以统一社会信用代码匹配已有单位，重复导入同一文件不会产生变化。',
  inspectors:
    '支持 .xlsx 和 .csv（自动识别编码）。可识别“姓名、警号、执法证号、有效期、岗位、手机号”等常见表头；以警号匹配已有人员。',
  credit_grades:
    '支持 .xlsx 和 .csv（自动识别编码）。需要“统一社会信用代码、信用等级（A/B/C/D）、评定日期”三列，可另附“单位名称、来源”；以统一社会信用代码匹配所选机构的检查对象，名录中没有的单位逐行列出、不导入。导入后的信用等级用于下一次计划的抽取权重。',
};

/**
 * The import wizard: choose the owner (大队 for units, 机构 for inspectors) and a file → dry-run preview
 * (counts, column mapping, problem rows) → 确认导入 with 整体拒绝 / 跳过错误行 → result and report.
 */
export function ImportWizard({
  kind,
  owners,
  ownerMode,
}: {
  kind: ImportKind;
  /** 大队 (units) or every org in scope (inspectors). */
  owners: OrgOption[];
  ownerMode: 'brigade' | 'org';
}) {
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [ownerId, setOwnerId] = useState<string | undefined>(owners.length === 1 ? owners[0]?.id : undefined);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const ownerLabel = ownerMode === 'brigade' ? '所属大队' : '所属机构';
  const effectiveOwner = ownerId ?? (owners.length === 1 ? owners[0]?.id : undefined);

  const upload = useMutation({
    mutationFn: () => {
      if (!effectiveOwner || !file) throw new Error(`请选择${ownerLabel}和文件`);
      return uploadImport(kind, effectiveOwner, file);
    },
    onSuccess: setPreview,
  });

  const commit = useMutation({
    mutationFn: (mode: CommitMode) => {
      if (!preview) throw new Error('请先上传文件');
      return commitImport(preview.id, { mode });
    },
    onSuccess: (result) => {
      setPreview((current) => (current ? { ...current, result, status: result.status } : current));
      void queryClient.invalidateQueries({ queryKey: kind === 'inspectors' ? inspectorKeys.all : unitKeys.all });
    },
    onError: (error) => handleError(error),
  });

  const restart = () => {
    setPreview(null);
    setFile(null);
    upload.reset();
    commit.reset();
  };

  const current = preview?.result ? 2 : preview ? 1 : 0;
  const uploadError = upload.error && !isUnauthenticated(upload.error) ? upload.error : null;

  return (
    <Flex vertical gap={16}>
      <Steps size="small" current={current} items={[{ title: '上传文件' }, { title: '预览与映射' }, { title: '导入结果' }]} />
      {preview?.result ? (
        <Flex vertical gap={16}>
          <ImportResultSummary result={preview.result} importId={preview.id} invalidRows={preview.counts.invalid} />
          <div>
            <Button type="primary" onClick={restart}>
              继续导入
            </Button>
          </div>
        </Flex>
      ) : preview ? (
        <ImportPreview
          preview={preview}
          committing={commit.isPending}
          onPreviewChange={setPreview}
          onCommit={(mode) => commit.mutate(mode)}
          onRestart={restart}
        />
      ) : (
        <Card size="small">
          <Form layout="vertical" name={`${kind}ImportUpload`} onFinish={() => upload.mutate()} style={{ maxWidth: 640 }}>
            <Typography.Paragraph type="secondary">{HELP[kind]}</Typography.Paragraph>
            <Form.Item label={ownerLabel} htmlFor={`${kind}ImportOwner`} required>
              {ownerMode === 'org' ? (
                <OrgSelect id={`${kind}ImportOwner`} orgs={owners} value={effectiveOwner} onChange={setOwnerId} />
              ) : (
                <Select
                  id={`${kind}ImportOwner`}
                  value={effectiveOwner}
                  onChange={setOwnerId}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
                  notFoundContent="您的管辖范围内没有大队"
                />
              )}
            </Form.Item>
            <Form.Item label="选择文件" htmlFor={`${kind}ImportFile`} required>
              <FilePicker
                id={`${kind}ImportFile`}
                file={file}
                accept={ACCEPT}
                hint="支持 .xlsx、.csv"
                disabled={upload.isPending}
                onChange={(next) => {
                  setFile(next);
                  upload.reset();
                }}
              />
            </Form.Item>
            {uploadError ? (
              <Alert type="error" showIcon title="文件无法导入" description={uploadError.message} style={{ marginBottom: 16 }} />
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              disabled={!file || !effectiveOwner}
            >
              上传并预览
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
