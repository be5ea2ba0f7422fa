import { SERVICE_METHOD_LABELS, SERVICE_METHODS, type ServiceMethod } from '@contracts/documents.ts';
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { documentKeys, recordService } from '../../api/documents.ts';
import { useState } from 'react';
import { EvidenceFilesInput } from '../../components/evidence-files-input.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';

type Values = {
  method: ServiceMethod;
  servedAt?: Dayjs | null;
  place?: string;
  recipientName?: string;
  recipientRelation?: string;
  refusalReason?: string;
  witness?: string;
  postalTracking?: string;
  electronicAddress?: string;
};

/** 登记送达: method, time, place, recipient; 留置 asks for the refusal and a witness, 邮寄 the tracking number, 电子 the address and consent. */
export function ServiceFormModal({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const method = Form.useWatch('method', form) ?? 'direct';
  const [evidenceFiles, setEvidenceFiles] = useState<string[]>([]);
  const [consentFiles, setConsentFiles] = useState<string[]>([]);
  const mutation = useNotifiedMutation(
    (v: Values) =>
      recordService(documentId, {
        method: v.method,
        ...(v.servedAt ? { servedAt: v.servedAt.toISOString() } : {}),
        place: v.place ?? '',
        recipientName: v.recipientName ?? '',
        recipientRelation: v.recipientRelation ?? '',
        refusalReason: v.refusalReason ?? '',
        witness: v.witness ?? '',
        postalTracking: v.postalTracking ?? '',
        electronicAddress: v.electronicAddress ?? '',
        consentFile: v.method === 'electronic' ? (consentFiles[0] ?? null) : null,
        evidenceFiles,
      }),
    { success: '已登记送达', form, onSuccess: onClose },
    { refresh: () => void client.invalidateQueries({ queryKey: documentKeys.all }) },
  );
  return (
    <FormModal<Values>
      title="登记送达"
      name="documentService"
      form={form}
      okText="登记"
      submitting={mutation.isPending}
      initialValues={{ method: 'direct' }}
      onSubmit={(v) => mutation.mutate(v)}
      onClose={onClose}
    >
      <Form.Item label="送达方式" name="method" rules={[{ required: true }]}>
        <Select<ServiceMethod> options={SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))} />
      </Form.Item>
      <Form.Item label="送达时间" name="servedAt" extra="不填即为现在。">
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="现在" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label="送达地点" name="place">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="受送达人" name="recipientName">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label="与受送达单位关系" name="recipientRelation">
        <Input maxLength={40} placeholder="如：法定代表人、店长" />
      </Form.Item>
      {method === 'left' ? (
        <>
          <Form.Item label="拒收事由" name="refusalReason" rules={[{ required: true, message: '拒收事由：留置送达须写明拒收事由' }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label="见证人" name="witness" rules={[{ required: true, message: '见证人：留置送达须有见证人' }]}>
            <Input maxLength={40} />
          </Form.Item>
        </>
      ) : null}
      {method === 'post' ? (
        <Form.Item label="邮件单号" name="postalTracking" rules={[{ required: true, message: '邮件单号：邮寄送达须填写邮件单号' }]}>
          <Input maxLength={60} />
        </Form.Item>
      ) : null}
      {method === 'electronic' ? (
        <>
          <Form.Item label="电子送达地址" name="electronicAddress" rules={[{ required: true, message: '电子送达地址：电子送达须填写地址' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="同意电子送达确认书" required extra="受送达人书面同意电子送达的确认书（照片或 PDF）。">
            <EvidenceFilesInput onChange={setConsentFiles} max={1} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item label="送达凭证" extra="送达回证、签收照片或邮寄凭证（照片或 PDF），按文件内容的哈希保存，门户不公开。">
        <EvidenceFilesInput onChange={setEvidenceFiles} />
      </Form.Item>
    </FormModal>
  );
}
