import type { CallbackRecordRequest, CallbackUnitView } from '@contracts/callbacks.ts';
import { Form, Input, InputNumber, Radio, Rate } from 'antd';
import { recordCallback } from '../../api/callbacks.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';

type Values = { reached: boolean; attempts: number; satisfaction: number; conductReported: boolean; conductText: string; notes: string };

const SATISFACTION_LABELS = ['很不满意', '不满意', '一般', '满意', '很满意'];

/** The callback record form: 是否联系上 (with attempts), 满意度 1–5 stars, 是否反映执法人员不当行为 (with its text), 备注. */
export function CallbackRecordModal({ unit, onClose, refresh }: { unit: CallbackUnitView; onClose: () => void; refresh: () => void }) {
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch('reached', form);
  const conduct = Form.useWatch('conductReported', form);
  const mutation = useNotifiedMutation(
    (v: Values) => {
      const body: CallbackRecordRequest = {
        reached: v.reached,
        attempts: v.attempts,
        satisfaction: v.reached ? v.satisfaction || null : null,
        conductReported: v.reached ? v.conductReported : false,
        conductText: v.reached && v.conductReported ? (v.conductText ?? '') : '',
        notes: v.notes ?? '',
      };
      return recordCallback(unit.id, body);
    },
    { success: '回访情况已记录', form, onSuccess: onClose },
    { refresh },
  );
  const previous = unit.record;
  return (
    <FormModal<Values>
      title={`回访记录：${unit.unitName}`}
      name="callback-record"
      form={form}
      submitting={mutation.isPending}
      onSubmit={(v) => mutation.mutate(v)}
      onClose={onClose}
      initialValues={{
        reached: previous?.reached ?? true,
        attempts: previous?.attempts ?? 1,
        satisfaction: previous?.satisfaction ?? 0,
        conductReported: previous?.conductReported ?? false,
        conductText: previous?.conductText ?? '',
        notes: previous?.notes ?? '',
      }}
    >
      <Form.Item label="是否联系上" name="reached" required>
        <Radio.Group
          options={[
            { value: true, label: '已联系上' },
            { value: false, label: '未联系上' },
          ]}
        />
      </Form.Item>
      <Form.Item label="联系次数" name="attempts" required rules={[{ required: true, message: '联系次数：不能为空' }]}>
        <InputNumber min={1} max={20} precision={0} aria-label="联系次数" />
      </Form.Item>
      {reached !== false ? (
        <>
          <Form.Item label="满意度" name="satisfaction" required rules={[{ validator: (_r, v: number) => (v >= 1 ? Promise.resolve() : Promise.reject(new Error('满意度：请评 1–5 星'))) }]}>
            <Rate tooltips={SATISFACTION_LABELS} aria-label="满意度" />
          </Form.Item>
          <Form.Item label="是否反映执法人员不当行为" name="conductReported" required>
            <Radio.Group
              options={[
                { value: false, label: '未反映' },
                { value: true, label: '有反映' },
              ]}
            />
          </Form.Item>
          {conduct ? (
            <Form.Item label="反映内容" name="conductText" required extra="仅纪检可见；如需对外使用须先隐去个人信息。" rules={[{ required: true, whitespace: true, message: '反映内容：请写明单位反映的情况' }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          ) : null}
        </>
      ) : null}
      <Form.Item label="备注" name="notes">
        <Input.TextArea rows={2} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
