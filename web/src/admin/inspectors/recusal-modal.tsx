import type { InspectorDetail } from '@contracts/inspectors.ts';
import { CreateRecusalRequest as RecusalSchema } from '@contracts/inspectors.ts';
import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { createRecusal } from '../../api/inspectors.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import { useInspectorMutation } from './use-inspector-mutation.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

type RecusalValues = { unitId: string; reason: string; validFrom: Dayjs; validTo?: Dayjs | null };

/** 新增回避: the inspector must not be drawn for this unit while the declaration is valid. */
export function RecusalModal({
  inspector,
  onClose,
  onSaved,
}: {
  inspector: InspectorDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<RecusalValues>();

  const mutation = useInspectorMutation(
    (values: RecusalValues) =>
      createRecusal({
        inspectorId: inspector.id,
        unitId: values.unitId,
        reason: values.reason.trim(),
        validFrom: values.validFrom.format('YYYY-MM-DD'),
        validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
      }),
    { success: '回避声明已登记', form, onSuccess: onSaved },
  );

  return (
    <FormModal<RecusalValues>
      title={`新增回避：${inspector.name}`}
      name="recusalForm"
      form={form}
      initialValues={{ validFrom: todayInChinaDayjs() }}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      <Form.Item label="回避单位" name="unitId" rules={[{ required: true, message: '请选择回避的单位' }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item
        label="回避原因"
        name="reason"
        required
        rules={[zodRule(RecusalSchema.shape.reason)]}
        extra="如：近亲属在该单位任职、曾在该单位工作等。"
      >
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="有效期起" name="validFrom" rules={[{ required: true, message: '请选择有效期起' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="有效期止"
            name="validTo"
            dependencies={['validFrom']}
            extra="不填表示长期有效。"
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined;
                  return value && from && value.isBefore(from, 'day')
                    ? Promise.reject(new Error('有效期止：不能早于有效期起'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
