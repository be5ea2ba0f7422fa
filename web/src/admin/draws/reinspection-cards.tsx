import type { TaskDetailView, TaskDocumentRef } from '@contracts/draws.ts';
import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createReinspection, requestEarlyReinspection } from '../../api/reinspections.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { todayInChinaDayjs } from '../../lib/today.ts';
import { useDrawMutation } from './use-draw-mutation.ts';

type Hazard = NonNullable<TaskDetailView['reinspection']>['hazards'][number];

const STAGE_COLORS: Record<string, string> = { reinspection: 'orange', corrected: 'green', case: 'red', closed: 'default', ordered: 'blue' };

function DocumentLink({ doc }: { doc: TaskDocumentRef }) {
  return (
    <Flex gap={4} wrap align="center">
      <Link to={`/admin/documents/${doc.id}`}>
        {doc.title} {doc.number}
      </Link>
      <Typography.Text type="secondary">{doc.issueDate}</Typography.Text>
      {doc.voided ? <Tag color="red">已作废</Tag> : null}
    </Flex>
  );
}

/** A 复查 task: the notice it follows, its 复查意见书 once recorded, and each hazard's stage now. */
export function ReinspectionCard({ task }: { task: TaskDetailView }) {
  const r = task.reinspection;
  if (!r) return null;
  return (
    <Card title="复查任务">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'notice', label: '复查依据', children: <DocumentLink doc={r.notice} /> },
          {
            key: 'opinion',
            label: '复查意见书',
            children: r.opinion ? <DocumentLink doc={r.opinion} /> : <Typography.Text type="secondary">提交复查记录后自动开具</Typography.Text>,
          },
        ]}
      />
      <Table<Hazard>
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={r.hazards}
        locale={{ emptyText: '没有待复查的隐患' }}
        columns={[
          { title: '序号', key: 'seq', render: (_, h) => h.seq },
          { title: '隐患', key: 'text', render: (_, h) => `${h.location}：${h.description}` },
          { title: '状态', key: 'stage', render: (_, h) => <Tag color={STAGE_COLORS[h.stage] ?? 'default'}>{h.stageLabel}</Tag> },
        ]}
      />
    </Card>
  );
}

type RequestValues = { requestedOn: Dayjs; note: string };

/** 登记提前复查申请: the day the unit asked and what it said; the 复查 task is made at once. */
function EarlyRequestModal({ notice, onClose, onDone }: { notice: TaskDocumentRef; onClose: () => void; onDone: (task: TaskDetailView) => void }) {
  const [form] = Form.useForm<RequestValues>();
  const mutation = useDrawMutation(
    (v: RequestValues) => requestEarlyReinspection(notice.id, { requestedOn: v.requestedOn.format('YYYY-MM-DD'), note: (v.note ?? '').trim() }),
    { success: (t) => `已登记提前复查申请，复查任务期限 ${t.dueDate}`, form, onSuccess: onDone },
  );
  return (
    <FormModal<RequestValues>
      title={`登记提前复查申请：${notice.number}`}
      name="earlyReinspection"
      form={form}
      okText="登记并生成复查任务"
      submitting={mutation.isPending}
      initialValues={{ requestedOn: todayInChinaDayjs(), note: '' }}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item label="申请日期" name="requestedOn" rules={[{ required: true, message: '请选择申请日期' }]}>
        <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(todayInChinaDayjs(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="申请说明" name="note">
        <Input.TextArea maxLength={500} rows={3} placeholder="如：单位来电称已整改完毕" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * On a done task: its 责令限期改正通知书 that have no 复查 yet, with 「安排复查」 and 「登记提前复查申请」 (the daily job makes
 * the 复查 by itself two working days before the deadline).
 */
export function PendingReinspectionsCard({ task }: { task: TaskDetailView }) {
  const navigate = useNavigate();
  const [requesting, setRequesting] = useState<TaskDocumentRef | null>(null);
  const goTo = (t: TaskDetailView) => void navigate(`/admin/tasks/${t.id}`);
  const schedule = useDrawMutation((notice: TaskDocumentRef) => createReinspection(notice.id), {
    success: (t) => `已生成复查任务，期限 ${t.dueDate}`,
    onSuccess: goTo,
  });
  if (task.pendingReinspections.length === 0) return null;
  return (
    <Card title="待复查的通知书">
      <Typography.Paragraph type="secondary">整改期限届满前 2 个工作日系统自动生成复查任务；单位申请提前复查或需要立即复查时，可在此办理。</Typography.Paragraph>
      <Flex vertical gap={8}>
        {task.pendingReinspections.map(({ notice, canSchedule }) => (
          <Flex key={notice.id} gap={8} wrap align="center" justify="space-between">
            <DocumentLink doc={notice} />
            {canSchedule ? (
              <Flex gap={8}>
                <Button type="primary" loading={schedule.isPending} onClick={() => schedule.mutate(notice)}>
                  安排复查
                </Button>
                <Button onClick={() => setRequesting(notice)}>登记提前复查申请</Button>
              </Flex>
            ) : null}
          </Flex>
        ))}
      </Flex>
      {requesting ? <EarlyRequestModal notice={requesting} onClose={() => setRequesting(null)} onDone={goTo} /> : null}
    </Card>
  );
}
