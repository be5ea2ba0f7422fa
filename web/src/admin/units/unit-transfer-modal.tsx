import type { TransferUnitRequest, UnitDetail } from '@contracts/units.ts';
import { TransferUnitRequest as TransferSchema } from '@contracts/units.ts';
import { Form, Input, Select, Typography } from 'antd';
import { transferUnit } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { useUnitMutation } from './use-unit-mutation.ts';

/** 转移大队: moves a unit to another 大队 (POST /api/units/:id/transfer); audited, with a reason. */
export function UnitTransferModal({
  unit,
  brigades,
  onClose,
  onSaved,
}: {
  unit: UnitDetail;
  brigades: { id: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<TransferUnitRequest>();

  const transferMutation = useUnitMutation(
    (values: TransferUnitRequest) => transferUnit(unit.id, { ...values, reason: values.reason.trim() }),
    { success: '单位已转移', form, onSuccess: onSaved },
  );

  return (
    <FormModal<TransferUnitRequest>
      title={`转移大队：${unit.name}`}
      name="unitTransferForm"
      form={form}
      okText="确认转移"
      submitting={transferMutation.isPending}
      onSubmit={(values) => transferMutation.mutate(values)}
      onClose={onClose}
    >
      <Typography.Paragraph>当前所属大队：{unit.brigadeName}。转移记入单位变更记录和审计日志。</Typography.Paragraph>
      <Form.Item label="转入大队" name="brigadeId" rules={[{ required: true, message: '请选择转入大队' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={brigades
            .filter((brigade) => brigade.id !== unit.brigadeId)
            .map((brigade) => ({ value: brigade.id, label: brigade.name }))}
        />
      </Form.Item>
      <Form.Item label="转移原因" name="reason" required rules={[zodRule(TransferSchema.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
