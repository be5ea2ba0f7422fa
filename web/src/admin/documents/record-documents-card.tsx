import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { documentListQuery, hazardListQuery, issueRecordDocument } from '../../api/documents.ts';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { DeadlineText, DocumentStatusTag, HazardStageTag } from './document-tags.tsx';
import { IssueNoticeModal } from './issue-notice-modal.tsx';

/** On a record's page: its hazards and their stage, the documents issued for it, and 开具文书 while hazards wait for one. */
export function RecordDocumentsCard({ recordId }: { recordId: string }) {
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState(false);
  const docs = useQuery(documentListQuery({ recordId, page: 1, pageSize: 50 }));
  const hazards = useQuery(hazardListQuery({ recordId, page: 1, pageSize: 200 }));
  const found = (hazards.data?.items ?? []).filter((h) => h.stage === 'found');
  const hasRecordDocument = (docs.data?.items ?? []).some((d) => d.type === 'inspection_record' && d.status !== 'voided');
  const issueRecord = useNotifiedMutation(() => issueRecordDocument(recordId), { success: (d) => `已开具 ${d.number}`, onSuccess: (d) => navigate(`/admin/documents/${d.id}`) }, { refresh: () => void docs.refetch() });
  return (
    <Card
      title="执法文书与隐患"
      className="record-no-print"
      extra={
        <Flex gap={8} wrap>
          {docs.data && !hasRecordDocument ? (
            <Button icon={<FileTextOutlined />} loading={issueRecord.isPending} onClick={() => issueRecord.mutate(undefined)}>
              检查记录编号存档
            </Button>
          ) : null}
          {found.length > 0 ? (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setIssuing(true)}>
              开具文书
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {(hazards.data?.items.length ?? 0) > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>未办结的隐患</Typography.Text>}
            dataSource={hazards.data!.items}
            renderItem={(h) => (
              <List.Item>
                <Flex gap={8} wrap align="center" style={{ width: '100%' }}>
                  <span>
                    {h.seq}. {h.location}
                    {h.description}
                  </span>
                  <HazardStageTag stage={h.stage} label={h.stageLabel} />
                  <DeadlineText label={h.deadlineLabel} overdue={h.overdue} />
                </Flex>
              </List.Item>
            )}
          />
        ) : null}
        {(docs.data?.items.length ?? 0) > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>已开具的文书</Typography.Text>}
            dataSource={docs.data!.items}
            renderItem={(d) => (
              <List.Item>
                <Flex gap={8} wrap align="center">
                  <Link to={`/admin/documents/${d.id}`}>{d.number}</Link>
                  <span>{d.typeLabel}</span>
                  <DocumentStatusTag status={d.status} label={d.statusLabel} />
                  <DeadlineText label={d.deadlineLabel} overdue={d.overdue} />
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未开具文书" />
        )}
      </Flex>
      {issuing ? (
        <IssueNoticeModal recordId={recordId} hazards={found} onClose={() => setIssuing(false)} onIssued={(doc) => navigate(`/admin/documents/${doc.id}`)} />
      ) : null}
    </Card>
  );
}
