import { EditOutlined, FilePdfOutlined, FileWordOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { DocumentView } from '@contracts/documents.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { documentKeys, documentQuery, docxUrl, pdfUrl, voidDocument } from '../../api/documents.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { HashText } from '../../shared/draws/hash-text.tsx';
import { ReasonModal } from '../components/reason-modal.tsx';
import { DeadlineText, DocumentStatusTag, HazardStageTag } from './document-tags.tsx';
import { DocumentPaper } from './document-paper.tsx';
import { ReplaceDocumentModal } from './replace-document-modal.tsx';
import { ServiceFormModal } from './service-form-modal.tsx';

/** /admin/documents/:id: one document as printed, its service, hazards and deadlines; print, serve, correct, void. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const query = useQuery(documentQuery(id));
  return (
    <QueryGate query={query} notFound={{ title: '找不到该文书', backTo: '/admin/documents', backText: '返回执法文书' }}>
      {(doc) => <DocumentDetail doc={doc} />}
    </QueryGate>
  );
}

function DocumentDetail({ doc }: { doc: DocumentView }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'serve' | 'void' | 'replace' | null>(null);
  const isNotice = doc.type === 'deadline_notice' || doc.type === 'immediate_notice';
  const live = doc.status === 'valid';
  return (
    <Flex vertical gap={16}>
      <BackLink to="/admin/documents">返回执法文书</BackLink>
      <PageHeader
        title={doc.number}
        description={
          <span>
            {doc.typeLabel} · {doc.unitName} · <DocumentStatusTag status={doc.status} label={doc.statusLabel} />
          </span>
        }
        extra={
          <Flex gap={8} wrap>
            <Button icon={<FilePdfOutlined />} href={pdfUrl(doc.id)} target="_blank">
              打印 PDF
            </Button>
            <Button icon={<FileWordOutlined />} href={docxUrl(doc.id)}>
              下载 Word
            </Button>
            {doc.canManage && live ? (
              <Button icon={<SendOutlined />} onClick={() => setDialog('serve')}>
                登记送达
              </Button>
            ) : null}
            {doc.canManage && live && isNotice ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog('replace')}>
                更正
              </Button>
            ) : null}
            {doc.canVoid ? (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('void')}>
                作废
              </Button>
            ) : null}
          </Flex>
        }
      />
      {doc.status === 'voided' ? <Alert type="warning" showIcon message={`本文书已作废（${formatDateTime(doc.voidedAt)}）`} description={`作废理由：${doc.voidReason ?? '—'}`} /> : null}
      {doc.replacedBy.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={
            <span>
              本文书已被更正：
              {doc.replacedBy.map((r) => (
                <Link key={r.id} to={`/admin/documents/${r.id}`} style={{ marginRight: 8 }}>
                  {r.number}
                </Link>
              ))}
            </span>
          }
        />
      ) : null}
      {doc.replaces ? (
        <Alert
          type="info"
          showIcon
          message={
            <span>
              本文书更正 <Link to={`/admin/documents/${doc.replaces.id}`}>{doc.replaces.number}</Link>
            </span>
          }
        />
      ) : null}
      {doc.issuedLate ? <Alert type="error" showIcon message={`开具时已超过送达期限（应于 ${doc.serviceDue} 前送达）`} /> : null}
      <Card title="文书内容" styles={{ body: { background: '#f5f5f5' } }}>
        <DocumentPaper content={doc.content} printedHash={doc.printedHash} voided={doc.status === 'voided'} />
      </Card>
      <Card title="文书信息">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'unit', label: '被检查单位', children: <Link to={`/admin/units/${doc.unitId}`}>{doc.unitName}</Link> },
            { key: 'org', label: '开具机构', children: doc.orgName },
            { key: 'date', label: '成文日期', children: doc.issueDate },
            { key: 'inspected', label: '检查日期', children: doc.inspectedOn ?? '—' },
            { key: 'record', label: '检查记录', children: doc.recordId ? <Link to={`/admin/records/${doc.recordId}`}>查看记录</Link> : '—' },
            { key: 'task', label: '抽查任务', children: doc.taskId ? <Link to={`/admin/tasks/${doc.taskId}`}>查看任务</Link> : '—' },
            { key: 'serviceDue', label: '送达期限', children: doc.serviceDue ?? '—' },
            { key: 'deadline', label: '送达情况', children: <DeadlineText label={doc.deadlineLabel} overdue={doc.overdue} /> },
            {
              key: 'check',
              label: '公开核验',
              span: { xs: 1, sm: 1, md: 2 },
              children: (
                <span>
                  核验码 <Typography.Text code>{doc.checkCode}</Typography.Text> ·{' '}
                  <a href={doc.checkPath} target="_blank" rel="noreferrer">
                    打开核验页
                  </a>
                </span>
              ),
            },
            { key: 'hash', label: '内容哈希', span: { xs: 1, sm: 1, md: 2 }, children: <HashText hash={doc.contentHash} label="内容哈希" /> },
          ]}
        />
      </Card>
      <Card title="隐患与改正期限">
        {doc.hazards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={doc.status === 'valid' ? '本文书没有仍在整改中的隐患' : '本文书的隐患已转出（作废或更正）'} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={doc.hazards}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: '隐患', key: 'text', render: (_, h) => `${h.location}${h.description}` },
              { title: '阶段', key: 'stage', render: (_, h) => <HazardStageTag stage={h.stage} label={h.stageLabel} /> },
              { title: '改正期限', dataIndex: 'correctionDue' },
              { title: '剩余', key: 'deadline', render: (_, h) => <DeadlineText label={h.deadlineLabel} overdue={h.overdue} /> },
            ]}
          />
        )}
        {doc.earlyRequests.length ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={doc.earlyRequests
              .map((r) => `${r.byUnit ? '单位通过核验码页面' : '已登记单位'}于 ${r.requestedOn} 申请提前复查${r.note ? `：${r.note}` : ''}`)
              .join('；')}
          />
        ) : null}
      </Card>
      {doc.unitEvidence.length ? (
        <Card title="单位提交的整改材料">
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {doc.unitEvidence.map((e) => (
              <li key={e.id}>
                <a href={e.url} target="_blank" rel="noreferrer">
                  {e.fileName}
                </a>
                <Typography.Text type="secondary">（{formatDateTime(e.submittedAt)} 提交）</Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="送达">
        {doc.services.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记送达" />
        ) : (
          <Flex vertical gap={12}>
            {doc.services.map((s) => (
              <Descriptions
                key={s.id}
                size="small"
                bordered
                column={{ xs: 1, sm: 1, md: 2 }}
                items={[
                  { key: 'method', label: '方式', children: <span>{s.methodLabel} {s.late ? <Tag color="red">超过送达期限</Tag> : null}</span> },
                  { key: 'at', label: '时间', children: formatDateTime(s.servedAt) },
                  { key: 'place', label: '地点', children: s.place || '—' },
                  { key: 'recipient', label: '受送达人', children: s.recipientName ? `${s.recipientName}${s.recipientRelation ? `（${s.recipientRelation}）` : ''}` : '—' },
                  ...(s.refusalReason ? [{ key: 'refusal', label: '拒收事由', children: `${s.refusalReason}；见证人：${s.witness ?? '—'}` }] : []),
                  ...(s.postalTracking ? [{ key: 'post', label: '邮件单号', children: s.postalTracking }] : []),
                  ...(s.electronicAddress ? [{ key: 'electronic', label: '电子送达地址', children: s.electronicAddress }] : []),
                ]}
              />
            ))}
          </Flex>
        )}
      </Card>
      {dialog === 'serve' ? <ServiceFormModal documentId={doc.id} onClose={() => setDialog(null)} /> : null}
      {dialog === 'replace' ? <ReplaceDocumentModal doc={doc} onClose={() => setDialog(null)} onReplaced={(fresh) => navigate(`/admin/documents/${fresh.id}`)} /> : null}
      {dialog === 'void' ? (
        <ReasonModal
          title={`作废 ${doc.number}`}
          name="voidDocument"
          label="作废理由"
          okText="作废"
          successText="文书已作废"
          submit={(reason) => voidDocument(doc.id, reason)}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void client.invalidateQueries({ queryKey: documentKeys.all });
          }}
        >
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="作废后文号保留并标明作废；本文书责令改正中的隐患回到「待开具文书」。" />
        </ReasonModal>
      ) : null}
    </Flex>
  );
}
