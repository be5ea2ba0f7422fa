import type { TriggerEventRequest } from '@contracts/plans.ts';
import { TriggerEventRequest as TriggerEventSchema } from '@contracts/plans.ts';
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { createTriggerEvent, planKeys } from '../../api/plans.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { optionalZodRule, zodRule } from '../../lib/form-rules.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import { TRIGGER_KIND_OPTIONS } from '../../shared/plans/labels.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

type TriggerValues = Omit<TriggerEventRequest, 'receivedOn'> & { receivedOn: Dayjs };

/** 登记线索: a complaint, report, bad-credit record or fire that puts a unit into the triggered pool. */
export function TriggerEventModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<TriggerValues>();
  const queryClient = useQueryClient();
  const mutation = useNotifiedMutation(
    ({ receivedOn, ...values }: TriggerValues) =>
      createTriggerEvent({
        ...values,
        summary: values.summary.trim(),
        reference: (values.reference ?? '').trim(),
        receivedOn: receivedOn.format('YYYY-MM-DD'),
      }),
    { success: '线索已登记', form, onSuccess: onSaved },
    { refresh: () => void queryClient.invalidateQueries({ queryKey: planKeys.triggerEvents }) },
  );

  return (
    <FormModal<TriggerValues>
      title="登记触发式线索"
      name="triggerEventForm"
      form={form}
      okText="登记"
      initialValues={{ receivedOn: todayInChinaDayjs(), reference: '' }}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item label="检查对象" name="unitId" rules={[{ required: true, message: '请选择检查对象' }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item label="线索类型" name="kind" rules={[{ required: true, message: '请选择线索类型' }]}>
        <Select options={TRIGGER_KIND_OPTIONS} />
      </Form.Item>
      <Form.Item label="收到日期" name="receivedOn" rules={[{ required: true, message: '请选择收到日期' }]}>
        <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(todayInChinaDayjs(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="线索摘要" name="summary" required rules={[zodRule(TriggerEventSchema.shape.summary)]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item label="文号或编号" name="reference" rules={[optionalZodRule(TriggerEventSchema.shape.reference)]}>
        <Input maxLength={100} placeholder="如 12345 热线工单号、信用惩戒文号" />
      </Form.Item>
    </FormModal>
  );
}
