import type { AnnualReportView, ComparedRow } from '@contracts/annual-report.ts';
import { UNABLE_REASON_LABELS } from '@contracts/field-labels.ts';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { annualReportQuery, downloadAnnualReport } from '../../api/annual-report.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';

const rate = (r: number | null) => (r === null ? '—' : `${r}%`);
const count = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN'));

function changeText(row: ComparedRow): string {
  if (row.trend === null || row.difference === null) return '—';
  if (row.trend === '持平') return '持平';
  const size = Math.abs(row.difference);
  if (row.rate) return `${row.trend} ${size} 个百分点`;
  return row.changePercent === null ? `${row.trend} ${size}` : `${row.trend} ${Math.abs(row.changePercent)}%`;
}

const columns = (year: number): TableColumnsType<ComparedRow> => [
  { title: '项目', dataIndex: 'label' },
  { title: `${year} 年`, key: 'current', align: 'right', render: (_, r) => (r.rate ? rate(r.current) : count(r.current)) },
  { title: `${year - 1} 年`, key: 'previous', align: 'right', render: (_, r) => (r.rate ? rate(r.previous) : count(r.previous)) },
  { title: '增减', key: 'change', render: (_, r) => changeText(r) },
];

const SOURCE_NOTES: Record<AnnualReportView['previous']['source'], string | null> = {
  system: null,
  legacy: '该年度只有系统启用前导入的历史检查记录：只统计检查数，抽取、隐患和处罚不作统计（显示为“—”）。',
  none: '该年度系统中没有抽查任务和检查记录。',
};

type OwnWords = { opening?: string; work?: string; problems?: string; nextSteps?: string };

const OWN_FIELDS: { name: keyof OwnWords; label: string; placeholder: string }[] = [
  { name: 'opening', label: '开头语', placeholder: '不填则使用系统生成的开头语' },
  { name: 'work', label: '一、工作开展情况', placeholder: '不填则按单位库、人员库和抽查机制生成；每行一段' },
  { name: 'problems', label: '三、存在的问题', placeholder: '不填则按无法检查比例和不合格率生成；每行一段' },
  { name: 'nextSteps', label: '四、下一步工作计划', placeholder: '不填则使用通用的下一步工作计划；每行一段' },
];

/** 年度工作总结: a brigade's figures beside last year's, the brigade's own words, and the report as Word. */
export default function AnnualReportPage() {
  const thisYear = new Date().getFullYear();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [year, setYear] = useState(thisYear);
  const [form] = Form.useForm<OwnWords>();
  const handleError = useApiErrorHandler();
  const { data, error, isLoading } = useQuery(annualReportQuery(orgId, year));
  const download = useMutation({
    mutationFn: async () => {
      if (!data) return;
      await downloadAnnualReport({ orgId: data.orgId, year, ownWords: form.getFieldsValue() }, `${data.orgName}${year}年度双随机一公开工作总结.docx`);
    },
    onError: (e) => handleError(e, form),
  });
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const f = data?.current;
  return (
    <>
      <PageHeader
        title="年度工作总结"
        description="按大队和年份统计“双随机、一公开”抽查情况，与上年对比，可补充本单位的文字后生成 Word 文档报送支队。"
        extra={
          <>
            {data && data.brigades.length > 1 ? (
              <Select
                aria-label="大队"
                style={{ minWidth: 200 }}
                value={data.orgId}
                options={data.brigades.map((b) => ({ value: b.id, label: b.name }))}
                onChange={setOrgId}
              />
            ) : null}
            <Select aria-label="年份" style={{ width: 110 }} value={year} options={years.map((y) => ({ value: y, label: `${y} 年` }))} onChange={setYear} />
            <Button type="primary" icon={<DownloadOutlined />} disabled={!data} loading={download.isPending} onClick={() => download.mutate()}>
              下载 Word 文档
            </Button>
          </>
        }
      />
      {error ? <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} /> : null}
      {data && f ? (
        <Flex vertical gap={16}>
          <Card title={data.title} size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'to', label: '报送', children: data.addressee ?? '—' },
                { key: 'units', label: '单位库', children: `${count(f.unitsInRegistry)} 家` },
                { key: 'inspectors', label: '执法人员库', children: `${f.inspectors} 人` },
                { key: 'hazards', label: '发现隐患', children: f.hazards === null ? '—' : `${count(f.hazards)} 处` },
                { key: 'unable', label: '无法检查', children: f.unable ? f.unableByReason.map((r) => `${UNABLE_REASON_LABELS[r.reason]} ${r.count} 家`).join('，') : '0 家' },
                { key: 'fines', label: '罚款', children: `${f.fines} 起，${count(f.fineAmount)} 元` },
                { key: 'pub', label: '按时公示率', children: rate(f.publicationOnTimeRate) },
                { key: 're', label: '复查', children: `${f.reinspections} 次，按时 ${f.reinspectionsOnTime} 次` },
              ]}
            />
            {SOURCE_NOTES[f.source] ? <Alert type="info" showIcon message={`${year} 年：${SOURCE_NOTES[f.source]}`} style={{ marginTop: 8 }} /> : null}
            {SOURCE_NOTES[data.previous.source] ? <Alert type="info" showIcon message={`${year - 1} 年：${SOURCE_NOTES[data.previous.source]}`} style={{ marginTop: 8 }} /> : null}
          </Card>
          <Card title="主要数据与上年对比" size="small">
            <Table rowKey="key" size="small" pagination={false} columns={columns(year)} dataSource={data.comparison} scroll={{ x: 'max-content' }} />
          </Card>
          <Card title="检查发现的主要隐患" size="small">
            {f.topHazards.length === 0 ? (
              <Typography.Text type="secondary">本年度没有发现隐患的记录。</Typography.Text>
            ) : (
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {f.topHazards.map((h) => (
                  <li key={`${h.itemName}|${h.lineText}`}>
                    {h.itemName}——{h.lineText}（{h.count} 处）
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title="本单位补充的文字" size="small">
            <Form form={form} layout="vertical">
              {OWN_FIELDS.map((o) => (
                <Form.Item key={o.name} name={o.name} label={o.label}>
                  <Input.TextArea rows={3} maxLength={5000} placeholder={o.placeholder} />
                </Form.Item>
              ))}
            </Form>
            <Typography.Text type="secondary">“二、抽查结果”的数字由系统统计生成，不能修改。</Typography.Text>
          </Card>
        </Flex>
      ) : isLoading ? (
        <Card loading />
      ) : null}
    </>
  );
}
