import type { ChangeUnitStatusRequest, UnitDetail } from '@contracts/units.ts';
import { ChangeUnitStatusRequest as ChangeStatusSchema } from '@contracts/units.ts';
import { Alert, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { bulkChangeUnitStatus, changeUnitStatus } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { zodRule } from '../../lib/form-rules.ts';
import { UNIT_STATUS_OPTIONS } from '../../lib/registry-labels.ts';
import { useUnitMutation } from './use-unit-mutation.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';

type StatusValues = { status: ChangeUnitStatusRequest['status']; effectiveOn: Dayjs; reason: string };

type UnitStatusModalProps = { onClose: () => void; onSaved: () => void } & (
  { unit: UnitDetail; unitIds?: undefined } | { unit?: undefined; unitIds: string[] }
);

/**
 * 变更状态 of one unit (POST /api/units/:id/status) or of the selected units (POST /api/units/bulk-status).
 * A unit leaves the drawable pool only this way: a dated status with a reason, never a deletion.
 */
export function UnitStatusModal({ unit, unitIds, onClose, onSaved }: UnitStatusModalProps) {
  const [form] = Form.useForm<StatusValues>();
  const status = Form.useWatch('status', form);

  const statusMutation = useUnitMutation(
    async ({ status: next, effectiveOn, reason }: StatusValues) => {
      const body = { status: next, reason: reason.trim(), effectiveOn: effectiveOn.format('YYYY-MM-DD') };
      if (unit) {
        await changeUnitStatus(unit.id, body);
        return 1;
      }
      return (await bulkChangeUnitStatus({ ...body, unitIds })).updated;
    },
    { success: (updated) => (unit ? '状态已变更' : `已变更 ${updated} 家单位的状态`), form, onSuccess: onSaved },
  );

  return (
    <FormModal<StatusValues>
      title={unit ? `变更状态：${unit.name}` : '批量变更状态'}
      name={unit ? 'unitStatusForm' : 'bulkStatusForm'}
      form={form}
      okText="确认变更"
      initialValues={{
        status: unit ? (unit.status as StatusValues['status']) : undefined,
        effectiveOn: todayInChinaDayjs(),
      }}
      submitting={statusMutation.isPending}
      onSubmit={(values) => statusMutation.mutate(values)}
      onClose={onClose}
    >
      <Typography.Paragraph>{unit ? `当前状态：${unit.statusLabel}` : `已选择 ${unitIds.length} 家单位。`}</Typography.Paragraph>
      <Form.Item label="新状态" name="status" rules={[{ required: true, message: '请选择新状态' }]}>
        <Select options={UNIT_STATUS_OPTIONS} />
      </Form.Item>
      {status && status !== 'active' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="自生效日期起，单位将不再参与随机抽取。" />
      ) : null}
      <Form.Item label="生效日期" name="effectiveOn" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DatePicker allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="变更原因" name="reason" required rules={[zodRule(ChangeStatusSchema.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
