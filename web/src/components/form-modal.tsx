import type { FormInstance } from 'antd';
import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';

type FormModalProps<Values extends object> = {
  title: string;
  /** Form name; also prefixes the field ids, so labels stay unique on the page. */
  name: string;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  submitting: boolean;
  okText?: string;
  /** Modal width (antd default 520). */
  width?: number;
  onSubmit: (values: Values) => void;
  onClose: () => void;
  children: ReactNode;
};

/** A modal holding one vertical form; OK submits the form (after client-side validation). */
export function FormModal<Values extends object>({
  title,
  name,
  form,
  initialValues,
  submitting,
  okText = '保存',
  width,
  onSubmit,
  onClose,
  children,
}: FormModalProps<Values>) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      width={width}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onSubmit}
        requiredMark
        style={{ marginTop: 16 }}
      >
        {children}
      </Form>
    </Modal>
  );
}
