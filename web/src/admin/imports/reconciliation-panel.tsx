import { UploadOutlined } from '@ant-design/icons';
import type { ReconciliationPreviewView, ReconciliationResultView } from '@contracts/imports.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Descriptions, Flex, Form, Radio, Select, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isUnauthenticated } from '../../api/client.ts';
import { commitReconciliation, uploadReconciliation } from '../../api/imports.ts';
import { unitKeys } from '../../api/units.ts';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { unitListPath } from '../units/unit-filters.ts';
import { FilePicker } from '../../components/file-picker.tsx';

type FlagRow = ReconciliationPreviewView['toFlag'][number];

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * 市场监管比对: upload a market-regulation snapshot; units missing from a full snapshot or marked 注销/吊销
 * in it are listed, and on confirmation flagged 待核实 (never removed).
 */
export function ReconciliationPanel({ brigades }: { brigades: { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [brigadeId, setBrigadeId] = useState<string | undefined>();
  const [full, setFull] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ReconciliationPreviewView | null>(null);
  const [result, setResult] = useState<ReconciliationResultView | null>(null);
  const effectiveBrigade = brigadeId ?? (brigades.length === 1 ? brigades[0]?.id : undefined);

  const upload = useMutation({
    mutationFn: () => {
      if (!effectiveBrigade || !file) throw new Error('请选择所属大队和文件');
      return uploadReconciliation(effectiveBrigade, full, file);
    },
    onSuccess: setPreview,
  });
  const commit = useMutation({
    mutationFn: () => {
      if (!preview) throw new Error('请先上传快照');
      return commitReconciliation(preview.id);
    },
    onSuccess: (done) => {
      setResult(done);
      void queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
    onError: (error) => handleError(error),
  });

  const restart = () => {
    setPreview(null);
    setResult(null);
    setFile(null);
    upload.reset();
    commit.reset();
  };

  const columns: TableColumnsType<FlagRow> = [
    { title: '单位名称', key: 'name', render: (_, row) => <Link to={`/admin/units/${row.unitId}`}>{row.name}</Link> },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc' },
    { title: '原因', dataIndex: 'reason', key: 'reason' },
  ];
  const uploadError = upload.error && !isUnauthenticated(upload.error) ? upload.error : null;

  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={result ? 2 : preview ? 1 : 0}
        items={[{ title: '上传快照' }, { title: '核对待标记单位' }, { title: '完成' }]}
      />
      {result ? (
        <Flex vertical gap={16}>
          <Alert
            type="success"
            showIcon
            title={`已标记 ${result.flagged} 家单位为待核实`}
            description={`完成时间：${formatDateTime(result.committedAt)}。被标记的单位暂不参与抽取，核实后可取消标记或变更状态。`}
          />
          <Flex gap={8}>
            <Link to={unitListPath({ quality: 'flagged' })}>查看待核实单位</Link>
          </Flex>
          <div>
            <Button type="primary" onClick={restart}>
              继续比对
            </Button>
          </div>
        </Flex>
      ) : preview ? (
        <Flex vertical gap={16}>
          <Card title="比对预览（尚未标记）" size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 4 }}
              items={[
                { key: 'file', label: '文件', children: preview.fileName },
                { key: 'mode', label: '快照类型', children: preview.full ? '全量' : '增量' },
                { key: 'rows', label: '快照行数', children: preview.snapshotRows },
                { key: 'toFlag', label: '将标记待核实', children: `${preview.toFlag.length} 家` },
                { key: 'already', label: '已是待核实', children: `${preview.alreadyFlagged} 家` },
                { key: 'unknown', label: '快照中有、名录库中没有', children: `${preview.unknownInRegistry} 家` },
              ]}
            />
          </Card>
          <Card title="将标记为待核实的单位" size="small">
            <Table<FlagRow>
              rowKey="unitId"
              size="small"
              columns={columns}
              dataSource={preview.toFlag}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 家` }}
              locale={{ emptyText: '没有需要标记的单位' }}
            />
          </Card>
          <Alert
            type="info"
            showIcon
            title="比对只会把单位标记为待核实，不会删除或注销任何单位；核实后可在单位详情中取消标记或变更状态。"
          />
          <Flex gap={8} wrap>
            <Button type="primary" loading={commit.isPending} onClick={() => commit.mutate()}>
              确认导入比对结果
            </Button>
            <Button onClick={restart}>重新上传</Button>
          </Flex>
        </Flex>
      ) : (
        <Card size="small">
          <Form layout="vertical" name="reconciliationUpload" onFinish={() => upload.mutate()} style={{ maxWidth: 640 }}>
            <Typography.Paragraph type="secondary">
              上传市场监管部门的企业登记快照（.xlsx /
              .csv）。全量快照中缺失的单位、快照中状态为注销或吊销的单位，将列出供确认后标记为待核实（疑似僵尸单位）。
            </Typography.Paragraph>
            <Form.Item label="所属大队" htmlFor="reconciliationBrigade" required>
              <Select
                id="reconciliationBrigade"
                value={effectiveBrigade}
                onChange={setBrigadeId}
                showSearch={{ optionFilterProp: 'label' }}
                options={brigades.map((brigade) => ({ value: brigade.id, label: brigade.name }))}
                notFoundContent="您的管辖范围内没有大队"
              />
            </Form.Item>
            <Form.Item
              label="快照类型"
              extra={
                full
                  ? '全量：快照覆盖本大队全部市场主体，名录库中有而快照中没有的单位也会列出。'
                  : '增量：只比对快照中出现的单位（注销、吊销）。'
              }
            >
              <Radio.Group
                aria-label="快照类型"
                value={full}
                onChange={(event) => setFull(event.target.value as boolean)}
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: '全量' },
                  { value: false, label: '增量' },
                ]}
              />
            </Form.Item>
            <Form.Item label="选择文件" htmlFor="reconciliationFile" required>
              <FilePicker
                id="reconciliationFile"
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
              <Alert type="error" showIcon title="快照无法比对" description={uploadError.message} style={{ marginBottom: 16 }} />
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              disabled={!file || !effectiveBrigade}
            >
              上传并比对
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
