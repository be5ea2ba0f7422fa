import { PrinterOutlined, ProfileOutlined } from '@ant-design/icons';
import type { RecordView, Signature } from '@contracts/field.ts';
import { CONCLUSION_LABELS, LINE_RESULT_LABELS, UNABLE_REASON_LABELS } from '@contracts/field.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Image, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { recordQuery, taskRecordsQuery } from '../../api/records.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { HashText } from '../../shared/draws/hash-text.tsx';
import {
  fileUrlOf,
  groupLines,
  LINE_RESULT_COLORS,
  OUTCOME_COLORS,
  otherVersions,
  resultCounts,
  SIGNATURE_ROLES,
  signsBody,
  visitLength,
  type LineRow,
} from './record-helpers.ts';
import { RecordDocumentsCard } from '../documents/record-documents-card.tsx';
import './record-page.css';

/** /admin/records/:id: one 消防监督检查记录 as submitted, read-only, printable. */
export default function RecordPage() {
  const { id = '' } = useParams();
  const query = useQuery(recordQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该检查记录', backTo: '/admin/records', backText: '返回检查记录' }}>
      {(record) => <RecordDetail record={record} />}
    </QueryGate>
  );
}

function Photos({ hashes, urlOf, label }: { hashes: readonly string[]; urlOf: (sha256: string) => string; label: string }) {
  if (!hashes.length) return null;
  return (
    <div className="record-photos">
      <Image.PreviewGroup>
        {hashes.map((sha256, i) => (
          <Image key={sha256} src={urlOf(sha256)} width={88} height={88} alt={`${label} ${i + 1}`} />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}

function Line({ row, urlOf }: { row: LineRow; urlOf: (sha256: string) => string }) {
  const { line, text } = row;
  return (
    <div className="record-line">
      <div className="record-line-head">
        <div className="record-line-text">
          <span className="record-line-code">{line.code}</span>
          {text}
        </div>
        <Tag color={LINE_RESULT_COLORS[line.result]} style={{ marginInlineEnd: 0 }}>
          {LINE_RESULT_LABELS[line.result]}
        </Tag>
      </div>
      {line.result === 'unchecked' ? <Typography.Text type="warning">未查原因：{line.uncheckedReason || '—'}</Typography.Text> : null}
      {line.note ? (
        <div>
          <Typography.Text type="secondary">说明：{line.note}</Typography.Text>
        </div>
      ) : null}
      {line.hazard ? (
        <div className="record-hazard">
          <div>
            <Typography.Text strong>隐患：</Typography.Text>
            {line.hazard.description}
          </div>
          <div>
            <Typography.Text strong>部位：</Typography.Text>
            {line.hazard.location}
          </div>
          <div>
            <Typography.Text strong>违反的规定：</Typography.Text>
            {line.hazard.legalBasis}
          </div>
          <div style={{ marginTop: 4 }}>
            {line.hazard.fixedOnSpot ? <Tag color="green">已当场改正</Tag> : <Tag color="red">未当场改正</Tag>}
          </div>
        </div>
      ) : null}
      <Photos hashes={line.photos} urlOf={urlOf} label={`${line.code} 现场照片`} />
    </div>
  );
}

function SignatureBlock({
  label,
  signature,
  record,
  urlOf,
}: {
  label: string;
  signature: Signature | null;
  record: RecordView;
  urlOf: (sha256: string) => string;
}) {
  return (
    <div className="record-signature">
      <Typography.Text strong>{label}</Typography.Text>
      {signature === null ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {label === '协办检查人员' && record.assistantConfirmedAt
              ? `已在本人设备上确认（${formatDateTime(record.assistantConfirmedAt)}）`
              : '未签名'}
          </Typography.Text>
        </div>
      ) : signature.kind === 'signed' ? (
        <div style={{ marginTop: 8 }}>
          <img className="record-signature-image" src={urlOf(signature.image)} alt={`${label}签名`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            签名时间 {formatDateTime(signature.at)}
            {signsBody(signature, record.bodyHash) ? '' : '（签名内容与记录不一致）'}
          </Typography.Text>
        </div>
      ) : (
        <div style={{ marginTop: 8 }}>
          <Tag color="orange">拒绝签名</Tag>
          <div>见证人：{signature.witness}</div>
          <div>说明：{signature.reason}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            记录时间 {formatDateTime(signature.at)}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function RecordDetail({ record }: { record: RecordView }) {
  const versions = useQuery(taskRecordsQuery(record.taskId));
  const others = otherVersions(versions.data?.items ?? [], record.id);
  const { body } = record;
  const urlOf = fileUrlOf(record.files);
  const groups = groupLines(body.lines, record.lineLabels);
  const counts = resultCounts(body.lines);
  const corrected = others.find((r) => r.id === record.correctsRecordId);
  const leads = record.people.filter((p) => p.role === 'lead');
  const assistants = record.people.filter((p) => p.role === 'assistant');
  const length = visitLength(body.startedAt, body.endedAt);

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={`检查记录：${record.unitName}`}
        description={<BackLink to="/admin/records">返回检查记录</BackLink>}
        extra={
          <>
            <Link to={`/admin/tasks/${record.taskId}`}>
              <Button icon={<ProfileOutlined />}>查看任务</Button>
            </Link>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </>
        }
      />
      <div className="record-doc">
        <Flex vertical gap={16}>
          <Card>
            <h2 className="record-doc-title">消防监督检查记录</h2>
            <p className="record-doc-subtitle">
              抽取编号 {record.drawCode} · 第 {record.version} 版
            </p>
            {record.correctsRecordId ? (
              <Alert
                style={{ marginTop: 16 }}
                type="info"
                showIcon
                title={
                  <>
                    更正自{' '}
                    {corrected ? (
                      <Link to={`/admin/records/${corrected.id}`}>第 {corrected.version} 版</Link>
                    ) : (
                      `第 ${record.version - 1} 版`
                    )}
                  </>
                }
                description={`更正理由：${record.correctionReason ?? '—'}`}
              />
            ) : null}
            <Descriptions
              style={{ marginTop: 16 }}
              bordered
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                { key: 'unit', label: '被检查单位', children: <Link to={`/admin/units/${record.unitId}`}>{record.unitName}</Link> },
                { key: 'task', label: '抽查任务', children: <Link to={`/admin/tasks/${record.taskId}`}>{record.drawCode}</Link> },
                { key: 'outcome', label: '检查结果', children: <Tag color={OUTCOME_COLORS[record.outcome]}>{record.outcomeLabel}</Tag> },
                {
                  key: 'conclusion',
                  label: '检查结论',
                  children: body.conclusion ? (
                    <Typography.Text type={body.conclusion === 'hazards_found' ? 'danger' : 'success'}>
                      {CONCLUSION_LABELS[body.conclusion]}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'time',
                  label: '检查时间',
                  children: `${formatDateTime(body.startedAt)} 至 ${formatDateTime(body.endedAt)}${length ? `（${length}）` : ''}`,
                },
                {
                  key: 'accompanying',
                  label: '陪同人员',
                  children: body.accompanying.name
                    ? `${body.accompanying.name}${body.accompanying.title ? `（${body.accompanying.title}）` : ''}`
                    : '—',
                },
                {
                  key: 'leads',
                  label: '主办检查人员',
                  children: leads.map((p) => p.name).join('、') || '—',
                },
                {
                  key: 'assistants',
                  label: '协办检查人员',
                  children: assistants.length ? (
                    <span>
                      {assistants.map((p) => p.name).join('、')}{' '}
                      {record.assistantConfirmedAt ? (
                        <Tag color="green">已确认 {formatDateTime(record.assistantConfirmedAt)}</Tag>
                      ) : (
                        <Tag color="orange">待确认</Tag>
                      )}
                    </span>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'joint',
                  label: '联合检查人员',
                  children: record.jointStaff.length
                    ? record.jointStaff.map((p) => (p.organization ? `${p.name}（${p.organization}）` : p.name)).join('、')
                    : '—',
                },
                { key: 'submitted', label: '提交', children: `${record.submittedBy} · ${formatDateTime(record.submittedAt)}` },
                {
                  key: 'hash',
                  label: '记录哈希',
                  span: { xs: 1, sm: 1, md: 2 },
                  children: <HashText hash={record.bodyHash} label="记录哈希" />,
                },
                ...(others.length
                  ? [
                      {
                        key: 'versions',
                        label: '其他版本',
                        span: { xs: 1, sm: 1, md: 2 } as const,
                        children: (
                          <Flex gap={12} wrap>
                            {others.map((r) => (
                              <Link key={r.id} to={`/admin/records/${r.id}`}>
                                第 {r.version} 版（{formatDateTime(r.submittedAt)}）
                              </Link>
                            ))}
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {body.unable ? (
            <Card title="无法检查">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'reason', label: '原因', children: <Tag color="orange">{UNABLE_REASON_LABELS[body.unable.reason]}</Tag> },
                  { key: 'detail', label: '情况说明', children: <span style={{ whiteSpace: 'pre-wrap' }}>{body.unable.detail}</span> },
                ]}
              />
              <Photos hashes={body.unable.photos} urlOf={urlOf} label="证明照片" />
            </Card>
          ) : null}
          {groups.length ? (
            <Card
              title="检查内容"
              extra={
                <Flex gap={4} wrap className="record-no-print">
                  {counts.map((c) => (
                    <Tag key={c.result} color={LINE_RESULT_COLORS[c.result]}>
                      {c.label} {c.count}
                    </Tag>
                  ))}
                </Flex>
              }
            >
              {groups.map((group) => (
                <section key={group.itemName} className="record-group">
                  <h3 className="record-group-title">{group.itemName}</h3>
                  {group.lines.map((row) => (
                    <Line key={`${row.line.versionId}:${row.line.code}`} row={row} urlOf={urlOf} />
                  ))}
                </section>
              ))}
            </Card>
          ) : body.unable ? null : (
            <Card title="检查内容">
              <Empty description="记录中没有检查内容" />
            </Card>
          )}
          {record.outcome === 'inspected' ? <RecordDocumentsCard recordId={record.id} /> : null}
          <Card title="签名">
            <div className="record-signatures">
              {SIGNATURE_ROLES.map((role) => (
                <SignatureBlock key={role.key} label={role.label} signature={record.signatures[role.key]} record={record} urlOf={urlOf} />
              ))}
            </div>
          </Card>
          <Card title="备注">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{body.remarks || '无'}</Typography.Paragraph>
            <Typography.Text type="secondary" className="record-print-only" style={{ marginTop: 16, fontSize: 12 }}>
              记录哈希 {record.bodyHash} · 打印时间 {formatDateTime(new Date().toISOString())}
            </Typography.Text>
          </Card>
        </Flex>
      </div>
    </Flex>
  );
}
