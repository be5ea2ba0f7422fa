import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { LiftAvailabilityRequest } from '@contracts/inspectors.ts';
import { zodRule } from '../../lib/form-rules.ts';

type ReasonValues = { reason: string };

/** What the reason changed belongs to the caller's feature (plans, draws, inspectors …): its `onSaved` refreshes it. */
const REFRESHED_BY_CALLER = { refresh: () => undefined };

/** A confirmation that needs a reason for the record (解除、撤销 …): one text field, then `submit(reason)`. */
export function ReasonModal({
  title,
  name,
  label = '原因',
  okText,
  successText,
  children,
  submit,
  onClose,
  onSaved,
}: {
  title: string;
  /** Form name (prefixes field ids). */
  name: string;
  label?: string;
  okText: string;
  successText: string;
  children?: ReactNode;
  submit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ReasonValues>();
  const mutation = useNotifiedMutation(
    ({ reason }: ReasonValues) => submit(reason.trim()),
    { success: successText, form, onSuccess: onSaved },
    REFRESHED_BY_CALLER,
  );
  return (
    <FormModal<ReasonValues>
      title={title}
      name={name}
      form={form}
      okText={okText}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
    >
      {children}
      <Form.Item label={label} name="reason" required rules={[zodRule(LiftAvailabilityRequest.shape.reason)]}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
