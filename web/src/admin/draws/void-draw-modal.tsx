import type { DrawView } from '@contracts/draws.ts';
import { ReasonRequest } from '@contracts/plans.ts';
import { Alert, Form, Input, Modal } from 'antd';
import { voidDraw } from '../../api/draws.ts';
import { zodRule } from '../../lib/form-rules.ts';
import { useDrawMutation } from './use-draw-mutation.ts';

/** 作废: a reason is required; the draw, its inputs and any result stay visible on the portal, marked 已作废. */
export function VoidDrawModal({ draw, onClose }: { draw: DrawView; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useDrawMutation((reason: string) => voidDraw(draw.id, reason), {
    success: `抽取 ${draw.code} 已作废`,
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={`作废抽取 ${draw.code}？`}
      okText="作废"
      okButtonProps={{ danger: true }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ margin: '16px 0' }}
        title="作废不可撤销。"
        description={`抽取清单、监督人承诺、外部随机数${draw.resultHash ? '和抽取结果' : ''}仍在门户公开，并标明“已作废”及理由；${draw.status === 'frozen' && draw.nextStep === 'execute' ? '输入已齐备，作废时将计算本应产生的抽取结果（不下达任务）并一并公开；' : ''}${draw.tasks.length ? '进行中的任务随之取消；' : ''}再次抽取须重新冻结清单并指定新的外部随机源期号。`}
      />
      <Form
        form={form}
        name="voidDraw"
        layout="vertical"
        onFinish={(v) => mutation.mutate(v.reason.trim())}
        initialValues={{ reason: '' }}
      >
        <Form.Item label="作废理由（将公开）" name="reason" required rules={[zodRule(ReasonRequest.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：抽取清单遗漏新登记单位，经支队批准作废" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
