import { CORRECTION_PRESETS, type DocumentView, type HazardView, type NoticeType } from '@contracts/documents.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Flex, Form, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { documentKeys, issueNotice } from '../../api/documents.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

type PeriodChoice = number | 'date';
type Values = {
  type: NoticeType;
  hazardIds: string[];
  issueDate?: Dayjs | null;
  periods: Record<string, { choice: PeriodChoice; date?: Dayjs }>;
};

const PERIOD_OPTIONS = [...CORRECTION_PRESETS.map((n) => ({ value: n as PeriodChoice, label: `${n} 个工作日` })), { value: 'date' as PeriodChoice, label: '指定日期' }];

/** 开具文书: a correction notice for the record's hazards still waiting for one, with a period per hazard. */
export function IssueNoticeModal(props: { recordId: string; hazards: HazardView[]; onClose: () => void; onIssued: (doc: DocumentView) => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const type = Form.useWatch('type', form);
  const chosen = Form.useWatch('hazardIds', form) ?? [];
  const periods = Form.useWatch('periods', form) ?? {};
  const mutation = useNotifiedMutation(
    (v: Values) =>
      issueNotice(props.recordId, {
        type: v.type,
        hazardIds: v.hazardIds,
        ...(v.issueDate ? { issueDate: v.issueDate.format('YYYY-MM-DD') } : {}),
        periods:
          v.type === 'deadline_notice'
            ? v.hazardIds.map((hazardId) => {
                const p = v.periods[hazardId];
                return p?.choice === 'date' ? { hazardId, date: p.date?.format('YYYY-MM-DD') ?? '' } : { hazardId, workingDays: Number(p?.choice ?? 5) };
              })
            : [],
      }),
    { success: (doc) => `已开具 ${doc.number}`, form, onSuccess: props.onIssued },
    { refresh: () => void client.invalidateQueries({ queryKey: documentKeys.all }) },
  );
  const initialPeriods = Object.fromEntries(props.hazards.map((h) => [h.id, { choice: 5 as PeriodChoice }]));
  return (
    <FormModal<Values>
      title="开具文书"
      name="issueNotice"
      form={form}
      width={640}
      okText="开具"
      submitting={mutation.isPending}
      initialValues={{ type: 'deadline_notice', hazardIds: props.hazards.map((h) => h.id), periods: initialPeriods }}
      onSubmit={(v) => mutation.mutate({ ...v, periods: { ...initialPeriods, ...v.periods } })}
      onClose={props.onClose}
    >
      <Form.Item label="文书类型" name="type" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'deadline_notice', label: '责令限期改正通知书' },
            { value: 'immediate_notice', label: '责令立即改正通知书' },
          ]}
        />
      </Form.Item>
      <Form.Item label="隐患" name="hazardIds" rules={[{ required: true, message: '隐患：至少选择 1 项' }]}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Flex vertical gap={8} style={{ width: '100%' }}>
            {props.hazards.map((h) => (
              <Checkbox key={h.id} value={h.id}>
                {h.seq}. {h.location}
                {h.description}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      {type === 'deadline_notice' && chosen.length > 0 ? (
        <Form.Item label="改正期限" required>
          <Flex vertical gap={8}>
            {props.hazards
              .filter((h) => chosen.includes(h.id))
              .map((h) => (
                <Flex key={h.id} gap={8} wrap align="center">
                  <Typography.Text style={{ minWidth: 56 }}>隐患 {h.seq}</Typography.Text>
                  <Form.Item name={['periods', h.id, 'choice']} noStyle>
                    <Select<PeriodChoice> options={PERIOD_OPTIONS} style={{ width: 130 }} aria-label={`隐患 ${h.seq} 的改正期限`} />
                  </Form.Item>
                  {periods[h.id]?.choice === 'date' ? (
                    <Form.Item name={['periods', h.id, 'date']} noStyle rules={[{ required: true, message: '请选择日期' }]}>
                      <DatePicker aria-label={`隐患 ${h.seq} 的改正日期`} />
                    </Form.Item>
                  ) : null}
                </Flex>
              ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              工作日不含开具当日；指定日期遇节假日顺延至下一工作日。
            </Typography.Text>
          </Flex>
        </Form.Item>
      ) : null}
      {type === 'immediate_notice' ? <Alert type="info" showIcon message="责令立即改正通知书：所选隐患均须立即改正，改正期限为开具当日。" style={{ marginBottom: 16 }} /> : null}
      <Form.Item label="成文日期" name="issueDate" extra="不填即为今天。">
        <DatePicker aria-label="成文日期" placeholder="今天" disabledDate={(d) => d.isAfter(todayInChinaDayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
