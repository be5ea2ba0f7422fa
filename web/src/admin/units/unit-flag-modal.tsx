import type { UnitDetail } from '@contracts/units.ts';
import { FlagUnitRequest as FlagSchema } from '@contracts/units.ts';
import { Form, Input, Typography } from 'antd';
import { flagUnit } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { useUnitMutation } from './use-unit-mutation.ts';

type FlagValues = { reason: string };

/** 标记待核实 (suspected 僵尸单位: out of the draw until reviewed) or 取消标记, with a reason. */
export function UnitFlagModal({ unit, onClose, onSaved }: { unit: UnitDetail; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<FlagValues>();
  const flagging = !unit.flagged;
  const action = flagging ? '标记待核实' : '取消标记';

  const flagMutation = useUnitMutation(
    ({ reason }: FlagValues) => flagUnit(unit.id, { flagged: flagging, reason: reason.trim() }),
    { success: flagging ? '已标记为待核实' : '已取消待核实标记', form, onSuccess: onSaved },
  );

  return (
    <FormModal<FlagValues>
      title={`${action}：${unit.name}`}
      name="unitFlagForm"
      form={form}
      okText={action}
      submitting={flagMutation.isPending}
      onSubmit={(values) => flagMutation.mutate(values)}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {flagging
          ? '标记为待核实（疑似僵尸单位）后，单位暂不参与随机抽取，直至核实后取消标记或变更状态。'
          : `当前标记原因：${unit.flagReason ?? '—'}。取消标记后，单位恢复参与抽取（状态正常且地址可用时）。`}
      </Typography.Paragraph>
      <Form.Item label={flagging ? '标记原因' : '核实情况'} name="reason" required rules={[zodRule(FlagSchema.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
