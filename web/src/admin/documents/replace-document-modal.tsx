import type { DocumentView } from '@contracts/documents.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { documentKeys, replaceDocument } from '../../api/documents.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';

/** 更正: a new document of the same type with the next number; the hazards keep their correction dates. */
export function ReplaceDocumentModal({ doc, onClose, onReplaced }: { doc: DocumentView; onClose: () => void; onReplaced: (fresh: DocumentView) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const client = useQueryClient();
  const mutation = useNotifiedMutation(
    (v: { reason: string }) => replaceDocument(doc.id, { reason: v.reason }),
    { success: (fresh) => `已开具更正文书 ${fresh.number}`, form, onSuccess: onReplaced },
    { refresh: () => void client.invalidateQueries({ queryKey: documentKeys.all }) },
  );
  return (
    <FormModal<{ reason: string }> title={`更正 ${doc.number}`} name="replaceDocument" form={form} okText="开具更正文书" submitting={mutation.isPending} onSubmit={(v) => mutation.mutate(v)} onClose={onClose}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="更正将以新文号开具一份同类文书，原文书保留并标明「已被更正」；隐患的改正期限不变。" />
      <Form.Item label="更正理由" name="reason" rules={[{ required: true, message: '更正理由：不能为空' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
