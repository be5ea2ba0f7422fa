import type { CreateAvailabilityRequest, InspectorDetail } from '@contracts/inspectors.ts';
import { CreateAvailabilityRequest as AvailabilitySchema } from '@contracts/inspectors.ts';
import { Alert, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { addAvailability } from '../../api/inspectors.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { AVAILABILITY_KIND_OPTIONS } from '../../lib/registry-labels.ts';
import { useInspectorMutation } from './use-inspector-mutation.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

type AvailabilityValues = {
  kind: CreateAvailabilityRequest['kind'];
  from: Dayjs;
  to?: Dayjs | null;
  reason: string;
};

const reasonSchema = AvailabilitySchema.shape.reason;

/** 新增 请假 / 抽调 / 冻结: a dated period (open-ended allowed) during which the inspector is not drawn. */
export function AvailabilityModal({
  inspector,
  onClose,
  onSaved,
}: {
  inspector: InspectorDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<AvailabilityValues>();
  const kind = Form.useWatch('kind', form);

  const mutation = useInspectorMutation(
    (values: AvailabilityValues) =>
      addAvailability(inspector.id, {
        kind: values.kind,
        from: values.from.format('YYYY-MM-DD'),
        to: values.to ? values.to.format('YYYY-MM-DD') : null,
        reason: values.reason.trim(),
      }),
    { success: kind === 'frozen' ? '已冻结' : '已登记', form, onSuccess: onSaved },
  );

  return (
    <FormModal<AvailabilityValues>
      title={`新增不可抽取时段：${inspector.name}`}
      name="availabilityForm"
      form={form}
      initialValues={{ kind: 'leave', from: todayInChinaDayjs() }}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
        <Radio.Group options={AVAILABILITY_KIND_OPTIONS} optionType="button" buttonStyle="solid" />
      </Form.Item>
      {kind === 'frozen' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="冻结须由大队管理员办理"
          description="冻结和解冻均记入审计日志，纪检人员可以查看。冻结期间该人员不会被抽取。"
        />
      ) : null}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="开始日期" name="from" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="结束日期"
            name="to"
            dependencies={['from']}
            extra="不填表示直至解除。"
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('from') as Dayjs | undefined;
                  return value && from && value.isBefore(from, 'day')
                    ? Promise.reject(new Error('结束日期：不能早于开始日期'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="原因" name="reason" required rules={[zodRule(reasonSchema)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
